"""The Numbers tab's toolbar: refresh, "Route calls to", presets, edit, filter.

Only widgets; the tab connects their signals to its slots and fills the menus
when they are about to show (so they always reflect the current selection).
Keyboard: Alt+R opens "Route calls to", Alt+P the presets, Alt+E edits (the
underlined letters); Ctrl+F goes to the filter.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMenu, QToolButton, QWidget


def _button(parent: QWidget, name: str, text: str, tooltip: str = "") -> QToolButton:
    button = QToolButton(parent)
    button.setObjectName(name)
    button.setText(text)
    if tooltip:
        button.setToolTip(tooltip)
    return button


def _menu_button(parent: QWidget, name: str, text: str,
                 tooltip: str = "") -> tuple[QToolButton, QMenu]:
    button = _button(parent, name, f"{text} ▾", tooltip)
    button.setAccessibleName(text.replace("&", ""))
    # The text carries the arrow (as in the Fax tab): the style's own indicator is
    # drawn over the last letters ("Presets" read "Preset⌄").
    button.setStyleSheet("QToolButton::menu-indicator { image: none; }")
    # Instant popup: the button *is* the menu, one click opens it.
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    menu = QMenu(button)
    button.setMenu(menu)
    return button, menu


class NumbersToolbar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.refresh_button = _button(self, "numbersRefresh", "Refresh")
        self.route_button, self.route_menu = _menu_button(
            self, "routeButton", "&Route calls to",
            "Send the selected numbers' calls somewhere else")
        self.presets_button, self.presets_menu = _menu_button(
            self, "presetsButton", "&Presets",
            "Saved reroutes, e.g. “After hours” (Ctrl+1 to Ctrl+9 apply the first nine)")
        self.edit_button = _button(
            self, "editButton", "&Edit…", "Failovers, POP, voicemail, dial time, CNAM, note")
        self.selection_label = QLabel(self)
        self.selection_label.setObjectName("selectionLabel")
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("numbersFilter")
        self.filter_edit.setPlaceholderText("Filter numbers…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMaximumWidth(260)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.refresh_button, self.route_button, self.presets_button,
                       self.edit_button):
            layout.addWidget(widget)
        layout.addSpacing(12)
        layout.addWidget(self.selection_label)
        layout.addStretch(1)
        layout.addWidget(self.filter_edit)
