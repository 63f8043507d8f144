"""The Numbers tab's toolbar: refresh, "Route calls to", presets, edit, filter.

The widgets, and what fills them: the tab connects their signals to its slots
and fills the menus when they are about to show (so they always reflect the
current selection). Keyboard: Alt+R opens "Route calls to", Alt+P the presets,
Alt+E edits (the underlined letters); Ctrl+F goes to the filter, Ctrl+1 ... Ctrl+9
apply the first nine presets (each confirmed first).

The Presets menu is filled from the presets in the settings and the rows on
show: each entry says where the calls would go and how many numbers would
change (applying plans again, on the store).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMenu, QToolButton, QWidget

from app.domain.models.numbers import Did
from app.domain.phone import format_number
from app.domain.routing_labels import TargetLists, describe
from app.services.numbers.presets import PlannedChange, RoutingPreset, plan
from app.ui import style
from app.ui.i18n import localized, translate

#: Presets with a keyboard shortcut (Ctrl+1 ... Ctrl+9), in the order of the Presets menu.
PRESET_SHORTCUTS = 9
#: ``confirm(parent, preset, changes, lists) -> bool``: asked before a preset is applied.
ConfirmPreset = Callable[[QWidget | None, RoutingPreset, Sequence[PlannedChange], TargetLists],
                         Awaitable[bool]]


def _button(parent: QWidget, name: str, text: str, tooltip: str = "") -> QToolButton:
    button = QToolButton(parent)
    button.setObjectName(name)
    button.setText(text)
    if tooltip:
        button.setToolTip(tooltip)
    return button


def _menu_button(parent: QWidget, name: str, text: str,
                 tooltip: str = "") -> tuple[QToolButton, QMenu]:
    button = _button(parent, name, translate(
        "numbers.toolbar",
        "{text} ▾",
    ).format(text=text), tooltip)
    button.setAccessibleName(text.replace("&", ""))
    # The text carries the arrow (as in the Fax tab): the style's own indicator is
    # drawn over the last letters ("Presets" read "Preset⌄").
    style.hide_menu_indicator(button)
    # Instant popup: the button *is* the menu, one click opens it.
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    button.setMenu(menu)
    return button, menu


class NumbersToolbar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refresh_button = _button(self, "numbersRefresh", translate(
            "NumbersToolbar",
            "Refresh",
        ))
        self.route_button, self.route_menu = _menu_button(
            self, "routeButton", translate("NumbersToolbar",
                "&Route calls to"),
            translate("NumbersToolbar", "Send the selected numbers' calls somewhere else"))
        self.presets_button, self.presets_menu = _menu_button(
            self, "presetsButton", translate("NumbersToolbar",
                "&Presets"),
            translate(
                "NumbersToolbar",
                "Saved reroutes, e.g. “After hours” (Ctrl+1 to Ctrl+9 apply the first nine)",
            ))
        self.edit_button = _button(
            self, "editButton", translate(
                "NumbersToolbar",
                "&Edit…",
            ), translate(
                "NumbersToolbar",
                "Failovers, POP, voicemail, dial time, CNAM, note",
            ))
        self.selection_label = QLabel(self)
        self.selection_label.setObjectName("selectionLabel")
        # On two lines in a narrow window rather than making the window wider
        # ("Sélectionnez des numéros pour les réacheminer" is ~300 px).
        self.selection_label.setWordWrap(True)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("numbersFilter")
        self.filter_edit.setPlaceholderText(translate("NumbersToolbar", "Filter numbers…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(260)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.refresh_button, self.route_button, self.presets_button,
                       self.edit_button):
            layout.addWidget(widget)
        layout.addSpacing(12)
        layout.addWidget(self.selection_label, 1)
        layout.addWidget(self.filter_edit)


async def confirm_preset(
    parent: QWidget | None, preset: RoutingPreset, changes: Sequence[PlannedChange],
    lists: TargetLists,
) -> bool:
    """The confirmation of ``presets_dialog``, which loads with the first preset used."""
    from app.ui.tabs.numbers import presets_dialog

    return await presets_dialog.confirm_preset(parent, preset, changes, lists)


def fill_presets_menu(
    menu: QMenu,
    presets: Sequence[RoutingPreset],
    shown: Sequence[Did],
    lists: TargetLists,
    *,
    on_apply: Callable[[RoutingPreset], object],
    on_manage: Callable[[], object],
) -> None:
    """One entry per preset (what it changes among ``shown``), then "Manage presets…"."""
    menu.clear()
    for number, preset in enumerate(presets, start=1):
        # Counted on the rows on show: a menu fills synchronously.
        changes = plan(preset, shown)
        suffix = (translate("numbers.toolbar", "  (%n to change)", "", len(changes)) if changes
                  else translate("numbers.toolbar", "  (already applied)"))
        route = localized(describe(preset.route, lists))
        text = f"{preset.name}: {route}{suffix}".replace("&", "&&")
        if number <= PRESET_SHORTCUTS:
            # Shown in the menu's shortcut column; the tab's QShortcut does the work
            # (an action shortcut too would make the keys ambiguous).
            text += f"\tCtrl+{number}"
        action = menu.addAction(text)
        action.setData(preset.name)
        action.triggered.connect(lambda _checked=False, p=preset: on_apply(p))
    if not presets:
        hint = menu.addAction(translate("numbers.toolbar", "No presets saved yet"))
        hint.setEnabled(False)
    menu.addSeparator()
    manage = menu.addAction(translate("numbers.toolbar", "Manage presets…"))
    manage.triggered.connect(on_manage)


def tab_shortcut(tab: QWidget, keys: QKeySequence, slot: Callable[[], object]) -> None:
    """``keys`` call ``slot`` only while ``tab`` is on show (other tabs may use them)."""
    shortcut = QShortcut(keys, tab)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(slot)


def selection_text(selected: Sequence[Did], lists: TargetLists, *, rows: int, shown: int,
                   filter_text: str) -> str:
    """The line beside the buttons: what is selected, or why the table looks empty."""
    if len(selected) > 1:
        return translate("numbers.toolbar", "%n numbers selected", "", len(selected))
    if len(selected) == 1:
        route = localized(describe(selected[0].routing, lists))
        return translate("numbers.toolbar", "{number}: {route}").format(
            number=format_number(selected[0].did), route=route)
    if rows and not shown:
        # Otherwise an empty table with no word on why.
        return translate("numbers.toolbar", "No number matches “{text}”").format(
            text=filter_text.strip())
    return translate("numbers.toolbar", "Select numbers to reroute them") if rows else ""
