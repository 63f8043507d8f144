"""The Voicemail tab (issue #4). ``create_tab`` is what the main window imports."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.root import AppServices
from app.ui.tabs.base import TabBase
from app.ui.tabs.voicemail.view import VoicemailTab

__all__ = ["VoicemailTab", "create_tab"]


def create_tab(ctx: AppServices, parent: QWidget | None = None) -> TabBase:
    """Build the tab on the session's one voicemail service (``ctx.voicemail``), which
    also owns the periodic check (``service.polling``) the tab starts and stops."""
    return VoicemailTab(ctx, ctx.voicemail, parent)
