"""Scaffolding shared by the tab benchmarks (fax, voicemail, messages, store).

Each benchmark needs the same three instruments, and they were written three
times over:

* ``start_sandbox``: the sandbox in a *child process* (``python -m app.sandbox``),
  so its request handling does not count as our event-loop stalls or our RSS;
* ``StallMeter``: a 5 ms ``QTimer`` whose longest gap between ticks is the
  longest event-loop stall (work that froze the UI);
* ``rss_mb``: resident memory of this process, now and peak.
"""

from __future__ import annotations

import re
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

#: Interval of the stall meter's ticker: stalls shorter than this are invisible.
TICK_MS = 5


class StallMeter:
    """The longest gap between ticks of a 5 ms timer (event-loop stalls).

    By default the figure is the whole gap, including the final one up to
    ``stop()``. ``excess_over_tick=True`` reports how much later than due the
    latest tick ran (gap minus the 5 ms interval) and ignores the partial gap at
    ``stop()``; the messages benchmark has always reported that figure and its
    targets (< 50 ms) were set against it.
    """

    def __init__(self, *, excess_over_tick: bool = False) -> None:
        # Imported here, not at the top: the store benchmark uses ``rss_mb`` and no
        # Qt, and loading QtCore would add ~17 MB to the RSS it reports.
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.excess_over_tick = excess_over_tick
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.clock = QElapsedTimer()
        self.longest = 0.0
        self.last = 0.0
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.longest = 0.0
        self.clock.start()
        self.last = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed() / 1e6
        gap = now - self.last
        if self.excess_over_tick:
            gap -= TICK_MS
        self.longest = max(self.longest, gap)
        self.last = now

    def stop(self) -> float:
        """Stop measuring; the longest stall in ms since ``start()``."""
        if self.excess_over_tick:
            self.timer.stop()
            return max(self.longest, 0.0)
        self._tick()
        self.timer.stop()
        return self.longest


def start_sandbox(
    profile: str = "large", *, quiet_stderr: bool = False
) -> tuple[subprocess.Popen[str], str, str, str]:
    """Start ``app.sandbox`` on a free port; ``(process, url, username, password)``.

    The credentials are read from the banner the sandbox prints at start-up.
    The caller terminates the process.
    """
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.sandbox", "--port", "0", "--profile", profile],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        # Keep-alive resets at exit are noise in a benchmark's output.
        stderr=subprocess.DEVNULL if quiet_stderr else None,
        text=True,
    )
    found = read_banner(proc, ("URL", "Username", "Password"))
    return proc, found["URL"], found["Username"], found["Password"]


def read_banner(proc: subprocess.Popen[str], names: tuple[str, ...]) -> dict[str, str]:
    """The ``Name: value`` lines a sandbox prints at start-up, read until all ``names``
    are seen (or its output ends)."""
    assert proc.stdout is not None
    pattern = re.compile(rf"\s*({'|'.join(names)}):\s*(\S+)")
    found: dict[str, str] = {}
    for line in proc.stdout:
        match = pattern.match(line)
        if match:
            found[match.group(1)] = match.group(2)
        if len(found) == len(names):
            break
    return found


def rss_mb() -> tuple[float, float]:
    """Resident memory of this process in MB: ``(now, peak)``; now is 0 without /proc."""
    current = 0.0
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmRSS:"):
                current = int(line.split()[1]) / 1024
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return current, peak


@dataclass
class TabBench:
    """A tab benchmark's world: the qasync loop, the API client on the sandbox child,
    the services on a fresh cache database, and its working folder."""

    loop: Any
    client: Any
    ctx: Any
    work: Path


@contextmanager
def tab_bench(
    name: str, *, settings: Any = None, client_class: Any = None, quiet_stderr: bool = False
) -> Iterator[TabBench]:
    """Start the large sandbox in a child process and the services against it, on a
    qasync loop of the running QApplication; stop and remove everything at the end.
    The caller builds its tab from ``ctx`` and runs on ``loop``."""
    import asyncio

    import qasync
    from PySide6.QtWidgets import QApplication

    from app.api.client import VoipMsClient
    from app.api.typed import Api
    from app.config.settings import Settings
    from app.services.root import AppServices
    from app.store.db import Database

    app = QApplication.instance()
    assert app is not None, "create the QApplication first (app.ui.app.create_qapplication)"
    proc, url, user, password = start_sandbox(quiet_stderr=quiet_stderr)
    work = Path(tempfile.mkdtemp(prefix=f"bench-{name}-"))
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    client = (client_class or VoipMsClient)(user, password, base_url=url, min_interval=0)
    ctx = AppServices(api=Api(client), db=Database.open(work / "cache.sqlite3"),
                      settings=settings or Settings(path=None), media_dir=work / "media")
    try:
        yield TabBench(loop, client, ctx, work)
        loop.run_until_complete(client.aclose())
    finally:
        ctx.db.close()
        # Closing the loop stops its executor's QThreads (asyncio.to_thread runs there):
        # left running, Qt aborts the process at exit ("QThread: Destroyed while ...").
        loop.close()
        proc.terminate()
        proc.wait(timeout=10)
        shutil.rmtree(work, ignore_errors=True)
