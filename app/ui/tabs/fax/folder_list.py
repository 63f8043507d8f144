"""The folder column of the fax tab: folders with unread counts, and folder buttons.

Signals:
    folder_selected(str): the user picked a folder (its name).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.models.fax import FaxFolder
from app.domain.words import QT_TRANSLATE_NOOP
from app.services.fax.rules import SYSTEM_FOLDERS
from app.ui.i18n import translate
from app.ui.plain_text import plain_tooltip

#: What the system folders are called on screen.
DISPLAY_NAMES = {"INBOX": QT_TRANSLATE_NOOP("fax", "Inbox"), "SENT": QT_TRANSLATE_NOOP("fax",
    "Sent")}


def display_name(name: str) -> str:
    """A system folder in the UI's language; the user's own folders as they are named."""
    shown = DISPLAY_NAMES.get(name.upper())
    return translate("fax", shown) if shown else name


class FolderList(QWidget):
    folder_selected = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._folders: list[FaxFolder] = []
        heading = QLabel(translate("FolderList", "<b>Folders</b>"), self)
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("FolderList", "Fax folders"))
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.new_button = self._button(translate("FolderList", "New…"), translate("FolderList",
            "Create a fax folder"))
        self.rename_button = self._button(translate(
            "FolderList",
            "Rename…",
        ), translate(
            "FolderList",
            "Rename the selected folder",
        ))
        self.delete_button = self._button(
            translate("FolderList", "Delete"), translate("FolderList",
                "Delete the selected folder (it must be empty)")
        )
        # One under the other, each the width of the list: side by side the three
        # made the column ~195 px wide and left the fax list too narrow for a
        # sender's name and number ("NORTHSIDE FLOUR · (800) 555-0111").
        buttons = QVBoxLayout()
        buttons.setSpacing(2)  # as in the tab's action bar
        for button in (self.new_button, self.rename_button, self.delete_button):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            buttons.addWidget(button)
        self.list.setMinimumWidth(130)
        self.setMaximumWidth(260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self._update_buttons()

    def _button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(tip)
        return button

    def set_folders(
        self, folders: list[FaxFolder], unread: dict[str, int], selected: str
    ) -> None:
        """Show ``folders`` with unread counts and ``selected`` chosen.

        When ``selected`` no longer exists (deleted elsewhere) the first folder
        is chosen and announced with ``folder_selected``.
        """
        self._folders = list(folders)
        self.list.blockSignals(True)
        self.list.clear()
        for folder in self._folders:
            count = unread.get(folder.name, 0)
            text = display_name(folder.name) + (f"  ({count})" if count else "")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, folder.name)
            item.setToolTip(plain_tooltip(text))
            if count:
                font = QFont(item.font())
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        names = [f.name for f in self._folders]
        row = names.index(selected) if selected in names else (0 if names else -1)
        self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._update_buttons()
        if names and selected not in names:
            self.folder_selected.emit(self.current_name())

    @property
    def folders(self) -> list[FaxFolder]:
        """The folders shown (as the last change set or overview gave them)."""
        return list(self._folders)

    def current_name(self) -> str:
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else ""

    def current_folder(self) -> FaxFolder | None:
        name = self.current_name()
        return next((f for f in self._folders if f.name == name), None)

    def select(self, name: str) -> None:
        """Highlight ``name`` without announcing it (the tab already switched)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.list.blockSignals(True)
                self.list.setCurrentRow(row)
                self.list.blockSignals(False)
                self._update_buttons()
                return

    def _update_buttons(self) -> None:
        folder = self.current_folder()
        own = folder is not None and folder.name.upper() not in SYSTEM_FOLDERS
        self.rename_button.setEnabled(own)
        self.delete_button.setEnabled(own)

    def _on_list_current_row_changed(self, _row: int) -> None:
        self._update_buttons()
        name = self.current_name()
        if name:
            self.folder_selected.emit(name)
