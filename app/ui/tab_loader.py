"""The main window's tabs: their order, titles, and how each one is built.

Each tab module is imported by an explicit ``from ... import create_tab`` in a
small function of its own (not ``importlib`` by name), so that:

* PyInstaller and other freezers see every tab by reading this file;
* only the tab on show is imported before the first paint (the main window
  calls the function of that tab alone; the others follow after the paint);
* a tab that fails to import or to construct is a bug like any other: the
  exception propagates to the crash handler (``app.ui.crash``) instead of being
  turned into a placeholder that hides it.

To add a tab: write ``app/ui/tabs/<key>/__init__.py`` with
``create_tab(ctx, parent) -> TabBase``, add a ``_<key>`` function below, and
list it in ``TABS`` / ``_FACTORIES``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.services.root import AppServices
    from app.ui.tabs.base import TabBase

TabFactory = Callable[["AppServices", "QWidget | None"], "TabBase"]


def _voicemail() -> TabFactory:
    from app.ui.tabs.voicemail import create_tab

    return create_tab


def _messages() -> TabFactory:
    from app.ui.tabs.messages import create_tab

    return create_tab


def _fax() -> TabFactory:
    from app.ui.tabs.fax import create_tab

    return create_tab


def _numbers() -> TabFactory:
    from app.ui.tabs.numbers import create_tab

    return create_tab


def _calls() -> TabFactory:
    from app.ui.tabs.calls import create_tab

    return create_tab


def _phones() -> TabFactory:
    from app.ui.tabs.phones import create_tab

    return create_tab


#: (key, title) of the main window's tabs, in display order.
TABS: tuple[tuple[str, str], ...] = (
    # Titles are translated where shown (``tab_title``): this runs before the translator.
    ("voicemail", QT_TRANSLATE_NOOP("tabs", "Voicemail")),
    ("messages", QT_TRANSLATE_NOOP("tabs", "Messages")),
    ("calls", QT_TRANSLATE_NOOP("tabs", "Calls")),
    ("fax", QT_TRANSLATE_NOOP("tabs", "Fax")),
    ("numbers", QT_TRANSLATE_NOOP("tabs", "Numbers")),
    ("phones", QT_TRANSLATE_NOOP("tabs", "Phones")),
)

#: key -> the function that imports that tab's module and returns its ``create_tab``.
_FACTORIES: dict[str, Callable[[], TabFactory]] = {
    "voicemail": _voicemail,
    "messages": _messages,
    "fax": _fax,
    "numbers": _numbers,
    "calls": _calls,
    "phones": _phones,
}


def factory_of(key: str) -> TabFactory:
    """``create_tab`` of the tab ``key`` (its module is imported now, once)."""
    return _FACTORIES[key]()


def build_tab(ctx: AppServices, key: str, title: str, parent: QWidget | None) -> TabBase:
    """The tab ``key``, built; whatever goes wrong propagates (it is a bug)."""
    tab = factory_of(key)(ctx, parent)
    tab.key = tab.key or key
    tab.title = translate("tabs", tab.title or title)  # the class's English title
    return tab
