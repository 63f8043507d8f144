"""The Phones tab (issue #18): every phone, its registration, set-up, edits, mailbox.

``create_tab`` is what the main window imports (see app/ui/tab_loader.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.services.root import AppServices
from app.ui.tabs.base import TabBase
from app.ui.tabs.phones.view import PhonesTab

__all__ = ["PhonesTab", "create_tab"]


def create_tab(ctx: AppServices, parent: QWidget | None = None) -> TabBase:
    return PhonesTab(ctx, ctx.phones, parent=parent)
