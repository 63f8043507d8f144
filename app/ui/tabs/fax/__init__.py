"""The Fax tab (issue #6): folders, messages, PDF preview, actions, send.

``create_tab`` is what the main window imports (see app/ui/tab_loader.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.root import AppServices
from app.ui.tabs.base import TabBase
from app.ui.tabs.fax.view import FaxTab

__all__ = ["FaxTab", "create_tab"]


def create_tab(ctx: AppServices, parent: QWidget | None = None) -> TabBase:
    # The service (with its poller and the notifier) comes built from the root.
    return FaxTab(ctx, ctx.fax, parent=parent)
