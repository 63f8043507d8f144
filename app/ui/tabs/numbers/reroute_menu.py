"""The "Route calls to" menu: every target, one click to reroute.

Used both as the toolbar button's menu and inside a DID's context menu (built
here too). Targets
are grouped by kind in submenus (the lists can be long); kinds without any
target are shown disabled with a reason rather than hidden, so the user learns
why e.g. "Ring group" offers nothing. The entry the selection already uses is
checked, so the menu doubles as a display of the current routing.

Signals:
    route_chosen(object): the ``Route`` the user clicked.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QMenu, QWidget

from app.domain.models.numbers import Did
from app.domain.routing import ROUTE_KIND_LABELS, Route, RouteKind
from app.domain.routing_labels import EDITOR_KINDS, TargetLists, target_text, targets_for
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.i18n import localized, translate
from app.ui.tabs.numbers.words import ADVANCED_KINDS, kind_words

#: Submenu titles in an owner's words (#15.15), in the plural; each explained by the
#: kind's tooltip (``routing_editor.KIND_WORDS``).
_SUBMENU_TITLES: dict[RouteKind, str] = {
    RouteKind.ACCOUNT: QT_TRANSLATE_NOOP("numbers.reroute_menu", "Phones (sub-accounts)"),
    RouteKind.FORWARD: QT_TRANSLATE_NOOP("numbers.reroute_menu", "Forward to a number"),
    RouteKind.VOICEMAIL: QT_TRANSLATE_NOOP("numbers.reroute_menu", "Voicemail"),
    RouteKind.SIP: QT_TRANSLATE_NOOP("numbers.reroute_menu", "SIP addresses"),
    RouteKind.RING_GROUP: QT_TRANSLATE_NOOP("numbers.reroute_menu", "Several phones (ring groups)"),
    RouteKind.IVR: QT_TRANSLATE_NOOP("numbers.reroute_menu", "Phone menus (IVR)"),
    RouteKind.QUEUE: QT_TRANSLATE_NOOP("numbers.reroute_menu", "Waiting lines (queues)"),
    RouteKind.CALLBACK: QT_TRANSLATE_NOOP("numbers.reroute_menu", "Call backs"),
    RouteKind.TIME_CONDITION: QT_TRANSLATE_NOOP("numbers.reroute_menu",
        "Opening hours (time conditions)"),
    RouteKind.DISA: QT_TRANSLATE_NOOP("numbers.reroute_menu",
        "Dial out through this number (DISA)"),
    RouteKind.RECORDING: QT_TRANSLATE_NOOP("numbers.reroute_menu", "Play a recording"),
    RouteKind.SYSTEM: QT_TRANSLATE_NOOP("numbers.reroute_menu", "Hang up or a message"),
}


class RerouteMenuBuilder(QObject):
    """Fills a ``QMenu`` with route actions; emits ``route_chosen`` on a click."""

    route_chosen = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lists: TargetLists = {}

    def set_lists(self, lists: TargetLists) -> None:
        self._lists = lists

    def build(self, menu: QMenu, current: Route | None = None) -> None:
        """Replace ``menu``'s content; ``current`` (if all selected DIDs share it) is checked."""
        menu.clear()
        menu.setToolTipsVisible(True)
        # The technical kinds (SIP, call back, DISA) wait in one "Advanced" submenu.
        advanced = QMenu(translate("RerouteMenuBuilder", "Advanced"), menu)
        advanced.setObjectName("reroute_advanced")
        advanced.setToolTipsVisible(True)
        for kind in EDITOR_KINDS:
            if kind is RouteKind.NONE:
                menu.addMenu(advanced)
                menu.addSeparator()
                self._add_action(menu, translate(
                    "RerouteMenuBuilder",
                    "No action (calls are not answered)",
                ),
                                 Route(RouteKind.NONE, ""), current)
                continue
            targets = targets_for(kind, self._lists)
            parent = advanced if kind in ADVANCED_KINDS else menu
            submenu = parent.addMenu(
                translate("numbers.reroute_menu", _SUBMENU_TITLES[kind]) if kind in _SUBMENU_TITLES
                else localized(ROUTE_KIND_LABELS[kind]))
            words = kind_words(kind)
            submenu.menuAction().setToolTip(words[1] if words else "")
            submenu.setObjectName(f"reroute_{kind.value}")
            if not targets:
                empty = submenu.addAction(translate(
                    "RerouteMenuBuilder",
                    "None set up on this account",
                ))
                empty.setEnabled(False)
                continue
            for target in targets:
                route = Route(kind, target.value)
                self._add_action(submenu, localized(target_text(kind, target)), route, current)

    def _add_action(self, menu: QMenu, text: str, route: Route, current: Route | None) -> QAction:
        # "&" would turn the next letter into a mnemonic: escape it.
        action = menu.addAction(text.replace("&", "&&"))
        action.setData(route.to_api())
        action.setCheckable(True)
        action.setChecked(route == current)
        action.triggered.connect(lambda _checked=False, r=route: self.route_chosen.emit(r))
        return action


def common_route(dids: Sequence[Did]) -> Route | None:
    """The routing all of ``dids`` share (checked in the menu), if they share one."""
    routes = {d.routing for d in dids}
    return next(iter(routes)) if len(routes) == 1 else None


def did_context_menu(
    parent: QWidget,
    selected: Sequence[Did],
    builder: RerouteMenuBuilder,
    *,
    on_edit: Callable[[], object],
) -> QMenu:
    """The table's context menu: reroute the selection, edit or copy one number."""
    menu = QMenu(parent)
    menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    count = len(selected)
    title = (translate("numbers.reroute_menu", "Route calls to") if count <= 1
             else translate("numbers.reroute_menu", "Route {count} numbers to").format(count=count))
    reroute = menu.addMenu(title)
    reroute.setObjectName("contextReroute")
    reroute.setEnabled(count > 0)
    builder.build(reroute, common_route(selected))
    edit = menu.addAction(translate("numbers.reroute_menu", "Edit…"))
    edit.setEnabled(count == 1)
    edit.triggered.connect(on_edit)
    menu.addSeparator()
    copy = menu.addAction(translate("numbers.reroute_menu", "Copy number"))
    copy.setEnabled(count == 1)
    if count == 1:
        number = selected[0].did
        copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(number))
    return menu


def find_action(menu: QMenu, route: Route) -> QAction | None:
    """The action for ``route`` in ``menu`` or its submenus (tests, keyboard search)."""
    wanted = route.to_api()
    for action in menu.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            found = find_action(sub, route)
            if found is not None:
                return found
        elif action.data() == wanted:
            return action
    return None
