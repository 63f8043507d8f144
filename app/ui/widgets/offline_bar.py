"""The bar over a window shown from the cache without a password: "Offline: sign in
to refresh", and a button that signs in (issue #15 point 11).

Without a keyring the password is asked at every start; cancelling used to quit
although the cache was on screen. Now the window stays, read-only, under this
bar until the user signs in.

Signals:
    sign_in_requested(): the user pressed "Sign in…".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolBar, QWidget

from app.domain.words import QT_TRANSLATE_NOOP
from app.ui import style
from app.ui.i18n import translate
from app.ui.widgets.strips import TintedStrip

# Marked for the catalog, translated where shown (this runs before the translator).
OFFLINE_TEXT = QT_TRANSLATE_NOOP(
    "OfflineBar",
    "Offline: sign in to refresh. What you see is what Switchboard saved the last "
    "time; nothing is sent or changed until you sign in.",
)


class OfflineBar(QToolBar):
    """A fixed tool bar (the window's top edge) holding the note and the button."""

    sign_in_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("OfflineBar", "Offline"), parent)
        self.setObjectName("offlineBar")
        self.setMovable(False)
        self.setFloatable(False)
        self.toggleViewAction().setVisible(False)  # not a bar the user may hide
        content = QWidget(self)
        row = QHBoxLayout(content)
        row.setContentsMargins(6, 4, 6, 4)
        self.label = TintedStrip(content, look=style.WARNING)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.label.setText(translate("OfflineBar", OFFLINE_TEXT))
        self.sign_in_button = QPushButton(translate("OfflineBar", "Sign in…"), content)
        self.sign_in_button.setToolTip(translate(
            "OfflineBar",
            "Enter the API password to refresh and make changes",
        ))
        self.sign_in_button.clicked.connect(self.sign_in_requested)
        row.addWidget(self.label, 1)
        row.addWidget(self.sign_in_button)
        self.addWidget(content)
