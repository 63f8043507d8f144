"""First-run account set-up against the sandbox: good and bad credentials, no keyring,
and a whole first run of the shell after which the password is nowhere on disk."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.config.logsetup import close_logging, setup_logging
from app.config.paths import AppPaths
from app.config.secrets import CredentialSource, SecretStore
from app.config.settings import Settings
from app.sandbox import SandboxServer
from app.ui.app import LaunchOptions, Shell
from app.ui.setup_dialog import SetupDialog


@pytest.fixture
def shell(sandbox: SandboxServer, tmp_path: Path) -> Shell:
    paths = AppPaths.under(tmp_path / "data")
    paths.ensure()
    settings = Settings.load(paths.settings_file)
    return Shell(paths, settings, LaunchOptions(api_url=sandbox.url, min_interval=0))


@pytest.fixture
def dialog(shell: Shell, qtbot: QtBot, qloop: Any) -> Iterator[SetupDialog]:
    dlg = SetupDialog(shell.secrets, shell.check)
    qtbot.addWidget(dlg)
    dlg.show()
    yield dlg


def _fill(qtbot: QtBot, dlg: SetupDialog, username: str, password: str) -> None:
    dlg.username_edit.setText(username)
    dlg.password_edit.setText(password)


def _test(qtbot: QtBot, dlg: SetupDialog) -> None:
    qtbot.mouseClick(dlg.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dlg.result_label.isVisible() and dlg.test_button.isEnabled(), timeout=10_000
    )


def test_good_credentials_are_tested_and_saved_to_keyring(
    qtbot: QtBot, dialog: SetupDialog, sandbox: SandboxServer, memory_keyring: Any
) -> None:
    assert not dialog.test_button.isEnabled()  # nothing typed yet
    _fill(qtbot, dialog, sandbox.username, sandbox.password)
    _test(qtbot, dialog)
    assert dialog.ip_label.text() == "Public IP: 127.0.0.1"
    assert dialog.result_label.text().startswith("Connected")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    assert dialog.credentials is not None
    assert dialog.credentials.source is CredentialSource.KEYRING
    assert sandbox.password in memory_keyring.passwords.values()


def test_wrong_password_explains_api_password(
    qtbot: QtBot, dialog: SetupDialog, sandbox: SandboxServer, memory_keyring: Any
) -> None:
    _fill(qtbot, dialog, sandbox.username, "not-the-password")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dialog.result_label.isVisible, timeout=10_000)
    assert "not the password of the customer portal" in dialog.result_label.text()
    assert dialog.isVisible() and dialog.credentials is None
    assert memory_keyring.passwords == {}


@pytest.mark.parametrize(
    ("switch", "expected"),
    [("ip_enabled", "Enable IP Addresses"), ("api_enabled", "Enable/Disable API")],
)
def test_access_refused_names_the_ip_to_whitelist(
    qtbot: QtBot, dialog: SetupDialog, sandbox: SandboxServer, switch: str, expected: str
) -> None:
    setattr(sandbox.state, switch, False)
    _fill(qtbot, dialog, sandbox.username, sandbox.password)
    _test(qtbot, dialog)
    text = dialog.result_label.text()
    assert expected in text and "127.0.0.1" in text
    assert dialog.ip_label.text() == "Public IP: 127.0.0.1"


def test_dead_server_is_a_message_not_a_crash(
    qtbot: QtBot, tmp_path: Path, qloop: Any
) -> None:
    shell = Shell(
        AppPaths.under(tmp_path),
        Settings(),
        LaunchOptions(api_url="http://127.0.0.1:9/api/v1/rest.php", min_interval=0),
    )
    shell_check = asyncio.ensure_future(shell.check("a@example.com", "whatever"))
    qtbot.waitUntil(shell_check.done, timeout=30_000)
    check = shell_check.result()
    assert not check.ok and check.ip is None and "Could not reach VoIP.ms" in check.message


def test_no_keyring_keeps_password_for_this_session(
    qtbot: QtBot, shell: Shell, sandbox: SandboxServer, qloop: Any
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # the autouse fixture restores it
    secrets = SecretStore()
    dlg = SetupDialog(secrets, shell.check)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.keyring_label.isVisible()
    assert "session only" in dlg.keyring_label.text()
    _fill(qtbot, dlg, sandbox.username, sandbox.password)
    with qtbot.waitSignal(dlg.accepted, timeout=10_000):
        qtbot.mouseClick(dlg.sign_in_button, Qt.MouseButton.LeftButton)
    assert dlg.credentials is not None and dlg.credentials.source is CredentialSource.SESSION
    again = secrets.load(sandbox.username)
    assert again is not None and again.password == sandbox.password


def _visible(kind: type) -> Any:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, kind) and widget.isVisible():
            return widget
    return None


def _saved_account(shell: Shell, username: str, password: str = "") -> None:
    """A previous run signed in as ``username`` (and saved ``password``, if given)."""
    if password:
        shell.secrets.save(username, password)
    shell.settings.api_username = username


def test_first_run_then_quit_leaves_no_password_on_disk(
    qtbot: QtBot, shell: Shell, sandbox: SandboxServer, qloop: Any, memory_keyring: Any
) -> None:
    setup_logging(shell.paths.log_file)
    try:
        run = asyncio.ensure_future(shell.run())
        qtbot.waitUntil(lambda: _visible(SetupDialog) is not None, timeout=10_000)
        dlg = _visible(SetupDialog)
        _fill(qtbot, dlg, sandbox.username, sandbox.password)
        qtbot.mouseClick(dlg.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(
            lambda: shell.window is not None and shell.window.isVisible(), timeout=10_000
        )
        window = shell.window
        assert window is not None
        qtbot.waitUntil(lambda: window.balance_widget.amount.text() == "$47.32", timeout=20_000)
        window.close()
        qtbot.waitUntil(run.done, timeout=20_000)
        assert run.result() == 0
    finally:
        close_logging()
    settings_text = shell.paths.settings_file.read_text()
    assert sandbox.username in settings_text
    assert sandbox.password in memory_keyring.passwords.values()
    secret = sandbox.password.encode()
    files = [p for p in shell.paths.settings_file.parent.rglob("*") if p.is_file()]
    assert shell.paths.log_file in files and any(p.suffix == ".sqlite3" for p in files)
    leaked = [p for p in files if secret in p.read_bytes()]
    assert leaked == []
    # The next start finds the account without asking.
    assert Shell(shell.paths, Settings.load(shell.paths.settings_file), shell.options)\
        .initial_credentials() is not None


def test_sign_out_forgets_password_and_asks_again(
    qtbot: QtBot,
    shell: Shell,
    sandbox: SandboxServer,
    qloop: Any,
    memory_keyring: Any,
    user_messages: Any,
) -> None:
    _saved_account(shell, sandbox.username, sandbox.password)
    run = asyncio.ensure_future(shell.run())
    qtbot.waitUntil(lambda: shell.window is not None and shell.window.isVisible(), timeout=10_000)
    assert _visible(SetupDialog) is None  # the saved account signs in without asking
    window = shell.window
    assert window is not None
    user_messages.answer = True
    # The menus' actions are added right after the first paint (as a user sees them).
    qtbot.waitUntil(lambda: window.painted, timeout=10_000)
    window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: _visible(SetupDialog) is not None, timeout=10_000)
    assert memory_keyring.passwords == {}
    assert Settings.load(shell.paths.settings_file).api_username == ""
    _visible(SetupDialog).reject()  # cancelling the set-up ends the run
    qtbot.waitUntil(run.done, timeout=10_000)
    assert run.result() == 0


# --- a saved account: the window first, the keyring after the paint ----------------


def test_saved_account_opens_before_the_keyring_is_read(
    qtbot: QtBot, shell: Shell, sandbox: SandboxServer, qloop: Any, memory_keyring: Any
) -> None:
    _saved_account(shell, sandbox.username, sandbox.password)
    reads: list[str] = []
    stored = memory_keyring.get_password

    def get_password(service: str, username: str) -> str | None:
        reads.append(username)
        return stored(service, username)  # type: ignore[no-any-return]

    memory_keyring.get_password = get_password
    window = shell.open_window()
    assert window is not None and window.isVisible()
    assert reads == []  # the window did not wait for the keyring
    run = asyncio.ensure_future(shell.run())
    qtbot.waitUntil(lambda: window.balance_widget.amount.text() == "$47.32", timeout=20_000)
    assert reads == [sandbox.username]
    assert shell.credentials is not None
    assert shell.credentials.source is CredentialSource.KEYRING
    assert _visible(SetupDialog) is None
    window.close()
    qtbot.waitUntil(run.done, timeout=20_000)
    assert run.result() == 0


def test_saved_account_without_password_asks_over_the_open_window(
    qtbot: QtBot, shell: Shell, sandbox: SandboxServer, qloop: Any, memory_keyring: Any
) -> None:
    _saved_account(shell, sandbox.username)  # ... but the keyring lost the password
    window = shell.open_window()
    assert window is not None
    run = asyncio.ensure_future(shell.run())
    qtbot.waitUntil(lambda: _visible(SetupDialog) is not None, timeout=10_000)
    assert window.isVisible()  # the cached window stays up behind the dialog
    dlg = _visible(SetupDialog)
    assert dlg.username_edit.text() == sandbox.username
    dlg.password_edit.setText(sandbox.password)
    qtbot.mouseClick(dlg.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.balance_widget.amount.text() == "$47.32", timeout=20_000)
    assert shell.window is window  # the same window carried on, now signed in
    assert sandbox.password in memory_keyring.passwords.values()
    window.close()
    qtbot.waitUntil(run.done, timeout=20_000)
    assert run.result() == 0


def test_saved_account_without_password_cancelled_stays_offline_until_closed(
    qtbot: QtBot, shell: Shell, sandbox: SandboxServer, qloop: Any, memory_keyring: Any
) -> None:
    # Cancelling used to end the run although the cache was on screen (issue #15
    # point 11): the window stays, offline (tests/gui/test_no_keyring.py), until closed.
    from app.ui.widgets.offline_bar import OfflineBar

    _saved_account(shell, sandbox.username)
    window = shell.open_window()
    assert window is not None
    run = asyncio.ensure_future(shell.run())
    qtbot.waitUntil(lambda: _visible(SetupDialog) is not None, timeout=10_000)
    _visible(SetupDialog).reject()
    qtbot.waitUntil(lambda: window.findChild(OfflineBar) is not None, timeout=10_000)
    assert window.isVisible() and not run.done()
    window.close()
    qtbot.waitUntil(run.done, timeout=10_000)
    assert run.result() == 0
    assert shell.window is None  # closed and deleted
    assert sandbox.request_log == []  # nothing was sent without a password


def test_saved_account_without_password_in_a_snapshot_run_fails_in_one_line(
    qtbot: QtBot,
    sandbox: SandboxServer,
    tmp_path: Path,
    qloop: Any,
    memory_keyring: Any,
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = AppPaths.under(tmp_path / "data")
    paths.ensure()
    options = LaunchOptions(api_url=sandbox.url, min_interval=0, snapshot_dir=tmp_path / "shots")
    shell = Shell(paths, Settings.load(paths.settings_file), options)
    _saved_account(shell, sandbox.username)
    assert shell.open_window() is not None
    run = asyncio.ensure_future(shell.run())
    qtbot.waitUntil(run.done, timeout=10_000)
    assert run.result() == 1
    assert capsys.readouterr().err.strip().startswith("switchboard: no VoIP.ms credentials")
    assert _visible(SetupDialog) is None


def test_sign_out_while_the_keyring_is_read_still_forgets_the_password(
    qtbot: QtBot,
    shell: Shell,
    sandbox: SandboxServer,
    qloop: Any,
    memory_keyring: Any,
    user_messages: Any,
) -> None:
    import time

    _saved_account(shell, sandbox.username, sandbox.password)
    stored = memory_keyring.get_password

    def slow_get_password(service: str, username: str) -> str | None:
        time.sleep(0.5)  # a keyring that takes its time (a prompt, a slow bus)
        return stored(service, username)  # type: ignore[no-any-return]

    memory_keyring.get_password = slow_get_password
    window = shell.open_window()
    assert window is not None
    run = asyncio.ensure_future(shell.run())
    user_messages.answer = True
    qtbot.waitUntil(lambda: window.painted, timeout=10_000)  # the menus' actions exist
    window.sign_out_action.trigger()
    qtbot.waitUntil(lambda: _visible(SetupDialog) is not None, timeout=10_000)
    assert memory_keyring.passwords == {}  # forgotten, although read after the click
    _visible(SetupDialog).reject()
    qtbot.waitUntil(run.done, timeout=10_000)
    assert run.result() == 0
    assert sandbox.request_log == []


def test_another_account_typed_over_the_window_opens_its_own_session(
    qtbot: QtBot, shell: Shell, sandbox: SandboxServer, qloop: Any, memory_keyring: Any
) -> None:
    from app.config.secrets import Credentials

    _saved_account(shell, sandbox.username)  # no password saved for it
    first = shell.open_window()
    assert first is not None
    other = Credentials("other@example.com", "other-secret", CredentialSource.SESSION)

    async def answer(intro: str = "") -> Credentials:
        return other

    shell.ask_for_credentials = answer  # type: ignore[method-assign]
    run = asyncio.ensure_future(shell.run())
    qtbot.waitUntil(
        lambda: shell.window is not None and shell.window is not first
        and shell.window.isVisible(),
        timeout=10_000,
    )
    window = shell.window
    assert window is not None
    assert window.account_label.text() == "other@example.com"
    assert shell.credentials == other
    window.close()
    qtbot.waitUntil(run.done, timeout=20_000)
    assert run.result() == 0
