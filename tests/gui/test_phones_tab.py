"""The Phones tab against the sandbox: list, offline start, set-up, edit, mailbox settings.

Dialogs are answered through ``tab.open_dialog`` once it is on screen; nothing waits
for a click, nothing sleeps.
"""

from __future__ import annotations

import asyncio
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.services.phones.changes import PhoneChanges
from app.ui import dates, style
from app.ui.tabs.phones import create_tab
from app.ui.tabs.phones.dialogs import EditPhoneDialog, MailboxDialog, SetupDialog, set_checked
from app.ui.tabs.phones.model import Column
from app.ui.tabs.phones.view import PhonesTab

KITCHEN, SALES, FRONT = "284561_kitchen", "284561_sales", "284561_frontdesk"


@pytest.fixture
def tab(app_context: Any, sandbox: SandboxServer, qtbot: QtBot, arun: Any) -> PhonesTab:
    sandbox.state.registration_overrides[KITCHEN] = False
    widget = create_tab(app_context, None)
    assert isinstance(widget, PhonesTab)
    qtbot.addWidget(widget)
    widget.resize(900, 600)
    widget.show()
    arun(widget.refresh())
    widget.polling.stop()
    return widget


def _cell(tab: PhonesTab, account: str, column: Column) -> str:
    row = tab.model.row_of(account)
    return str(tab.model.data(tab.model.index(row, column)))


def test_lists_every_phone_with_its_registration_and_badge(
    tab: PhonesTab, qtbot: QtBot
) -> None:
    assert tab.model.rowCount() == 4
    assert _cell(tab, KITCHEN, Column.STATUS) == "Offline"
    assert _cell(tab, SALES, Column.STATUS) == "Online"
    assert _cell(tab, SALES, Column.WHERE) == "Washington, DC"
    assert _cell(tab, SALES, Column.ADDRESS) == "203.0.113.24 (TLS)"
    assert _cell(tab, FRONT, Column.NUMBERS) == "(617) 555-0100"
    # The sales line rings the "Sales team" ring group, the sales desk among its members.
    assert _cell(tab, SALES, Column.NUMBERS) == "(617) 555-0111 (Sales team)"
    tip = tab.model.data(tab.model.index(tab.model.row_of(SALES), Column.NUMBERS),
                         Qt.ItemDataRole.ToolTipRole)
    assert "ring group “Sales team”" in tip
    metrics = tab.table.fontMetrics()  # shown whole, not "(617) 555-0111 …"
    assert tab.table.columnWidth(Column.NUMBERS) >= metrics.horizontalAdvance(
        _cell(tab, SALES, Column.NUMBERS))
    assert "1 offline" in tab.summary.text()
    # In a narrow window the names stay whole (the table scrolls sideways), as
    # does the re-registration time in the language's longest form.
    tab.resize(420, 300)
    tab.show()
    qtbot.waitExposed(tab)
    for account in (KITCHEN, FRONT):
        assert tab.table.columnWidth(Column.PHONE) >= metrics.horizontalAdvance(
            _cell(tab, account, Column.PHONE))
    assert tab.table.columnWidth(Column.NEXT) >= metrics.horizontalAdvance(
        _cell(tab, SALES, Column.NEXT))
    # The offline phone stands out (the colour Calls gives a missed call); online ones not.
    def colour(account: str) -> object:
        return tab.model.data(tab.model.index(tab.model.row_of(account), Column.STATUS),
                              Qt.ItemDataRole.ForegroundRole)

    assert colour(KITCHEN) == style.error_color(QGuiApplication.palette())
    assert colour(SALES) is None
    with qtbot.waitSignal(tab.badge_changed) as badge:
        tab.apply_changes(PhoneChanges(offline=1))  # a change set without rows keeps them
    assert badge.args == [1]


def test_a_phone_coming_back_updates_the_row_and_notifies(
    tab: PhonesTab, sandbox: SandboxServer, app_context: Any, arun: Any, qtbot: QtBot
) -> None:
    tab.select_phone(KITCHEN)
    sandbox.state.registration_overrides[KITCHEN] = True
    with qtbot.waitSignal(tab.badge_changed) as badge:
        arun(tab.polling.check_now())
    assert badge.args == [0]
    assert _cell(tab, KITCHEN, Column.STATUS) == "Online"
    assert tab.selected_phone() is not None and tab.selected_phone().account == KITCHEN


