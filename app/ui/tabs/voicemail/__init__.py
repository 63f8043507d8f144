"""The Voicemail tab (issue #4). ``create_tab`` is what the main window imports."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.sync.context import AppContext
from app.sync.voicemail import VoicemailService
from app.sync.voicemail_poll import VoicemailPoller
from app.sync.voicemail_store import DbVoicemailStore
from app.ui.pyside_fix import make_singletons_immortal
from app.ui.tabs.base import TabBase
from app.ui.tabs.voicemail.view import VoicemailTab

# The shell applies it at start-up; tests and benchmarks build the tab directly.
make_singletons_immortal()

__all__ = ["VoicemailTab", "create_tab"]


def create_tab(ctx: AppContext, parent: QWidget | None = None) -> TabBase:
    """Build the tab and its service (shared through ``ctx.services["voicemail"]``)."""
    service = ctx.services.get("voicemail")
    if not isinstance(service, VoicemailService):
        service = VoicemailService(ctx.api, DbVoicemailStore(ctx.db), ctx.media_subdir("voicemail"))
        ctx.services["voicemail"] = service
    poller = VoicemailPoller(
        service, ctx.notifier, interval_seconds=ctx.settings.voicemail_check_seconds
    )
    tab = VoicemailTab(ctx, service, poller, parent)
    poller.setParent(tab)
    return tab
