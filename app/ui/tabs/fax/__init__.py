"""The Fax tab (issue #6): folders, messages, PDF preview, actions, send.

``create_tab`` is what the main window imports (see app/ui/tab_loader.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.fax.poll import FaxPoller
from app.services.root import AppServices
from app.ui.tabs.base import TabBase
from app.ui.tabs.fax.view import FaxTab

__all__ = ["FaxTab", "create_tab"]


def create_tab(ctx: AppServices, parent: QWidget | None = None) -> TabBase:
    service = ctx.fax
    interval = ctx.settings.fax_poll_seconds
    poller = FaxPoller(service, ctx.notifier, interval_seconds=interval)
    tab = FaxTab(ctx, service, poller, parent=parent)
    poller.setParent(tab)
    return tab
