"""One routing value as two choosers: what kind of target, and which one.

The target chooser is filled from the cached list of the chosen kind
(sub-accounts, forwardings, mailboxes...) or the fixed ``sys`` options. A value
that is not in its list (deleted on the portal, list not loaded yet) is kept as
an extra entry so opening and saving an editor never changes a route by itself.

Words (#15.15): the kinds read as a small-business owner says them ("A phone
(sub-account)", "Phone menu (IVR)"), each with a tooltip; the rarely used ones
(SIP URI, callback, DISA, the keypad and sound tests) are offered only with
``set_advanced(True)`` (the edit dialog's "Advanced" section), or when the
route already uses one. Sub-account ids show only in advanced mode (the
phone's name is what people know; the id is in the tooltip).

"Forward to" may offer "Another number…" (``allow_new_number``): the user types
a number, ``new_number()`` returns it, and the service creates the forwarding.

Signals:
    route_changed(object): the ``Route`` now chosen (emitted on user changes only).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QSizePolicy, QWidget

from app.domain.routing import ROUTE_KIND_LABELS, Route, RouteKind
from app.domain.routing_labels import (
    EDITOR_KINDS,
    TargetLists,
    describe,
    target_text,
    targets_for,
)
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.i18n import localized, translate
from app.ui.plain_text import plain_tooltip
from app.ui.tabs.numbers.words import (
    ADVANCED_KINDS,
    ADVANCED_SYSTEM,
    advanced_system_words,
    kind_words,
)

_EMPTY_LIST_TEXT: dict[RouteKind, str] = {
    RouteKind.ACCOUNT: QT_TRANSLATE_NOOP("RoutingEditor", "No sub-accounts on this account"),
    RouteKind.FORWARD: QT_TRANSLATE_NOOP("RoutingEditor", "No forwardings set up"),
    RouteKind.VOICEMAIL: QT_TRANSLATE_NOOP("RoutingEditor", "No mailboxes set up"),
    RouteKind.SIP: QT_TRANSLATE_NOOP("RoutingEditor", "No SIP URIs set up"),
    RouteKind.RING_GROUP: QT_TRANSLATE_NOOP("RoutingEditor", "No ring groups set up"),
    RouteKind.IVR: QT_TRANSLATE_NOOP("RoutingEditor", "No IVRs set up"),
    RouteKind.QUEUE: QT_TRANSLATE_NOOP("RoutingEditor", "No queues set up"),
    RouteKind.CALLBACK: QT_TRANSLATE_NOOP("RoutingEditor", "No callbacks set up"),
    RouteKind.TIME_CONDITION: QT_TRANSLATE_NOOP("RoutingEditor", "No time conditions set up"),
    RouteKind.DISA: QT_TRANSLATE_NOOP("RoutingEditor", "No DISAs set up"),
    RouteKind.RECORDING: QT_TRANSLATE_NOOP("RoutingEditor", "No recordings uploaded"),
}


#: Target data of "Another number…" (never a forwarding id: those are digits).
NEW_NUMBER = "new-number"


class RoutingEditor(QWidget):
    """Type chooser + target chooser for one ``header:value`` routing string."""

    route_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, allow_none: bool = True,
                 allow_new_number: bool = False, advanced: bool = True) -> None:
        super().__init__(parent)
        self._lists: TargetLists = {}
        self._allow_none = allow_none
        self._allow_new_number = allow_new_number
        self._advanced = advanced
        # The value shown for the current kind even when it is not in its list.
        self._kept: Route | None = None
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("routingKind")
        # Not as wide as the longest kind ("Dial out through this number (DISA...)").
        self.kind_combo.setMinimumContentsLength(16)
        self.kind_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.target_combo = QComboBox(self)
        self.target_combo.setObjectName("routingTarget")
        self.target_combo.setSizePolicy(
            QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed
        )
        self.target_combo.setMinimumContentsLength(18)
        self.target_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.number_edit = QLineEdit(self)
        self.number_edit.setObjectName("routingNewNumber")
        self.number_edit.setPlaceholderText(translate(
            "RoutingEditor",
            "Type the number, e.g. (514) 555-0123",
        ))
        self.number_edit.setAccessibleName(translate("RoutingEditor", "Number to forward to"))
        self.number_edit.hide()
        self.number_edit.textEdited.connect(self._on_number_edit_text_edited)
        self._fill_kinds(RouteKind.NONE)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind_combo)
        layout.addWidget(self.target_combo, 1)
        layout.addWidget(self.number_edit, 2)
        self.kind_combo.currentIndexChanged.connect(self._on_kind_combo_current_index_changed)
        self.target_combo.currentIndexChanged.connect(self._on_target_combo_current_index_changed)
        self._fill_targets(self.kind())

    # --- public --------------------------------------------------------------------

    def set_lists(self, lists: TargetLists) -> None:
        """New cached lists: refill the targets, keeping the chosen route."""
        current = self.route()
        self._lists = lists
        self.set_route(current)

    def set_advanced(self, advanced: bool) -> None:
        """Offer the advanced kinds and tests (the route shown is kept)."""
        if advanced == self._advanced:
            return
        current, typed = self.route(), self.new_number()
        self._advanced = advanced
        self.set_route(current)
        if typed:
            self.choose_new_number(typed)

    def typing_number(self) -> bool:
        """Whether "Another number…" is chosen (a number is to be typed)."""
        return self.kind() is RouteKind.FORWARD and self.target_combo.currentData() == NEW_NUMBER

    def new_number(self) -> str:
        """The number typed for "Another number…" (``""`` when a listed target is chosen)."""
        return self.number_edit.text().strip() if self.typing_number() else ""

    def choose_new_number(self, text: str) -> None:
        """Choose "Forward to a number" > "Another number…" and type ``text`` (as a user)."""
        self.select_kind(RouteKind.FORWARD)
        self.select_target(NEW_NUMBER)
        self.number_edit.setText(text)
        self.route_changed.emit(self.route())

    def set_route(self, route: Route) -> None:
        self._kept = route
        blocked = self.kind_combo.blockSignals(True)
        self._fill_kinds(route.kind)
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
        if not isinstance(value, str) or value == NEW_NUMBER:
            return Route(kind, "")
        return Route(kind, value)

    def is_complete(self) -> bool:
        """False when a kind that needs a target has none chosen (e.g. empty list)."""
        route = self.route()
        return route.kind is RouteKind.NONE or bool(route.value) or bool(self.new_number())

    def summary(self) -> str:
        return localized(describe(self.route(), self._lists))

    # --- internals -----------------------------------------------------------------

    def _fill_kinds(self, current: RouteKind) -> None:
        """The kinds on offer: the advanced ones only in advanced mode or when in use."""
        combo = self.kind_combo
        blocked = combo.blockSignals(True)
        combo.clear()
        for kind in EDITOR_KINDS:
            if kind is RouteKind.NONE and not self._allow_none:
                continue
            if kind in ADVANCED_KINDS and not self._advanced and kind is not current:
                continue
            words, help_text = kind_words(kind) or (localized(ROUTE_KIND_LABELS[kind]), "")
            # Plain str as item data: an enum would not survive QVariant for findData.
            combo.addItem(words, kind.value)
            combo.setItemData(combo.count() - 1, help_text, Qt.ItemDataRole.ToolTipRole)
        combo.blockSignals(blocked)

    def _target_words(self, kind: RouteKind, value: str, text: str, label: str) -> str:
        if kind is RouteKind.SYSTEM and value in ADVANCED_SYSTEM:
            return advanced_system_words(value)
        if kind is RouteKind.ACCOUNT and not self._advanced:
            # The phone's name; its sub-account id only in advanced mode (tooltip).
            name = label.removeprefix(f"{value} - ").strip()
            return name if name and name != value else text
        return text

    def _fill_targets(self, kind: RouteKind, keep: Route | None = None) -> None:
        combo = self.target_combo
        blocked = combo.blockSignals(True)
        combo.clear()
        targets = targets_for(kind, self._lists)
        for target in targets:
            if (kind is RouteKind.SYSTEM and target.value in ADVANCED_SYSTEM
                    and not self._advanced
                    and not (keep is not None and keep.value == target.value)):
                continue
            text = localized(target_text(kind, target))
            combo.addItem(self._target_words(kind, target.value, text, target.label),
                          target.value)
            # Names come from the provider: a tool tip shows them as plain characters.
            combo.setItemData(combo.count() - 1, plain_tooltip(text),
                              Qt.ItemDataRole.ToolTipRole)
        if keep is not None and keep.kind is kind and keep.value:
            index = combo.findData(keep.value)
            if index < 0:
                # Not listed: keep it selectable so saving does not lose it.
                combo.insertItem(0, translate(
                    "RoutingEditor",
                    "{keep} (not in list)",
                ).format(keep=localized(describe(keep, self._lists))), keep.value)
                index = 0
            combo.setCurrentIndex(index)
        if kind is RouteKind.FORWARD and self._allow_new_number:
            combo.addItem(translate("RoutingEditor", "Another number…"), NEW_NUMBER)
            combo.setItemData(combo.count() - 1, translate(
                "RoutingEditor", "Type a number: the forwarding is created when you save"),
                Qt.ItemDataRole.ToolTipRole)
        if kind is RouteKind.NONE:
            combo.addItem(translate("RoutingEditor", "Calls are not routed anywhere"), None)
            combo.setEnabled(False)
        elif combo.count() == 0:
            combo.addItem(translate("RoutingEditor", _EMPTY_LIST_TEXT.get(kind,
                "Nothing to choose")),
                          None)
            combo.setEnabled(False)
        else:
            combo.setEnabled(True)
        combo.blockSignals(blocked)
        self._show_number_edit()

    def _show_number_edit(self) -> None:
        typing = self.typing_number()
        self.number_edit.setVisible(typing)
        # While typing, "Another number…" needs little room; the number needs it.
        self.target_combo.setMinimumContentsLength(10 if typing else 18)

    def _on_number_edit_text_edited(self, _text: str) -> None:
        self.route_changed.emit(self.route())

    def _on_kind_combo_current_index_changed(self, _index: int) -> None:
        kind = self.kind()
        keep = self._kept if self._kept is not None and self._kept.kind is kind else None
        self._fill_targets(kind, keep=keep)
        self.route_changed.emit(self.route())

    def _on_target_combo_current_index_changed(self, _index: int) -> None:
        self._show_number_edit()
        if self.number_edit.isVisible():
            self.number_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.route_changed.emit(self.route())
