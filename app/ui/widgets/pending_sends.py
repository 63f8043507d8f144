"""Sends that are not (yet) confirmed: above a conversation's compose box (Messages)
and above the fax list (Fax).

One line per journal entry (issue #13.1, #16.3): "Sending…", then after
``STILL_SENDING_AFTER_S`` without an answer "Still sending…" with **Cancel**;
"May have been sent, checking…" for an interrupted or cancelled send being
reconciled; "Not confirmed…" with **Check now** when VoIP.ms cannot be reached;
"Not sent" with **Send again** / **Discard** once the history shows it never
went out. A send that is confirmed leaves the strip (it is a bubble now).

Signals carry the journal entry id. Message text is outside text: plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.models.sends import JournalEntry, SendKind, SendState
from app.domain.phone import format_number
from app.services.messages.journal import OFFLINE_TEXT, STILL_SENDING_AFTER_S, state_words
from app.ui.i18n import localized, translate

PREVIEW_CHARS = 60
#: The strip grows to this many lines, then scrolls: ten unconfirmed sends (a day
#: offline) must not push the conversation or the fax list off the window.
MAX_ROWS_SHOWN = 3


def preview(entry: JournalEntry) -> str:
    if entry.kind is SendKind.FAX:
        return translate("PendingSendRow", "Fax to {number} · {text}").format(
            number=format_number(entry.contact), text=entry.text)
    text = " ".join(entry.unsent_text.split())
    if len(text) > PREVIEW_CHARS:
        text = text[:PREVIEW_CHARS - 1] + "…"
    if entry.attachments and entry.done_parts == 0:
        text = (translate("PendingSendRow", "%n picture(s) · {text}", "",
                          len(entry.attachments)).format(text=text)
                if text else translate("PendingSendRow", "Picture(s)"))
    return f"“{text}”" if text else translate("PendingSendRow", "Message")


class PendingSendRow(QFrame):
    def __init__(self, entry: JournalEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"pendingSend{entry.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        # Never squeezed below its text when the strip scrolls (see PendingSends._fit).
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.entry = entry
        self.still_sending = False
        self.text = QLabel(self)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setWordWrap(True)
        self.state = QLabel(self)
        self.state.setObjectName("pendingSendState")
        self.state.setTextFormat(Qt.TextFormat.PlainText)
        self.state.setWordWrap(True)
        self.cancel_button = QPushButton(translate("PendingSendRow", "Cancel"), self)
        self.cancel_button.setToolTip(translate(
            "PendingSendRow",
            "Stop waiting for VoIP.ms. The message may already have gone out: it is checked, "
            "never sent again by itself.",
        ))
        self.again_button = QPushButton(translate("PendingSendRow", "Send again"), self)
        self.dismiss_button = QPushButton(translate("PendingSendRow", "Discard"), self)
        self.check_button = QPushButton(translate("PendingSendRow", "Check now"), self)
        words = QVBoxLayout()
        words.setSpacing(0)
        words.addWidget(self.text)
        words.addWidget(self.state)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addLayout(words, 1)
        for button in (self.cancel_button, self.check_button, self.again_button,
                       self.dismiss_button):
            layout.addWidget(button)
        self.set_entry(entry)

    def set_entry(self, entry: JournalEntry) -> None:
        self.entry = entry
        self.text.setText(preview(entry))
        self.state.setText(localized(state_words(entry, still_sending=self.still_sending)))
        self.setAccessibleName(translate(
            "PendingSendRow",
            "{entry}: {state}",
        ).format(entry=preview(entry), state=self.state.text()))
        sending = entry.state is SendState.SENDING
        self.cancel_button.setVisible(sending and self.still_sending)
        self.check_button.setVisible(entry.state is SendState.UNKNOWN
                                     and entry.error == OFFLINE_TEXT)
        failed = entry.state is SendState.FAILED
        self.again_button.setVisible(failed)
        self.dismiss_button.setVisible(failed)

    def mark_still_sending(self) -> None:
        if self.entry.state is SendState.SENDING:
            self.still_sending = True
            self.set_entry(self.entry)


class PendingSends(QWidget):
    cancel_requested = Signal(int)
    send_again_requested = Signal(int)
    dismiss_requested = Signal(int)
    check_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[int, PendingSendRow] = {}
        #: When a send without an answer shows "Still sending…" and Cancel (tests shorten it).
        self.still_sending_ms = int(STILL_SENDING_AFTER_S * 1000)
        rows_box = QWidget()
        self._layout = QVBoxLayout(rows_box)
        self._layout.setContentsMargins(8, 0, 8, 0)
        self._layout.setSpacing(4)
        self._layout.addStretch(1)  # rows stay at the top when the strip is taller
        self.rows_area = QScrollArea(self)
        self.rows_area.setWidget(rows_box)
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.rows_area)
        # The height again once new lines are laid out (their size is known only
        # then); one pass however many lines a change adds or removes.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_height)
        self.hide()

    def set_entries(self, entries: list[JournalEntry]) -> None:
        for entry_id in list(self.rows):
            self._remove(entry_id)
        for entry in entries:
            self.apply(entry)

    def apply(self, entry: JournalEntry) -> None:
        """Show ``entry`` as it is now (confirmed or closed: removed)."""
        if entry.state is SendState.SENT or entry.closed:
            self._remove(entry.id)
        elif entry.id in self.rows:
            self.rows[entry.id].set_entry(entry)
        else:
            row = PendingSendRow(entry, self)
            row.cancel_button.clicked.connect(lambda: self.cancel_requested.emit(entry.id))
            row.again_button.clicked.connect(lambda: self.send_again_requested.emit(entry.id))
            row.dismiss_button.clicked.connect(lambda: self.dismiss_requested.emit(entry.id))
            row.check_button.clicked.connect(self.check_requested)
            self.rows[entry.id] = row
            self._layout.insertWidget(self._layout.count() - 1, row)  # above the stretch
            if entry.state is SendState.SENDING:
                # Feedback well before the client's time-out (issue #16.3).
                QTimer.singleShot(self.still_sending_ms, row,
                                  row.mark_still_sending)
        self._fit()

    def _remove(self, entry_id: int) -> None:
        row = self.rows.pop(entry_id, None)
        if row is not None:
            row.hide()
            row.deleteLater()
        self._fit()

    def _fit(self) -> None:
        self.setVisible(bool(self.rows))
        self._fit_height()
        self._refit.start()

    def _fit_height(self) -> None:
        """As tall as its lines, up to ``MAX_ROWS_SHOWN`` of them; then it scrolls."""
        shown = list(self.rows.values())[:MAX_ROWS_SHOWN]
        spacing = self._layout.spacing()
        # Laid-out lines by their real height (their text wraps to the strip's
        # width); a line not laid out yet by its hint.
        height = sum((row.height() if row.isVisible() and row.height() > 0
                      else row.sizeHint().height()) + spacing for row in shown)
        self.rows_area.setFixedHeight(max(height, 0))
