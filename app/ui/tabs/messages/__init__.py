"""Messages tab (issue #5): SMS/MMS conversations, compose, search, sync."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.root import AppServices
from app.ui.tabs.base import TabBase
from app.ui.tabs.messages.tab import MessagesTab


def create_tab(ctx: AppServices, parent: QWidget | None = None) -> TabBase:
    return MessagesTab(ctx, parent)


__all__ = ["MessagesTab", "create_tab"]
