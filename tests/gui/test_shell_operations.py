"""run_operation, the crash hook, notifications and the palettes."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app.config.logsetup import register_secret
from app.config.settings import Settings
from app.domain.errors import UserFacingError
from app.ui import crash, style
from app.ui.notify import Notifier
from app.ui.operations import Progress, run_in_background, run_operation
from app.ui.widgets.strips import TintedStrip


@pytest.fixture
def button(qtbot: QtBot) -> QPushButton:
    widget = QPushButton("Go")
    qtbot.addWidget(widget)
    return widget


def test_success_disables_then_restores(button: QPushButton, arun: Any) -> None:
    seen: list[bool] = []

    async def work() -> int:
        seen.append(button.isEnabled())
        await asyncio.sleep(0)
        return 42

    assert arun(run_operation(button, work(), busy_text="Working…")) == 42
    assert seen == [False] and button.isEnabled()


def test_background_work_leaves_the_owner_enabled_and_still_reports_errors(
    button: QPushButton, arun: Any, user_messages: Any
) -> None:
    seen: list[bool] = []

    async def work() -> int:
        seen.append(button.isEnabled())
        await asyncio.sleep(0)
        raise UserFacingError("The fax could not be moved.")

    assert arun(run_in_background(button, work(), busy_text="Moving…")) is None
    assert seen == [True] and button.isEnabled()
    assert user_messages.texts == ["The fax could not be moved."]


def test_user_facing_error_becomes_one_message(
    button: QPushButton, arun: Any, user_messages: Any
) -> None:
    async def work() -> int:
        raise UserFacingError("No funds left.", detail="status=non_sufficient_funds")

    assert arun(run_operation(button, work(), busy_text="Sending…")) is None
    assert user_messages.texts == ["No funds left."]
    assert user_messages[0].detail == "status=non_sufficient_funds"
    assert button.isEnabled()


def test_bug_goes_to_the_crash_hook(
    button: QPushButton, arun: Any, monkeypatch: pytest.MonkeyPatch, user_messages: Any
) -> None:
    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: caught.append(e))

    async def work() -> int:
        raise KeyError("oops")

    assert arun(run_operation(button, work(), busy_text="Working…")) is None
    assert len(caught) == 1 and isinstance(caught[0], KeyError)
    assert user_messages.texts == []  # not presented as an ordinary message


def test_cancel_from_status_bar(qtbot: QtBot, main_window: Any, qloop: Any) -> None:
    button = QPushButton("Sync", main_window)

    async def slow() -> int:
        await asyncio.sleep(30)
        return 1

    task = asyncio.ensure_future(
        run_operation(button, slow(), busy_text="Syncing fax…", cancellable=True)
    )
    qtbot.waitUntil(main_window.cancel_button.isVisible, timeout=5_000)
    assert main_window.sync_label.text() == "Syncing fax…"
    assert main_window.busy_bar.isVisible() and not button.isEnabled()
    main_window.cancel_button.click()
    qtbot.waitUntil(task.done, timeout=5_000)
    assert task.result() is None
    assert not main_window.busy_bar.isVisible() and button.isEnabled()


def test_progress_reports_reach_the_status_bar(qtbot: QtBot, main_window: Any, arun: Any) -> None:
    async def work(progress: Progress) -> str:
        progress.update(3, 10, "Fetched 3 of 10 windows")
        assert main_window.busy_bar.maximum() == 10 and main_window.busy_bar.value() == 3
        assert main_window.sync_label.text() == "Fetched 3 of 10 windows"
        return "done"

    button = QPushButton("Sync", main_window)
    main_window.sync_label.setText("Up to date · 14:50")
    assert arun(run_operation(button, work, busy_text="Syncing…", progress=True)) == "done"
    # Finished: the busy text does not linger, the previous state is back.
    assert main_window.sync_label.text() == "Up to date · 14:50"


def test_crash_dialog_hides_traceback_and_password(qtbot: QtBot, tmp_path: Any) -> None:
    register_secret("Very-Secret-PW")
    crash.install(log_file=tmp_path / "x.log", headless=False)
    try:
        try:
            raise ValueError("bad value Very-Secret-PW")
        except ValueError as exc:
            crash._excepthook(type(exc), exc, exc.__traceback__)
    finally:
        crash.uninstall()
    boxes = [w for w in QApplication.allWidgets() if isinstance(w, QMessageBox)]
    box = next(b for b in boxes if b.windowTitle() == "Switchboard hit a bug")
    assert "Traceback" not in box.text() and "Traceback" in box.detailedText()
    assert "Very-Secret-PW" not in box.detailedText() + box.informativeText()
    assert str(tmp_path / "x.log") in box.text()
    box.close()


def test_notifier_records_and_respects_setting(qtbot: QtBot) -> None:
    settings = Settings()
    notifier = Notifier(settings)
    with qtbot.waitSignal(notifier.notified):
        notifier.notify("New voicemail", "From (617) 555-0142")
    settings.notifications = False
    notifier.notify("New fax", "2 pages")
    assert notifier.history == [("New voicemail", "From (617) 555-0142"), ("New fax", "2 pages")]
    notifier.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_palettes_keep_text_readable(theme: str) -> None:
    palette = style.dark_palette() if theme == "dark" else style.light_palette()
    assert style.is_dark(palette) == (theme == "dark")
    window = palette.color(palette.ColorRole.Window)
    for color in (
        palette.color(palette.ColorRole.WindowText),
        style.error_color(palette),
        style.warning_colors(palette)[1],
    ):
        assert abs(color.lightness() - window.lightness()) > 60
    bg, fg = style.warning_colors(palette)
    assert abs(bg.lightness() - fg.lightness()) > 80


def test_theme_switch_back_to_system_restores_the_look(qapp: Any, qtbot: QtBot) -> None:
    before = qapp.palette().color(qapp.palette().ColorRole.Window).name()
    muted, strip = QLabel("secondary"), TintedStrip()
    qtbot.addWidget(muted)
    qtbot.addWidget(strip)
    style.set_look(muted, style.MUTED)

    def shown(label: QLabel, role: QPalette.ColorRole) -> str:
        return label.palette().color(role).name()

    system_muted = shown(muted, QPalette.ColorRole.WindowText)
    try:
        style.apply_theme(qapp, "dark")
        assert style.is_dark(qapp.palette())
        dark = style.dark_palette()
        assert shown(muted, QPalette.ColorRole.WindowText) == style.muted_color(dark).name()
        assert shown(strip, QPalette.ColorRole.Window) == style.warning_colors(dark)[0].name()
    finally:
        style.apply_theme(qapp, "system")
    assert qapp.palette().color(qapp.palette().ColorRole.Window).name() == before
    assert shown(muted, QPalette.ColorRole.WindowText) == system_muted
    # No application style sheet: it would route every widget through Qt's slower
    # style-sheet style (the named looks are palettes and fonts instead).
    assert qapp.styleSheet() == ""
