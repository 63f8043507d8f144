"""The Calls tab against the sandbox: history, missed-call inbox, filters, actions.

Dialogs and desktop hand-offs are scripted (``ScriptedCallDialogs``);
confirmations and errors are recorded by ``user_messages``. ``no_qt_log``: the
recording test loads QtMultimedia (see test_voicemail_player.py).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.ui.tabs.calls import create_tab
from app.ui.tabs.calls.dialogs import CallDialogs
from app.ui.tabs.calls.model import Column
from app.ui.tabs.calls.view import CallsTab

pytestmark = pytest.mark.no_qt_log


class ScriptedCallDialogs(CallDialogs):
    def __init__(self) -> None:
        self.urls: list[str] = []
        self.copied: list[str] = []
        self.text: str | None = None
        self.save_to: Path | None = None
        self.confirm_answer = True
        self.questions: list[str] = []

    async def confirm(self, parent: QWidget | None, text: str, yes_text: str) -> bool:
        self.questions.append(text)
        return self.confirm_answer

    async def ask_text(self, parent: QWidget | None, title: str, label: str,
                       default: str = "") -> str | None:
        self.questions.append(f"{label} [{default}]")
        return self.text

    async def save_path(self, parent: QWidget | None, title: str, suggested: Path,
                        name_filter: str, suffix: str) -> Path | None:
        return self.save_to

    def open_url(self, url: str) -> bool:
        self.urls.append(url)
        return True

    def copy_text(self, text: str) -> None:
        self.copied.append(text)


@pytest.fixture
def dialogs() -> ScriptedCallDialogs:
    return ScriptedCallDialogs()


@pytest.fixture
def calls_tab(app_context: Any, dialogs: ScriptedCallDialogs, qtbot: QtBot,
              arun: Any) -> Iterator[CallsTab]:
    tab = create_tab(app_context)
    assert isinstance(tab, CallsTab)
    tab.dialogs = dialogs
    qtbot.addWidget(tab)
    tab.resize(900, 600)
    tab.show()
    tab.load_cached()
    arun(tab.refresh())
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5_000)
    yield tab
    tab.shutdown()


def row_index(tab: CallsTab, predicate: Any) -> int:
    return next(i for i, r in enumerate(tab.model.rows()) if predicate(r))


def test_history_newest_first_with_totals_and_badge(
    calls_tab: CallsTab, qtbot: QtBot, arun: Any
) -> None:
    # The rows can show (the sync's change set) a moment before the totals read ends.
    qtbot.waitUntil(lambda: calls_tab.totals_label.text().startswith(
        f"{calls_tab.model.rowCount()} calls"), timeout=5_000)
    rows = calls_tab.model.rows()
    dates = [r.call.date for r in rows]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    unseen = arun(calls_tab.service.unseen_count())
    assert unseen > 0
    first = calls_tab.model.rows()[0]
    assert calls_tab.model.text(first, Column.NAME)  # never blank: name or number


def test_offline_start_shows_cached_history(
    calls_tab: CallsTab, app_context: Any, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    count = calls_tab.model.rowCount()
    sandbox.state.api_enabled = False
    second = CallsTab(app_context, app_context.calls, parent=None)
    qtbot.addWidget(second)
    badges: list[int] = []
    second.badge_changed.connect(badges.append)
    second.load_cached()
    qtbot.waitUntil(lambda: second.model.rowCount() == count, timeout=5_000)
    assert badges and badges[0] > 0
    second.shutdown()


def test_new_missed_call_arrives_badge_and_selecting_marks_seen(
    calls_tab: CallsTab, qtbot: QtBot, sandbox: SandboxServer, arun: Any, app_context: Any
) -> None:
    badges: list[int] = []
    calls_tab.badge_changed.connect(badges.append)
    before = arun(calls_tab.service.unseen_count())
    uid = sandbox.state.deliver_call("6175550142", "6175550100")
    assert arun(calls_tab.poller.check())
    qtbot.waitUntil(lambda: calls_tab.model.row_of(uid) == 0, timeout=5_000)
    assert badges[-1] == before + 1
    expected = ("Missed call", "From Dana Whitfield ((617) 555-0142)")
    assert app_context.notifier.history[-1] == expected
    row = calls_tab.model.rows()[0]
    assert row.unseen_missed and calls_tab.model.text(row, Column.NAME) == "Dana Whitfield"
    calls_tab.table.selectRow(0)
    qtbot.waitUntil(lambda: badges[-1] == before, timeout=5_000)
    assert not calls_tab.model.rows()[0].unseen_missed
    calls_tab.seen_button.click()
    qtbot.waitUntil(lambda: badges[-1] == 0, timeout=5_000)


def test_filters_and_search(calls_tab: CallsTab, qtbot: QtBot) -> None:
    total = calls_tab.model.rowCount()
    calls_tab.outcome.setCurrentIndex(calls_tab.outcome.findData("missed"))
    qtbot.waitUntil(lambda: 0 < calls_tab.model.rowCount() < total, timeout=5_000)
    assert all(r.call.missed for r in calls_tab.model.rows())
    calls_tab.outcome.setCurrentIndex(0)
    calls_tab.period.setCurrentIndex(calls_tab.period.findData(90))
    qtbot.waitUntil(lambda: calls_tab.model.rowCount() >= total, timeout=5_000)
    calls_tab.search.setText("555-0142")
    qtbot.waitUntil(lambda: calls_tab.model.rowCount() > 0 and all(
        r.call.number == "6175550142" for r in calls_tab.model.rows()), timeout=5_000)
    assert calls_tab.totals_label.text().startswith(f"{calls_tab.model.rowCount()} call")
    calls_tab.search.setText("no such caller at all")
    qtbot.waitUntil(lambda: calls_tab.model.rowCount() == 0, timeout=5_000)
    assert calls_tab.empty_label.isVisible() and not calls_tab.export_button.isEnabled()


def test_phones_are_named_as_the_phones_tab_names_them(
    calls_tab: CallsTab, qtbot: QtBot, app_context: Any, arun: Any
) -> None:
    """The phone filter listed raw account ids ("284561_frontdesk"), the table said
    "frontdesk" and the Phones tab "Front desk phone"; a call rung on the main
    account showed a bare "284561". Before the phones are known, the id's suffix."""
    combo = calls_tab.phone_filter

    def choices() -> dict[str, str]:
        return {combo.itemData(i): combo.itemText(i) for i in range(1, combo.count())}

    phones = arun(app_context.phones.refresh()).upserted
    arun(calls_tab.read_cache())  # names are read with the page and the filter's choices
    named = {p.account: p.description for p in phones if not p.is_main and p.description}
    assert named and any(account in named for account in choices())
    for account, label in choices().items():
        if "_" not in account:
            assert label == "Main account"
        else:
            assert label == (named.get(account) or account.split("_", 1)[1])
    assert combo.itemText(1) == "Main account"
    main = next(account for account in choices() if "_" not in account)
    combo.setCurrentIndex(combo.findData(main))
    qtbot.waitUntil(lambda: calls_tab.model.rowCount() > 0 and all(
        r.call.account == main for r in calls_tab.model.rows()), timeout=5_000)
    assert calls_tab.model.text(calls_tab.model.rows()[0], Column.PHONE) == "Main account"
    combo.setCurrentIndex(combo.findData(next(iter(named))))
    qtbot.waitUntil(lambda: calls_tab.model.rowCount() > 0 and all(
        r.call.account == next(iter(named)) for r in calls_tab.model.rows()), timeout=5_000)
    assert calls_tab.model.text(calls_tab.model.rows()[0], Column.PHONE) == \
        named[next(iter(named))]
    # The column shows the names whole (it was sized for "frontdesk")...
    table, metrics = calls_tab.table, calls_tab.table.fontMetrics()
    longest = max(named.values(), key=metrics.horizontalAdvance)
    assert table.columnWidth(Column.PHONE) >= metrics.horizontalAdvance(longest)
    # ...and a width the user chose stays.
    table.setColumnWidth(Column.PHONE, 40)
    arun(calls_tab.read_cache())
    assert table.columnWidth(Column.PHONE) == 40


