"""Bugs end here: logged with their traceback, then a calm dialog.

Anything that is not a ``UserFacingError`` and escapes a slot reaches
``sys.excepthook`` (``app.ui.async_slot`` forwards task exceptions there too).
The user never sees a raw traceback in the main view: the crash dialog offers it
under "Show details" and names the log file. In ``--snapshot`` runs (headless)
the dialog is replaced by one line on stderr.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.config.logsetup import redact
from app.ui.feedback import keep_alive
from app.ui.i18n import translate
from app.ui.plain_text import plain_labels

log = logging.getLogger(__name__)

_log_file: Path | None = None
_headless = False
_installed_previous: Any = None
#: Every bug reported in this process (type name, message), oldest first.
reported: list[tuple[str, str]] = []


def install(*, log_file: Path | None, headless: bool = False) -> None:
    """Take over ``sys.excepthook``; ``headless`` prints instead of showing dialogs."""
    global _log_file, _headless, _installed_previous
    _log_file, _headless = log_file, headless
    if sys.excepthook is not _excepthook:
        _installed_previous = sys.excepthook
        sys.excepthook = _excepthook


def uninstall() -> None:
    global _installed_previous
    if sys.excepthook is _excepthook and _installed_previous is not None:
        sys.excepthook = _installed_previous
        _installed_previous = None


def asyncio_handler(loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
    """For ``loop.set_exception_handler``: unhandled task errors are bugs too."""
    exc = context.get("exception")
    if isinstance(exc, BaseException):
        sys.excepthook(type(exc), exc, exc.__traceback__)
    else:
        log.error("asyncio: %s", context.get("message", context))


def report_bug(exc: BaseException) -> None:
    """Report a caught exception that should not have happened."""
    sys.excepthook(type(exc), exc, exc.__traceback__)


def _excepthook(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    text = redact("".join(traceback.format_exception(exc_type, exc, tb)))
    summary = redact(f"{exc_type.__name__}: {exc}")
    reported.append((exc_type.__name__, summary))
    log.critical("Unexpected error (a bug): %s\n%s", summary, text)
    if _headless or QApplication.instance() is None:
        print(f"switchboard: internal error: {summary}", file=sys.stderr)
        return
    _show_dialog(summary, text)


def _show_dialog(summary: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox  # not needed before the first paint

    box = QMessageBox(QApplication.activeWindow())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(translate("crash", "Switchboard hit a bug"))
    where = translate("crash", "\n\nThe details were written to {path}.").format(
        path=_log_file) if _log_file else ""
    box.setText(translate(
        "crash",
        "Something went wrong inside Switchboard. Your data is safe; the action you "
        "started may not have finished.",
    ) + where)
    box.setInformativeText(summary)
    box.setDetailedText(text)
    plain_labels(box)  # the summary may quote a server's words
    box.setStandardButtons(QMessageBox.StandardButton.Close)
    keep_alive(box)
    box.open()