def test_offline_start_shows_the_last_known_registration(
    tab: PhonesTab, app_context: Any, sandbox: SandboxServer, qtbot: QtBot, arun: Any
) -> None:
    sandbox.faults.inject("disconnect", count=100)
    again = create_tab(app_context, None)
    assert isinstance(again, PhonesTab)
    qtbot.addWidget(again)
    arun(again.read_cache())
    assert again.model.rowCount() == 4
    row = again.model.row_of(SALES)
    assert again.model.data(again.model.index(row, Column.WHERE)) == "Washington, DC"
    tip = again.model.data(again.model.index(row, Column.STATUS), Qt.ItemDataRole.ToolTipRole)
    assert str(tip).startswith("Last checked at ")  # checked today: the time
    assert "Last checked at " in again.summary.text()
    # When it re-registers, as every list writes a moment ("Today 21:29").
    phone = again.model.phones[row]
    point = phone.registration.first if phone.registration is not None else None
    assert point is not None and point.expires is not None
    assert again.model.data(again.model.index(row, Column.NEXT)) == dates.list_date(
        point.expires, datetime.now().astimezone())


def test_set_up_shows_the_password_hidden_with_show_and_copy(
    tab: PhonesTab, sandbox: SandboxServer, arun: Any, qtbot: QtBot
) -> None:
    tab.select_phone(SALES)
    password = next(r for r in sandbox.state.sub_accounts if r["account"] == SALES)["password"]
    task = asyncio.ensure_future(tab.set_up(tab.selected_phone()))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: isinstance(tab.open_dialog, SetupDialog), timeout=10_000)
    dialog = tab.open_dialog
    assert isinstance(dialog, SetupDialog)
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Password
    assert dialog.username.text() == SALES
    assert "recommended" in dialog.server.currentText()
    assert "5061 (TLS)" in dialog.ports.text()
    dialog.show_button.click()
    assert dialog.password.echoMode() == QLineEdit.EchoMode.Normal
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == password
    dialog.reject()
    qtbot.waitUntil(task.done)


def test_edit_saves_only_what_changed_and_keeps_the_rest(
    tab: PhonesTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    row = next(r for r in sandbox.state.sub_accounts if r["account"] == FRONT)
    before = dict(row)
    tab.select_phone(FRONT)
    task = asyncio.ensure_future(tab.edit(tab.selected_phone()))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: isinstance(tab.open_dialog, EditPhoneDialog), timeout=10_000)
    dialog = tab.open_dialog
    assert isinstance(dialog, EditPhoneDialog)
    dialog.description.setText("Front counter")
    set_checked(dialog.codecs, {"ulaw", "g722"})
    dialog.record.setChecked(True)
    dialog.accept()
    qtbot.waitUntil(task.done, timeout=10_000)
    assert not user_messages.texts
    assert row["description"] == "Front counter" and row["allowed_codecs"] == "ulaw;g722"
    assert row["record_calls"] == "1"
    for key in ("password", "callerid_number", "internal_voicemail", "max_expiry", "language"):
        assert row[key] == before[key]
    assert _cell(tab, FRONT, Column.PHONE) == "Front counter"


def test_an_edit_refused_is_one_message(
    tab: PhonesTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    tab.select_phone(KITCHEN)
    task = asyncio.ensure_future(tab.edit(tab.selected_phone()))  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: isinstance(tab.open_dialog, EditPhoneDialog), timeout=10_000)
    dialog = tab.open_dialog
    assert isinstance(dialog, EditPhoneDialog)
    dialog.transcribe.setChecked(True)  # without an e-mail: refused
    dialog.email.setText("")
    dialog.accept()
    qtbot.waitUntil(task.done, timeout=10_000)
    assert len(user_messages.texts) == 1


def test_mailbox_settings_dialog_writes_setvoicemail(
    tab: PhonesTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    tab.select_phone(FRONT)  # internal_voicemail 1001
    task = asyncio.ensure_future(tab.mailbox_settings("1001"))
    qtbot.waitUntil(lambda: isinstance(tab.open_dialog, MailboxDialog), timeout=10_000)
    dialog = tab.open_dialog
    assert isinstance(dialog, MailboxDialog)
    assert dialog.email.text() == "frontdesk@maplestreetbakery.example"
    dialog.attach.setChecked(False)
    dialog.timezone.setCurrentIndex(dialog.timezone.findData("America/Toronto"))
    dialog.accept()
    qtbot.waitUntil(task.done, timeout=10_000)
    assert not user_messages.texts
    box = sandbox.state.mailboxes["1001"]
    assert (box["attach_message"], box["timezone"]) == ("no", "America/Toronto")
    assert box["email"] == "frontdesk@maplestreetbakery.example"


def test_enter_on_a_phone_opens_its_set_up_as_a_double_click_does(
    tab: PhonesTab, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, arun: Any
) -> None:
    """Keyboard only: Alt+6, Down to the phone, Enter (the Numbers, Voicemail and
    Calls lists answer Enter too); the main account has nothing to set up."""
    opened: list[str] = []

    async def set_up(phone: Any) -> None:
        opened.append(phone.account)

    monkeypatch.setattr(tab, "set_up", set_up)
    tab.show()
    qtbot.waitExposed(tab)
    tab.table.setFocus()
    tab.table.selectRow(0)  # the main account: nothing to set up
    arun(tab._on_table_activated())
    assert opened == []
    tab.select_phone(SALES)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: opened == [SALES], timeout=3000)