def test_call_back_copy_and_add_to_contacts(
    calls_tab: CallsTab, dialogs: ScriptedCallDialogs, qtbot: QtBot, sandbox: SandboxServer,
    app_context: Any
) -> None:
    index = row_index(calls_tab, lambda r: not r.contact and r.call.caller_name)
    row = calls_tab.model.rows()[index]
    calls_tab.table.selectRow(index)
    calls_tab.call_button.click()
    assert dialogs.urls == [f"tel:+1{row.call.number}"]
    app_context.settings.call_link_scheme = "sip"
    calls_tab.call_button.click()
    assert dialogs.urls[-1] == f"sip:1{row.call.number}"
    calls_tab.copy_button.click()
    assert dialogs.copied[-1].replace(" ", "").replace("(", "").replace(")", "").replace(
        "-", "") == row.call.number
    dialogs.text = "Pat Baker"
    calls_tab.contact_button.click()
    qtbot.waitUntil(lambda: calls_tab.model.rows()[index].contact == "Pat Baker",
                    timeout=5_000)
    assert row.call.caller_name.title() in dialogs.questions[-1]
    assert any(e["name"] == "Pat Baker" for e in sandbox.state.phonebook)


def test_text_back_opens_the_conversation_in_messages(
    main_window: Any, qtbot: QtBot, arun: Any
) -> None:
    main_window.show_tab("calls")
    tab = main_window.tabs["calls"]
    arun(tab.refresh())
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5_000)
    index = row_index(tab, lambda r: r.call.did == "6175550100" and r.call.number)
    number = tab.model.rows()[index].call.number
    tab.table.selectRow(index)
    messages = main_window.tabs.get("messages") or main_window._materialize("messages")
    with qtbot.waitSignal(messages.conversation_opened, timeout=10_000) as opened:
        tab.text_button.click()
    assert opened.args == ["6175550100", number]
    assert main_window.current_key() == "messages"


