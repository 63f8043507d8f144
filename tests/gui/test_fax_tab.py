"""The Fax tab against the sandbox: list, preview, every action and its failure path.

Dialogs are scripted (``ScriptedDialogs``), confirmations and errors are
recorded by ``user_messages``; nothing ever waits for a click.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.models.fax import FaxFolder, FaxMessage
from app.sandbox import SandboxServer
from app.ui.tabs.fax import create_tab
from app.ui.tabs.fax.compose_merge import count_pages
from app.ui.tabs.fax.dialogs import FaxDialogs
from app.ui.tabs.fax.message_model import Column
from app.ui.tabs.fax.view import FaxTab
from tests.unit.services.test_fax_send import logged


class ScriptedDialogs(FaxDialogs):
    """Answers given in advance; records the questions."""

    def __init__(self) -> None:
        self.confirm_answer = True
        self.files: list[Path] = []
        self.save_to: Path | None = None
        self.text: str | None = None
        self.print_to: Path | None = None
        self.questions: list[str] = []

    async def confirm(self, parent: QWidget | None, text: str, yes_text: str, title: str) -> bool:
        self.questions.append(text)
        return self.confirm_answer

    async def open_files(self, parent: QWidget | None) -> list[Path]:
        return list(self.files)

    async def save_path(self, parent: QWidget | None, suggested: Path) -> Path | None:
        self.questions.append(f"save as {suggested.name}")
        return self.save_to

    async def ask_text(
        self, parent: QWidget | None, title: str, label: str, default: str = "", ok_text: str = "OK"
    ) -> str | None:
        self.questions.append(label)
        return self.text

    async def setup_printer(self, parent: QWidget | None, printer: QPrinter) -> bool:
        if self.print_to is None:
            return False
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.print_to))
        return True




@pytest.fixture
def dialogs() -> ScriptedDialogs:
    return ScriptedDialogs()


@pytest.fixture
def fax_tab(
    app_context: Any, dialogs: ScriptedDialogs, qtbot: QtBot, arun: Any
) -> Iterator[FaxTab]:
    tab = create_tab(app_context)
    assert isinstance(tab, FaxTab)
    tab.dialogs = dialogs
    qtbot.addWidget(tab)
    tab.resize(1200, 720)
    tab.show()
    tab.load_cached()
    arun(tab.refresh())
    qtbot.waitUntil(lambda: tab.model.rowCount() > 0, timeout=5_000)
    yield tab
    tab.shutdown()


def select(tab: FaxTab, qtbot: QtBot, fax: FaxMessage) -> None:
    assert tab.select_fax(fax.id)
    expected = tab.service.pdf_file(fax.id)
    qtbot.waitUntil(lambda: tab.preview.path == expected, timeout=5_000)


def inbox(tab: FaxTab) -> list[FaxMessage]:
    return sorted(tab.model.faxes, key=lambda f: f.date or 0, reverse=True)  # type: ignore[arg-type, return-value]


def test_list_shows_inbox_with_unread_badge(
    fax_tab: FaxTab, qtbot: QtBot, app_context: Any, arun: Any
) -> None:
    assert fax_tab.folder == "INBOX"
    assert fax_tab.model.rowCount() == 5
    assert all(f.folder == "INBOX" for f in fax_tab.model.faxes)
    names = [fax_tab.folders.list.item(i).text() for i in range(fax_tab.folders.list.count())]
    assert names[0].startswith("Inbox") and names[1] == "Sent"
    assert fax_tab.table.isColumnHidden(2)  # "To" says nothing in the inbox
    # Senders in the phonebook are named as in the other tabs (was "NORTHSIDE FLOUR"),
    # once a sync has stored the phonebook (the voicemail's reads it).
    arun(app_context.voicemail.refresh())
    arun(fax_tab.refresh())
    senders = {fax_tab.model.data(fax_tab.model.index(r, 1))
               for r in range(fax_tab.model.rowCount())}
    assert "Northside Flour Co. · (800) 555-0111" in senders, senders
    fax_tab.open_folder("SENT")
    qtbot.waitUntil(lambda: fax_tab.model.rowCount() == 3, timeout=5_000)
    assert all(f.folder == "SENT" for f in fax_tab.model.faxes)
    assert fax_tab.table.isColumnHidden(1) and not fax_tab.table.isColumnHidden(2)


def test_preview_renders_the_right_page_count_and_navigates(
    fax_tab: FaxTab, qtbot: QtBot
) -> None:
    for fax in inbox(fax_tab)[:2]:
        select(fax_tab, qtbot, fax)
        assert fax_tab.preview.page_count() == fax.pages
        assert fax_tab.preview.page_list.count() == fax.pages
    fax = inbox(fax_tab)[1]
    assert fax.pages >= 2
    fax_tab.preview.go_to_page(1)
    assert fax_tab.preview.current_page() == 1
    fax_tab.preview.zoom_in()
    assert fax_tab.preview.view.zoomMode().name == "Custom"
    fax_tab.preview.fit_width()
    assert fax_tab.preview.view.zoomMode().name == "FitToWidth"
    qtbot.waitUntil(lambda: fax_tab.preview.thumbnails_pending() == 0, timeout=5_000)


def test_second_preview_is_a_cache_hit(
    fax_tab: FaxTab, qtbot: QtBot, sandbox: SandboxServer
) -> None:
    first, second = inbox(fax_tab)[:2]
    select(fax_tab, qtbot, first)
    select(fax_tab, qtbot, second)
    sandbox.clear_log()
    select(fax_tab, qtbot, first)
    assert fax_tab.preview.page_count() == first.pages
    assert logged(sandbox, "getFaxMessagePDF", 1, timeout=0.3) == []


def test_opening_an_unread_fax_clears_its_badge(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any
) -> None:
    unread = [f for f in fax_tab.model.faxes if fax_tab.is_unread(f)]
    assert unread
    before = arun(fax_tab.service.unread()).count
    assert fax_tab.unread.count == before  # the tab shows the store's state
    with qtbot.waitSignal(fax_tab.badge_changed, timeout=5_000) as signal:
        select(fax_tab, qtbot, unread[0])
    assert signal.args == [before - 1]
    assert not fax_tab.is_unread(unread[0])
    assert arun(fax_tab.service.unread()).count == before - 1


def test_preview_failure_is_reported_and_nothing_is_cached(
    fax_tab: FaxTab, qtbot: QtBot, sandbox: SandboxServer, user_messages: Any
) -> None:
    fax = inbox(fax_tab)[0]
    with sandbox.state.lock:
        sandbox.state.faxes = [f for f in sandbox.state.faxes if f.id != fax.id]
    fax_tab.select_fax(fax.id)
    qtbot.waitUntil(lambda: bool(user_messages.texts), timeout=5_000)
    assert "Could not open the fax from" in user_messages.texts[0]
    assert fax_tab.service.cached_pdf(fax.id) is None
    assert fax_tab.preview.page_count() == 0


def test_move_and_its_failure(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, user_messages: Any
) -> None:
    fax = inbox(fax_tab)[0]
    invoices = arun(fax_tab.service.folder_named("Invoices"))
    assert invoices is not None
    assert arun(fax_tab.move_fax(fax, invoices))
    qtbot.waitUntil(lambda: fax_tab.model.row_of(fax.id) < 0, timeout=5_000)
    other = inbox(fax_tab)[0]
    assert not arun(fax_tab.move_fax(other, FaxFolder("999999", "Gone")))
    assert "Could not move" in user_messages.texts[-1]
    assert fax_tab.model.row_of(other.id) >= 0


def test_delete_asks_first_and_its_failure(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, dialogs: ScriptedDialogs,
    sandbox: SandboxServer, user_messages: Any,
) -> None:
    fax = inbox(fax_tab)[0]
    dialogs.confirm_answer = False
    assert not arun(fax_tab.delete_fax(fax))
    assert "Delete the fax from" in dialogs.questions[-1]
    assert logged(sandbox, "deleteFaxMessage", 1, timeout=0.3) == []
    dialogs.confirm_answer = True
    assert arun(fax_tab.delete_fax(fax))
    qtbot.waitUntil(lambda: fax_tab.model.row_of(fax.id) < 0, timeout=5_000)
    other = inbox(fax_tab)[0]
    sandbox.faults.inject("http_500", methods={"deleteFaxMessage"})
    assert not arun(fax_tab.delete_fax(other))
    assert "Could not delete" in user_messages.texts[-1]
    assert fax_tab.model.row_of(other.id) >= 0


def test_email_and_its_failure(
    fax_tab: FaxTab, arun: Any, dialogs: ScriptedDialogs, sandbox: SandboxServer,
    user_messages: Any,
) -> None:
    fax = inbox(fax_tab)[0]
    dialogs.text = "owner@example.com"
    assert arun(fax_tab.email_fax(fax))
    assert sandbox.state.emails_sent[-1]["to"] == "owner@example.com"
    assert fax_tab.ctx.settings.fax_email == "owner@example.com"
    dialogs.text = "owner@"
    assert not arun(fax_tab.email_fax(fax))
    assert "not a valid e-mail address" in user_messages.texts[-1]
    dialogs.text = None  # cancelled
    assert not arun(fax_tab.email_fax(fax))


def test_save_as_pdf_and_its_failure(
    fax_tab: FaxTab, arun: Any, dialogs: ScriptedDialogs, tmp_path: Path, user_messages: Any
) -> None:
    fax = inbox(fax_tab)[0]
    dialogs.save_to = tmp_path / "saved.pdf"
    saved = arun(fax_tab.save_fax(fax))
    assert saved == dialogs.save_to
    assert count_pages(saved) == fax.pages
    dialogs.save_to = tmp_path / "missing-folder" / "saved.pdf"
    assert arun(fax_tab.save_fax(fax)) is None
    assert "Could not save the fax as saved.pdf" in user_messages.texts[-1]


def test_print_every_page_and_cancel(
    fax_tab: FaxTab, arun: Any, dialogs: ScriptedDialogs, tmp_path: Path
) -> None:
    fax = inbox(fax_tab)[1]
    dialogs.print_to = tmp_path / "printed.pdf"
    assert arun(fax_tab.print_fax(fax)) == fax.pages
    assert count_pages(dialogs.print_to) == fax.pages
    dialogs.print_to = None  # the user closed the print dialog
    assert arun(fax_tab.print_fax(fax)) == 0


def test_folders_create_rename_delete_and_failures(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, dialogs: ScriptedDialogs,
    sandbox: SandboxServer, user_messages: Any,
) -> None:
    dialogs.text = "Orders"
    created = arun(fax_tab.new_folder())
    assert created is not None and fax_tab.folder == "Orders"
    qtbot.waitUntil(lambda: "No faxes in “Orders”" in fax_tab.empty_label.text(), timeout=5_000)
    assert fax_tab.model.rowCount() == 0  # an empty folder is an empty list
    dialogs.text = "orders"
    assert arun(fax_tab.new_folder()) is None
    assert "already a folder" in user_messages.texts[-1]
    dialogs.text = "Purchase orders"
    renamed = arun(fax_tab.rename_folder(created))
    assert renamed is not None and fax_tab.folder == "Purchase orders"
    qtbot.waitUntil(lambda: fax_tab.folders.current_name() == "Purchase orders", timeout=5_000)
    sandbox.faults.inject("http_500", methods={"delFaxFolder"})
    assert not arun(fax_tab.delete_folder(renamed))
    assert "Could not delete the folder" in user_messages.texts[-1]
    assert arun(fax_tab.delete_folder(renamed))
    assert arun(fax_tab.service.folder_named("Purchase orders")) is None
    assert fax_tab.folder == "INBOX"


def test_new_inbound_fax_notifies_and_raises_the_badge(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, sandbox: SandboxServer, app_context: Any
) -> None:
    before = arun(fax_tab.service.unread()).count
    sandbox.state.deliver_fax("8005550199", stationid="ACME CORP", pages=2)
    with qtbot.waitSignal(fax_tab.badge_changed, timeout=5_000) as signal:
        arun(fax_tab.poller.check())
    assert signal.args == [before + 1]
    title, text = app_context.notifier.history[-1]
    assert (title, text) == ("New fax", "From ACME CORP ((800) 555-0199), 2 pages")
    qtbot.waitUntil(lambda: fax_tab.model.rowCount() == 6, timeout=5_000)


def test_context_menu_offers_the_actions_of_the_selected_fax(
    fax_tab: FaxTab, qtbot: QtBot
) -> None:
    select(fax_tab, qtbot, inbox(fax_tab)[0])
    menu = fax_tab.context_menu()
    texts = [a.text() for a in menu.actions()]
    assert texts == ["Move to", "Delete", "E-mail…", "Save PDF…", "Print…"]
    move = menu.actions()[0].menu()
    enabled = {a.text(): a.isEnabled() for a in move.actions()}
    assert enabled == {"Inbox": False, "Sent": True, "Invoices": True}
    menu.deleteLater()


def test_print_failure_is_reported(
    fax_tab: FaxTab, arun: Any, dialogs: ScriptedDialogs, tmp_path: Path, user_messages: Any,
    qtlog: Any,
) -> None:
    fax = inbox(fax_tab)[0]
    dialogs.print_to = tmp_path / "no-such-folder" / "printed.pdf"
    with qtlog.disabled():  # Qt also warns that it cannot open the output file
        assert arun(fax_tab.print_fax(fax)) == 0
    assert "The printer could not be opened" in user_messages.texts[-1]


def test_at_the_default_size_the_list_keeps_the_senders_name_and_number(
    fax_tab: FaxTab, qtbot: QtBot
) -> None:
    fax_tab.resize(1090, 620)  # the tab in the default 1100-px window
    northside = next(f for f in inbox(fax_tab) if "NORTHSIDE" in f.stationid.upper())
    select(fax_tab, qtbot, northside)
    label = str(fax_tab.model.index(fax_tab.model.row_of(northside.id), Column.FROM).data())
    bold = QFont(fax_tab.table.font())
    bold.setBold(True)  # unread rows are bold
    needed = QFontMetrics(bold).horizontalAdvance(label)
    assert "(800) 555-0111" in label
    assert fax_tab.table.columnWidth(Column.FROM) >= needed + 6  # not elided
    # In a preview that narrow the page gets the room, not the thumbnail strip...
    assert not fax_tab.preview.page_list.isVisible()
    # ...which comes back in a window wide enough for both (a page at a readable
    # zoom comes first: issue #15 point 10).
    fax_tab.resize(2200, 720)
    qtbot.waitUntil(fax_tab.preview.page_list.isVisible, timeout=2_000)


def test_commands_update_the_list_from_their_change_sets_not_by_reading_it_again(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, dialogs: ScriptedDialogs,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    reads: list[str | None] = []
    read_folder = fax_tab.service.messages

    async def counted(folder: str | None) -> list[FaxMessage]:
        reads.append(folder)
        return await read_folder(folder)

    monkeypatch.setattr(fax_tab.service, "messages", counted)
    moved, deleted = inbox(fax_tab)[:2]
    invoices = arun(fax_tab.service.folder_named("Invoices"))
    assert invoices is not None
    assert arun(fax_tab.move_fax(moved, invoices))
    assert fax_tab.model.row_of(moved.id) < 0  # applied as the command returned
    dialogs.confirm_answer = True
    assert arun(fax_tab.delete_fax(deleted))
    assert fax_tab.model.row_of(deleted.id) < 0
    assert fax_tab.model.rowCount() == 3
    assert reads == []
    fax_tab.open_folder("Invoices")  # opening another folder reads it, once
    qtbot.waitUntil(lambda: fax_tab.model.row_of(moved.id) >= 0, timeout=5_000)
    assert reads == ["Invoices"]


def test_a_failed_periodic_check_goes_to_the_status_bar(
    fax_tab: FaxTab, qtbot: QtBot, arun: Any, sandbox: SandboxServer, user_messages: Any
) -> None:
    sandbox.state.ip_enabled = False
    with qtbot.waitSignal(fax_tab.status_message, timeout=5_000) as signal:
        assert not arun(fax_tab.poller.check())
    assert str(signal.args[0]).startswith("Checking for faxes failed: ")
    assert user_messages.texts == []  # no dialog for a background check


def test_a_narrow_list_keeps_the_senders_readable(fax_tab: FaxTab, qtbot: QtBot) -> None:
    """At the French window's narrowest every sender read "N…" (the From column
    squeezed to nothing beside the dates); it stops at ~16 characters and scrolls."""
    from app.ui.tabs.fax.message_model import Column

    table = fax_tab.table
    table.setFixedWidth(330)
    readable = table.fontMetrics().averageCharWidth() * 16
    qtbot.waitUntil(lambda: table.horizontalScrollBar().maximum() > 0, timeout=2_000)
    assert table.columnWidth(Column.FROM) == readable


def test_the_demo_faxes_come_from_the_business_on_their_letterhead(
    qapp: Any, sandbox: SandboxServer, tmp_path: Path
) -> None:
    """The City of Boston sent a caterer's purchase order, a farm a lease: the
    preview contradicted the list. Each received fax's PDF now says it is from its
    sender ("FROM: HARBOR CONSULTING LLC"), each sent one from the bakery."""
    from PySide6.QtPdf import QPdfDocument

    from app.sandbox import resources

    for fax in sandbox.state.faxes:
        assert fax.pdf is not None
        path = tmp_path / f"{fax.id}.pdf"
        path.write_bytes(resources.read("fax", fax.pdf))
        document = QPdfDocument()
        assert document.load(str(path)) == QPdfDocument.Error.None_
        header = document.getAllText(0).text().splitlines()[0]
        sender = "MAPLE STREET BAKERY" if fax.folder == "SENT" else fax.stationid
        assert header.startswith(f"FROM: {sender}"), (fax.folder, fax.stationid, header)
        assert document.pageCount() == fax.pages
        document.close()
