"""The Phones tab's dialogs: set up a phone, edit it, mailbox settings.

Everything from outside (names, e-mails) goes into plain-text labels or line
edits; the dialogs only collect what the user changed (``PhoneEdit`` /
``MailboxEdit``: ``None`` for what was left alone).
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.models.phones import MailboxEdit, PhoneEdit, PhoneSetup
from app.services.phones.changes import Choice, MailboxEditor, PhoneEditor
from app.ui import style
from app.ui.i18n import localized, translate

T = TypeVar("T")


def _changed(start: T | None, value: T) -> T | None:
    """``value`` when it differs from what the dialog opened with, else ``None``."""
    return None if value == start else value


def _plain(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    return label


def _combo(parent: QWidget, choices: tuple[Choice, ...], current: str, name: str) -> QComboBox:
    combo = QComboBox(parent)
    combo.setAccessibleName(name)
    for choice in choices:
        combo.addItem(localized(choice.label), choice.value)
    if current and combo.findData(current) < 0:
        combo.addItem(current, current)  # a value the list no longer has: kept
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


def _checklist(parent: QWidget, choices: tuple[Choice, ...], checked: set[str],
               name: str) -> QListWidget:
    box = QListWidget(parent)
    box.setAccessibleName(name)
    for choice in choices:
        item = QListWidgetItem(localized(choice.label), box)
        item.setData(Qt.ItemDataRole.UserRole, choice.value)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if choice.value in checked
                           else Qt.CheckState.Unchecked)
    box.setMaximumHeight(120)
    return box


def checked_values(box: QListWidget) -> tuple[str, ...]:
    return tuple(
        str(box.item(i).data(Qt.ItemDataRole.UserRole)) for i in range(box.count())
        if box.item(i).checkState() == Qt.CheckState.Checked
    )


def set_checked(box: QListWidget, values: set[str]) -> None:
    for i in range(box.count()):
        item = box.item(i)
        item.setCheckState(Qt.CheckState.Checked
                           if item.data(Qt.ItemDataRole.UserRole) in values
                           else Qt.CheckState.Unchecked)


def _buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SetupDialog(QDialog):
    """What a softphone or desk phone asks for; the password hidden, Show and Copy."""

    def __init__(self, setup: PhoneSetup, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SetupDialog", "Set up {title}").format(title=title))
        self._password = setup.password
        self.server = QComboBox(self)
        self.server.setAccessibleName(translate("SetupDialog", "Server"))
        for host, label in setup.servers:
            self.server.addItem(translate(
                "SetupDialog",
                "{host} - {label}",
            ).format(host=host, label=localized(label)), host)
        self.username = QLineEdit(setup.username, self)
        self.username.setReadOnly(True)
        self.username.setAccessibleName(translate("SetupDialog", "Username"))
        ports = ", ".join(f"{port} ({transport})" for transport, port in setup.ports)
        self.ports = _plain(ports, self)
        hint = translate("SetupDialog", "Last registered with {transport}.").format(
            transport=setup.transport) if setup.transport else ""
        self.transport = _plain(translate(
            "SetupDialog",
            "UDP is what most phones use; choose TLS on port 5061 to encrypt signalling. ",
        ) + hint, self)
        self.transport.setWordWrap(True)
        self.password = QLineEdit(setup.password, self)
        self.password.setReadOnly(True)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("SetupDialog", "Password"))
        self.show_button = QPushButton(translate("SetupDialog", "Show"), self)
        self.show_button.setCheckable(True)
        self.copy_button = QPushButton(translate("SetupDialog", "Copy"), self)
        self.copy_user_button = QPushButton(translate("SetupDialog", "Copy"), self)
        self.copy_server_button = QPushButton(translate("SetupDialog", "Copy"), self)
        for button, what in ((self.copy_button, "password"), (self.copy_user_button, "username"),
                             (self.copy_server_button, "server")):
            button.setAccessibleName(translate("SetupDialog", "Copy {what}").format(what=what))
        self.show_button.toggled.connect(self._on_show_button_toggled)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.copy_user_button.clicked.connect(self._on_copy_user_button_clicked)
        self.copy_server_button.clicked.connect(self._on_copy_server_button_clicked)

        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.server, 1)
        row.addWidget(self.copy_server_button)
        form.addRow(translate("SetupDialog", "Server (SIP domain):"), row)
        row = QHBoxLayout()
        row.addWidget(self.username, 1)
        row.addWidget(self.copy_user_button)
        form.addRow(translate("SetupDialog", "Username:"), row)
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.show_button)
        row.addWidget(self.copy_button)
        form.addRow(translate("SetupDialog", "Password:"), row)
        form.addRow(translate("SetupDialog", "Port:"), self.ports)
        form.addRow(translate("SetupDialog", "Transport:"), self.transport)
        if setup.ip_auth or not setup.password:
            note = _plain(translate(
                "SetupDialog",
                "This sub-account signs in by IP address: the phone needs no password.",
            ) if setup.ip_auth else translate(
                "SetupDialog",
                "No password is set for this sub-account: set one on the VoIP.ms portal.",
            ), self)
            note.setWordWrap(True)
            style.set_look(note, style.MUTED)
            form.addRow("", note)
            self.show_button.setEnabled(False)
            self.copy_button.setEnabled(False)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(close)
        self.resize(520, self.sizeHint().height())

    def _on_show_button_toggled(self, shown: bool) -> None:
        self.password.setEchoMode(QLineEdit.EchoMode.Normal if shown
                                  else QLineEdit.EchoMode.Password)
        self.show_button.setText(translate("SetupDialog", "Hide") if shown else translate(
            "SetupDialog", "Show"))

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self._password)

    def _on_copy_user_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.username.text())

    def _on_copy_server_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(str(self.server.currentData() or ""))


class EditPhoneDialog(QDialog):
    """The settings that matter, in plain words; ``edit()`` holds only what changed."""

    def __init__(self, editor: PhoneEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        phone = editor.phone
        raw = phone.raw
        self.setWindowTitle(translate("EditPhoneDialog", "Edit {label}").format(label=localized(
            phone.label)))
        pops = tuple(p for p in str(raw.get("pop_restriction", "")).split(",") if p)
        #: The values the dialog opened with (every field set), to tell what changed.
        self._start = PhoneEdit(
            description=phone.description,
            callerid_number=phone.callerid_number,
            codecs=tuple(c for c in str(raw.get("allowed_codecs", "")).split(";") if c),
            pops=pops if str(raw.get("enable_pop_restriction", "0")) == "1" else (),
            language=str(raw.get("language", "")),
            record_calls=str(raw.get("record_calls", "0")) == "1",
            transcribe=str(raw.get("transcribe", "0")) == "1",
            transcription_locale=str(raw.get("transcription_locale", "")),
            transcription_email=str(raw.get("transcription_email", "")),
        )
        s = self._start
        self.description = QLineEdit(s.description or "", self)
        self.callerid = QLineEdit(s.callerid_number or "", self)
        self.callerid.setPlaceholderText(translate(
            "EditPhoneDialog",
            "The number people see when this phone calls",
        ))
        self.codecs = _checklist(self, editor.codecs, set(s.codecs or ()), translate(
            "EditPhoneDialog",
            "Codecs",
        ))
        self.limit_pops = QCheckBox(translate(
            "EditPhoneDialog",
            "Only allow calls through these servers",
        ), self)
        self.limit_pops.setChecked(bool(s.pops))
        self.pops = _checklist(self, editor.servers, set(s.pops or ()), translate(
            "EditPhoneDialog",
            "Allowed servers",
        ))
        self.pops.setEnabled(bool(s.pops))
        self.limit_pops.toggled.connect(self.pops.setEnabled)
        self.language = _combo(self, editor.languages, s.language or "", translate(
            "EditPhoneDialog",
            "Language",
        ))
        self.record = QCheckBox(translate(
            "EditPhoneDialog",
            "Record every call of this phone",
        ), self)
        self.record.setChecked(bool(s.record_calls))
        self.transcribe = QCheckBox(translate(
            "EditPhoneDialog",
            "Transcribe calls and e-mail the text",
        ), self)
        self.transcribe.setChecked(bool(s.transcribe))
        self.locale_box = _combo(self, editor.locales, s.transcription_locale or "",
                             translate("EditPhoneDialog", "Transcription language"))
        self.email = QLineEdit(s.transcription_email or "", self)
        self.email.setAccessibleName(translate("EditPhoneDialog", "Transcription e-mail"))
        self.transcribe.toggled.connect(self._on_transcribe_toggled)
        self._on_transcribe_toggled(self.transcribe.isChecked())

        form = QFormLayout()
        form.addRow(translate("EditPhoneDialog", "Name:"), self.description)
        form.addRow(translate("EditPhoneDialog", "Caller ID number:"), self.callerid)
        form.addRow(translate("EditPhoneDialog", "Codecs (audio formats):"), self.codecs)
        form.addRow("", self.limit_pops)
        form.addRow(translate("EditPhoneDialog", "Servers:"), self.pops)
        form.addRow(translate("EditPhoneDialog", "Voice prompts language:"), self.language)
        form.addRow("", self.record)
        form.addRow("", self.transcribe)
        form.addRow(translate("EditPhoneDialog", "Transcription language:"), self.locale_box)
        form.addRow(translate("EditPhoneDialog", "Send transcripts to:"), self.email)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, translate("EditPhoneDialog", "Save")))

    def _on_transcribe_toggled(self, on: bool) -> None:
        self.locale_box.setEnabled(on)
        self.email.setEnabled(on)

    def edit(self) -> PhoneEdit:
        s = self._start
        pops = checked_values(self.pops) if self.limit_pops.isChecked() else ()
        return PhoneEdit(
            description=_changed(s.description, self.description.text().strip()),
            callerid_number=_changed(s.callerid_number, self.callerid.text().strip()),
            codecs=_changed(s.codecs, checked_values(self.codecs)),
            pops=None if set(pops) == set(s.pops or ()) else pops,
            language=_changed(s.language, str(self.language.currentData() or "")),
            record_calls=_changed(s.record_calls, self.record.isChecked()),
            transcribe=_changed(s.transcribe, self.transcribe.isChecked()),
            transcription_locale=_changed(s.transcription_locale,
                                          str(self.locale_box.currentData() or "")),
            transcription_email=_changed(s.transcription_email, self.email.text().strip()),
        )


class MailboxDialog(QDialog):
    """A mailbox's e-mail, attachment, time zone, language and transcription."""

    def __init__(self, editor: MailboxEditor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        box = editor.settings
        self.mailbox = box.mailbox
        self._start = box
        self.setWindowTitle(translate(
            "MailboxDialog",
            "Mailbox {mailbox} settings",
        ).format(mailbox=box.mailbox))
        self.name = _plain(box.name or box.mailbox, self)
        self.email = QLineEdit(box.email, self)
        self.email.setAccessibleName(translate("MailboxDialog", "E-mail"))
        self.attach = QCheckBox(translate(
            "MailboxDialog",
            "Attach the recording to the e-mail",
        ), self)
        self.attach.setChecked(box.attach_audio)
        self.timezone = _combo(self, editor.timezones, box.timezone, translate(
            "MailboxDialog",
            "Time zone",
        ))
        self.language = _combo(self, editor.languages, box.language, translate(
            "MailboxDialog",
            "Language",
        ))
        self.transcribe = QCheckBox(translate("MailboxDialog", "Transcribe messages"), self)
        self.transcribe.setChecked(box.transcribe)
        self.locale_box = _combo(self, editor.locales, box.transcription_locale,
                             translate("MailboxDialog", "Transcription language"))
        form = QFormLayout()
        form.addRow(translate("MailboxDialog", "Mailbox:"), self.name)
        form.addRow(translate("MailboxDialog", "E-mail new messages to:"), self.email)
        form.addRow("", self.attach)
        form.addRow(translate("MailboxDialog", "Time zone:"), self.timezone)
        form.addRow(translate("MailboxDialog", "Language:"), self.language)
        form.addRow("", self.transcribe)
        form.addRow(translate("MailboxDialog", "Transcription language:"), self.locale_box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_buttons(self, translate("MailboxDialog", "Save")))

    def edit(self) -> MailboxEdit:
        s = self._start
        email = self.email.text().strip()
        tz = str(self.timezone.currentData() or "")
        lang = str(self.language.currentData() or "")
        locale = str(self.locale_box.currentData() or "")
        return MailboxEdit(
            email=None if email == s.email else email,
            attach_audio=None if self.attach.isChecked() == s.attach_audio
            else self.attach.isChecked(),
            timezone=None if tz == s.timezone else tz,
            language=None if lang == s.language else lang,
            transcribe=None if self.transcribe.isChecked() == s.transcribe
            else self.transcribe.isChecked(),
            transcription_locale=None if locale == s.transcription_locale else locale,
        )
