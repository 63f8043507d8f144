"""One routing value as two choosers: what kind of target, and which one.

The target chooser is filled from the cached list of the chosen kind
(sub-accounts, forwardings, mailboxes...) or the fixed ``sys`` options. A value
that is not in its list (deleted on the portal, list not loaded yet) is kept as
an extra entry so opening and saving an editor never changes a route by itself.

Signals:
    route_changed(object): the ``Route`` now chosen (emitted on user changes only).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

from app.domain.routing import ROUTE_KIND_LABELS, Route, RouteKind
from app.domain.routing_labels import (
    EDITOR_KINDS,
    TargetLists,
    describe,
    target_text,
    targets_for,
)

_EMPTY_LIST_TEXT: dict[RouteKind, str] = {
    RouteKind.ACCOUNT: "No sub-accounts on this account",
    RouteKind.FORWARD: "No forwardings set up",
    RouteKind.VOICEMAIL: "No mailboxes set up",
    RouteKind.SIP: "No SIP URIs set up",
    RouteKind.RING_GROUP: "No ring groups set up",
    RouteKind.IVR: "No IVRs set up",
    RouteKind.QUEUE: "No queues set up",
    RouteKind.CALLBACK: "No callbacks set up",
    RouteKind.TIME_CONDITION: "No time conditions set up",
    RouteKind.DISA: "No DISAs set up",
    RouteKind.RECORDING: "No recordings uploaded",
}


class RoutingEditor(QWidget):
    """Type chooser + target chooser for one ``header:value`` routing string."""

    route_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, allow_none: bool = True) -> None:
        super().__init__(parent)
        self._lists: TargetLists = {}
        # The value shown for the current kind even when it is not in its list.
        self._kept: Route | None = None
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("routingKind")
        self.target_combo = QComboBox(self)
        self.target_combo.setObjectName("routingTarget")
        self.target_combo.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed
        )
        self.target_combo.setMinimumContentsLength(18)
        self.target_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        for kind in EDITOR_KINDS:
            if kind is RouteKind.NONE and not allow_none:
                continue
            # Plain str as item data: an enum would not survive QVariant for findData.
            self.kind_combo.addItem(ROUTE_KIND_LABELS[kind], kind.value)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.target_combo, 1)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_current_index_changed)
        self.target_combo.currentIndexChanged.connect(self._on_target_combo_current_index_changed)
        self._fill_targets(self.kind())

    # --- public --------------------------------------------------------------------

    def set_lists(self, lists: TargetLists) -> None:
        """New cached lists: refill the targets, keeping the chosen route."""
        current = self.route()
        self._lists = lists
        self.set_route(current)

    def set_route(self, route: Route) -> None:
        self._kept = route
        blocked = self.kind_combo.blockSignals(True)
        index = self.kind_combo.findData(route.kind.value)
        self.kind_combo.setCurrentIndex(max(index, 0))
        self.kind_combo.blockSignals(blocked)
        self._fill_targets(route.kind, keep=route)

    def kind(self) -> RouteKind:
        data = self.kind_combo.currentData()
        return RouteKind(data) if isinstance(data, str) else RouteKind.NONE

    def select_kind(self, kind: RouteKind) -> None:
        """Choose ``kind`` as a user would (the target list refills, signal emitted)."""
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind.value))

    def select_target(self, value: str) -> bool:
        """Choose the target ``value`` of the current kind; False when it is not offered."""
        index = self.target_combo.findData(value)
        if index >= 0:
            self.target_combo.setCurrentIndex(index)
        return index >= 0

    def route(self) -> Route:
        kind = self.kind()
        if kind is RouteKind.NONE:
            return Route(RouteKind.NONE, "")
        value = self.target_combo.currentData()
        return Route(kind, value if isinstance(value, str) else "")

    def is_complete(self) -> bool:
        """False when a kind that needs a target has none chosen (e.g. empty list)."""
        route = self.route()
        return route.kind is RouteKind.NONE or bool(route.value)

    def summary(self) -> str:
        return describe(self.route(), self._lists)

    # --- internals -----------------------------------------------------------------

    def _fill_targets(self, kind: RouteKind, keep: Route | None = None) -> None:
        combo = self.target_combo
        blocked = combo.blockSignals(True)
        combo.clear()
        targets = targets_for(kind, self._lists)
        for target in targets:
            combo.addItem(target_text(kind, target), target.value)
        if keep is not None and keep.kind is kind and keep.value:
            index = combo.findData(keep.value)
            if index < 0:
                # Not listed: keep it selectable so saving does not lose it.
                combo.insertItem(0, f"{describe(keep, self._lists)} (not in list)", keep.value)
                index = 0
            combo.setCurrentIndex(index)
        if kind is RouteKind.NONE:
            combo.addItem("Calls are not routed anywhere", None)
            combo.setEnabled(False)
        elif combo.count() == 0:
            combo.addItem(_EMPTY_LIST_TEXT.get(kind, "Nothing to choose"), None)
            combo.setEnabled(False)
        else:
            combo.setEnabled(True)
        combo.blockSignals(blocked)

    def _on_kind_combo_current_index_changed(self, _index: int) -> None:
        kind = self.kind()
        keep = self._kept if self._kept is not None and self._kept.kind is kind else None
        self._fill_targets(kind, keep=keep)
        self.route_changed.emit(self.route())

    def _on_target_combo_current_index_changed(self, _index: int) -> None:
        self.route_changed.emit(self.route())