def test_export_csv(calls_tab: CallsTab, dialogs: ScriptedCallDialogs, qtbot: QtBot,
                    tmp_path: Path) -> None:
    dialogs.save_to = tmp_path / "calls.csv"
    calls_tab.export_button.click()
    qtbot.waitUntil(dialogs.save_to.exists, timeout=5_000)
    with dialogs.save_to.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "Date" and len(rows) - 1 == int(
        calls_tab.totals_label.text().split()[0].replace(",", ""))


def test_recording_play_save_and_delete(
    calls_tab: CallsTab, dialogs: ScriptedCallDialogs, qtbot: QtBot, sandbox: SandboxServer,
    tmp_path: Path, user_messages: Any
) -> None:
    index = row_index(calls_tab, lambda r: r.recording is not None)
    row = calls_tab.model.rows()[index]
    assert calls_tab.model.text(row, Column.RECORDING)
    calls_tab.table.selectRow(index)
    assert calls_tab.play_button.isEnabled()
    calls_tab.play_button.click()
    qtbot.waitUntil(lambda: calls_tab._player is not None
                    and calls_tab._player.source is not None, timeout=10_000)
    dialogs.save_to = tmp_path / "rec.mp3"
    calls_tab.save_button.click()
    qtbot.waitUntil(dialogs.save_to.exists, timeout=5_000)
    dialogs.confirm_answer = False
    calls_tab.delete_button.click()
    qtbot.waitUntil(lambda: len(dialogs.questions) == 1, timeout=5_000)
    assert len(sandbox.state.call_recordings) == 6
    dialogs.confirm_answer = True
    calls_tab.delete_button.click()
    qtbot.waitUntil(lambda: calls_tab.model.rows()[index].recording is None, timeout=5_000)
    assert len(sandbox.state.call_recordings) == 5
    assert not calls_tab.play_button.isEnabled()
    assert user_messages.texts == []


