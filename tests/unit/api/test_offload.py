"""Big answers are decoded and converted in a worker process (issue #16.1).

Over real HTTP against the sandbox: a page of a few hundred SMS goes through
``app.api.offload`` (another process decodes the JSON and builds the rows) and
comes back equal to what the in-place conversion makes; a small page stays on
the fast path; errors and empty answers keep their meaning.
"""

from __future__ import annotations

import logging
import os
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from app.api import answer, offload
from app.api.answer import SLICE_ROWS, decode_answer
from app.api.client import BIG_CONVERT_BYTES
from app.api.message_rows import messages_from_answer
from app.domain.models.messages import MessageKind

ROWS = SLICE_ROWS + 150  # more than one slice


def _did(sandbox: Any) -> str:
    return str(next(iter(sandbox.state.dids)))


def _day(sandbox: Any) -> str:
    return sandbox.state.clock.now_wall().date().isoformat()


def test_a_big_page_is_decoded_in_another_process(sandbox: Any, api: Any, client: Any,
                                                  run: Any) -> None:
    did = _did(sandbox)
    for n in range(ROWS):
        sandbox.state.deliver_sms(did, "4185550142", f"Order {n}: 2 baguettes, café ☕")
    before = offload.WORKER.in_process
    day = _day(sandbox)
    messages = run(api.get_sms(day, day, contact="4185550142", limit=100_000))
    assert offload.WORKER.in_process == before + 1

    # The same rows as converting in place (fetched through plain call()).
    data = run(client.call("getSMS", from_=day, to=day, contact="4185550142", limit=100_000,
                           all_messages=0))
    assert len(str(data)) > BIG_CONVERT_BYTES
    in_place = messages_from_answer(MessageKind.SMS, api.provider_tz, client.base_url, data)
    assert len(messages) == ROWS
    assert messages == in_place
    assert {m.text for m in messages} >= {"Order 0: 2 baguettes, café ☕"}


def test_a_small_page_stays_in_this_process(sandbox: Any, api: Any, run: Any) -> None:
    sandbox.state.deliver_sms(_did(sandbox), "4185550143", "Just one")
    before = offload.WORKER.in_process
    day = _day(sandbox)
    messages = run(api.get_sms(day, day, contact="4185550143"))
    assert [m.text for m in messages] == ["Just one"]
    assert offload.WORKER.in_process == before


def test_an_empty_answer_is_an_empty_list(sandbox: Any, api: Any, run: Any) -> None:
    # An empty-list status still becomes an empty list through call_converted.
    far = (sandbox.state.clock.now_wall() - timedelta(days=3000)).date()
    assert run(api.get_sms(far, far)) == []


def test_the_worker_reports_problems_and_statuses_without_converting() -> None:
    def never(_: dict[str, Any]) -> object:  # pragma: no cover - must not run
        raise AssertionError("converted a failed answer")

    assert decode_answer(b"<html>busy</html>", never).problem == (
        "a page that is not a VoIP.ms API answer")
    assert decode_answer(b"", never).problem == "an empty answer"
    assert decode_answer(b'{"status": "invalid_credentials"}', never).status == (
        "invalid_credentials")


def test_a_spilled_body_is_read_from_its_file_and_removed(tmp_path: Any) -> None:
    path = tmp_path / "answer.json"
    path.write_bytes(b'{"status": "success", "sms": [1, 2, 3]}')
    decoded = decode_answer(str(path), _rows)
    assert decoded.is_list and decoded.pid == os.getpid()
    assert not path.exists()


def _rows(data: dict[str, Any]) -> list[object]:
    return list(data["sms"])


@pytest.fixture(autouse=True, scope="module")
def _stop_worker() -> Any:
    yield
    offload.WORKER.shutdown()


def test_a_worker_that_cannot_start_falls_back_to_a_thread_then_stops_trying(
    sandbox: Any, api: Any, run: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    did = _did(sandbox)
    for n in range(ROWS):
        sandbox.state.deliver_sms(did, "4185550144", f"Fallback {n}")
    worker = offload._Worker()
    tried: list[object] = []

    def cannot_start(*args: object) -> Any:
        tried.append(args)
        raise OSError("no processes left")

    monkeypatch.setattr(worker, "submit", cannot_start)
    monkeypatch.setattr(worker, "_pool", None)
    monkeypatch.setattr(offload, "WORKER", worker)
    day = _day(sandbox)
    for _ in range(offload.MAX_FAILURES + 1):
        messages = run(api.get_sms(day, day, contact="4185550144", limit=100_000))
        assert len(messages) == ROWS  # the user's sync still works
    # The warm-up and the first big answers tried; then no more attempts.
    assert worker.failures == offload.MAX_FAILURES and not worker.usable
    attempts = len(tried)
    run(api.get_sms(day, day, contact="4185550144", limit=100_000))
    assert len(tried) == attempts
    assert worker.on_thread >= 2


def _warns(data: dict[str, Any]) -> list[object]:
    logging.getLogger("app.api.typed").warning("Skipping an unreadable sms row (x)")
    return list(data["sms"])


def test_what_the_worker_logs_reaches_the_apps_log(
    run: Any, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # In the worker, the initializer's collector keeps the records of each answer...
    collector = answer.LogCollector()
    monkeypatch.setattr(answer, "_collector", collector)
    logging.getLogger().addHandler(collector)
    try:
        decoded = decode_answer(b'{"status": "success", "sms": [1]}', _warns)
    finally:
        logging.getLogger().removeHandler(collector)
    assert decoded.logged == (("app.api.typed", logging.WARNING,
                               "Skipping an unreadable sms row (x)"),)

    # ...and the app's process logs them again, in its own log.
    async def from_worker(*_: object) -> answer.Decoded:
        return replace(decoded, pid=os.getpid() + 1)

    monkeypatch.setattr(offload, "_run_in_worker", from_worker)
    with caplog.at_level(logging.INFO, logger="app.api.typed"):
        _, rows = run(offload.decode_big(b"{}", _rows))
    assert rows == [1]
    assert "Skipping an unreadable sms row (x) (decoding worker)" in caplog.text


def test_the_worker_ends_when_the_app_is_killed() -> None:
    """A kill -9 of the app gives the pool no chance to stop its worker: it must end
    by itself (it held the app's terminal output open and lingered)."""
    import signal
    import subprocess
    import sys
    import time

    script = (
        "from app.api import offload\n"
        "print(offload.WORKER.submit(offload._ready).result(), flush=True)\n"
        "import time; time.sleep(60)\n"
    )
    app = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                           cwd=Path(__file__).resolve().parents[3])
    assert app.stdout is not None
    worker = int(app.stdout.readline())
    assert worker != app.pid and Path(f"/proc/{worker}").exists()
    app.send_signal(signal.SIGKILL)
    app.wait(timeout=10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _alive(worker):
        time.sleep(0.05)
    assert not _alive(worker)
    app.stdout.close()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has ended; only its parent (gone) would reap it


def test_the_worker_outlives_the_thread_that_started_it() -> None:
    """The pool starts its worker from whichever thread submits first (an executor's
    thread that may end): the worker must live on for the next answers."""
    import threading

    offload.WORKER.shutdown()
    started: list[int] = []
    thread = threading.Thread(
        target=lambda: started.append(offload.WORKER.submit(offload._ready).result()))
    thread.start()
    thread.join()
    assert started
    again = offload.WORKER.submit(offload._ready).result(timeout=10)
    assert again == started[0]
