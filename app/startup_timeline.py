"""Timestamps of the phases of one start-up, for the start-up benchmark.

With ``SWITCHBOARD_STARTUP_TIMELINE=1`` in the environment, :func:`mark` prints
``switchboard-timeline <phase> <seconds> <process cpu> <main thread cpu>`` to
stderr, the seconds being ``time.perf_counter()`` (the system's monotonic clock,
the same in every process on Linux), the CPU seconds ``time.process_time()``
(user + system time of the whole process since it started, every thread) and
``time.thread_time()`` (the main thread's alone: the start's critical path; the
cache database is opened on another thread meanwhile). ``bench/bench_startup.py``
subtracts the moment it started the process and prints how long each phase took;
the CPU time is what a busy machine disturbs least (another program running
beside the start delays it, but does not make it do more work). Without the
variable it does nothing.
"""

from __future__ import annotations

import os
import sys
import time

_ENABLED = bool(os.environ.get("SWITCHBOARD_STARTUP_TIMELINE"))


def mark(phase: str) -> None:
    """Record that ``phase`` has just ended."""
    if _ENABLED:
        line = (
            f"switchboard-timeline {phase} {time.perf_counter():.6f} "
            f"{time.process_time():.6f} {time.thread_time():.6f}"
        )
        print(line, file=sys.stderr, flush=True)
