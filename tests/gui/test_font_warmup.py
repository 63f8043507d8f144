"""Qt's font database filled on a thread while the window is built (app.ui.font_warmup)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from app.ui import font_warmup


def test_the_warmup_fills_the_font_database_on_its_own_thread(qapp: QApplication) -> None:
    thread = font_warmup.start()
    assert thread is not None and thread.name == "font-warmup" and thread.daemon
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert QFontDatabase.families(), "the fonts are listed"


def test_the_kill_switch_starts_no_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(font_warmup.ENV_VAR, "1")
    assert font_warmup.start() is None
