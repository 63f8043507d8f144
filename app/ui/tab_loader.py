"""Finds each tab's factory and stands in honestly for the ones that are missing.

The tabs are built by separate pieces of work (``app/ui/tabs/<key>``); a tab that
cannot be imported must not take the whole window down, and must not pretend
either: it gets an empty state saying the part is not available.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.domain.errors import UserFacingError
from app.ui import style
from app.ui.tabs.base import TabBase

if TYPE_CHECKING:
    from app.services.root import AppServices

log = logging.getLogger(__name__)

#: (key, title) of the main window's tabs, in display order.
TABS: tuple[tuple[str, str], ...] = (
    ("voicemail", "Voicemail"),
    ("messages", "Messages"),
    ("fax", "Fax"),
    ("numbers", "Numbers"),
    ("calls", "Calls"),
)
NOT_AVAILABLE = "This part of Switchboard is not available yet"

TabFactory = Callable[["AppServices", QWidget | None], TabBase]


def find_factory(key: str) -> tuple[TabFactory | None, str]:
    """``(create_tab, "")`` or ``(None, reason)`` for the tab ``key``."""
    try:
        module = importlib.import_module(f"app.ui.tabs.{key}")
    except ImportError as exc:
        log.warning("Tab %s unavailable: %s", key, exc)
        return None, f"{type(exc).__name__}: {exc}"
    factory = getattr(module, "create_tab", None)
    if not callable(factory):
        log.warning("Tab %s unavailable: app.ui.tabs.%s has no create_tab", key, key)
        return None, f"app.ui.tabs.{key} has no create_tab()"
    return factory, ""


class PlaceholderTab(TabBase):
    """Empty state for a tab that could not be built. Its load always 'fails'."""

    def __init__(
        self, ctx: AppServices, key: str, title: str, reason: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.key, self.title, self.reason = key, title, reason
        heading = QLabel(title, self)
        style.set_look(heading, style.TITLE)
        text = QLabel(NOT_AVAILABLE + ".", self)
        style.set_look(text, style.MUTED)
        text.setWordWrap(True)
        # The technical reason is for whoever reads the log or hovers: not the main text.
        text.setToolTip(reason)
        for label in (heading, text):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addStretch(2)

    async def refresh(self) -> None:
        raise UserFacingError(f"{NOT_AVAILABLE}.", detail=self.reason)


def build_tab(ctx: AppServices, key: str, title: str, parent: QWidget | None) -> TabBase:
    factory, reason = find_factory(key)
    if factory is not None:
        try:
            tab = factory(ctx, parent)
        except Exception as exc:  # a broken tab must not stop the window from opening
            log.exception("Creating tab %s failed", key)
            reason = f"{type(exc).__name__}: {exc}"
        else:
            tab.key = tab.key or key
            tab.title = tab.title or title
            return tab
    return PlaceholderTab(ctx, key, title, reason, parent)
