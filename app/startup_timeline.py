"""Timestamps of the phases of one start-up, for the start-up benchmark.

With ``SWITCHBOARD_STARTUP_TIMELINE=1`` in the environment, :func:`mark` prints
``switchboard-timeline <phase> <seconds>`` to stderr, the seconds being
``time.perf_counter()`` (the system's monotonic clock, the same in every process
on Linux). ``bench/bench_startup.py`` subtracts the moment it started the
process and prints how long each phase took. Without the variable it does nothing.
"""

from __future__ import annotations

import os
import sys
import time

_ENABLED = bool(os.environ.get("SWITCHBOARD_STARTUP_TIMELINE"))


def mark(phase: str) -> None:
    """Record that ``phase`` has just ended."""
    if _ENABLED:
        line = f"switchboard-timeline {phase} {time.perf_counter():.6f}"
        print(line, file=sys.stderr, flush=True)
