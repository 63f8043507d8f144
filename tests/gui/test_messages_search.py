"""Messages search finds people and numbers, counts for real and pages (issue #15.6).

Against the sandbox over real HTTP: the demo phonebook has Grace Okafor at
(339) 555-0128, who has written to the business.
"""

from __future__ import annotations

from typing import Any

from pytestqt.qtbot import QtBot

from app.ui.tabs.messages.search_panel import CONVERSATION_ROLE
from app.ui.tabs.messages.tab import MessagesTab
from tests.gui.test_messages_tab import _did, dialogs, tab

__all__ = ["dialogs", "tab"]  # fixtures shared with the Messages tab tests

OKAFOR = "3395550128"


def _search(tab: MessagesTab, qtbot: QtBot, text: str) -> None:
    tab.search.field.setText(text)
    qtbot.waitUntil(lambda: tab.search.shown is not None and tab.search.shown.query == text,
                    timeout=5000)


def _contacts(tab: MessagesTab) -> list[str]:
    return [row.data(CONVERSATION_ROLE).contact for row in tab.search.conversation_rows()]


def test_a_name_or_a_number_in_any_format_finds_the_conversation(
    tab: MessagesTab, qtbot: QtBot
) -> None:
    for text in ("Okafor", "okaf", "339", "(339) 555-0128", "3395550128", "+1 339-555-0128",
                 "339.555.0128", "1 339 555 0128"):
        _search(tab, qtbot, text)
        assert OKAFOR in _contacts(tab), text
    _search(tab, qtbot, "Okafor")
    assert _contacts(tab) == [OKAFOR]
    assert tab.search.status.text() == "1 conversation"  # no message mentions the name
    # When it last spoke, with a year only for another year (as every list writes it).
    from datetime import datetime

    from PySide6.QtWidgets import QLabel

    from app.ui import dates

    row = tab.search.conversation_rows()[0]
    label = tab.search.results.itemWidget(row)
    assert isinstance(label, QLabel)
    day = row.data(CONVERSATION_ROLE).last_date.astimezone().date()
    expected = (dates.day_month(day) if day.year == datetime.now().year
                else dates.day_month_year(day))
    assert f"last {expected}<" in label.text(), label.text()


def test_opening_a_found_conversation(tab: MessagesTab, qtbot: QtBot) -> None:
    _search(tab, qtbot, "(339) 555-0128")
    row = next(r for r in tab.search.conversation_rows()
               if r.data(CONVERSATION_ROLE).contact == OKAFOR)
    with qtbot.waitSignal(tab.conversation_opened, timeout=5000):
        tab.search.results.itemActivated.emit(row)
    assert tab.pane.model.message_count() > 0
    assert {m.contact for m in tab.pane.model.messages()} == {OKAFOR}


def test_the_real_count_is_shown_and_results_page(
    tab: MessagesTab, sandbox: Any, qtbot: QtBot, arun: Any
) -> None:
    did = _did(sandbox)
    for i in range(130):
        sandbox.state.deliver_sms(did, "4155550199", f"Zanzibar delivery slot {i}")
    arun(tab.refresh())
    _search(tab, qtbot, "zanzibar")
    # Today's search stopped at 100 without a word.
    assert tab.search.status.text() == "130 messages"
    assert len(tab.search.hit_rows()) == 100
    more = tab.search.more_row()
    assert more is not None and more.text() == "Show 30 more (100 of 130 messages shown)"
    tab.search.results.itemActivated.emit(more)
    tab.search.results.itemActivated.emit(more)  # a double click asks once
    qtbot.waitUntil(lambda: len(tab.search.hit_rows()) == 130, timeout=5000)
    assert tab.search.more_row() is None
    arun(tab.service.search_everything("zanzibar"))  # the store's queue has drained
    ids = [row.data(0x0100 + 20).stored.message.id for row in tab.search.hit_rows()]
    assert len(ids) == len(set(ids)) == 130  # no message twice across pages


def test_nothing_found_says_so_and_clearing_brings_the_list_back(
    tab: MessagesTab, qtbot: QtBot
) -> None:
    _search(tab, qtbot, "no-such-word-anywhere")
    assert tab.search.status.text() == "Nothing found for “no-such-word-anywhere”."
    tab.search.field.clear()
    qtbot.waitUntil(lambda: tab.search.shown is None and not tab.search.results.isVisible(),
                    timeout=5000)
    assert tab.list_view.isVisible()


def test_found_rows_fit_their_text_at_any_width_and_dates_read_as_in_the_lists(
    tab: MessagesTab, sandbox: Any, qtbot: QtBot, arun: Any
) -> None:
    """Rows were sized for the list's width before it was shown (a one-line text
    got a two-line row, gaps between results) and never again when the window was
    resized (a line cut off); and every date carried its year ("Dec 4, 2026")."""
    from PySide6.QtWidgets import QLabel

    did = _did(sandbox)
    sandbox.state.deliver_sms(did, "4155550177", "Quokka croissants for the café? 🥐 " * 3)
    sandbox.state.deliver_sms(did, "4155550177", "Quokka")
    arun(tab.refresh())
    tab.resize(1000, 700)
    _search(tab, qtbot, "quokka")

    def fitted() -> bool:
        width = tab.search.results.viewport().width()
        for item in tab.search.hit_rows():
            label = tab.search.results.itemWidget(item)
            assert isinstance(label, QLabel)
            if item.sizeHint().height() != label.heightForWidth(width) + 6:
                return False
        return True

    qtbot.waitUntil(fitted, timeout=5000)
    heights = sorted(item.sizeHint().height() for item in tab.search.hit_rows())
    assert heights[0] < heights[-1]  # the long text wraps, the short one does not
    tab.resize(420, 700)
    qtbot.waitUntil(fitted, timeout=5000)
    label = tab.search.results.itemWidget(tab.search.hit_rows()[0])
    assert isinstance(label, QLabel) and "Today " in label.text()
