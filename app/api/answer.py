"""Reading an API answer's body: the part of decoding shared by both paths.

Kept free of httpx, Qt and multiprocessing: the decoding worker process
(``app.api.offload``) imports this module, and the client uses
:func:`parse_body` for every small answer.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import pickle
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Items per pickled slice of a converted list: unpickling a message runs Python
#: (a frozen dataclass's ``__setstate__``), ~3 µs each on a quiet machine.
SLICE_ROWS = 200


@dataclass(frozen=True, slots=True)
class Decoded:
    """What the worker sends back about one answer."""

    #: Why the body is not an API answer ("" when it is one).
    problem: str = ""
    #: The answer's status ("success": ``slices`` holds the converted value).
    status: str = ""
    #: The converted value pickled; a list in slices of ``SLICE_ROWS`` items.
    slices: tuple[bytes, ...] = ()
    is_list: bool = False
    #: The process that decoded (tests prove it is not this one).
    pid: int = 0
    #: What the conversion logged in the worker (logger, level, message): the app's
    #: log lives in the app's process, which logs them again (``offload.decode_big``).
    logged: tuple[tuple[str, int, str], ...] = ()


class LogCollector(logging.Handler):
    """In the worker process: keeps log records for the answer being decoded."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))

    def take(self) -> tuple[tuple[str, int, str], ...]:
        records, self.records = tuple(self.records), []
        return records


#: Installed by the worker's initializer (``install_collector``); never in the app.
_collector: LogCollector | None = None


def install_collector() -> None:
    """The worker process's initializer: its log records go back with each answer,
    and it ends with the app (``_end_with_parent``)."""
    global _collector
    _end_with_parent()
    _collector = LogCollector()
    root = logging.getLogger()
    root.addHandler(_collector)
    root.setLevel(logging.INFO)


def _end_with_parent() -> None:
    """End this worker when the app's process ends, however it ends.

    A ``kill -9`` (or a crash) of the app gives the pool no chance to stop its
    worker, which then lingered, holding the app's terminal output open (and
    multiprocessing's resource tracker with it). A thread notices within a second
    that the worker was handed to another parent. (Not ``PR_SET_PDEATHSIG``: it
    fires when the *thread* that started the worker ends, and the pool starts it
    from whichever thread submits first.)
    """
    # The pid of the app that started this worker, not ``getppid()`` now: if the app
    # was killed while this worker was still starting, ``getppid()`` is already init's
    # and the watch below would wait for init forever (a worker left holding the
    # killed app's output open, found by a test that kills a send mid-flight).
    started_by = multiprocessing.parent_process()
    parent = started_by.pid if started_by is not None and started_by.pid else os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="end-with-parent", daemon=True).start()


def _logged() -> tuple[tuple[str, int, str], ...]:
    return _collector.take() if _collector is not None else ()


def parse_body(body: bytes) -> tuple[dict[str, Any] | None, str]:
    """The answer's JSON object, or ``(None, problem)`` in words for the user."""
    text = body.decode("utf-8-sig", errors="replace").strip()
    if not text:
        return None, "an empty answer"
    try:
        data = json.loads(text)
    except ValueError:
        return None, "a page that is not a VoIP.ms API answer"
    if not (isinstance(data, dict) and "status" in data):
        return None, "an answer without a status"
    return data, ""


def decode_answer(source: bytes | str, convert: Callable[[dict[str, Any]], object]) -> Decoded:
    """Runs in the worker: decode the body (bytes, or the path of a spilled file), convert."""
    if isinstance(source, str):
        path = Path(source)
        try:
            body = path.read_bytes()
        finally:
            path.unlink(missing_ok=True)
    else:
        body = source
    data, problem = parse_body(body)
    del body
    if data is None:
        return Decoded(problem=problem, pid=os.getpid())
    status = str(data.get("status", "")).strip()
    if status != "success":
        # Empty-list and error statuses are interpreted by the client (small).
        return Decoded(status=status, pid=os.getpid())
    value = convert(data)
    del data
    if isinstance(value, list):
        slices = tuple(
            pickle.dumps(value[i:i + SLICE_ROWS], protocol=pickle.HIGHEST_PROTOCOL)
            for i in range(0, len(value), SLICE_ROWS)
        )
        return Decoded(status=status, slices=slices, is_list=True, pid=os.getpid(),
                       logged=_logged())
    return Decoded(status=status, slices=(pickle.dumps(value, pickle.HIGHEST_PROTOCOL),),
                   pid=os.getpid(), logged=_logged())


