"""The contract between the main window and each tab.

Signals:
    badge_changed(int): unread count to show on the tab (0 hides the badge).
    status_message(str): a one-line status for the status bar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from app.domain.errors import UserFacingError
from app.ui.async_slot import async_slot
from app.ui.i18n import localized

if TYPE_CHECKING:
    from PySide6.QtWidgets import QAbstractItemView

    from app.services.root import AppServices


class TabBase(QWidget):
    """A tab of the main window. Subclasses fill it from the cache first, then the API."""

    badge_changed = Signal(int)
    status_message = Signal(str)

    #: Short name used for snapshots (``<key>.png``) and settings.
    key: str = ""
    #: Label of the tab.
    title: str = ""

    def __init__(self, ctx: AppServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx

    def load_cached(self) -> None:
        """Show what the local store has, quickly and without the network.

        By default ``read_cache()`` runs on the event loop and rows appear when the
        store's worker thread answers; a tab that can read its first screen fast
        enough may override this and fill itself synchronously (Messages does).
        """
        self._read_cache_soon()

    async def read_cache(self) -> None:
        """Read the store and show it (``load_cached``); ``UserFacingError`` -> status bar."""

    @async_slot()
    async def _read_cache_soon(self) -> None:
        try:
            await self.read_cache()
        except UserFacingError as exc:
            self.status_message.emit(localized(exc.message))

    async def refresh(self) -> None:
        """Fetch from the API and update the view.

        Raises ``UserFacingError`` when the load failed; the main window reports
        it (status bar; one line on stderr in ``--snapshot`` mode).
        """

    def shutdown(self) -> None:
        """Stop timers and players before the window closes."""

    def search_box(self) -> QLineEdit | None:
        """The tab's search field, focused by Ctrl+F (``app.ui.keyboard``); None: none."""
        return None

    def search_results(self) -> QAbstractItemView | None:
        """The list the search box narrows, where Down in the box goes; None: none."""
        return None

    def main_list(self) -> QAbstractItemView | None:
        """The tab's list, where Alt+digit and Ctrl+Tab put the keyboard (the arrows
        then pick a row); by default the one the search narrows. None: the tab."""
        return self.search_results()

    def start_new(self) -> None:
        """Start what the tab makes (a conversation, a fax): Ctrl+N / Ctrl+Shift+N."""

    async def showcase(self) -> list[tuple[str, QWidget]]:
        """``--snapshot``: show what a user works on here (a conversation open, a fax
        shown); returns dialogs opened for their own picture as ``(name, dialog)``.
        The snapshot closes them. By default the tab is pictured as it is."""
        return []