def test_a_bulk_change_reads_the_page_again_instead_of_merging_every_row(
    calls_tab: CallsTab, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first sync of a big account announces tens of thousands of rows: merging them
    on the GUI thread froze the window (~450 ms for 100k calls, issue #18's bench)."""
    from app.services.calls.changes import CallChanges
    from app.ui.tabs.calls import view

    rows = calls_tab.model.rows()
    monkeypatch.setattr(view, "BULK_CHANGE_ROWS", len(rows) - 1)
    pages: list[object] = []
    original = calls_tab.service.page

    async def counted_page(*args: Any, **kwargs: Any) -> Any:
        pages.append(args)
        return await original(*args, **kwargs)

    monkeypatch.setattr(calls_tab.service, "page", counted_page)
    shown_before = calls_tab.model.rows()
    calls_tab.apply_changes(CallChanges(upserted=tuple(rows)))
    assert calls_tab.model.rows() == shown_before  # nothing merged on this thread
    qtbot.waitUntil(lambda: bool(pages), timeout=5_000)  # the page is read again
    qtbot.waitUntil(lambda: calls_tab.model.rowCount() == len(shown_before), timeout=5_000)


def test_email_a_recording_offers_the_mailbox_address_and_remembers_the_typed_one(
    main_window: Any, dialogs: ScriptedCallDialogs, qtbot: QtBot, sandbox: SandboxServer,
    arun: Any, user_messages: Any
) -> None:
    voicemail = main_window.tabs.get("voicemail") or main_window._materialize("voicemail")
    arun(voicemail.refresh())  # caches the mailboxes (their e-mail address)
    main_window.show_tab("calls")
    tab = main_window.tabs["calls"]
    tab.dialogs = dialogs
    arun(tab.refresh())
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5_000)
    index = row_index(tab, lambda r: r.recording is not None)
    tab.table.selectRow(index)
    assert tab.email_button.isEnabled()
    statuses: list[str] = []
    tab.status_message.connect(statuses.append)
    dialogs.text = "owner@example.com"
    tab.email_button.click()
    qtbot.waitUntil(lambda: bool(statuses), timeout=5_000)
    assert "frontdesk@maplestreetbakery.example" in dialogs.questions[0]
    assert statuses == ["The recording is on its way to owner@example.com."]
    recording = tab.model.rows()[index].recording
    assert sandbox.state.emails_sent[-1] == {
        "kind": "callrecording", "to": "owner@example.com", "id": recording.id}
    tab.email_button.click()  # the next one offers the address just used
    qtbot.waitUntil(lambda: len(dialogs.questions) == 2, timeout=5_000)
    assert dialogs.questions[1].endswith("[owner@example.com]")
    qtbot.waitUntil(lambda: len(statuses) == 2 and tab.email_button.isEnabled(), timeout=5_000)
    dialogs.text = "not an address"
    tab.email_button.click()
    qtbot.waitUntil(lambda: bool(user_messages.texts), timeout=5_000)
    assert "not an e-mail address" in user_messages.texts[0]


def test_voicemail_link_opens_the_message_in_the_voicemail_tab(
    main_window: Any, qtbot: QtBot, arun: Any
) -> None:
    voicemail = main_window.tabs.get("voicemail") or main_window._materialize("voicemail")
    arun(voicemail.refresh())
    main_window.show_tab("calls")
    tab = main_window.tabs["calls"]
    arun(tab.refresh())
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5_000)
    index = row_index(tab, lambda r: r.voicemail is not None)
    row = tab.model.rows()[index]
    assert "Voicemail" in tab.model.text(row, Column.RECORDING)
    without = row_index(tab, lambda r: r.voicemail is None and r.recording is None)
    tab.table.selectRow(without)
    assert not tab.voicemail_button.isEnabled()
    tab.table.selectRow(index)
    assert tab.voicemail_button.isEnabled()
    tab.voicemail_button.click()
    qtbot.waitUntil(lambda: main_window.current_key() == "voicemail"
                    and voicemail.selected_message() is not None, timeout=10_000)
    assert voicemail.selected_message().key == row.voicemail


def test_voicemail_tab_opens_the_mailbox_settings_in_phones(
    main_window: Any, qtbot: QtBot, arun: Any
) -> None:
    from app.ui.tabs.phones.dialogs import MailboxDialog

    voicemail = main_window.tabs.get("voicemail") or main_window._materialize("voicemail")
    arun(voicemail.refresh())
    main_window.show_tab("voicemail")
    arun(voicemail.open_folder("1001", "INBOX"))
    voicemail.settings_action.trigger()
    qtbot.waitUntil(lambda: "phones" in main_window.tabs, timeout=5_000)
    phones = main_window.tabs["phones"]
    qtbot.waitUntil(lambda: isinstance(phones.open_dialog, MailboxDialog), timeout=10_000)
    assert main_window.current_key() == "phones"
    dialog = phones.open_dialog
    assert dialog.email.text() == "frontdesk@maplestreetbakery.example"
    dialog.reject()
    qtbot.waitUntil(lambda: phones.open_dialog is None, timeout=5_000)
