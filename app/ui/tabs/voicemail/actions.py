"""The actions on one voicemail: buttons above the list, context menu and shortcuts.

Only the ``QAction`` objects and their enabled/checked state live here; the
tab's view connects their ``triggered`` signals to its slots. Toggle actions
(heard, urgent) show the *next* state in their text so the button says what a
click will do.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from app.domain.models.voicemail import VoicemailFolder, VoicemailMessage
from app.ui import style
from app.ui.i18n import translate
from app.ui.tabs.voicemail.mailbox_tree import folder_title


class MessageActions(QObject):
    """Signals:
    move_requested(str): the user picked a destination folder.
    """

    move_requested = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.play = self._action(parent, translate(
            "MessageActions",
            "Play",
        ), translate(
            "MessageActions",
            "Play the selected message (Enter)",
        ))
        self.heard = self._action(parent, translate(
            "MessageActions",
            "Mark as heard",
        ), translate(
            "MessageActions",
            "Mark heard or not heard (Ctrl+M)",
        ))
        self.heard.setShortcut(QKeySequence("Ctrl+M"))
        self.urgent = self._action(parent, translate(
            "MessageActions",
            "Mark urgent",
        ), translate(
            "MessageActions",
            "Mark urgent or not urgent (Ctrl+U)",
        ))
        self.urgent.setShortcut(QKeySequence("Ctrl+U"))
        self.move = self._action(parent, translate(
            "MessageActions",
            "Move to",
        ), translate(
            "MessageActions",
            "Move the message to another folder",
        ))
        self.move_menu = QMenu(translate("MessageActions", "Move to"), parent)
        self.move.setMenu(self.move_menu)
        self.delete = self._action(parent, translate(
            "MessageActions",
            "Delete",
        ), translate(
            "MessageActions",
            "Delete the message (Delete)",
        ))
        self.delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.save = self._action(parent, translate(
            "MessageActions",
            "Save audio…",
        ), translate(
            "MessageActions",
            "Save the recording as MP3 or WAV (Ctrl+S)",
        ))
        self.save.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        self.email = self._action(parent, translate(
            "MessageActions",
            "E-mail…",
        ), translate(
            "MessageActions",
            "Send the recording by e-mail",
        ))
        for action in (self.save, self.email):
            # Toolbars drop a trailing "…" from the text; the Fax and Numbers
            # toolbars show it for buttons that open a dialog, so keep it here too.
            action.setIconText(action.text())
        self._folder_actions: dict[str, QAction] = {}
        self._menu_icons_set = False
        self.update_for(None, [])

    @staticmethod
    def _action(parent: QWidget, text: str, tip: str) -> QAction:
        action = QAction(text, parent)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        # Shortcuts act while focus is anywhere inside the tab, not the window:
        # other tabs use Delete and Ctrl+S too.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        parent.addAction(action)
        return action

    def all(self) -> list[QAction]:
        return [self.play, self.heard, self.urgent, self.move, self.delete, self.save, self.email]

    def make_buttons(self, parent: QWidget) -> dict[QAction, QToolButton]:
        """A framed text button for each action, in the order of :meth:`all`."""
        buttons = {action: action_button(action, parent) for action in self.all()}
        move = buttons[self.move]
        move.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        # As in the Fax and Numbers tabs the text carries the arrow: the style's
        # indicator sits on top of the last letter.
        style.hide_menu_indicator(move)
        self.move.setIconText(translate("MessageActions", "Move to ▾"))
        return buttons

    def context_menu(self, parent: QWidget) -> QMenu:
        self._set_menu_icons(parent)
        menu = QMenu(parent)
        menu.addAction(self.play)
        menu.addSeparator()
        menu.addAction(self.heard)
        menu.addAction(self.urgent)
        menu.addMenu(self.move_menu)
        menu.addSeparator()
        menu.addAction(self.save)
        menu.addAction(self.email)
        menu.addSeparator()
        menu.addAction(self.delete)
        return menu

    def _set_menu_icons(self, widget: QWidget) -> None:
        """The style's icons, shown in the context menu (the toolbar shows text).

        Set with the first menu, not with the tab: asking for them builds
        Python's ``QStyle`` type (~570 enum members, ~5 ms of the first paint).
        """
        if self._menu_icons_set:
            return
        from PySide6.QtWidgets import QStyle

        style, pix = widget.style(), QStyle.StandardPixmap
        for action, which in (
            (self.play, pix.SP_MediaPlay),
            (self.move, pix.SP_DirIcon),
            (self.delete, pix.SP_TrashIcon),
            (self.save, pix.SP_DialogSaveButton),
        ):
            action.setIcon(style.standardIcon(which))
        self._menu_icons_set = True

    def update_for(
        self, message: VoicemailMessage | None, folders: Sequence[VoicemailFolder]
    ) -> None:
        """Enable what applies to ``message`` (``None``: nothing selected)."""
        has = message is not None
        for action in self.all():
            action.setEnabled(has)
        if message is None:
            self.heard.setText(translate("MessageActions", "Mark as heard"))
            self.urgent.setText(translate("MessageActions", "Mark urgent"))
        else:
            self.heard.setText(translate(
                "MessageActions",
                "Mark as not heard",
            ) if message.listened else translate(
                "MessageActions",
                "Mark as heard",
            ))
            self.urgent.setText(translate(
                "MessageActions",
                "Not urgent",
            ) if message.urgent else translate(
                "MessageActions",
                "Mark urgent",
            ))
        self._fill_move_menu(message, folders)

    def _fill_move_menu(
        self, message: VoicemailMessage | None, folders: Sequence[VoicemailFolder]
    ) -> None:
        names = [f.value for f in folders]
        if list(self._folder_actions) != names:
            self.move_menu.clear()
            self._folder_actions = {}
            for folder in folders:
                action = self.move_menu.addAction(folder_title(folder))
                action.setData(folder.value)
                action.triggered.connect(
                    lambda _checked=False, name=folder.value: self.move_requested.emit(name)
                )
                self._folder_actions[folder.value] = action
        for name, action in self._folder_actions.items():
            action.setEnabled(message is not None and message.folder != name)
        self.move_menu.setEnabled(message is not None)

    def folder_action(self, name: str) -> QAction | None:
        return self._folder_actions.get(name)


def action_button(action: QAction, parent: QWidget) -> QToolButton:
    """A button for ``action`` showing its text (``iconText``), framed like the
    buttons of the Fax and Numbers tabs: flat text in a row reads as labels, not
    as things to click. Fusion's stock icons are few, clash with each other and
    vanish on dark palettes, so none is shown."""
    button = QToolButton(parent)
    button.setDefaultAction(action)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    button.setAutoRaise(False)
    return button
