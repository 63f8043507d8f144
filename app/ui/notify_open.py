"""Opening what a clicked notification is about: the window, the tab, the row.

The services say what a notification is about with a ``NotifyTarget``
(``app/services/notifications.py``); the notifier hands it back on a click
(``Notifier.activated``) and the shell calls ``open_target``. Something that is
gone by then (deleted, filtered out) leaves the tab shown, nothing selected.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from app.services.notifications import NotifyTarget
from app.ui.async_slot import async_slot
from app.ui.main_window import MainWindow
from app.ui.notify import Notifier
from app.ui.tab_loader import TABS

log = logging.getLogger(__name__)


def raise_window(window: MainWindow) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


async def open_target(window: MainWindow, target: NotifyTarget | None) -> None:
    """Bring ``window`` up on ``target`` (``None`` or no tab: just the window)."""
    raise_window(window)
    if target is None or target.tab not in {key for key, _ in TABS}:
        return
    window.show_tab(target.tab)
    item = target.item
    if not item:
        return
    try:
        await _open_item(window, target.tab, item)
    except (ValueError, IndexError):  # an item of the wrong shape: a bug in a service
        log.exception("Cannot open %s item %r", target.tab, item)


async def _open_item(window: MainWindow, tab_key: str, item: tuple[str, ...]) -> None:
    tab = window.tabs.get(tab_key)
    if tab_key == "messages":
        await window.open_conversation(item[0], item[1])
    elif tab_key == "voicemail":
        from app.ui.tabs.voicemail.view import VoicemailTab

        if isinstance(tab, VoicemailTab):
            mailbox, folder, number = item[0], item[1], int(item[2])
            await tab.open_folder(mailbox, folder)
            tab.select_message((mailbox, folder, number))
    elif tab_key == "fax":
        from app.ui.tabs.fax.view import FaxTab

        if isinstance(tab, FaxTab):
            folder, fax_id = item[0], int(item[1])
            tab.open_folder(folder)
            await tab.reload()
            tab.select_fax(fax_id)
    elif tab_key == "calls":
        from app.ui.tabs.calls.view import CallsTab

        if isinstance(tab, CallsTab):
            tab.select_call(item[0])


class NotificationOpener(QObject):
    """Opens what a clicked notification of ``notifier`` is about, in ``window``."""

    def __init__(self, notifier: Notifier, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        notifier.activated.connect(self._on_notifier_activated)

    @async_slot(object)
    async def _on_notifier_activated(self, target: object) -> None:
        await open_target(self._window, target if isinstance(target, NotifyTarget) else None)
