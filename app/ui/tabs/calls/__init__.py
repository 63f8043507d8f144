"""The Calls tab (issue #18): call history, missed calls, actions, recordings.

``create_tab`` is what the main window imports (see app/ui/tab_loader.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.root import AppServices
from app.ui.tabs.base import TabBase
from app.ui.tabs.calls.view import CallsTab

__all__ = ["CallsTab", "create_tab"]


def create_tab(ctx: AppServices, parent: QWidget | None = None) -> TabBase:
    return CallsTab(ctx, ctx.calls, parent=parent)
