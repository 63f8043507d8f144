"""Desktop integration (#17 point 2): window class and icon, "keep running in the
tray" (closing by the user hides the window; the app's own closes still end the
session), the settings' Desktop section, and what a clicked notification opens."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.config.paths import AppPaths
from app.config.secrets import Credentials, CredentialSource
from app.config.settings import Settings
from app.sandbox import SandboxServer
from app.services.notifications import NotifyTarget, voicemail_target
from app.ui import desktop_files
from app.ui.app import LaunchOptions, Shell, create_qapplication
from app.ui.desktop import TrayKeeper, apply_app_icon, close_every_window
from app.ui.desktop_tray import AppTray
from app.ui.notify_open import open_target
from app.ui.settings_desktop import DesktopSection


def test_the_application_names_its_desktop_entry_and_icon(qapp: QApplication) -> None:
    app = create_qapplication()
    assert app is qapp
    assert app.desktopFileName() == "switchboard"
    apply_app_icon()  # what app.__main__ does once the window painted
    icon = app.windowIcon()
    assert not icon.isNull()
    assert not icon.pixmap(32, 32).isNull()  # the SVG renders (QtSvg is there)


class _UserClose(QCloseEvent):
    """A close the user asked of the window manager (title bar button, Alt+F4)."""

    def spontaneous(self) -> bool:
        return True


def _keeper(qtbot: QtBot, tmp_path: Path, *, keep: bool) -> tuple[QWidget, TrayKeeper, AppTray]:
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    settings = Settings(path=tmp_path / "settings.json")
    settings.keep_in_tray = keep
    tray = AppTray()
    keeper = TrayKeeper(window, tray, settings, has_tray=lambda: True)
    keeper.update()  # what the shell does once the window painted
    return window, keeper, tray


# The offscreen platform has no tray for the icon to sit in, and cannot raise windows.
OFFSCREEN_TRAY = pytest.mark.qt_log_ignore("systemTrayWindowChanged", "does not support raise")


@OFFSCREEN_TRAY
def test_keep_in_tray_hides_on_the_users_close_and_the_tray_brings_it_back(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, keeper, tray = _keeper(qtbot, tmp_path, keep=True)
    try:
        assert tray.shown  # there from the start, so the hidden window can come back
        event = _UserClose()
        assert keeper.eventFilter(window, event) is True
        assert not event.isAccepted() and not window.isVisible()
        tray.open_requested.emit()  # "Open Switchboard" in the tray menu
        assert window.isVisible()
    finally:
        tray.close()


@OFFSCREEN_TRAY
def test_the_apps_own_close_and_the_trays_quit_really_close(
    qtbot: QtBot, tmp_path: Path
) -> None:
    window, keeper, tray = _keeper(qtbot, tmp_path, keep=True)
    try:
        # File > Quit, Ctrl+C and sign-out call close(): not spontaneous, so not hidden.
        assert keeper.eventFilter(window, QCloseEvent()) is False
        tray.quit_requested.emit()
        assert not window.isVisible()
        event = _UserClose()
        assert keeper.eventFilter(window, event) is False  # quitting: nothing is kept
    finally:
        tray.close()


def test_without_the_setting_closing_closes(qtbot: QtBot, tmp_path: Path) -> None:
    window, keeper, tray = _keeper(qtbot, tmp_path, keep=False)
    assert not tray.shown
    assert keeper.eventFilter(window, _UserClose()) is False


@OFFSCREEN_TRAY
def test_ctrl_c_closes_a_window_hidden_in_the_tray(qtbot: QtBot, tmp_path: Path) -> None:
    window, keeper, tray = _keeper(qtbot, tmp_path, keep=True)
    closed: list[bool] = []
    original = window.closeEvent

    def record(event: QCloseEvent) -> None:
        closed.append(True)
        original(event)

    window.closeEvent = record  # type: ignore[method-assign]
    try:
        keeper.hide_to_tray()
        QApplication.closeAllWindows()  # what Ctrl+C did: it skips hidden windows
        assert closed == []
        close_every_window(window)  # what it does now
        assert closed == [True]
    finally:
        tray.close()


@pytest.fixture
def xdg_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return tmp_path / "config" / "autostart" / "switchboard.desktop"


def test_desktop_section_writes_and_removes_the_autostart_entry(
    qtbot: QtBot, tmp_path: Path, xdg_config: Path
) -> None:
    settings = Settings(path=tmp_path / "settings.json")
    section = DesktopSection(settings, has_tray=lambda: True, platform="linux")
    qtbot.addWidget(section)
    assert section.start_at_login is not None and section.keep_in_tray is not None
    section.start_at_login.setChecked(True)
    section.keep_in_tray.setChecked(True)
    assert section.apply(settings) is None
    assert xdg_config.is_file() and settings.start_at_login and settings.keep_in_tray
    assert "Exec=" in xdg_config.read_text()
    again = DesktopSection(settings, has_tray=lambda: True, platform="linux")
    qtbot.addWidget(again)
    assert again.start_at_login is not None and again.start_at_login.isChecked()
    again.start_at_login.setChecked(False)
    assert again.apply(settings) is None
    assert not xdg_config.exists() and not settings.start_at_login


def test_desktop_section_offers_only_what_works_here(qtbot: QtBot, tmp_path: Path) -> None:
    settings = Settings(path=tmp_path / "settings.json")
    no_tray = DesktopSection(settings, has_tray=lambda: False, platform="linux")
    qtbot.addWidget(no_tray)
    assert no_tray.keep_in_tray is None and no_tray.start_at_login is not None
    elsewhere = DesktopSection(settings, has_tray=lambda: False, platform="win32")
    qtbot.addWidget(elsewhere)
    assert elsewhere.start_at_login is None and elsewhere.isHidden()


def test_an_unwritable_autostart_folder_is_one_clear_message(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")  # a file where the config folder should be: refused even to root
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))
    settings = Settings(path=tmp_path / "settings.json")
    section = DesktopSection(settings, has_tray=lambda: False, platform="linux")
    qtbot.addWidget(section)
    assert section.start_at_login is not None
    section.start_at_login.setChecked(True)
    problem = section.apply(settings)
    assert problem is not None and problem.startswith("Could not add the start-at-login entry")
    assert str(desktop_files.autostart_file()) in problem
    assert not section.start_at_login.isChecked() and not settings.start_at_login


def test_a_voicemail_target_opens_its_tab_and_row(main_window: Any, arun: Any) -> None:
    arun(main_window.tabs["voicemail"].refresh())
    main_window.show_tab("numbers")
    tab = main_window.tabs["voicemail"]
    # The second mailbox's message, not the row the tab selects by itself.
    wanted = arun(tab.service.messages("1002", "INBOX"))[0]
    arun(open_target(main_window, voicemail_target(wanted.key)))
    assert main_window.current_key() == "voicemail"
    selected = tab.selected_message()
    assert selected is not None and selected.key == wanted.key


def test_a_target_without_an_item_shows_the_tab(main_window: Any, arun: Any) -> None:
    arun(open_target(main_window, NotifyTarget("phones")))
    assert main_window.current_key() == "phones"


def test_a_session_opens_what_a_notification_click_names(
    qtbot: QtBot, sandbox: SandboxServer, tmp_path: Path, qloop: Any
) -> None:
    """The shell wires every session: notifier clicks -> the window, and the tray keeper."""
    paths = AppPaths.under(tmp_path / "data")
    paths.ensure()
    credentials = Credentials(sandbox.username, sandbox.password, CredentialSource.SESSION)
    options = LaunchOptions(api_url=sandbox.url, min_interval=0, fixed_credentials=credentials)
    shell = Shell(paths, Settings.load(paths.settings_file), options)
    window = shell.open_window()
    assert window is not None
    opened = shell._opened
    assert opened is not None and opened.tray_keeper is not None
    session = asyncio.ensure_future(shell.run())
    try:
        opened.notifier.activated.emit(NotifyTarget("phones"))
        qtbot.waitUntil(lambda: window.current_key() == "phones", timeout=10_000)
    finally:
        window.close()
        qtbot.waitUntil(session.done, timeout=30_000)
    assert session.result() == 0
