"""Outside text is shown as the characters it is, never as Qt rich text (issue #13.5).

The sandbox is filled with hostile strings wherever the provider, a caller or a
sender chooses the words: phonebook names, caller-ID names, message bodies, DID,
phone, forwarding and IVR descriptions, fax sender, description, status and
folder names, mailbox names. Then every tab is loaded, its first row selected,
its editors and confirmations opened, and every label, tool tip (widgets and
table cells), status-bar text, message box and notification is checked: where
Qt would render rich text (``RichText``, or ``AutoText`` that looks like
markup), the hostile markup must not be there raw (it must have been escaped).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex
from PySide6.QtGui import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app.domain.routing import Route
from app.sandbox import SandboxServer
from app.ui import feedback
from app.ui.notify import tray_text
from app.ui.tabs.fax.message_model import FAX_ROLE

IMAGE = '<img src="file:///etc/passwd">'
LINK = '<a href="file:///etc/passwd">open me</a>'
BOLD = "<b>bold</b>"
#: Starts with a tag so that Qt's AutoText takes it for rich text wherever it lands.
HOSTILE = f"{BOLD}{IMAGE}{LINK} &amp; \u200fשלום\u200f Réunion 🎉"
LONG = HOSTILE + " " + "x" * 5000
RAW_MARKUP = (IMAGE, LINK, BOLD)
UNKNOWN_STATUS = '<img src="file:///etc/passwd">NEW_STATUS'


def _caller(number: str) -> str:
    return f'"{HOSTILE}" <{number}>'


def make_hostile(sandbox: SandboxServer) -> None:
    """Hostile words in every field a stranger or the provider fills in."""
    state = sandbox.state
    with state.lock:
        for row in state.phonebook:
            row["name"] = HOSTILE
            row["note"] = HOSTILE
        for row in state.dids.values():
            row["description"] = HOSTILE
            row["note"] = HOSTILE
        for vm in state.voicemails:
            vm.callerid = _caller("6175550142")
        for row in state.mailboxes.values():
            row["name"] = HOSTILE
            row["email"] = f"{BOLD}@example.com"
        for folder in state.fax_folders:
            if folder.name == "Invoices":
                for fax in state.faxes:
                    if fax.folder == folder.name:
                        fax.folder = HOSTILE
                folder.name = HOSTILE
        for fax in state.faxes:
            fax.stationid = HOSTILE
            fax.description = HOSTILE
            fax.status = UNKNOWN_STATUS
        for call in state.calls[-50:]:
            call.callerid = _caller("8575551499")
            call.description = HOSTILE
        for row in state.sub_accounts:
            row["description"] = HOSTILE
        for row in [*state.forwardings, *state.ivrs, *state.ring_groups, *state.sip_uris,
                    *state.queues, *state.callbacks, *state.time_conditions, *state.disas,
                    *state.recordings]:
            for key in ("description", "name"):
                if key in row:
                    row[key] = HOSTILE
        sms_did = next(d for d, row in state.dids.items() if row.get("sms_enabled") == "1")
    state.deliver_sms(sms_did, "6175550142", HOSTILE)
    state.deliver_sms(sms_did, "4185550199", LONG)


# --- what Qt would render as rich text ------------------------------------------------


def renders_rich(text: str, text_format: Qt.TextFormat) -> bool:
    if text_format in (Qt.TextFormat.RichText, Qt.TextFormat.MarkdownText):
        return True
    return text_format == Qt.TextFormat.AutoText and Qt.mightBeRichText(text)


def raw_markup(text: str) -> bool:
    return any(marker in text for marker in RAW_MARKUP)


def _count(method: Any, parent: QModelIndex, default: int) -> int:
    try:
        return int(method(parent))
    except TypeError:  # list and table models make the tree-only overloads private
        return default


def _cells(
    model: QAbstractItemModel, parent: QModelIndex, depth: int = 0
) -> Iterable[QModelIndex]:
    for row in range(min(_count(model.rowCount, parent, 0), 300)):
        for column in range(_count(model.columnCount, parent, 1)):
            index = model.index(row, column, parent)
            yield index
            if column == 0 and depth < 2 and _count(model.rowCount, index, 0) > 0:
                yield from _cells(model, index, depth + 1)


def leaks(root: QWidget) -> list[str]:
    """Where ``root`` (and its children) would render hostile markup as rich text."""
    found: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, QLabel):
            text = widget.text()
            if raw_markup(text) and renders_rich(text, widget.textFormat()):
                found.append(f"label {where}: {text[:120]!r}")
            if raw_markup(text) and widget.openExternalLinks():
                found.append(f"label opening links {where}: {text[:120]!r}")
        boxed = isinstance(widget, QMessageBox) and raw_markup(widget.text())
        if boxed and renders_rich(widget.text(), widget.textFormat()):
            found.append(f"message box {where}: {widget.text()[:120]!r}")
        tip = widget.toolTip()
        if raw_markup(tip) and Qt.mightBeRichText(tip):
            found.append(f"tool tip of {where}: {tip[:120]!r}")
        view_of_cells = isinstance(widget, QAbstractItemView) and not isinstance(
            widget, QHeaderView
        )
        if view_of_cells and widget.model() is not None:
            model = widget.model()
            for index in _cells(model, widget.rootIndex()):
                cell_tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                if isinstance(cell_tip, str) and raw_markup(cell_tip) and Qt.mightBeRichText(
                    cell_tip
                ):
                    found.append(f"cell tool tip in {where} column {index.column()}: "
                                 f"{cell_tip[:120]!r}")
    return found


# --- the sweep -----------------------------------------------------------------------------


def _input_dialog() -> QInputDialog | None:
    found = [w for w in QApplication.topLevelWidgets()
             if isinstance(w, QInputDialog) and w.isVisible()]
    return found[0] if found else None


def _settle(qtbot: QtBot) -> None:
    qtbot.wait(50)  # paint and let queued slots run; nothing is ordered by this wait


def test_every_tab_dialog_and_message_shows_outside_text_as_plain_text(
    sandbox: SandboxServer, main_window: Any, qtbot: QtBot, arun: Any, user_messages: Any
) -> None:
    make_hostile(sandbox)
    user_messages.answer = False  # confirmations are shown, then declined
    with qtbot.waitSignal(main_window.initial_load_finished, timeout=60_000) as loaded:
        main_window.start()
    assert not any(loaded.args[0].values()), loaded.args[0]
    tabs = main_window.tabs
    problems: list[str] = []

    # Messages: the hostile conversation open (bubbles, title, subtitle, search hits).
    main_window.show_tab("messages")
    did = next(d for d, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")
    arun(main_window.open_conversation(did, "6175550142"))
    _settle(qtbot)
    problems += leaks(main_window)

    # Every other tab with the first row of each list selected (details, player).
    for key in ("voicemail", "calls", "fax", "numbers", "phones"):
        main_window.show_tab(key)
        tab = tabs[key]
        for view in tab.findChildren(QAbstractItemView):
            if view.isVisible() and view.model() is not None and view.model().rowCount():
                view.setCurrentIndex(view.model().index(0, 0))
        _settle(qtbot)
        problems += leaks(main_window)

    # The fax folder with the hostile name.
    fax = tabs["fax"]
    fax.open_folder(HOSTILE)
    _settle(qtbot)
    problems += leaks(main_window)

    # Editors of a number and of a phone.
    numbers = tabs["numbers"]
    number = next(iter(sandbox.state.dids))
    dialog = numbers.open_edit_dialog(number)
    assert dialog is not None
    problems += leaks(dialog)
    dialog.reject()
    phones = tabs["phones"]
    account = sandbox.state.sub_accounts[0]["account"]
    phones.select_phone(account)
    task = asyncio.ensure_future(phones.edit(phones.selected_phone()))
    qtbot.waitUntil(lambda: phones.open_dialog is not None, timeout=10_000)
    problems += leaks(phones.open_dialog)
    phones.open_dialog.reject()
    qtbot.waitUntil(task.done)

    # Search hits quote bodies and names in their own rich-text labels.
    messages = tabs["messages"]
    main_window.show_tab("messages")
    messages.search.field.setText("bold")
    qtbot.waitUntil(lambda: messages.search.results.count() > 0, timeout=5000)
    problems += leaks(main_window)
    messages.search.field.setText("")

    # The presets dialog (number descriptions), a phone's set-up and its mailbox.
    presets = numbers.open_presets_dialog()
    problems += leaks(presets)
    presets.reject()
    for opener in (phones.set_up, lambda _phone: phones.mailbox_settings("1001")):
        task = asyncio.ensure_future(opener(phones.selected_phone()))
        qtbot.waitUntil(lambda: phones.open_dialog is not None, timeout=10_000)
        problems += leaks(phones.open_dialog)
        phones.open_dialog.reject()
        qtbot.waitUntil(task.done)

    # A folder renamed: the question quotes its name.
    folder = next(f for f in arun(fax.service.folders()) if f.name == HOSTILE)
    task = asyncio.ensure_future(fax.rename_folder(folder))
    qtbot.waitUntil(lambda: _input_dialog() is not None, timeout=10_000)
    asking = _input_dialog()
    assert asking is not None
    problems += leaks(asking)
    asking.reject()
    qtbot.waitUntil(task.done)

    # The status bar quoting a server's words.
    main_window.show_error(f"Messages: {HOSTILE}")
    problems += leaks(main_window)

    # Notifications of new voicemail and a new message, as the desktop is handed them.
    sandbox.state.deliver_voicemail("1001", "6175550142", caller_name=HOSTILE)
    arun(main_window.ctx.voicemail.polling.check_now())
    sandbox.state.deliver_sms(did, "6175550142", HOSTILE)
    arun(main_window.ctx.messages.polling.check())
    notes = main_window.ctx.notifier.history
    assert any(HOSTILE in f"{title} {text}" for title, text in notes), notes
    problems += [f"notification {title!r}: {text!r}" for title, text in notes
                 if raw_markup(tray_text(title, "linux") + tray_text(text, "linux"))]

    # Confirmations quoting outside text (each declined): deleting a voicemail, a fax,
    # a text, and rerouting every number (their notes and targets named).
    main_window.show_tab("voicemail")
    voicemail = tabs["voicemail"]
    heard = voicemail.selected_message()
    assert heard is not None
    # What "now playing" says of it (filled as when it plays; playing needs FFmpeg).
    voicemail.now_playing.setText(voicemail._describe(heard))
    problems += leaks(voicemail)
    arun(voicemail.delete_message(heard))
    main_window.show_tab("fax")
    fax.open_folder("INBOX")
    qtbot.waitUntil(lambda: fax.proxy.rowCount() > 0, timeout=5000)
    assert fax.select_fax(fax.proxy.index(0, 0).data(FAX_ROLE).id)
    arun(fax.delete_fax(fax.selected_fax()))
    main_window.show_tab("messages")
    arun(main_window.open_conversation(did, "6175550142"))
    pane = messages.pane
    pane.delete_requested.emit(pane.model.stored_at(pane.model.rowCount() - 1))
    main_window.show_tab("numbers")
    numbers.select_numbers(list(sandbox.state.dids))
    arun(numbers.reroute_selected(Route.parse("vm:1001")))
    qtbot.waitUntil(lambda: len(user_messages) >= 4, timeout=5000)
    quoted = [text for text in user_messages.texts if BOLD in text]
    assert len(quoted) >= 3, [text[:70] for text in user_messages.texts]

    # The set-up dialog showing what a server said.
    from app.config.secrets import SecretStore
    from app.services.account.session import ConnectionCheck
    from app.ui.setup_dialog import SetupDialog

    setup = SetupDialog(SecretStore(), lambda *_: None)  # type: ignore[arg-type]  # never asked
    qtbot.addWidget(setup)
    setup._show_check(ConnectionCheck(False, None, f"VoIP.ms said: {HOSTILE}"))
    problems += leaks(setup)

    # Every message and confirmation the user saw, as the real message box shows it.
    for message in user_messages:
        box = feedback._box(None, message)
        qtbot.addWidget(box)
        problems += leaks(box)
    assert not problems, "\n".join(dict.fromkeys(problems))
