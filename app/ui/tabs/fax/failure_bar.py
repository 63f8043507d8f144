"""The line above a sent fax that did not go through: why, and "Send again".

The provider's reason used to live only in the list's tooltip; a failed fax is
something the owner must act on, so the reason is shown in the preview column
(plain text: it comes from the server) next to a button that reopens the
compose dialog with the same number and document.

Signals:
    send_again(): the user asked to send the shown fax again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from app.domain.models.fax import FaxMessage
from app.domain.phone import format_number
from app.services.fax.rules import is_inbound
from app.ui import style
from app.ui.i18n import translate
from app.ui.widgets.strips import TintedStrip


def failed(fax: FaxMessage) -> bool:
    """A fax the provider reports as not delivered (any status but SUCCESS)."""
    return bool(fax.status.strip()) and fax.status.strip().upper() != "SUCCESS"


def failure_text(fax: FaxMessage) -> str:
    """One sentence: to whom the fax was not sent, and the provider's reason."""
    to = format_number(fax.destination) or translate("FailureBar", "the recipient")
    reason = " ".join(fax.message.split()) or translate(
        "FailureBar", "the provider reports “{status}”").format(status=fax.status.strip())
    return translate("FailureBar", "Not sent to {to}: {reason}.").format(
        to=to, reason=reason.rstrip("."))


class FailureBar(QWidget):
    """Hidden unless a failed outgoing fax is shown (see the module docstring)."""

    send_again = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = TintedStrip(self, look=style.ERROR_STRIP)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # the reason is the server's text
        self.label.setWordWrap(True)
        self.label.setAccessibleName(translate("FailureBar", "Why the fax was not sent"))
        self.button = QPushButton(translate("FailureBar", "Send again…"), self)
        self.button.setToolTip(translate(
            "FailureBar",
            "Open a new fax to the same number with the same document",
        ))
        self.button.clicked.connect(self.send_again)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label, 1)
        row.addWidget(self.button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    def show_for(self, fax: FaxMessage | None) -> None:
        """Show the reason when ``fax`` is an outgoing fax that failed; hide otherwise."""
        if fax is None or is_inbound(fax) or not failed(fax):
            self.hide()
            return
        self.label.setText(failure_text(fax))
        self.show()
