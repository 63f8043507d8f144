"""The message table model: incremental updates, display, sorting keys, Qt's model tester."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt

from app.domain.models.voicemail import VoicemailMessage
from app.ui.tabs.voicemail.message_model import (
    MESSAGE_ROLE,
    SORT_ROLE,
    Column,
    MessageTableModel,
    format_length,
    format_received,
)

NOW = datetime(2026, 3, 10, 15, 0, tzinfo=UTC)


def _msg(
    num: int, *, listened: bool = False, urgent: bool = False, hours: float = 0
) -> VoicemailMessage:
    return VoicemailMessage(
        mailbox="1001",
        folder="INBOX",
        message_num=num,
        date=NOW - timedelta(hours=hours),
        caller_name=f"Caller {num}",
        caller_number=f"617555{num:04d}",
        duration_seconds=60 + num,
        urgent=urgent,
        listened=listened,
    )


def _model() -> MessageTableModel:
    return MessageTableModel(
        lambda m: m.caller_name, tz=ZoneInfo("America/Chicago"), now=lambda: NOW
    )


def test_format_received_in_the_users_zone() -> None:
    chicago = ZoneInfo("America/Chicago")
    assert format_received(NOW, chicago, NOW) == "Today 10:00"  # 15:00 UTC is 10:00 CDT
    assert format_received(NOW - timedelta(days=1), chicago, NOW) == "Yesterday 10:00"
    assert format_received(NOW - timedelta(days=9), chicago, NOW) == "Mar 1 09:00"  # CST then
    assert format_received(datetime(2025, 12, 24, 18, 0, tzinfo=UTC), chicago, NOW) == (
        "Dec 24, 2025 12:00"
    )
    assert format_received(None, chicago, NOW) == "Unknown date"
    assert format_length(65) == "1:05"


def test_display_bold_and_sort_roles(qapp: Any) -> None:
    model = _model()
    model.replace_all([_msg(1), _msg(2, listened=True, urgent=True, hours=30)])
    assert model.index(0, Column.CALLER).data() == "Caller 1"
    assert model.index(0, Column.NUMBER).data() == "(617) 555-0001"
    assert model.index(0, Column.RECEIVED).data() == "Today 10:00"
    assert model.index(0, Column.LENGTH).data() == "1:01"
    assert model.index(0, Column.STATUS).data() == "New"
    assert model.index(0, Column.CALLER).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, Column.CALLER).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(1, Column.URGENT).data() == "Urgent"
    assert model.index(1, Column.STATUS).data() == "Heard"
    assert model.index(0, Column.RECEIVED).data(SORT_ROLE) > model.index(1, Column.RECEIVED).data(
        SORT_ROLE
    )
    assert model.index(1, 0).data(MESSAGE_ROLE) == _msg(2, listened=True, urgent=True, hours=30)
    assert "urgent, heard" in model.index(1, 0).data(Qt.ItemDataRole.ToolTipRole)


def test_apply_is_incremental(qapp: Any) -> None:
    model = _model()
    rows = [_msg(n) for n in range(1, 7)]
    model.replace_all(rows)
    events: list[tuple[str, int, int]] = []
    model.rowsRemoved.connect(lambda _p, a, b: events.append(("removed", a, b)))
    model.rowsInserted.connect(lambda _p, a, b: events.append(("inserted", a, b)))
    model.dataChanged.connect(lambda a, b: events.append(("changed", a.row(), b.row())))
    model.modelReset.connect(lambda: events.append(("reset", -1, -1)))
    wanted = [rows[0], replace(rows[1], listened=True), rows[4], rows[5], _msg(9)]
    model.apply(wanted)
    assert events == [("removed", 2, 3), ("changed", 1, 1), ("inserted", 4, 4)]
    assert [m.message_num for m in model.messages()] == [1, 2, 5, 6, 9]
    assert model.messages()[1].listened
    events.clear()
    model.apply(wanted)
    assert events == []  # nothing changed, nothing signalled


def test_model_tester(qtmodeltester: Any) -> None:
    model = _model()
    model.replace_all([_msg(n, listened=n % 2 == 0, urgent=n == 3) for n in range(1, 8)])
    qtmodeltester.check(model)
    model.apply([_msg(2), _msg(5), _msg(11)])
    qtmodeltester.check(model)


def test_every_list_writes_yesterday_the_same_way() -> None:
    """Issue #15.14: Voicemail, Calls and Fax use one date wording."""
    from app.ui.dates import list_date
    from app.ui.tabs.fax.message_model import format_date

    yesterday = NOW - timedelta(days=1)
    assert list_date(yesterday, NOW).startswith("Yesterday ")
    assert format_date(yesterday, NOW) == list_date(yesterday, NOW)
    assert format_received(yesterday, None, NOW) == list_date(yesterday, NOW)
