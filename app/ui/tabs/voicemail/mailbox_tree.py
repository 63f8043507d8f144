"""Mailboxes and their folders, with new/urgent counts, as a two-column tree.

A mailbox row reads ``1001 · Front desk`` with ``3 new · 1 urgent`` beside it;
its folders are children with their unheard count. A mailbox row stands for
its INBOX, so the message list always shows one folder.

Signals:
    folder_selected(str, str): mailbox and folder the user picked.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from app.domain.models.voicemail import Mailbox, VoicemailFolder
from app.domain.words import QT_TRANSLATE_NOOP
from app.ui.i18n import translate
from app.ui.plain_text import plain_tooltip

PLACE_ROLE = Qt.ItemDataRole.UserRole + 1
INBOX = "INBOX"


def mailbox_title(box: Mailbox) -> str:
    return f"{box.mailbox} · {box.name}" if box.name and box.name != box.mailbox else box.mailbox


#: VoIP.ms's standard folders in words (marked for the catalog); others keep their name.
STANDARD_FOLDERS = {
    "INBOX": QT_TRANSLATE_NOOP("voicemail", "Inbox"),
    "OLD": QT_TRANSLATE_NOOP("voicemail", "Old"),
    "URGENT": QT_TRANSLATE_NOOP("voicemail", "Urgent"),
    "WORK": QT_TRANSLATE_NOOP("voicemail", "Work"),
    "FAMILY": QT_TRANSLATE_NOOP("voicemail", "Family"),
    "FRIENDS": QT_TRANSLATE_NOOP("voicemail", "Friends"),
}


def mailbox_counts(box: Mailbox) -> str:
    parts = []
    if box.new:
        parts.append(translate("voicemail", "{count} new").format(count=box.new))
    if box.urgent:
        parts.append(translate("voicemail", "{count} urgent").format(count=box.urgent))
    return " · ".join(parts)


def folder_title(folder: VoicemailFolder) -> str:
    # The API's descriptions are the raw names ("INBOX"); "Inbox" reads better,
    # and the standard ones are said in the UI's language.
    text = folder.description or folder.value
    standard = STANDARD_FOLDERS.get(text.upper())
    return translate("voicemail", standard) if standard else text


class MailboxTree(QTreeWidget):
    folder_selected = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(2)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAccessibleName(translate("MailboxTree", "Mailboxes and folders"))
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self._bold = QFont(self.font())
        self._bold.setBold(True)
        self._items: dict[tuple[str, str | None], QTreeWidgetItem] = {}
        self._boxes: dict[str, Mailbox] = {}
        self.currentItemChanged.connect(self._on_tree_current_item_changed)

    # --- content ---------------------------------------------------------------------

    def current_place(self) -> tuple[str, str] | None:
        item = self.currentItem()
        if item is None:
            return None
        mailbox, folder = item.data(0, PLACE_ROLE)
        return mailbox, folder or INBOX

    def select(self, mailbox: str, folder: str) -> None:
        item = self._items.get((mailbox, folder)) or self._items.get((mailbox, None))
        if item is not None and item is not self.currentItem():
            self.setCurrentItem(item)

    def set_mailboxes(self, boxes: Sequence[Mailbox]) -> None:
        """Add, update or remove mailbox rows; folders are kept."""
        wanted = {box.mailbox: box for box in boxes}
        for mailbox in list(self._boxes):
            if mailbox not in wanted:
                item = self._items.pop((mailbox, None))
                for key in [k for k in self._items if k[0] == mailbox]:
                    del self._items[key]
                self.takeTopLevelItem(self.indexOfTopLevelItem(item))
        for box in boxes:
            found = self._items.get((box.mailbox, None))
            if found is None:
                item = QTreeWidgetItem(self)
                item.setData(0, PLACE_ROLE, (box.mailbox, None))
                item.setExpanded(True)
                self._items[(box.mailbox, None)] = item
            else:
                item = found
            item.setText(0, mailbox_title(box))
            item.setText(1, mailbox_counts(box))
            item.setToolTip(0, plain_tooltip(
                translate("voicemail", "Mailbox {mailbox}").format(mailbox=box.mailbox)
                + (f" ({box.email})" if box.email else "")))
            item.setFont(0, self._bold if box.new else self.font())
            item.setFont(1, self._bold if box.new else self.font())
        self._boxes = wanted

    def set_folders(
        self, mailbox: str, folders: Sequence[VoicemailFolder], unheard: dict[str, int]
    ) -> None:
        parent = self._items.get((mailbox, None))
        if parent is None:
            return
        names = [f.value for f in folders]
        for key in [k for k in self._items if k[0] == mailbox and k[1] is not None]:
            if key[1] not in names:
                parent.removeChild(self._items.pop(key))
        for position, folder in enumerate(folders):
            item = self._items.get((mailbox, folder.value))
            if item is None:
                item = QTreeWidgetItem()
                item.setData(0, PLACE_ROLE, (mailbox, folder.value))
                parent.insertChild(min(position, parent.childCount()), item)
                self._items[(mailbox, folder.value)] = item
            item.setText(0, folder_title(folder))
            self._set_unheard(item, unheard.get(folder.value, 0))
        parent.setExpanded(True)

    def set_unheard(self, mailbox: str, unheard: dict[str, int]) -> None:
        for (box, folder), item in self._items.items():
            if box == mailbox and folder is not None:
                self._set_unheard(item, unheard.get(folder, 0))

    def _set_unheard(self, item: QTreeWidgetItem, count: int) -> None:
        item.setText(1, str(count) if count else "")
        item.setFont(0, self._bold if count else self.font())
        item.setFont(1, self._bold if count else self.font())

    # --- slots -----------------------------------------------------------------------

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_tree_current_item_changed(
        self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        if current is None:
            return
        # A mailbox row shows its INBOX but keeps the selection where the user
        # put it: redirecting to the INBOX row would trap Up-arrow navigation.
        mailbox, folder = current.data(0, PLACE_ROLE)
        self.folder_selected.emit(mailbox, folder or INBOX)
