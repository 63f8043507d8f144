"""The fax tab's actions: on the selected fax, on folders, and "Send a fax…".

A mixin of ``FaxTab`` (view.py) so the view stays about layout and selection.
Each action is a public coroutine (tests call them) behind a ``_on_*`` slot;
questions go through ``self.dialogs`` (replaced in tests) and every failure
becomes one clear message through ``run_operation``.
"""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QMenu, QTableView, QToolButton

from app.domain.errors import UserFacingError
from app.domain.models.fax import FaxFolder, FaxMessage
from app.domain.phone import format_number
from app.services.fax.rules import fax_label
from app.ui import style
from app.ui.async_slot import async_slot
from app.ui.i18n import translate
from app.ui.operations import run_in_background, run_operation
from app.ui.tabs.base import TabBase
from app.ui.tabs.fax.folder_list import display_name

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from app.services.fax.send import FaxSender
    from app.services.fax.service import FaxService
    from app.ui.tabs.fax.compose_dialog import ComposeFaxDialog
    from app.ui.tabs.fax.dialogs import FaxDialogs
    from app.ui.tabs.fax.folder_list import FolderList


class FaxActionsMixin(TabBase):
    """Base of ``FaxTab``: the attributes below are set by its constructor."""

    service: FaxService
    fax_sender: FaxSender
    dialogs: FaxDialogs
    folders: FolderList
    table: QTableView
    outbox: Path
    compose: ComposeFaxDialog | None = None
    draft_restore: asyncio.Task[bool] | None = None

    def selected_fax(self) -> FaxMessage | None:
        raise NotImplementedError

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        """Run ``coro`` in the background, keeping a reference until it is done."""
        tasks: set[asyncio.Task[Any]] = self.__dict__.setdefault("_background", set())
        task = asyncio.ensure_future(coro)
        tasks.add(task)
        task.add_done_callback(tasks.discard)
        return task

    def cancel_background(self) -> None:
        for task in list(self.__dict__.get("_background", ())):
            task.cancel()

    def open_folder(self, name: str) -> None:
        raise NotImplementedError

    def pdf_path_for_save(self, fax: FaxMessage) -> Path:
        raise NotImplementedError

    # --- construction -------------------------------------------------------------

    def build_actions(self) -> None:
        self.move_button = self._tool_button(translate(
            "FaxActionsMixin",
            "Move to ▾",
        ), translate(
            "FaxActionsMixin",
            "Move the fax to another folder",
        ))
        # The text carries the arrow: the style's indicator overlaps the text.
        style.hide_menu_indicator(self.move_button)
        self.move_menu = QMenu(self.move_button)
        self.move_button.setMenu(self.move_menu)
        self.move_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.delete_button = self._tool_button(translate(
            "FaxActionsMixin",
            "Delete",
        ), translate(
            "FaxActionsMixin",
            "Delete the fax (Delete)",
        ))
        self.delete_button.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.email_button = self._tool_button(translate(
            "FaxActionsMixin",
            "E-mail…",
        ), translate(
            "FaxActionsMixin",
            "Send the fax as a PDF by e-mail",
        ))
        self.save_button = self._tool_button(translate(
            "FaxActionsMixin",
            "Save PDF…",
        ), translate(
            "FaxActionsMixin",
            "Save the fax as a PDF file",
        ))
        self.print_button = self._tool_button(translate(
            "FaxActionsMixin",
            "Print…",
        ), translate(
            "FaxActionsMixin",
            "Print the fax",
        ))
        self.action_bar = QHBoxLayout()
        self.action_bar.setSpacing(2)
        for button in (
            self.move_button, self.delete_button, self.email_button, self.save_button,
            self.print_button,
        ):
            self.action_bar.addWidget(button)
        self.action_bar.addStretch(1)

    def _tool_button(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(self)
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text.rstrip("…▾ "))
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def connect_actions(self) -> None:
        self.move_menu.aboutToShow.connect(self._fill_move_menu)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.email_button.clicked.connect(self._on_email_button_clicked)
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.print_button.clicked.connect(self._on_print_button_clicked)
        self.folders.new_button.clicked.connect(self._on_new_folder_clicked)
        self.folders.rename_button.clicked.connect(self._on_rename_folder_clicked)
        self.folders.delete_button.clicked.connect(self._on_delete_folder_clicked)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu_requested)

    def context_menu(self) -> QMenu:
        """The right-click menu of the fax list: the same actions as the buttons."""
        menu = QMenu(self)
        move = menu.addMenu(translate("FaxActionsMixin", "Move to"))
        fax = self.selected_fax()
        for folder in self.folders.folders:
            action = move.addAction(display_name(folder.name))
            action.setEnabled(fax is not None and folder.name != fax.folder)
            action.triggered.connect(
                lambda _checked=False, f=folder: self.spawn(self._move_selected(f))
            )
        for button in (self.delete_button, self.email_button, self.save_button,
                       self.print_button):
            action = menu.addAction(button.text().replace("▾", "").strip())
            action.setEnabled(button.isEnabled())
            action.triggered.connect(button.click)
        return menu

    def update_actions(self) -> None:
        has_fax = self.selected_fax() is not None
        for button in (self.move_button, self.delete_button, self.email_button,
                       self.save_button, self.print_button):
            button.setEnabled(has_fax)

    def _fill_move_menu(self) -> None:
        self.move_menu.clear()
        fax = self.selected_fax()
        for folder in self.folders.folders:
            action = self.move_menu.addAction(display_name(folder.name))
            action.setEnabled(fax is not None and folder.name != fax.folder)
            action.triggered.connect(
                lambda _checked=False, f=folder: self.spawn(self._move_selected(f))
            )

    async def _move_selected(self, folder: FaxFolder) -> None:
        fax = self.selected_fax()
        if fax is not None:
            await self.move_fax(fax, folder)

    # --- actions on a fax ------------------------------------------------------------

    async def move_fax(self, fax: FaxMessage, folder: FaxFolder) -> bool:
        # The change set reaches the list through the service's ``changed``.
        moved = await run_in_background(
            self, self.service.move(fax, folder),
            busy_text=translate(
                "FaxActionsMixin",
                "Moving the fax to {name}…",
            ).format(name=display_name(folder.name)),
        )
        if moved is not None:
            self.status_message.emit(translate(
                "FaxActionsMixin",
                "Moved {fax} to {name}.",
            ).format(fax=fax_label(fax), name=display_name(folder.name)))
        return moved is not None

    async def delete_fax(self, fax: FaxMessage) -> bool:
        pages = translate("FaxActionsMixin", "%n page(s)", "", fax.pages)
        if not await self.dialogs.confirm(
            self, translate(
                "FaxActionsMixin",
                "Delete {fax} ({pages})? It is deleted at VoIP.ms too.",
            ).format(fax=fax_label(fax), pages=pages),
            translate("FaxActionsMixin", "Delete"), translate("FaxActionsMixin", "Delete fax"),
        ):
            return False
        done = await run_in_background(
            self, self._deleted(fax), busy_text=translate("FaxActionsMixin", "Deleting the fax…")
        )
        return bool(done)

    async def _deleted(self, fax: FaxMessage) -> bool:
        await self.service.delete(fax)
        self.status_message.emit(translate(
            "FaxActionsMixin",
            "Deleted {fax}.",
        ).format(fax=fax_label(fax)))
        return True

    async def email_fax(self, fax: FaxMessage) -> bool:
        settings = self.ctx.settings
        email = await self.dialogs.ask_text(
            self, translate(
                "FaxActionsMixin",
                "E-mail the fax",
            ), translate(
                "FaxActionsMixin",
                "Send {fax} as a PDF to this e-mail address:",
            ).format(fax=fax_label(fax)),
            settings.fax_email, translate("FaxActionsMixin", "Send"),
        )
        if not email:
            return False
        done = await run_in_background(
            self, self._mailed(fax, email), busy_text=translate(
                "FaxActionsMixin",
                "Sending the e-mail…",
            )
        )
        if done:
            settings.fax_email = email
        return bool(done)

    async def _mailed(self, fax: FaxMessage, email: str) -> bool:
        await self.service.mail(fax, email)
        self.status_message.emit(translate(
            "FaxActionsMixin",
            "E-mailed {fax} to {email}.",
        ).format(fax=fax_label(fax), email=email))
        return True

    async def save_fax(self, fax: FaxMessage) -> Path | None:
        target = await self.dialogs.save_path(self, self.pdf_path_for_save(fax))
        if target is None:
            return None
        return await run_in_background(
            self, self._saved(fax, target), busy_text=translate(
                "FaxActionsMixin",
                "Saving the fax…",
            )
        )

    async def _saved(self, fax: FaxMessage, target: Path) -> Path:
        source = await self.service.pdf(fax)
        try:
            await asyncio.to_thread(shutil.copyfile, source, target)
        except OSError as exc:
            raise UserFacingError(
                translate(
                    "FaxActionsMixin",
                    "Could not save the fax as {name}: {value}.",
                ).format(name=target.name, value=exc.strerror or exc)
            ) from exc
        self.status_message.emit(translate(
            "FaxActionsMixin",
            "Saved {fax} as {target}.",
        ).format(fax=fax_label(fax), target=target))
        return target

    async def print_fax(self, fax: FaxMessage) -> int:
        # Qt's print support loads on the first print, not with the tab.
        from PySide6.QtPrintSupport import QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(translate("FaxActionsMixin", "Fax {id}").format(id=fax.id))
        if not await self.dialogs.setup_printer(self, printer):
            return 0
        printed = await run_in_background(
            self, self._printed(fax, printer), busy_text=translate(
                "FaxActionsMixin",
                "Printing the fax…",
            )
        )
        return printed or 0

    async def _printed(self, fax: FaxMessage, printer: QPrinter) -> int:
        from app.ui.widgets.pdf_pages import print_pdf

        source = await self.service.pdf(fax)
        # Rendering every page at printer resolution takes a while: off the UI thread.
        pages = await asyncio.to_thread(print_pdf, source, printer)
        self.status_message.emit(translate(
            "FaxActionsMixin",
            "Sent %n page(s) to the printer.", "", pages,
        ))
        return pages

    # --- folders -----------------------------------------------------------------------

    async def new_folder(self) -> FaxFolder | None:
        name = await self.dialogs.ask_text(
            self, translate(
                "FaxActionsMixin",
                "New fax folder",
            ), translate(
                "FaxActionsMixin",
                "Name of the new folder:",
            ), "", translate(
                "FaxActionsMixin",
                "Create",
            )
        )
        if not name:
            return None
        changes = await run_operation(
            self.folders.new_button, self.service.create_folder(name),
            busy_text=translate("FaxActionsMixin", "Creating the folder…"),
        )
        created = changes.folder if changes is not None else None
        if created is not None:
            self.open_folder(created.name)
        return created

    async def rename_folder(self, folder: FaxFolder) -> FaxFolder | None:
        name = await self.dialogs.ask_text(
            self, translate(
                "FaxActionsMixin",
                "Rename fax folder",
            ), translate(
                "FaxActionsMixin",
                "New name for “{name}”:",
            ).format(name=folder.name), folder.name, translate(
                "FaxActionsMixin",
                "Rename",
            )
        )
        if not name or name == folder.name:
            return None
        changes = await run_operation(
            self.folders.rename_button, self.service.rename_folder(folder, name),
            busy_text=translate("FaxActionsMixin", "Renaming the folder…"),
        )
        renamed = changes.folder if changes is not None else None
        if renamed is not None:
            self.open_folder(renamed.name)
        return renamed

    async def delete_folder(self, folder: FaxFolder) -> bool:
        if not await self.dialogs.confirm(
            self, translate(
                "FaxActionsMixin",
                "Delete the folder “{name}”?",
            ).format(name=folder.name), translate(
                "FaxActionsMixin",
                "Delete",
            ), translate(
                "FaxActionsMixin",
                "Delete fax folder",
            )
        ):
            return False
        done = await run_operation(
            self.folders.delete_button, self._folder_deleted(folder),
            busy_text=translate("FaxActionsMixin", "Deleting the folder…"),
        )
        if done:
            self.open_folder("INBOX")
        return bool(done)

    async def _folder_deleted(self, folder: FaxFolder) -> bool:
        await self.service.delete_folder(folder)
        return True

    # --- send ------------------------------------------------------------------------------

    def open_compose(self) -> ComposeFaxDialog:
        """The compose dialog; an unsent draft (closed or failed) is reopened as it was."""
        if self.compose is None:
            # Imported here: the dialog's modules are not needed for the tab's first paint.
            from app.ui.tabs.fax.compose_dialog import ComposeFaxDialog

            dialog = ComposeFaxDialog(
                self.service, self.fax_sender, self.outbox, self.dialogs,
                email_default=self.ctx.settings.fax_email,
                email_copy=self.ctx.settings.fax_email_copy,
                parent=self,
            )
            # Not modal: composing a fax (a cover page, several documents) may take a
            # while, and meanwhile the rest of the window stays usable: another tab,
            # the fax list, and the Cancel of a fax still sending in the strip below
            # (a modal composer left an 80 MB upload nothing could cancel).
            dialog.setWindowModality(Qt.WindowModality.NonModal)
            dialog.sent.connect(self._on_compose_sent)
            dialog.rejected.connect(self._on_compose_rejected)
            self.compose = dialog
            # The fax left unsent last time (closed, or the app quit) comes back.
            self.draft_restore = self.spawn(dialog.restore_draft())
            self.spawn(dialog.load_numbers())
        self.compose.show()
        self.compose.raise_()
        self.compose.activateWindow()
        return self.compose

    async def send_again(self, fax: FaxMessage) -> ComposeFaxDialog | None:
        """A new fax to ``fax``'s number with its document (a failed fax, "Send again").

        Never sends by itself: the compose dialog opens filled in, and the user
        checks and presses Send (a fax that "failed" may still have reached part
        of its pages).
        """
        draft = self.compose
        if draft is not None and draft.has_content():
            if not await self.dialogs.confirm(
                self, translate(
                    "FaxActionsMixin",
                    "Replace the fax you were writing with this one?",
                ), translate(
                    "FaxActionsMixin",
                    "Replace",
                ),
                translate("FaxActionsMixin", "Send again"),
            ):
                return None
            draft.discard()
            self.compose = None
            draft.close()
            draft.deleteLater()
        copy = await run_in_background(
            self, self._resend_copy(fax), busy_text=translate(
                "FaxActionsMixin",
                "Preparing the fax again…",
            )
        )
        if copy is None:
            return None
        dialog = self.open_compose()
        dialog.to_edit.setText(format_number(fax.destination))
        await dialog.add_files([copy])
        return dialog

    async def _resend_copy(self, fax: FaxMessage) -> Path:
        """A copy of ``fax``'s PDF in the outbox (the cache may drop its own)."""
        source = await self.service.pdf(fax)
        target = self.outbox / f"Fax {fax.id} to {fax.destination or 'unknown'}.pdf"
        try:
            await asyncio.to_thread(self.outbox.mkdir, parents=True, exist_ok=True)
            await asyncio.to_thread(shutil.copyfile, source, target)
        except OSError as exc:
            raise UserFacingError(
                translate(
                    "FaxActionsMixin",
                    "Could not prepare the fax again: {value}.",
                ).format(value=exc.strerror or exc)
            ) from exc
        return target

    def _on_compose_sent(self, text: str) -> None:
        self.status_message.emit(text)
        dialog, self.compose = self.compose, None
        if dialog is not None:
            if dialog.email_copy_used:
                self.ctx.settings.fax_email = dialog.email_copy_used
            # Ticked or not, as at this send: the next fax starts the same way.
            self.ctx.settings.fax_email_copy = dialog.email_copy_checked
            dialog.deleteLater()

    def _on_compose_rejected(self) -> None:
        dialog = self.compose
        if dialog is not None and not dialog.has_content():
            # Nothing worth keeping: start fresh next time.
            self.compose = None
            dialog.deleteLater()

    # --- slots ----------------------------------------------------------------------------

    def _on_table_context_menu_requested(self, pos: QPoint) -> None:
        if self.selected_fax() is None:
            return
        menu = self.context_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _on_send_button_clicked(self) -> None:
        self.open_compose()

    @async_slot()
    async def _on_delete_button_clicked(self) -> None:
        fax = self.selected_fax()
        if fax is not None:
            await self.delete_fax(fax)

    @async_slot()
    async def _on_email_button_clicked(self) -> None:
        fax = self.selected_fax()
        if fax is not None:
            await self.email_fax(fax)

    @async_slot()
    async def _on_save_button_clicked(self) -> None:
        fax = self.selected_fax()
        if fax is not None:
            await self.save_fax(fax)

    @async_slot()
    async def _on_print_button_clicked(self) -> None:
        fax = self.selected_fax()
        if fax is not None:
            await self.print_fax(fax)

    @async_slot()
    async def _on_new_folder_clicked(self) -> None:
        await self.new_folder()

    @async_slot()
    async def _on_rename_folder_clicked(self) -> None:
        folder = self.folders.current_folder()
        if folder is not None:
            await self.rename_folder(folder)

    @async_slot()
    async def _on_delete_folder_clicked(self) -> None:
        folder = self.folders.current_folder()
        if folder is not None:
            await self.delete_folder(folder)

