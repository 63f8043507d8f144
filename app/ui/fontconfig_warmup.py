"""Load fontconfig's configuration on a worker thread while the app imports.

On Linux, Qt's first use of a font (the first text laid out, in practice the
status bar's height) calls fontconfig's ``FcInit()``, which parses the XML
configuration under ``/etc/fonts`` and reads the font cache: ~3 ms of the main
thread before the first paint on the 2-core development machine. ``FcInit`` is
thread-safe and does its work once per process, so calling it first from
another thread (through ``ctypes``, which lets go of the GIL for the call) does
that work while the main thread imports Python modules; Qt's own call then
finds it done. Elsewhere Qt does not use fontconfig and this does nothing.
"""

from __future__ import annotations

import logging
import sys
import threading

log = logging.getLogger(__name__)

#: The soname Qt's Linux wheels link against.
FONTCONFIG = "libfontconfig.so.1"


def start_fontconfig_warmup() -> threading.Thread | None:
    """Start the worker (a daemon thread); ``None`` where there is no fontconfig."""
    if not sys.platform.startswith("linux"):
        return None
    worker = threading.Thread(target=_init_fontconfig, name="fontconfig-warmup", daemon=True)
    worker.start()
    return worker


def _init_fontconfig() -> None:
    import ctypes

    try:
        fontconfig = ctypes.CDLL(FONTCONFIG)
        if not fontconfig.FcInit():
            log.info("fontconfig could not load its configuration; Qt will try again")
    except (OSError, AttributeError) as exc:  # no such library, or not fontconfig
        log.info("No fontconfig warm-up: %s", exc)
