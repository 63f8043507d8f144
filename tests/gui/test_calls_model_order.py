"""The calls list stays newest first when a sync changes a shown call's time
(``CallTableModel.show_rows``; ``KeyedRowsModel.reorder``)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QPersistentModelIndex

from app.domain.models.calls import CallRecord, CallRow, Outcome
from app.ui.tabs.calls.model import CallTableModel


def _row(call_id: str, hour: int) -> CallRow:
    return CallRow(CallRecord(
        id=call_id, date=datetime(2026, 12, 5, hour, tzinfo=UTC), inbound=True,
        number="6175550142", caller_name="", did="6175550100", account="front",
        outcome=Outcome.ANSWERED, seconds=60, cost=Decimal("0.01"),
    ))


def _newest_first(rows: list[CallRow]) -> list[CallRow]:
    return sorted(rows, key=lambda r: r.call.date or datetime.min, reverse=True)


def _ids(model: CallTableModel) -> list[str]:
    return [row.call.id for row in model.rows()]


def test_a_call_whose_time_changed_moves_where_it_belongs(
    qapp: Any, qtmodeltester: Any
) -> None:
    model = CallTableModel()
    rows = [_row("a", 9), _row("b", 8), _row("c", 7)]
    model.show_rows(rows)
    assert _ids(model) == ["a", "b", "c"]
    selected = QPersistentModelIndex(model.index(2, 0))  # "c", as the selection holds it
    # "c" turns out later than "a" (its time corrected), and a new call "d" comes in.
    moved = replace(rows[2], call=replace(rows[2].call, date=datetime(2026, 12, 5, 10, tzinfo=UTC)))
    model.show_rows(_newest_first([rows[0], rows[1], moved, _row("d", 8)]))
    assert _ids(model) in (["c", "a", "b", "d"], ["c", "a", "d", "b"])
    dates = [row.call.date for row in model.rows()]
    assert dates == sorted(dates, reverse=True)
    assert selected.row() == 0  # the selection followed its call
    qtmodeltester.check(model)


def test_a_phone_is_named_by_its_description_else_its_id_and_the_main_account_as_such(
    qapp: object,
) -> None:
    from app.ui.tabs.calls.model import phone_label

    assert phone_label("284561_frontdesk", "Front desk phone") == "Front desk phone"
    assert phone_label("284561_frontdesk") == "frontdesk"  # phones not synced yet
    assert phone_label("284561") == "Main account"
    assert phone_label("") == ""
