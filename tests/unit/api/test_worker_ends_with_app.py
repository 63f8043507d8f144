"""The decoding worker ends with the app, even when the app was killed while the
worker was still starting (it then lingered, holding the killed app's output open:
a test killing a send mid-flight waited 30 s for it)."""

from __future__ import annotations

import multiprocessing
import os
import threading
from typing import Any

import pytest

from app.api import answer


class _Started:
    def __init__(self, pid: int) -> None:
        self.pid = pid


def _watch_ends(monkeypatch: pytest.MonkeyPatch, started_by: Any) -> threading.Event:
    ended = threading.Event()

    def exit_now(_code: int) -> None:
        ended.set()  # returning ends the watch thread, not the test process

    monkeypatch.setattr(os, "_exit", exit_now)
    monkeypatch.setattr(multiprocessing, "parent_process", lambda: started_by)
    answer._end_with_parent()
    return ended


def test_a_worker_whose_app_is_already_gone_ends_at_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The app that started the worker (pid 999999, gone): getppid() is someone else.
    assert _watch_ends(monkeypatch, _Started(999_999)).wait(5)


def test_a_worker_whose_app_runs_keeps_running(monkeypatch: pytest.MonkeyPatch) -> None:
    assert not _watch_ends(monkeypatch, _Started(os.getppid())).wait(1.5)
