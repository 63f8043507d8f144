"""A short thread switch interval for the GUI process (issue #16: no stalls).

Why: Qt calls into Python for every model ``data()``, delegate ``paint`` and slot,
and each call takes the GIL. While another thread of ours runs Python (the
database thread storing a sync's rows, a service's worker thread), CPython lets a
waiting thread have the GIL only after the holder has run for the *switch
interval*, 5 ms by default, and the GUI thread waits that long again at each of
its many acquisitions during one repaint: the "convoy effect" (CPython issue
gh-52194, formerly bpo-7946, still open). Measured on the 2-core machine, a table
repainted every 5 ms beside a thread running Python: the longest stall 120 ms at
5 ms, 25 ms at 1 ms, 15 ms at 0.5 ms (``bench responsiveness`` prints the
figures with and without).

This is a documented interpreter setting (``sys.setswitchinterval``), not a
patch; it costs nothing while only one thread wants the GIL, and a few per cent of
a background thread's speed while the GUI thread wants it too, which is the trade
we want. Kill switch: ``SWITCHBOARD_SWITCH_INTERVAL_MS=off`` keeps Python's own
interval; a number sets another one (in milliseconds).
"""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger(__name__)

#: The interval the GUI process runs with, in milliseconds.
INTERVAL_MS = 0.5
ENV_VAR = "SWITCHBOARD_SWITCH_INTERVAL_MS"
OFF_WORDS = frozenset({"off", "0", "no", "default", "python"})


def wanted_interval_ms(environ: dict[str, str] | os._Environ[str] = os.environ) -> float | None:
    """The interval to set, in ms; ``None`` keeps the interpreter's own."""
    raw = environ.get(ENV_VAR, "").strip().lower()
    if not raw:
        return INTERVAL_MS
    if raw in OFF_WORDS:
        return None
    try:
        value = float(raw)
    except ValueError:
        log.warning("Ignoring %s=%r (not a number of ms); using %s ms", ENV_VAR, raw,
                    INTERVAL_MS)
        return INTERVAL_MS
    # Below 0.1 ms the threads would spend their time handing the GIL over.
    return min(max(value, 0.1), 100.0)


def apply() -> float:
    """Set the process's switch interval (see the module's text); returns it in ms."""
    wanted = wanted_interval_ms()
    if wanted is not None:
        sys.setswitchinterval(wanted / 1000)
    return sys.getswitchinterval() * 1000
