"""The Numbers tab (issue #7): DIDs, routing and failover editing, quick reroute."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.sync.context import AppContext
from app.sync.numbers_wiring import numbers_service
from app.ui.tabs.base import TabBase
from app.ui.tabs.numbers.view import NumbersTab


def create_tab(ctx: AppContext, parent: QWidget | None = None) -> TabBase:
    return NumbersTab(ctx, numbers_service(ctx), parent)


__all__ = ["NumbersTab", "create_tab"]
