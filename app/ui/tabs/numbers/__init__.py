"""The Numbers tab (issue #7): DIDs, routing and failover editing, quick reroute."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.root import AppServices
from app.ui.tabs.base import TabBase
from app.ui.tabs.numbers.view import NumbersTab


def create_tab(ctx: AppServices, parent: QWidget | None = None) -> TabBase:
    return NumbersTab(ctx, ctx.numbers, parent)


__all__ = ["NumbersTab", "create_tab"]
