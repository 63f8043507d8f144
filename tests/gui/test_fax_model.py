"""The fax table model: Qt's model checks, incremental updates, display texts."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from PySide6.QtCore import Qt

from app.domain.models.fax import FaxMessage
from app.ui.tabs.fax.message_model import (
    FAX_ROLE,
    Column,
    FaxTableModel,
    format_date,
    sender_text,
    status_text,
)

NOW = datetime(2026, 3, 28, 15, 0, tzinfo=UTC)


def fax(id_: int, **changes: Any) -> FaxMessage:
    base = FaxMessage(
        id=id_, folder="INBOX", date=NOW - timedelta(hours=id_), callerid="8005550111",
        stationid="NORTHSIDE FLOUR", destination="6175550133", description="INBOUND FAX",
        pages=2, duration_seconds=76, status="SUCCESS",
    )
    return replace(base, **changes)


def test_model_passes_qt_checks_through_updates(qtmodeltester: Any) -> None:
    model = FaxTableModel(lambda f: f.id == 2)
    model.apply([fax(i) for i in range(1, 8)])
    # The tester stays connected: it also checks every update below.
    qtmodeltester.check(model, force_py=True)
    inserted: list[tuple[int, int]] = []
    removed: list[tuple[int, int]] = []
    changed: list[int] = []
    model.rowsInserted.connect(lambda _p, a, b: inserted.append((a, b)))
    model.rowsRemoved.connect(lambda _p, a, b: removed.append((a, b)))
    model.dataChanged.connect(lambda a, _b, _r=(): changed.append(a.row()))
    model.modelReset.connect(lambda: inserted.append((-1, -1)))
    rows = [fax(i) for i in range(1, 8) if i not in (3, 4, 6)]
    rows[0] = fax(1, folder="INBOX", status="FAILED")
    rows.append(fax(9))
    model.apply(rows)
    assert removed == [(5, 5), (2, 3)]  # bottom block first, no reset
    assert changed == [0]
    assert inserted == [(4, 4)]
    assert [f.id for f in model.faxes] == [1, 2, 5, 7, 9]
    assert model.row_of(9) == 4 and model.row_of(3) == -1
    model.apply([])
    assert model.rowCount() == 0


def test_display_texts_and_roles(qapp: Any) -> None:
    model = FaxTableModel(lambda f: f.id == 1, clock=lambda: NOW)
    model.apply([fax(1), fax(2, status="FAILED", message="No answer from remote fax machine")])
    index = model.index(0, Column.FROM)
    assert model.data(index) == "NORTHSIDE FLOUR · (800) 555-0111"
    assert model.data(index, Qt.ItemDataRole.FontRole).bold()
    assert model.data(model.index(1, Column.FROM), Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(0, Column.TO)) == "(617) 555-0133"
    assert model.data(model.index(0, Column.DURATION)) == "1:16"
    assert model.data(model.index(1, Column.STATUS)) == (
        "Failed: No answer from remote fax machine"
    )
    assert model.data(model.index(1, Column.STATUS), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(0, 0), FAX_ROLE) == fax(1)
    assert "2 pages, 1:16" in model.data(index, Qt.ItemDataRole.ToolTipRole)


def test_senders_and_recipients_carry_the_phonebook_name_as_in_the_other_tabs(
    qapp: object,
) -> None:
    """Calls, Messages and Voicemail say "Northside Flour Co."; the fax list said
    what the sender's machine calls itself ("NORTHSIDE FLOUR")."""
    model = FaxTableModel(lambda f: False)
    model.apply([fax(1), fax(2, stationid="", callerid="+1 418-555-0124")])
    model.set_names({"8005550111": "Northside Flour Co.", "6175550133": "Back office"})
    assert model.data(model.index(0, Column.FROM)) == "Northside Flour Co. · (800) 555-0111"
    assert model.data(model.index(0, Column.TO)) == "Back office · (617) 555-0133"
    assert model.data(model.index(1, Column.FROM)) == "(418) 555-0124"  # not in the book
    assert "From: Northside Flour Co." in model.data(model.index(0, Column.FROM),
                                                     Qt.ItemDataRole.ToolTipRole)


def test_format_helpers() -> None:
    assert format_date(None, NOW) == "Unknown date"
    assert format_date(NOW - timedelta(days=400), NOW).endswith(
        (NOW - timedelta(days=400)).astimezone().strftime("%H:%M")
    )
    assert ", 2025" in format_date(NOW - timedelta(days=400), NOW)
    assert sender_text(fax(1, stationid="8005550111")) == "(800) 555-0111"
    assert sender_text(fax(1, callerid="", stationid="")) == "Unknown"
    assert status_text(fax(1, status="")) == "Unknown"
