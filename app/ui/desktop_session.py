"""Whether there is a desktop to show a window on, asked before Qt is loaded.

On Linux and the BSDs, Qt's default platform plugins (xcb, wayland) abort the
process (exit 134) when there is no display, with a message about the xcb
plugin that says nothing useful to the person who started the app. This module
imports no Qt, so ``app.__main__`` can ask first and say it in one sentence.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

#: Platforms whose Qt plugins need a display server; macOS and Windows always have one.
_DISPLAY_SERVER_PLATFORMS = ("linux", "freebsd", "openbsd", "netbsd", "dragonfly")
#: QT_QPA_PLATFORM values that talk to a display server (a list like "wayland;xcb" too).
_NEEDS_DISPLAY = ("xcb", "wayland")


def missing_display(
    environ: Mapping[str, str] | None = None, platform: str | None = None
) -> str | None:
    """Why no window can open here (one sentence), or ``None`` when it can."""
    env = os.environ if environ is None else environ
    system = sys.platform if platform is None else platform
    if not system.startswith(_DISPLAY_SERVER_PLATFORMS):
        return None
    qpa = env.get("QT_QPA_PLATFORM", "").strip()
    if qpa and not any(name in qpa for name in _NEEDS_DISPLAY):
        return None  # offscreen, minimal, vnc, eglfs...: no display server needed
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    variable = "WAYLAND_DISPLAY" if qpa.startswith("wayland") else "DISPLAY"
    if _wants_french(env):
        # Said before Qt (and its translations) can load: the one sentence in French here.
        return (
            "Switchboard a besoin d'un bureau graphique : aucun affichage trouvé "
            f"({variable} n'est pas défini). Lancez-le depuis une session de bureau (ou par "
            "ssh -X), ou réglez QT_QPA_PLATFORM=offscreen pour l'utiliser sans fenêtre "
            "(p. ex. avec --snapshot)."
        )
    return (
        f"Switchboard needs a graphical desktop: no display found ({variable} is not set). "
        "Start it from a desktop session (or over ssh -X), or set "
        "QT_QPA_PLATFORM=offscreen to run it without a window (e.g. with --snapshot)."
    )


def _wants_french(env: Mapping[str, str]) -> bool:
    """The system's message language, as gettext reads it (LANGUAGE, LC_ALL,
    LC_MESSAGES, LANG: the first one set), is French."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip()
        if value:
            return value.lower().startswith("fr")
    return False
