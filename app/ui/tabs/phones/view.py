"""The Phones tab: every phone, online or offline, where, and what rings it.

The list comes from the store first (the last known registration, with when it
was checked: what an offline start shows), then from the API. The tab follows
the service's change sets (``changed``, through ``QtEventListener``); the badge
is the number of phones offline. Set-up, edit and mailbox settings are dialogs
opened with ``open()`` and awaited (``await_dialog``); every action goes
through ``run_operation``.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.models.phones import Phone
from app.services.phones.changes import PhoneChanges
from app.services.phones.service import PhonesService
from app.services.root import AppServices
from app.ui import dates, style
from app.ui.async_slot import async_slot
from app.ui.bridge import QtEventListener
from app.ui.i18n import localized, translate
from app.ui.operations import run_operation
from app.ui.tabs.base import TabBase
from app.ui.tabs.phones.dialogs import EditPhoneDialog, MailboxDialog, SetupDialog
from app.ui.tabs.phones.model import Column, PhonesModel, when
from app.ui.widgets.awaited_dialog import await_dialog
from app.ui.widgets.record_table import record_table
from app.ui.widgets.stretch_column import GrowingColumn, StretchColumn


class PhonesTab(TabBase):
    key = "phones"
    title = "Phones"

    def __init__(
        self, ctx: AppServices, service: PhonesService, *, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.service = service
        self.polling = service.polling
        #: The dialog on screen (tests answer it), ``None`` when none is open.
        self.open_dialog: QDialog | None = None
        self.model = PhonesModel(self)
        self.table = self._build_table()
        self.summary = QLabel("", self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        style.set_look(self.summary, style.MUTED)
        self.refresh_button = QPushButton(translate("PhonesTab", "Check now"), self)
        self.refresh_button.setToolTip(translate(
            "PhonesTab",
            "Read the phones and check every registration now",
        ))
        self.setup_button = QPushButton(translate("PhonesTab", "Set up this phone…"), self)
        self.setup_button.setToolTip(translate(
            "PhonesTab",
            "Server, username, port and password to type into the phone",
        ))
        self.edit_button = QPushButton(translate("PhonesTab", "Edit…"), self)
        self.mailbox_button = QPushButton(translate("PhonesTab", "Mailbox settings…"), self)
        self.mailbox_button.setToolTip(translate(
            "PhonesTab",
            "E-mail, attachment, time zone and transcription of this phone's voicemail box",
        ))
        self.details = QLabel("", self)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout()
        self._connect()
        self._update_actions()

    def _build_table(self) -> QTableView:
        table = record_table(self, self.model, accessible_name=translate("PhonesTab", "Phones"))
        table.setSortingEnabled(False)  # the account's order: main account first
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = table.fontMetrics()
        # The name fills the spare width; a narrow window scrolls rather than eliding it.
        self.phone_column = StretchColumn(table, Column.PHONE, metrics.averageCharWidth() * 16)
        samples = {Column.STATUS: translate("PhonesModel", "Not checked yet"),
                   Column.WHERE: "Washington, DC",
                   Column.ADDRESS: "203.0.113.240 (UDP)",
                   # "Today 21:29", in the UI's language ("aujourd'hui 21:29").
                   Column.NEXT: max(dates.list_date_samples(other_years=False),
                                    key=metrics.horizontalAdvance),
                   Column.NUMBERS: "(617) 555-0100"}
        for column, sample in samples.items():
            table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)
        # Two numbers, or one and the ring group it rings through, before eliding.
        self.numbers_column = GrowingColumn(table, Column.NUMBERS, most_chars=40)
        return table

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.refresh_button)
        actions = QHBoxLayout()
        actions.addWidget(self.setup_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.mailbox_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.details)
        layout.addLayout(actions)

    def _connect(self) -> None:
        self._events = QtEventListener(self)
        self._events.listen(self.service.changed, self._on_service_changed)
        self._events.listen(self.polling.failed, self._on_polling_failed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        # Enter or a double click (``activated``, as in the other tabs' lists).
        self.table.activated.connect(self._on_table_activated)
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.setup_button.clicked.connect(self._on_setup_button_clicked)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.mailbox_button.clicked.connect(self._on_mailbox_button_clicked)

    # --- TabBase ------------------------------------------------------------------------

    async def read_cache(self) -> None:
        self.apply_changes(await self.service.overview())

    async def refresh(self) -> None:
        await self.service.refresh()
        if not self.polling.active:
            self.polling.start()

    def main_list(self) -> QTableView:
        return self.table

    def shutdown(self) -> None:
        self.polling.stop()
        self._events.close()

    # --- state ----------------------------------------------------------------------------

    def selected_phone(self) -> Phone | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.phone_at(rows[0].row()) if rows else None

    def select_phone(self, account: str) -> bool:
        row = self.model.row_of(account)
        if row >= 0:
            self.table.selectRow(row)
        return row >= 0

    def apply_changes(self, changes: PhoneChanges) -> None:
        self.model.set_servers(changes.servers)
        self.model.apply(changes.applied_to(self.model.phones))
        self.numbers_column.fit(self.model.text(p, Column.NUMBERS) for p in self.model.phones)
        self.phone_column.fit(self.model.text(p, Column.PHONE) for p in self.model.phones)
        self.badge_changed.emit(changes.offline)
        self._show_summary(changes.offline)
        self._update_actions()

    def _show_summary(self, offline: int) -> None:
        phones = self.model.phones
        if not phones:
            self.summary.setText(translate(
                "PhonesTab",
                "No phones yet: Switchboard is reading your account…",
            ))
            return
        checked = [p.registration.checked_at for p in phones
                   if p.registration is not None and p.registration.checked_at is not None]
        last = translate("PhonesTab", " Last checked {when}.").format(
            when=when(max(checked))) if checked else ""
        count = translate("PhonesTab", "%n phone(s)", "", len(phones))
        state = (translate("PhonesTab", "{count} offline").format(count=offline) if offline
                 else translate("PhonesTab", "all online"))
        self.summary.setText(translate(
            "PhonesTab",
            "{count}, {state}.{last}",
        ).format(count=count, state=state, last=last))

    def _update_actions(self) -> None:
        phone = self.selected_phone()
        self.setup_button.setEnabled(phone is not None and not phone.is_main)
        self.edit_button.setEnabled(phone is not None and not phone.is_main)
        self.mailbox_button.setEnabled(True)
        self.details.setText(self._details(phone))

    def _details(self, phone: Phone | None) -> str:
        if phone is None:
            return translate("PhonesTab", "Select a phone to set it up or change its settings.")
        reg = phone.registration
        parts = [f"{localized(phone.label)} ({phone.account})"]
        if reg is None:
            parts.append(translate("PhonesTab", "registration not checked yet"))
        elif reg.registered and reg.first is not None:
            point = reg.first
            parts.append(translate(
                "PhonesTab", "registered to {server} from {ip}:{port} over {transport}").format(
                server=point.server_hostname or point.server_name, ip=point.ip, port=point.port,
                transport=point.transport or "SIP"))
        else:
            parts.append(translate(
                "PhonesTab", "not registered: calls to it go to its failover (voicemail)"))
        if reg is not None and reg.checked_at is not None:
            parts.append(translate("PhonesTab", "checked {when}").format(when=when(reg.checked_at)))
        return "; ".join(parts) + "."

    # --- slots -------------------------------------------------------------------------------

    def _on_service_changed(self, changes: PhoneChanges) -> None:
        self.apply_changes(changes)

    def _on_polling_failed(self, text: str) -> None:
        self.status_message.emit(translate(
            "PhonesTab",
            "Checking the phones failed: {text}",
        ).format(text=localized(text)))

    def _on_table_selection_changed(self, *_: QItemSelection) -> None:
        self._update_actions()

    @async_slot()
    async def _on_refresh_button_clicked(self) -> None:
        await run_operation(self.refresh_button, self.service.refresh(),
                            busy_text=translate("PhonesTab", "Checking the phones…"),
                            refresh=True)

    @async_slot()
    async def _on_table_activated(self) -> None:
        phone = self.selected_phone()
        if phone is not None and not phone.is_main:
            await self.set_up(phone)

    @async_slot()
    async def _on_setup_button_clicked(self) -> None:
        phone = self.selected_phone()
        if phone is not None:
            await self.set_up(phone)

    @async_slot()
    async def _on_edit_button_clicked(self) -> None:
        phone = self.selected_phone()
        if phone is not None:
            await self.edit(phone)

    @async_slot()
    async def _on_mailbox_button_clicked(self) -> None:
        phone = self.selected_phone()
        mailbox = str(phone.raw.get("internal_voicemail", "")) if phone is not None else ""
        await self.mailbox_settings(mailbox)

    # --- actions ------------------------------------------------------------------------------

    async def set_up(self, phone: Phone) -> None:
        setup = await run_operation(self.setup_button, self.service.setup(phone.account),
                                    busy_text=translate(
                                        "PhonesTab",
                                        "Reading the phone's settings…",
                                    ))
        if setup is None:
            return
        dialog = SetupDialog(setup, localized(phone.label), self)
        self.open_dialog = dialog
        await await_dialog(dialog, lambda _accepted: None)
        self.open_dialog = None

    async def edit(self, phone: Phone) -> None:
        editor = await run_operation(self.edit_button, self.service.editor(phone.account),
                                     busy_text=translate(
                                         "PhonesTab",
                                         "Reading the phone's settings…",
                                     ))
        if editor is None:
            return
        dialog = EditPhoneDialog(editor, self)
        self.open_dialog = dialog
        edit = await await_dialog(dialog, lambda ok: dialog.edit() if ok else None)
        self.open_dialog = None
        if edit is None or edit.empty:
            return
        saved = await run_operation(self.edit_button,
                                    self.service.save_edit(phone.account, edit),
                                    busy_text=translate(
                                        "PhonesTab",
                                        "Saving the phone's settings…",
                                    ))
        if saved is not None:
            self.status_message.emit(translate(
                "PhonesTab",
                "Saved the settings of {label}.",
            ).format(label=localized(phone.label)))

    async def mailbox_settings(self, mailbox: str = "") -> None:
        editor = await run_operation(self.mailbox_button, self.service.mailbox_editor(mailbox),
                                     busy_text=translate(
                                         "PhonesTab",
                                         "Reading the mailbox settings…",
                                     ))
        if editor is None:
            return
        dialog = MailboxDialog(editor, self)
        self.open_dialog = dialog
        edit = await await_dialog(dialog, lambda ok: dialog.edit() if ok else None)
        self.open_dialog = None
        if edit is None or not edit.params():
            return
        saved = await run_operation(self.mailbox_button,
                                    self.service.save_mailbox(editor.settings.mailbox, edit),
                                    busy_text=translate(
                                        "PhonesTab",
                                        "Saving the mailbox settings…",
                                    ))
        if saved is not None:
            self.status_message.emit(translate(
                "PhonesTab",
                "Saved the settings of mailbox {mailbox}.",
            ).format(mailbox=saved.mailbox))
