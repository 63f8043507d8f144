"""Big API answers decoded in a worker *process*, so the UI's event loop never stalls.

Why a process and not a thread: ``json.loads`` of a year's SMS page (3.5 MB) and
base64-decoding an 80 MB fax are single C calls that hold the GIL from start to
end; on a worker thread they still freeze the event loop for their whole length
(issue #16: 163 ms stalls during a sync). A worker process has its own GIL.

What crosses back must not stall either: unpickling 24,000 messages in one
``pickle.loads`` holds the GIL ~80 ms. So a converted list comes back pickled in
slices of :data:`SLICE_ROWS` and :func:`decode_big` unpickles one slice at a
time, yielding to the loop between slices (~2 ms each). A payload the caller
wants on disk (a fax, a recording) is written by the worker itself: only its
path comes back.

Bodies over :data:`SPILL_BYTES` go to the worker through a temporary file
written on a thread (a file write releases the GIL; pickling 100 MB into the
pool's pipe would copy it while holding it).

Small answers never come here (``client.BIG_BODY_BYTES``): a process round trip
costs more than decoding them in place.

The worker is started on first use with the ``spawn`` method (forking a process
that runs Qt threads is unsafe) and imports only ``app.api`` modules without
httpx or Qt. If it cannot start or dies, the same work runs on a thread (slower
for the UI, but correct) and the next call tries a new worker.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import pickle
import tempfile
import threading
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any, BinaryIO, TypeVar, cast

from app.api.answer import Decoded, decode_answer, install_collector

log = logging.getLogger(__name__)

T = TypeVar("T")

#: Worker failures after which big answers are decoded on a thread for the session.
MAX_FAILURES = 2
#: Bodies bigger than this reach the worker through a temporary file.
SPILL_BYTES = 8 * 1024 * 1024
#: A streamed body is written to its file in batches of about this size.
WRITE_BATCH_BYTES = 4 * 1024 * 1024
#: First bytes of a streamed body kept for error messages.
HEAD_BYTES = 200


def _ready() -> int:
    return os.getpid()


class _Worker:
    """The one decoding process, started on first use (on a thread, not the loop)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        #: Workers that failed to start or died; past ``MAX_FAILURES`` no more are tried
        #: this session (a worker that cannot start would fail again every time).
        self.failures = 0
        #: Decodes that ran in a worker process / fell back to a thread (tests, bench).
        self.in_process = 0
        self.on_thread = 0

    @property
    def usable(self) -> bool:
        return self.failures < MAX_FAILURES

    def submit(self, fn: Callable[..., T], *args: object) -> Future[T]:
        """Called on a worker thread: starting the process forks and execs."""
        with self._lock:
            if not self.usable:
                raise BrokenProcessPool("the decoding process failed repeatedly")
            if self._pool is None:
                self._pool = ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                    initializer=install_collector)
            return self._pool.submit(fn, *args)

    def discard(self) -> None:
        """The worker failed: drop it (a new one is tried next time, up to a limit)."""
        with self._lock:
            self.failures += 1
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def shutdown(self) -> None:
        """Stop the worker (the app is closing; tests)."""
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


WORKER = _Worker()


async def warm_up() -> None:
    """Start the worker ahead of the first big answer (its start takes ~0.2 s)."""
    if not WORKER.usable:
        return
    try:
        await asyncio.wrap_future(await asyncio.to_thread(WORKER.submit, _ready))
    except (OSError, BrokenProcessPool) as exc:
        log.warning("The decoding process did not start (%s); big answers decode on a thread",
                    exc)
        WORKER.discard()


async def _run_in_worker(
    body: bytes | Path, convert: Callable[[dict[str, Any]], object]
) -> Decoded:
    source: bytes | str = str(body) if isinstance(body, Path) else body
    if not WORKER.usable:
        WORKER.on_thread += 1
        return await asyncio.to_thread(decode_answer, source, convert)
    if isinstance(source, bytes) and len(source) > SPILL_BYTES:
        source = await asyncio.to_thread(_spill, source)
    try:
        future = await asyncio.to_thread(WORKER.submit, decode_answer, source, convert)
        return await asyncio.wrap_future(future)
    except (OSError, BrokenProcessPool) as exc:
        # The worker could not start or died (killed, out of memory): do the same
        # work on a thread rather than fail the user's action; a new worker next time.
        log.warning("The decoding process failed (%s); decoding on a thread instead", exc)
        WORKER.discard()
        if isinstance(source, str) and not Path(source).exists() and isinstance(body, bytes):
            source = body  # the worker removed the spilled copy before it died
        WORKER.on_thread += 1
        return await asyncio.to_thread(decode_answer, source, convert)
    finally:
        if isinstance(source, str):
            Path(source).unlink(missing_ok=True)


async def receive(
    chunks: AsyncIterator[bytes], *, keep_below: int
) -> tuple[bytes | Path, bytes]:
    """A streamed body: in memory while it stays under ``keep_below`` bytes, else in a
    temporary file written a batch at a time on a thread (never joined whole here).

    Returns the body (bytes, or the file's path: the caller hands it to
    :func:`decode_big`, which removes it) and its first bytes (for error messages).
    """
    kept: list[bytes] = []
    size = 0
    head = b""
    spill: tuple[BinaryIO, Path] | None = None
    try:
        async for chunk in chunks:
            if len(head) < HEAD_BYTES:
                head += chunk[:HEAD_BYTES - len(head)]
            kept.append(chunk)
            size += len(chunk)
            if spill is None and size > keep_below:
                fd, name = tempfile.mkstemp(prefix="switchboard-answer-")
                spill = (os.fdopen(fd, "wb"), Path(name))
            if spill is not None and size >= WRITE_BATCH_BYTES:
                await asyncio.to_thread(spill[0].writelines, kept)
                kept, size = [], 0
        if spill is None:
            return b"".join(kept), head
        await asyncio.to_thread(spill[0].writelines, kept)
        spill[0].close()
        return spill[1], head
    except BaseException:
        if spill is not None:
            spill[0].close()
            spill[1].unlink(missing_ok=True)
        raise


def _spill(body: bytes) -> str:
    fd, name = tempfile.mkstemp(prefix="switchboard-answer-")
    with os.fdopen(fd, "wb") as fh:
        fh.write(body)  # one write: the GIL is released while the kernel copies
    return name


async def decode_big(
    body: bytes | Path, convert: Callable[[dict[str, Any]], T]
) -> tuple[Decoded, T | None]:
    """Decode ``body`` (or the file ``receive`` wrote, then removed) and apply
    ``convert`` (picklable) off this process.

    Returns the worker's report and, for a successful answer, the converted
    value, unpickled a slice at a time between turns of the event loop.
    """
    decoded = await _run_in_worker(body, convert)
    if decoded.pid != os.getpid():
        WORKER.in_process += 1
    for name, level, message in decoded.logged:
        logging.getLogger(name).log(level, "%s (decoding worker)", message)
    if decoded.problem or decoded.status != "success":
        return decoded, None
    if not decoded.is_list:
        return decoded, cast(T, pickle.loads(decoded.slices[0]))
    items: list[object] = []
    for piece in decoded.slices:
        items.extend(pickle.loads(piece))
        await asyncio.sleep(0)  # let the UI paint between slices
    return decoded, cast(T, items)
