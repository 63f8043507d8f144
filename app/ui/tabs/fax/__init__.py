"""The Fax tab (issue #6): folders, messages, PDF preview, actions, send.

``create_tab`` is what the main window imports (see app/ui/tab_loader.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.store.fax import FaxRepo
from app.store.sync_state import SyncState
from app.sync.context import AppContext
from app.sync.fax import FaxService
from app.sync.fax_poll import FaxPoller
from app.ui.tabs.base import TabBase
from app.ui.tabs.fax.view import FaxTab

__all__ = ["FaxTab", "create_tab", "fax_service"]


def fax_service(ctx: AppContext) -> FaxService:
    """The one fax service of the session, shared through ``ctx.services["fax"]``."""
    service = ctx.services.get("fax")
    if not isinstance(service, FaxService):
        service = FaxService(
            ctx.api,
            FaxRepo(ctx.db),
            SyncState(ctx.db),
            ctx.media_subdir("fax"),
            provider_tz=ctx.settings.provider_timezone,
        )
        ctx.services["fax"] = service
    return service


def create_tab(ctx: AppContext, parent: QWidget | None = None) -> TabBase:
    service = fax_service(ctx)
    interval = ctx.settings.fax_poll_seconds
    poller = FaxPoller(service, ctx.notifier, interval_seconds=interval)
    tab = FaxTab(ctx, service, poller, parent=parent)
    poller.setParent(tab)
    return tab
