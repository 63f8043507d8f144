"""The strip of unconfirmed sends stays a strip: a day offline can leave ten of
them, and they must not push the conversation or the fax list off the window."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.domain.models.sends import JournalEntry, SendKind, SendState
from app.ui.widgets.pending_sends import MAX_ROWS_SHOWN, PendingSends

NOW = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)


def _entry(number: int, state: SendState = SendState.UNKNOWN) -> JournalEntry:
    text = f"Order n°{number}: 2 croissants 🥐"
    return JournalEntry(number, SendKind.SMS, state, "6175550100", "6175550142", text, (),
                        (text,), 0, NOW, NOW, error="Not confirmed")


def test_the_strip_grows_to_a_few_lines_then_scrolls(qapp: Any, qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    strip = PendingSends(window)
    column.addWidget(strip)
    column.addStretch(1)  # the conversation would be here
    window.resize(700, 600)
    window.show()
    assert not strip.isVisible()  # nothing pending: no strip

    strip.apply(_entry(1))
    assert strip.isVisible()
    qapp.processEvents()
    one_line = strip.rows_area.height()
    assert one_line > 0

    strip.set_entries([_entry(n) for n in range(1, 11)])
    qapp.processEvents()
    assert len(strip.rows) == 10
    rows = list(strip.rows.values())[:MAX_ROWS_SHOWN]
    qtbot.waitUntil(lambda: one_line < strip.rows_area.height()
                    <= sum(r.height() + 4 for r in rows) + 4)
    bar = strip.rows_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)  # the rest scrolls into view
    strip.rows_area.ensureWidgetVisible(strip.rows[10])
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2000)

    strip.set_entries([_entry(2)])
    qtbot.waitUntil(lambda: strip.rows_area.height() == one_line)
    strip.set_entries([])
    assert not strip.isVisible()
