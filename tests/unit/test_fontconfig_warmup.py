"""fontconfig is set up on a worker thread, and its absence is harmless."""

from __future__ import annotations

import sys

import pytest

from app.ui import fontconfig_warmup


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="fontconfig is Qt's on Linux")
def test_warmup_runs_on_a_daemon_thread_and_finishes() -> None:
    worker = fontconfig_warmup.start_fontconfig_warmup()
    assert worker is not None and worker.daemon
    worker.join(timeout=10)
    assert not worker.is_alive()


def test_a_missing_library_is_only_logged(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(fontconfig_warmup, "FONTCONFIG", "libno-such-fontconfig.so.1")
    caplog.set_level("INFO", logger=fontconfig_warmup.__name__)
    fontconfig_warmup._init_fontconfig()  # must not raise
    assert "No fontconfig warm-up" in caplog.text


def test_nothing_is_started_where_qt_uses_no_fontconfig(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert fontconfig_warmup.start_fontconfig_warmup() is None
