"""The main window's status bar: sync state, the last error, busy progress + Cancel.

It is the "busy host" of ``app/ui/operations.run_operation`` (through the main
window): several operations may run at once; the newest one is shown, and
Cancel cancels that one if it allows it.

The progress bar and the Cancel button are built on first use (``busy_bar`` /
``cancel_button``), not with the window: they are hidden at the first paint, and
building them then cost ~2 ms of the start (a ``QPushButton`` brings in
``QIcon`` and its ~150 ``ThemeIcon`` enum members).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from app.ui import style
from app.ui.i18n import translate
from app.ui.plain_text import plain_label

if TYPE_CHECKING:
    from PySide6.QtWidgets import QProgressBar, QPushButton


class SyncStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Both quote the server and the names of what changed: plain text.
        self.sync_label = plain_label(QLabel(translate(
            "SyncStatusBar",
            "Showing saved data",
        ), self))
        self.error_label = plain_label(QLabel(self))
        style.set_look(self.error_label, style.ERROR)
        self.error_label.hide()
        self.addWidget(self.sync_label)
        self.addWidget(self.error_label, 1)
        self._busy_widgets: tuple[QProgressBar, QPushButton] | None = None
        self._busy: dict[int, tuple[str, Callable[[], None] | None]] = {}
        self._busy_seq = 0
        #: What the sync label said before the first busy text replaced it.
        self._idle_text = ""
        self._shown_busy_text = ""

    @property
    def busy_bar(self) -> QProgressBar:
        return self._ensure_busy_widgets()[0]

    @property
    def cancel_button(self) -> QPushButton:
        return self._ensure_busy_widgets()[1]

    @property
    def has_busy_widgets(self) -> bool:
        """Whether the progress bar and Cancel button exist yet (start-up test)."""
        return self._busy_widgets is not None

    def _ensure_busy_widgets(self) -> tuple[QProgressBar, QPushButton]:
        if self._busy_widgets is None:
            from PySide6.QtWidgets import QProgressBar, QPushButton

            bar = QProgressBar(self)
            bar.setMaximumWidth(140)
            bar.setTextVisible(False)
            bar.hide()
            button = QPushButton(translate("SyncStatusBar", "Cancel"), self)
            button.hide()
            button.clicked.connect(self._on_cancel_button_clicked)
            self.addPermanentWidget(bar)
            self.addPermanentWidget(button)
            self._busy_widgets = (bar, button)
        return self._busy_widgets

    def show_error(self, text: str) -> None:
        """The last error; empty text clears it."""
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))
        if not text:
            self.error_label.setToolTip("")

    # --- busy ----------------------------------------------------------------------

    def begin_busy(self, text: str, cancel: Callable[[], None] | None) -> object:
        if not self._busy:
            self._idle_text = self.sync_label.text()
        self._busy_seq += 1
        self._busy[self._busy_seq] = (text, cancel)
        self._update_busy_widgets()
        return self._busy_seq

    def update_busy(self, token: object, done: int, total: int, text: str) -> None:
        if token == max(self._busy, default=None):
            self.busy_bar.setRange(0, max(total, 0))
            self.busy_bar.setValue(done if total > 0 else 0)
            if text:
                self.sync_label.setText(text)
                self._shown_busy_text = text

    def replace_summary(self, old: str, new: str) -> None:
        """The sync summary changed from ``old`` to ``new``: shown now if ``old`` is,
        and put back after the busy text instead of ``old``."""
        if self.sync_label.text() == old:
            self.sync_label.setText(new)
        if self._idle_text == old:
            self._idle_text = new

    def end_busy(self, token: object) -> None:
        if isinstance(token, int):
            self._busy.pop(token, None)
        self._update_busy_widgets()

    def _update_busy_widgets(self) -> None:
        if not self._busy:
            if self._busy_widgets is None:
                return  # nothing was ever busy: nothing to hide or put back
            self.busy_bar.hide()
            self.cancel_button.hide()
            # Put back "Up to date · 14:50" unless something newer replaced the busy
            # text: "Loading the fax…" used to stay long after the fax had loaded.
            if self.sync_label.text() == self._shown_busy_text:
                self.sync_label.setText(self._idle_text)
            self._shown_busy_text = ""
            return
        text, cancel = self._busy[max(self._busy)]
        self.sync_label.setText(text)
        self._shown_busy_text = text
        self.busy_bar.setRange(0, 0)
        self.busy_bar.show()
        self.cancel_button.setVisible(cancel is not None)

    def _on_cancel_button_clicked(self) -> None:
        if self._busy:
            _, cancel = self._busy[max(self._busy)]
            if cancel is not None:
                cancel()
