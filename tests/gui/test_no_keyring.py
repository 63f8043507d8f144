"""Without a keyring (issue #15 point 11): cancelling the password question keeps
the window open, read-only from the cache, under "Offline: sign in to refresh";
"Sign in…" starts the session in the same window. And ``--demo``'s sign-out leads
to the real set-up dialog."""

from __future__ import annotations

import asyncio
from typing import Any

import keyring
import keyring.backends.fail
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.config.secrets import Credentials, CredentialSource
from app.config.settings import Settings
from app.sandbox import SandboxServer
from app.ui.app import OFFLINE_ACTION_TEXT, LaunchOptions, Shell
from app.ui.setup_dialog import SetupDialog
from app.ui.widgets.offline_bar import OfflineBar
from tests.gui.test_shell_setup import _saved_account, _visible, shell
from tests.unit.services.test_fax_send import logged

__all__ = ["shell"]  # the fixture, shared with test_shell_setup.py


def status_text(window: Any) -> str:
    return " ".join(label.text() for label in window.statusBar().findChildren(QLabel))


def first_run_fills_the_cache(shell: Shell, sandbox: SandboxServer, qtbot: QtBot) -> None:
    _saved_account(shell, sandbox.username, sandbox.password)
    run = asyncio.ensure_future(shell.run())
    qtbot.waitUntil(lambda: shell.window is not None, timeout=10_000)
    window = shell.window
    assert window is not None
    qtbot.waitUntil(lambda: window.balance_widget.amount.text() == "$47.32", timeout=20_000)
    window.close()
    qtbot.waitUntil(run.done, timeout=20_000)


def test_cancel_without_a_keyring_keeps_the_cache_offline_until_sign_in(
    qtbot: QtBot, shell: Shell, sandbox: SandboxServer, qloop: Any, memory_keyring: Any,
    user_messages: Any,
) -> None:
    first_run_fills_the_cache(shell, sandbox, qtbot)
    keyring.set_keyring(keyring.backends.fail.Keyring())  # the fixture restores it
    again = Shell(shell.paths, Settings.load(shell.paths.settings_file), shell.options)
    window = again.open_window()
    assert window is not None
    run = asyncio.ensure_future(again.run())
    qtbot.waitUntil(lambda: _visible(SetupDialog) is not None, timeout=10_000)
    _visible(SetupDialog).reject()
    qtbot.waitUntil(
        lambda: window.findChild(OfflineBar) is not None
        and window.findChild(OfflineBar).isVisible(), timeout=5_000,
    )
    bar = window.findChild(OfflineBar)
    assert bar.label.text().startswith("Offline: sign in to refresh")
    assert window.isVisible() and not run.done()
    assert window.balance_widget.amount.text() == "$47.32"  # the cache, on screen
    # Read-only: a refresh says why nothing happens (no crash, nothing sent).
    sandbox.clear_log()
    window.refresh_action.trigger()
    qtbot.waitUntil(lambda: OFFLINE_ACTION_TEXT in status_text(window), timeout=5_000)
    assert logged(sandbox, "getBalance", 1, timeout=0.3) == []

    qtbot.mouseClick(bar.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: _visible(SetupDialog) is not None, timeout=10_000)
    dialog = _visible(SetupDialog)
    assert dialog.username_edit.text() == sandbox.username
    dialog.password_edit.setText(sandbox.password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.findChild(OfflineBar) is None, timeout=20_000)
    assert again.window is window  # the same window, now signed in
    assert again.credentials is not None
    assert again.credentials.source is CredentialSource.SESSION  # no keyring to keep it
    assert logged(sandbox, "getBalance", 1, timeout=20)
    window.close()
    qtbot.waitUntil(run.done, timeout=20_000)
    assert run.result() == 0


def test_demo_sign_out_leads_to_the_real_setup_dialog(
    qtbot: QtBot, shell: Shell, sandbox: SandboxServer, qloop: Any, user_messages: Any,
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    demo = Shell(
        shell.paths, shell.settings,
        LaunchOptions(
            api_url=sandbox.url, min_interval=0,
            fixed_credentials=Credentials(
                sandbox.username, sandbox.password, CredentialSource.SESSION
            ),
        ),
    )
    window = demo.open_window()
    assert window is not None
    run = asyncio.ensure_future(demo.run())
    qtbot.waitUntil(lambda: window.balance_widget.amount.text() == "$47.32", timeout=20_000)
    user_messages.answer = True
    window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: _visible(SetupDialog) is not None, timeout=10_000)
    dialog = _visible(SetupDialog)
    dialog.username_edit.setText(sandbox.username)
    dialog.password_edit.setText(sandbox.password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: demo.window is not None and demo.window is not window
        and demo.window.isVisible(), timeout=20_000,
    )
    assert demo.window is not None
    demo.window.close()
    qtbot.waitUntil(run.done, timeout=20_000)
    assert run.result() == 0
