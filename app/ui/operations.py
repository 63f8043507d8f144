"""One helper for background work started from the UI.

``run_operation`` disables the control that started the work, shows progress
(in the main window's status bar, or a progress dialog), turns a
``UserFacingError`` into one message (``feedback.show_error``; none for a
refresh refused offline, which the connectivity bar says) and sends any
other exception to the crash handler: it is a bug. It returns the coroutine's
result, or ``None`` when the operation failed or was cancelled.

Usage in a slot::

    @asyncSlot()
    async def _on_send_clicked(self) -> None:
        sent = await run_operation(self.send_button, self.service.send(...),
                                   busy_text="Sending…")

For determinate progress pass a function taking a ``Progress`` instead of a
coroutine: ``run_operation(w, lambda p: service.sync(p.update), ...)``.

Work that belongs to a whole tab rather than to one control (several may overlap)
uses ``run_in_background(tab, ...)``: same busy text and error handling, nothing
disabled, so overlapping operations never fight over a control's enabled state.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Protocol, TypeVar, runtime_checkable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.domain.errors import UserFacingError
from app.ui import crash, feedback
from app.ui.i18n import localized, translate

log = logging.getLogger(__name__)
T = TypeVar("T")


@runtime_checkable
class BusyHost(Protocol):
    """A window that can show busy state itself (the main window's status bar)."""

    def begin_busy(self, text: str, cancel: Callable[[], None] | None) -> object: ...

    def update_busy(self, token: object, done: int, total: int, text: str) -> None: ...

    def end_busy(self, token: object) -> None: ...


class Progress:
    """Handed to a work function that can report how far it got."""

    def __init__(self) -> None:
        self._listeners: list[Callable[[int, int, str], None]] = []

    def update(self, done: int, total: int, text: str = "") -> None:
        for listener in self._listeners:
            listener(done, total, text)


async def run_operation(
    widget: QWidget | None,
    work: Awaitable[T] | Callable[[Progress], Awaitable[T]],
    *,
    busy_text: str,
    progress: bool = False,
    cancellable: bool = False,
    disable: bool = True,
    refresh: bool = False,
) -> T | None:
    """``refresh``: the work only fetches what is shown (a Refresh button). When
    VoIP.ms cannot be reached, the connectivity bar under the header already
    says so and retries: no dialog on top of it. A command refused offline (a
    send, a reroute) still gets its message: what the user asked was not done."""
    reporter = Progress()
    awaitable = work(reporter) if callable(work) else work
    task: asyncio.Future[T] = asyncio.ensure_future(awaitable)
    cancel: Callable[[], None] | None = None
    if cancellable:

        def cancel() -> None:
            task.cancel()


    disable = disable and widget is not None
    was_enabled = widget.isEnabled() if widget is not None else False
    if disable and widget is not None:
        widget.setEnabled(False)
    host = widget.window() if widget is not None else None
    token: object = None
    dialog: QProgressDialog | None = None
    if isinstance(host, BusyHost):
        token = host.begin_busy(busy_text, cancel)
        # A service's progress text (app/domain/words.py) in the UI's language.
        reporter._listeners.append(lambda d, t, s: host.update_busy(token, d, t, localized(s)))
    elif progress:
        dialog = _progress_dialog(widget, busy_text, cancel)
        reporter._listeners.append(lambda d, t, s: _update_dialog(dialog, d, t, localized(s)))
    try:
        return await task
    except asyncio.CancelledError:
        if not task.cancelled():
            raise  # we ourselves are being cancelled (window closing): propagate
        log.info("Operation cancelled: %s", busy_text)
        return None
    except UserFacingError as exc:
        log.info("Operation failed: %s: %s", busy_text, exc.message)
        if not (refresh and is_offline(exc)):
            feedback.show_error(widget if _alive(widget) else None, exc)
        return None
    except Exception as exc:
        crash.report_bug(exc)
        return None
    finally:
        if isinstance(host, BusyHost) and _alive(host):
            host.end_busy(token)
        if dialog is not None and _alive(dialog):
            dialog.reset()
            dialog.deleteLater()
        if disable and widget is not None and _alive(widget):
            widget.setEnabled(was_enabled)


async def run_in_background(
    owner: QWidget,
    work: Awaitable[T] | Callable[[Progress], Awaitable[T]],
    *,
    busy_text: str,
    progress: bool = False,
    cancellable: bool = False,
) -> T | None:
    """``run_operation`` for work owned by a whole view: nothing gets disabled."""
    return await run_operation(
        owner, work, busy_text=busy_text, progress=progress, cancellable=cancellable,
        disable=False,
    )


def is_offline(error: UserFacingError) -> bool:
    """Refused because VoIP.ms cannot be reached (the connectivity bar's business)."""
    # Imported here: the connectivity service loads the API client's modules.
    from app.services.connectivity.service import Unreachable

    return isinstance(error, Unreachable)


def _alive(obj: object) -> bool:
    return obj is not None and shiboken6.isValid(obj)


def _progress_dialog(
    parent: QWidget | None, text: str, cancel: Callable[[], None] | None
) -> QProgressDialog:
    dialog = QProgressDialog(text, translate(
        "operations",
        "Cancel",
    ) if cancel else "", 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)  # quick work finishes without a flash of dialog
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if cancel is None:
        dialog.setCancelButton(None)  # type: ignore[arg-type]
    else:
        dialog.canceled.connect(cancel)
    return dialog


def _update_dialog(dialog: QProgressDialog | None, done: int, total: int, text: str) -> None:
    if dialog is None or not _alive(dialog):
        return
    dialog.setMaximum(max(total, 0))
    dialog.setValue(min(done, total) if total > 0 else 0)
    if text:
        dialog.setLabelText(text)
