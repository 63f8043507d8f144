"""Compose and send a fax: numbers, sender, attachments merged into one previewed PDF.

The attachments are merged (``compose_merge``) on a worker thread every time the
list changes, and the result is shown page by page on the right: what the user
sees is exactly the file that is sent.

A failed send keeps everything (fields, attachments, merged PDF) and the dialog
stays open; the tab also keeps an unsent dialog when it is closed, so "Send
fax…" reopens the same draft. ``sendFaxMessage`` is never retried automatically.

Signals:
    sent(str): the fax went out; the text describes it for the status bar.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.models.fax import FaxNumber
from app.domain.phone import format_number, is_valid_nanp, normalize
from app.domain.words import QT_TRANSLATE_NOOP, Lines
from app.services.fax.drafts import FaxDraft
from app.services.fax.rules import valid_email
from app.services.fax.send import (
    MAX_FAX_FILE_BYTES,
    MAX_SENDER_NAME,
    MAX_STATION_ID,
    FaxSender,
    OutgoingFax,
    check_outgoing,
    size_text,
)
from app.services.fax.service import FaxService
from app.ui import feedback, style
from app.ui.async_slot import async_slot
from app.ui.i18n import localized, translate
from app.ui.operations import run_in_background
from app.ui.tabs.fax.compose_merge import (
    AttachmentError,
    MergeResult,
    unsupported,
)
from app.ui.tabs.fax.compose_pages import CoverPage, build_fax
from app.ui.tabs.fax.dialogs import FaxDialogs
from app.ui.widgets.pdf_view import PdfViewer

log = logging.getLogger(__name__)

PREVIEW_PLACEHOLDER = QT_TRANSLATE_NOOP(
    "ComposeFaxDialog",
    "Attach documents or type a message to see the fax here, page by page, before "
    "sending it.",
)
#: Typing pauses this long before the typed pages and the cover are laid out again.
RELAYOUT_DELAY_MS = 600
#: ...and this long before what was typed is saved as a draft.
DRAFT_SAVE_DELAY_MS = 800


class ComposeFaxDialog(QDialog):
    """See the module docstring."""

    sent = Signal(str)

    def __init__(
        self,
        service: FaxService,
        sender: FaxSender,
        outbox: Path,
        dialogs: FaxDialogs,
        *,
        email_default: str = "",
        email_copy: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ComposeFaxDialog", "Send a fax"))
        self.service = service
        self.fax_sender = sender
        self.dialogs = dialogs
        self.outbox = outbox
        self.files: list[Path] = []
        self.merged: MergeResult | None = None
        self._document = outbox / f"compose-{uuid.uuid4().hex[:12]}.pdf"
        self._merge_generation = 0
        self._merging: asyncio.Task[None] | None = None
        #: The file the last failed merge named (left out before merging again).
        self._culprit: Path | None = None
        self.sending = False
        #: The copy address of the fax that went out (the tab remembers it in settings).
        self.email_copy_used = ""

        self.to_edit = QLineEdit(self)
        self.to_edit.setPlaceholderText("(555) 123-4567")
        self.to_edit.setAccessibleName(translate("ComposeFaxDialog", "Fax number to send to"))
        self.to_hint = QLabel("", self)
        self.to_hint.setObjectName("errorText")
        _paint_as_error(self.to_hint)
        self.from_combo = QComboBox(self)
        self.from_combo.setAccessibleName(translate("ComposeFaxDialog", "Fax number to send from"))
        self.from_combo.addItem(translate("ComposeFaxDialog", "Loading your fax numbers…"), "")
        self.from_combo.setEnabled(False)
        self.name_edit = QLineEdit(self)
        self.name_edit.setMaxLength(MAX_SENDER_NAME)
        self.name_edit.setPlaceholderText(translate("ComposeFaxDialog", "Your name or company"))
        self.station_edit = QLineEdit(self)
        self.station_edit.setMaxLength(MAX_STATION_ID)
        self.station_edit.setPlaceholderText(translate(
            "ComposeFaxDialog",
            "Shown on the recipient's fax machine",
        ))
        self.copy_check = QCheckBox(translate("ComposeFaxDialog", "E-mail me a copy"), self)
        self.copy_check.setChecked(email_copy)  # as at the last send (settings)
        self.email_edit = QLineEdit(email_default, self)
        self.email_edit.setPlaceholderText(translate("ComposeFaxDialog", "you@example.com"))
        self.email_edit.setAccessibleName(translate(
            "ComposeFaxDialog",
            "E-mail address for the copy",
        ))
        self.email_edit.setEnabled(email_copy)
        #: Whether "E-mail me a copy" was ticked for the fax that went out.
        self.email_copy_checked = email_copy

        self.typed_edit = QPlainTextEdit(self)
        self.typed_edit.setPlaceholderText(
            translate(
                "ComposeFaxDialog",
                "Type a message to fax (optional): it becomes the first page(s), before the "
                "attached documents.",
            )
        )
        self.typed_edit.setAccessibleName(translate("ComposeFaxDialog", "Typed message"))
        self.typed_edit.setTabChangesFocus(True)  # Tab leaves the box (keyboard users)
        self.cover_box = QGroupBox(translate("ComposeFaxDialog", "Add a cover page"), self)
        self.cover_box.setCheckable(True)
        self.cover_box.setChecked(False)
        self.cover_to_edit = QLineEdit(self)
        self.cover_to_edit.setPlaceholderText(translate("ComposeFaxDialog", "Who the fax is for"))
        self.cover_to_edit.setAccessibleName(translate("ComposeFaxDialog", "Cover page: to"))
        self.cover_subject_edit = QLineEdit(self)
        self.cover_subject_edit.setAccessibleName(translate(
            "ComposeFaxDialog",
            "Cover page: subject",
        ))
        self.cover_note_edit = QPlainTextEdit(self)
        self.cover_note_edit.setAccessibleName(translate("ComposeFaxDialog", "Cover page: note"))
        self.cover_note_edit.setTabChangesFocus(True)
        self.cover_note_edit.setMaximumHeight(70)
        #: Typing re-lays the pages out once the user pauses, not at every key.
        self._relayout_timer = QTimer(self)
        self._relayout_timer.setSingleShot(True)
        self._relayout_timer.setInterval(RELAYOUT_DELAY_MS)
        #: Typing is saved as a draft once the user pauses (issue #13 point 2).
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_SAVE_DELAY_MS)
        self._restoring = False
        self._draft_saves: set[asyncio.Task[None]] = set()
        #: The "From" number of a restored draft, chosen once the numbers are loaded.
        self._wanted_from = ""

        self.attachments = QListWidget(self)
        self.attachments.setAccessibleName(translate("ComposeFaxDialog", "Attached documents"))
        self.attachments.setMinimumHeight(90)
        self.add_button = QPushButton(translate("ComposeFaxDialog", "Attach…"), self)
        self.remove_button = QPushButton(translate("ComposeFaxDialog", "Remove"), self)
        self.up_button = QPushButton(translate("ComposeFaxDialog", "Move up"), self)
        self.down_button = QPushButton(translate("ComposeFaxDialog", "Move down"), self)
        self.summary = QLabel("", self)
        self.summary.setWordWrap(True)
        style.set_look(self.summary, style.MUTED)

        self.preview = PdfViewer(self, placeholder=translate("ComposeFaxDialog",
            PREVIEW_PLACEHOLDER))
        self.preview.setMinimumWidth(360)

        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(10)
        self.progress.hide()
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.send_button = self.buttons.addButton(
            translate("ComposeFaxDialog", "Send fax"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        # Text only, like "Send fax" and "Discard": the standard Close button's
        # icon comes from the platform's theme and was dark on the dark palette.
        self.close_button = self.buttons.addButton(
            translate("ComposeFaxDialog", "Close"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.close_button.setToolTip(translate(
            "ComposeFaxDialog",
            "Close; the fax stays here until you send or discard it",
        ))
        self.discard_button = self.buttons.addButton(
            translate(
                "ComposeFaxDialog",
                "Discard draft",
            ), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.discard_button.setToolTip(translate(
            "ComposeFaxDialog",
            "Forget this fax: fields, message and attachments",
        ))

        self._layout()
        self._connect()
        self._update_buttons()
        self._update_summary()
        self.resize(980, 640)

    # --- construction -----------------------------------------------------------

    def _layout(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(translate("ComposeFaxDialog", "&To:"), self.to_edit)
        form.addRow("", self.to_hint)
        form.addRow(translate("ComposeFaxDialog", "&From:"), self.from_combo)
        form.addRow(translate("ComposeFaxDialog", "Sender &name:"), self.name_edit)
        form.addRow(translate("ComposeFaxDialog", "&Station id:"), self.station_edit)
        copy_row = QHBoxLayout()
        copy_row.addWidget(self.copy_check)
        copy_row.addWidget(self.email_edit, 1)
        form.addRow("", copy_row)

        file_buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            file_buttons.addWidget(button)
        file_buttons.addStretch(1)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(form)
        heading = QLabel(translate(
            "ComposeFaxDialog",
            "<b>Documents</b> (PDF, text, JPG, GIF, PNG, TIFF), in sending order:",
        ))
        heading.setWordWrap(True)
        left_layout.addWidget(heading)
        left_layout.addWidget(self.attachments, 1)
        left_layout.addLayout(file_buttons)
        message_label = QLabel(translate("ComposeFaxDialog", "&Message:"), self)
        message_label.setBuddy(self.typed_edit)
        left_layout.addWidget(message_label)
        left_layout.addWidget(self.typed_edit, 1)
        cover_form = QFormLayout(self.cover_box)
        cover_form.addRow(translate("ComposeFaxDialog", "T&o:"), self.cover_to_edit)
        cover_form.addRow(translate("ComposeFaxDialog", "Su&bject:"), self.cover_subject_edit)
        cover_form.addRow(translate("ComposeFaxDialog", "N&ote:"), self.cover_note_edit)
        left_layout.addWidget(self.cover_box)
        left_layout.addWidget(self.summary)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([400, 580])

        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.progress)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.to_edit.textChanged.connect(self._on_to_edit_text_changed)
        self.copy_check.toggled.connect(self.email_edit.setEnabled)
        self._relayout_timer.timeout.connect(self._on_relayout_timer_timeout)
        for edit in (self.typed_edit, self.cover_note_edit):
            edit.textChanged.connect(self._relayout_timer.start)
        for line in (self.cover_to_edit, self.cover_subject_edit, self.name_edit):
            line.textChanged.connect(self._on_cover_text_changed)
        self.to_edit.textChanged.connect(self._on_cover_text_changed)
        self.cover_box.toggled.connect(self._relayout_timer.start)
        self._draft_timer.timeout.connect(self.save_draft_now)
        for line in (
            self.to_edit, self.name_edit, self.station_edit, self.email_edit,
            self.cover_to_edit, self.cover_subject_edit,
        ):
            line.textChanged.connect(self._schedule_draft_save)
        for edit in (self.typed_edit, self.cover_note_edit):
            edit.textChanged.connect(self._schedule_draft_save)
        self.copy_check.toggled.connect(self._schedule_draft_save)
        self.cover_box.toggled.connect(self._schedule_draft_save)
        self.from_combo.currentIndexChanged.connect(self._schedule_draft_save)
        # Closed (Close, Esc, the window's X): what is there is kept at once.
        self.rejected.connect(self.save_draft_now)
        self.attachments.currentRowChanged.connect(self._update_buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.up_button.clicked.connect(self._on_up_button_clicked)
        self.down_button.clicked.connect(self._on_down_button_clicked)
        self.send_button.clicked.connect(self._on_send_button_clicked)
        self.close_button.clicked.connect(self.reject)
        self.discard_button.clicked.connect(self._on_discard_button_clicked)

    # --- numbers ----------------------------------------------------------------

    async def load_numbers(self) -> None:
        """Fill "From" with the account's fax numbers (``getFaxNumbersInfo``)."""
        numbers = await run_in_background(
            self, self.service.fax_numbers(), busy_text=translate(
                "ComposeFaxDialog",
                "Loading your fax numbers…",
            )
        )
        if not shiboken6.isValid(self.from_combo):
            return  # the dialog was closed and deleted while the numbers loaded
        if numbers is None:  # run_in_background told the user why
            self.from_combo.setItemText(0, translate(
                "ComposeFaxDialog",
                "Could not load your fax numbers",
            ))
            self.status.setText(translate(
                "ComposeFaxDialog",
                "Close this window and open it again to retry.",
            ))
            return
        self.set_numbers(numbers)

    def set_numbers(self, numbers: list[FaxNumber]) -> None:
        current = self.from_combo.currentData()
        self.from_combo.clear()
        if not numbers:
            self.from_combo.addItem(translate(
                "ComposeFaxDialog",
                "This account has no fax number",
            ), "")
            self.from_combo.setEnabled(False)
            self.status.setText(translate(
                "ComposeFaxDialog",
                "A fax number is needed to send faxes: order one at VoIP.ms.",
            ))
            return
        for number in numbers:
            label = format_number(number.did)
            if number.description:
                label += f" — {number.description}"
            self.from_combo.addItem(label, number.did)
        self.from_combo.setEnabled(True)
        wanted = self._wanted_from or current
        index = self.from_combo.findData(wanted) if wanted else 0
        self.from_combo.setCurrentIndex(max(0, index))
        self._update_buttons()

    # --- attachments --------------------------------------------------------------

    async def add_files(self, paths: list[Path]) -> None:
        """Attach ``paths`` (unsupported ones are refused with a message) and re-merge."""
        refused = [reason for reason in map(unsupported, paths) if reason]
        self.files.extend(p for p in paths if unsupported(p) is None)
        if refused:
            # Not a failed operation: the other files are attached. A warning.
            feedback.show_message(self, localized(Lines(refused, " ")),
                level=feedback.Level.WARNING)
        await self._remerge()

    async def _remerge(self) -> None:
        """Merge the current list; a file that cannot be read is named and left out."""
        self._schedule_draft_save()  # the list of files is part of the draft
        self._merge_generation += 1
        generation = self._merge_generation
        self._refresh_list()
        if not self.has_pages():
            self.merged = None
            self.preview.clear()
            self._update_summary()
            self._update_buttons()
            return
        self.summary.setText(translate("ComposeFaxDialog", "Preparing the fax document…"))
        self.send_button.setEnabled(False)
        files = list(self.files)
        self._culprit = None
        self._relayout_timer.stop()  # this merge includes the typed pages as they are
        result = await run_in_background(
            self, self._merge(files, generation, self.typed_edit.toPlainText(), self.cover()),
            busy_text=translate("ComposeFaxDialog", "Preparing the fax document…"),
        )
        if generation != self._merge_generation or not shiboken6.isValid(self.preview):
            return  # the list changed (or the fax was discarded) meanwhile
        if result is None:
            bad = self._culprit
            if bad is not None and bad in self.files:
                self.files.remove(bad)  # the message named it; merge the others
                await self._remerge()
                return
            self.merged = None
            self.preview.clear()
        else:
            self.merged = result
            self.preview.load(result.path)
        self._refresh_list()
        self._update_summary()
        self._update_buttons()

    async def _merge(
        self, files: list[Path], generation: int, typed: str, cover: CoverPage | None
    ) -> MergeResult | None:
        try:
            return await asyncio.to_thread(
                build_fax, files, typed, cover, self._document, today=date.today(),
                limit=MAX_FAX_FILE_BYTES,
            )
        except AttachmentError as exc:
            if generation != self._merge_generation:
                return None  # the list changed meanwhile: this failure no longer matters
            # Note the file at fault (to leave it out), then let the one door
            # (run_in_background) tell the user.
            self._culprit = next((f for f in files if f.name in exc.message), None)
            raise
        except OSError as exc:
            if generation != self._merge_generation:
                return None  # discarded meanwhile: its half-written file was removed
            raise AttachmentError(
                translate(
                    "ComposeFaxDialog",
                    "Could not prepare the fax document: {value}.",
                ).format(value=exc.strerror or exc)
            ) from exc

    def _refresh_list(self) -> None:
        row = self.attachments.currentRow()
        self.attachments.clear()
        per_file = self.merged.pages_per_file if self.merged else ()
        for index, path in enumerate(self.files):
            text = path.name
            if len(per_file) == len(self.files):
                pages = per_file[index]
                text += f"  —  {pages} page{'s' if pages != 1 else ''}"
            item = QListWidgetItem(text)
            item.setToolTip(str(path))
            self.attachments.addItem(item)
        if self.files:
            self.attachments.setCurrentRow(min(max(row, 0), len(self.files) - 1))

    def _update_summary(self) -> None:
        if self.merged is None:
            self.summary.setText(
                translate(
                    "ComposeFaxDialog",
                    "Nothing to send yet: attach documents or type a message. The fax "
                    "document may be up to {limit}.",
                ).format(limit=localized(size_text(MAX_FAX_FILE_BYTES)))
            )
            return
        size = self.merged.size_bytes
        pages = self.merged.pages
        text = translate("ComposeFaxDialog", "%n page(s) · {size}", "", pages).format(
            size=localized(size_text(size)))
        if size > MAX_FAX_FILE_BYTES and self.merged.fitted_dpi is not None:
            # Drawn as small as a fax is worth and still too big: only fewer pages help.
            text += translate(
                "ComposeFaxDialog",
                " — over the {limit} limit even drawn at {dpi} dpi: send it as two faxes "
                "(remove some pages now, send them next).",
            ).format(limit=localized(size_text(MAX_FAX_FILE_BYTES)),
                     dpi=self.merged.fitted_dpi)
        elif size > MAX_FAX_FILE_BYTES:
            text += translate(
                "ComposeFaxDialog",
                " — over the {limit} limit: remove pages or attach smaller images.",
            ).format(limit=localized(size_text(MAX_FAX_FILE_BYTES)))
        elif self.merged.fitted_dpi is not None:
            # Drawn again at a lower resolution to fit: say so (the preview shows it).
            text += translate(
                "ComposeFaxDialog",
                " — drawn at {dpi} dpi to fit the {limit} limit (a fax is received at "
                "about 200 × 100 dpi)",
            ).format(dpi=self.merged.fitted_dpi,
                     limit=localized(size_text(MAX_FAX_FILE_BYTES)))
        self.summary.setText(text)

    # --- state ----------------------------------------------------------------------

    def has_pages(self) -> bool:
        """Whether there is something to fax: attachments or a typed message."""
        return (
            bool(self.files)
            or bool(self.typed_edit.toPlainText().strip())
            or self.cover_box.isChecked()
        )

    def has_content(self) -> bool:
        """Whether closing would throw away something the user entered."""
        return self.has_pages() or bool(self.to_edit.text().strip())

    def cover(self) -> CoverPage | None:
        """The cover page as filled in, or None when it is not wanted."""
        if not self.cover_box.isChecked():
            return None
        number = str(self.from_combo.currentData() or "")
        return CoverPage(
            to=self.cover_to_edit.text(),
            sender=self.name_edit.text(),
            subject=self.cover_subject_edit.text(),
            note=self.cover_note_edit.toPlainText(),
            to_number=format_number(self.to_edit.text()) if is_valid_nanp(self.to_edit.text())
            else self.to_edit.text().strip(),
            from_number=format_number(number) if number else "",
        )

    # --- draft ------------------------------------------------------------------------

    def draft(self) -> FaxDraft:
        """Every field as it is now (what ``save_draft_now`` keeps)."""
        return FaxDraft(
            to_number=self.to_edit.text(),
            from_number=str(self.from_combo.currentData() or self._wanted_from),
            sender_name=self.name_edit.text(),
            station_id=self.station_edit.text(),
            email_copy=self.copy_check.isChecked(),
            email=self.email_edit.text(),
            typed_text=self.typed_edit.toPlainText(),
            cover=self.cover_box.isChecked(),
            cover_to=self.cover_to_edit.text(),
            cover_subject=self.cover_subject_edit.text(),
            cover_note=self.cover_note_edit.toPlainText(),
            files=tuple(str(path) for path in self.files),
        )

    async def restore_draft(self) -> bool:
        """Fill the dialog from the stored draft, if any; True when one was restored.

        Attached files that no longer exist are left out and named.
        """
        draft = await self.service.drafts.load()
        if draft is None or self.has_content():
            return False
        self._restoring = True
        try:
            self.to_edit.setText(draft.to_number)
            self._wanted_from = draft.from_number
            index = self.from_combo.findData(draft.from_number)
            if index >= 0:
                self.from_combo.setCurrentIndex(index)
            self.name_edit.setText(draft.sender_name)
            self.station_edit.setText(draft.station_id)
            self.copy_check.setChecked(draft.email_copy)
            if draft.email:
                self.email_edit.setText(draft.email)
            self.typed_edit.setPlainText(draft.typed_text)
            self.cover_box.setChecked(draft.cover)
            self.cover_to_edit.setText(draft.cover_to)
            self.cover_subject_edit.setText(draft.cover_subject)
            self.cover_note_edit.setPlainText(draft.cover_note)
            paths = [Path(p) for p in draft.files]
            self.files = [p for p in paths if p.is_file()]
        finally:
            self._restoring = False
        gone = [p.name for p in paths if p not in self.files]
        note = translate("ComposeFaxDialog", "Your unsent fax is back, as you left it.")
        if gone:
            note += translate("ComposeFaxDialog", " No longer found, left out: {files}.").format(
                files=", ".join(gone))
        self.status.setText(note)
        await self._remerge()
        return True

    def _schedule_draft_save(self, *_: object) -> None:
        if not self._restoring and not self.sending:
            self._draft_timer.start()

    def save_draft_now(self) -> None:
        """Keep the fields in the store now (closing, or typing paused)."""
        self._draft_timer.stop()
        if self._restoring:
            return
        task = asyncio.ensure_future(self.service.drafts.save(self.draft()))
        self._draft_saves.add(task)  # a reference until done
        task.add_done_callback(self._draft_saves.discard)

    def save_draft_blocking(self) -> None:
        """The fields kept in the store before returning (the window is closing: the
        composer is not modal, so the window may close with it open)."""
        self._draft_timer.stop()
        if not self._restoring and not self.sending:
            self.service.drafts.save_now(self.draft())

    async def drafts_saved(self) -> None:
        """Wait for the draft writes under way (tests, closing)."""
        if self._draft_saves:
            await asyncio.gather(*self._draft_saves)

    def outgoing(self) -> OutgoingFax:
        return OutgoingFax(
            to_number=self.to_edit.text(),
            from_number=str(self.from_combo.currentData() or ""),
            sender_name=self.name_edit.text(),
            station_id=self.station_edit.text(),
            email_copy=self.email_edit.text() if self.copy_check.isChecked() else "",
            document=self._document,
            pages=self.merged.pages if self.merged else 0,
        )

    def _update_buttons(self, *_: object) -> None:
        row = self.attachments.currentRow()
        busy = self.sending
        self.remove_button.setEnabled(row >= 0 and not busy)
        self.up_button.setEnabled(row > 0 and not busy)
        self.down_button.setEnabled(0 <= row < len(self.files) - 1 and not busy)
        self.add_button.setEnabled(not busy)
        self.send_button.setEnabled(self.merged is not None and not busy)
        self.discard_button.setEnabled(not busy)
        for widget in (
            self.to_edit, self.name_edit, self.station_edit, self.copy_check, self.typed_edit,
            self.cover_box,
        ):
            widget.setEnabled(not busy)
        self.email_edit.setEnabled(self.copy_check.isChecked() and not busy)
        self.from_combo.setEnabled(bool(self.from_combo.currentData()) and not busy)

    def discard(self) -> None:
        """Forget the draft and its merged file."""
        self.files.clear()
        for line in (self.to_edit, self.cover_to_edit, self.cover_subject_edit):
            line.clear()
        self.typed_edit.clear()
        self.cover_note_edit.clear()
        self.cover_box.setChecked(False)
        self._relayout_timer.stop()  # clearing the fields is not something to lay out
        self._draft_timer.stop()
        self._merge_generation += 1  # a merge under way is for a fax that is gone
        task = asyncio.ensure_future(self.service.drafts.discard())
        self._draft_saves.add(task)
        task.add_done_callback(self._draft_saves.discard)
        self.merged = None
        self.preview.clear()
        with contextlib.suppress(OSError):
            self._document.unlink(missing_ok=True)

    # --- slots ------------------------------------------------------------------------

    def _on_to_edit_text_changed(self, text: str) -> None:
        digits = normalize(text)
        if len(digits) >= 10 and not is_valid_nanp(text):
            self.to_hint.setText(translate(
                "ComposeFaxDialog",
                "Not a valid US or Canadian fax number.",
            ))
        elif len(digits) > 11:
            self.to_hint.setText(translate(
                "ComposeFaxDialog",
                "Too many digits for a US or Canadian number.",
            ))
        else:
            self.to_hint.setText("")

    def _on_cover_text_changed(self, *_: object) -> None:
        # What the cover page shows changed: lay it out again (when there is one).
        if self.cover_box.isChecked():
            self._relayout_timer.start()

    @async_slot()
    async def _on_relayout_timer_timeout(self) -> None:
        if not self.sending and shiboken6.isValid(self.preview):
            await self._remerge()

    @async_slot()
    async def _on_add_button_clicked(self) -> None:
        paths = await self.dialogs.open_files(self)
        if paths:
            await self.add_files(paths)

    @async_slot()
    async def _on_remove_button_clicked(self) -> None:
        row = self.attachments.currentRow()
        if 0 <= row < len(self.files):
            del self.files[row]
            await self._remerge()

    @async_slot()
    async def _on_up_button_clicked(self) -> None:
        await self._move_current(-1)

    @async_slot()
    async def _on_down_button_clicked(self) -> None:
        await self._move_current(+1)

    async def _move_current(self, step: int) -> None:
        row = self.attachments.currentRow()
        target = row + step
        if 0 <= row < len(self.files) and 0 <= target < len(self.files):
            self.files[row], self.files[target] = self.files[target], self.files[row]
            self.attachments.setCurrentRow(target)
            await self._remerge()
            self.attachments.setCurrentRow(target)

    @async_slot()
    async def _on_discard_button_clicked(self) -> None:
        if self.has_content() and not await self.dialogs.confirm(
            self, translate(
                "ComposeFaxDialog",
                "Discard this fax? The attached documents are not changed.",
            ), translate(
                "ComposeFaxDialog",
                "Discard",
            ),
            translate("ComposeFaxDialog", "Discard fax"),
        ):
            return
        self.discard()
        self.reject()

    @async_slot()
    async def _on_send_button_clicked(self) -> None:
        await self.send()

    async def send(self) -> bool:
        """Validate, send with progress; True when sent. A failure keeps the fax."""
        if self.sending:
            return False
        fax = self.outgoing()
        size = self.merged.size_bytes if self.merged else None
        problems = check_outgoing(fax, size=size)
        if problems:
            said = localized(Lines(problems, " "))
            self.status.setText(said)
            _paint_as_error(self.status)
            feedback.show_message(self, said)
            return False
        self.sending = True
        self.status.setPalette(self.palette())
        self.progress.show()
        to = format_number(fax.to_number)
        self.status.setText(translate(
            "ComposeFaxDialog",
            "Sending %n page(s) to {to}…", "", fax.pages,
        ).format(to=to))
        self._update_buttons()
        try:
            # The send button is already disabled (``sending``); the one door turns
            # SendFailed / SendUncertain into one message.
            changes = await run_in_background(
                self, self.fax_sender.send(fax), busy_text=translate(
                    "ComposeFaxDialog",
                    "Sending the fax to {to}…",
                ).format(to=to)
            )
        finally:
            self.sending = False
            self.progress.hide()
            self._update_buttons()
        if changes is None:
            self.status.setText(translate(
                "ComposeFaxDialog",
                "Not sent. Your fax is kept: correct it and send it again.",
            ))
            _paint_as_error(self.status)
            return False
        if fax.email_copy and valid_email(fax.email_copy):
            self.email_copy_used = fax.email_copy
        self.email_copy_checked = self.copy_check.isChecked()
        self.status.setText("")
        self.sent.emit(translate(
            "ComposeFaxDialog",
            "Fax to {to} sent (%n page(s)).", "", fax.pages,
        ).format(to=to))
        self.discard()
        self.accept()
        return True


def _paint_as_error(label: QLabel) -> None:
    palette = label.palette()
    palette.setColor(QPalette.ColorRole.WindowText, style.error_color(palette))
    label.setPalette(palette)
