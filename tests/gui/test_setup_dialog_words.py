"""The set-up dialog's verdict: problems in the error colour, said once, as plain text
(issue #15.12, #13.15)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.config.paths import AppPaths
from app.config.settings import Settings
from app.sandbox import SandboxServer
from app.ui import style
from app.ui.app import LaunchOptions, Shell
from app.ui.setup_dialog import SetupDialog
from tests.gui.test_shell_setup import _fill, _test


def _dialog(qtbot: QtBot, api_url: str, tmp_path: Path) -> SetupDialog:
    paths = AppPaths.under(tmp_path / "data")
    paths.ensure()
    shell = Shell(paths, Settings.load(paths.settings_file),
                  LaunchOptions(api_url=api_url, min_interval=0))
    dialog = SetupDialog(shell.secrets, shell.check)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _ink(dialog: SetupDialog) -> str:
    return dialog.result_label.palette().color(QPalette.ColorRole.WindowText).name()


def test_a_failure_is_in_the_error_colour_and_each_sentence_said_once(
    qtbot: QtBot, qloop: Any, tmp_path: Path, memory_keyring: Any
) -> None:
    dialog = _dialog(qtbot, "http://127.0.0.1:9/api/v1/rest.php", tmp_path)  # nobody there
    _fill(qtbot, dialog, "owner@example.com", "secret")
    _test(qtbot, dialog)
    text = dialog.result_label.text()
    assert text
    sentences = [s.strip() for s in re.split(r"(?<=\.)\s+", text) if s.strip()]
    assert len(sentences) == len(set(sentences)), text  # not "Could not reach. Could not reach."
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert _ink(dialog) == style.error_color(app.palette()).name()
    assert dialog.result_label.textFormat() == Qt.TextFormat.PlainText


def test_success_is_in_the_normal_colour_again(
    qtbot: QtBot, qloop: Any, tmp_path: Path, sandbox: SandboxServer, memory_keyring: Any
) -> None:
    dialog = _dialog(qtbot, sandbox.url, tmp_path)
    _fill(qtbot, dialog, sandbox.username, "wrong")
    _test(qtbot, dialog)
    error_ink = _ink(dialog)
    _fill(qtbot, dialog, sandbox.username, sandbox.password)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_label.text().startswith("Connected"), timeout=10_000)
    assert _ink(dialog) != error_ink
