"""First-run account set-up: e-mail, API password, "Test connection".

The dialog proves the credentials before accepting them (``check_connection``):
it shows the public IP VoIP.ms sees and, when access is refused, what to change
in the VoIP.ms portal. On success the password goes to the keyring, or, when
there is none, stays in memory for this session and the dialog says so.

``await dialog.run()`` returns the accepted ``Credentials`` or ``None``.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.config.logsetup import register_secret
from app.config.secrets import Credentials, SecretStore
from app.services.account.session import ConnectionCheck
from app.ui import style
from app.ui.async_slot import async_slot
from app.ui.i18n import localized, translate
from app.ui.widgets.strips import TintedStrip

log = logging.getLogger(__name__)

#: Runs the connection check for (username, password).
Checker = Callable[[str, str], Awaitable[ConnectionCheck]]


class SetupDialog(QDialog):
    def __init__(
        self,
        secrets: SecretStore,
        checker: Checker,
        *,
        username: str = "",
        intro: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SetupDialog", "Connect Switchboard to VoIP.ms"))
        self.setMinimumWidth(520)
        self._secrets = secrets
        self._checker = checker
        self._last_check: ConnectionCheck | None = None
        self._checked_for: tuple[str, str] | None = None
        self.credentials: Credentials | None = None

        heading = QLabel(translate("SetupDialog", "<b>Your VoIP.ms account</b>"), self)
        explanation = QLabel(
            intro
            or translate(
                "SetupDialog",
                "Switchboard talks to VoIP.ms through its API. Enter the e-mail address you log "
                "in with and the <i>API password</i> (set under Main Menu &gt; SOAP &amp; "
                "REST/JSON API on voip.ms; it is not your portal password).",
            ),
            self,
        )
        explanation.setWordWrap(True)
        explanation.setTextFormat(Qt.TextFormat.RichText)

        self.username_edit = QLineEdit(username, self)
        self.username_edit.setPlaceholderText(translate("SetupDialog", "you@example.com"))
        self.password_edit = QLineEdit(self)
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.setPlaceholderText(translate("SetupDialog", "API password"))
        form = QFormLayout()
        form.addRow(translate("SetupDialog", "Account e-mail"), self.username_edit)
        form.addRow(translate("SetupDialog", "API password"), self.password_edit)

        self.test_button = QPushButton(translate("SetupDialog", "Test connection"), self)
        self.test_button.clicked.connect(self._on_test_button_clicked)
        self.ip_label = QLabel(translate("SetupDialog", "Public IP: not checked yet"), self)
        style.set_look(self.ip_label, style.MUTED)
        self.ip_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addWidget(self.ip_label, 1)

        self.result_label = QLabel(self)
        self.result_label.setTextFormat(Qt.TextFormat.PlainText)  # quotes the server
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result_label.hide()

        self.keyring_label = TintedStrip(self)
        self.keyring_label.setWordWrap(True)
        if not secrets.keyring_available():
            self.keyring_label.setText(localized(secrets.keyring_problem or ""))
        else:
            self.keyring_label.hide()

        self.buttons = QDialogButtonBox(self)
        self.sign_in_button = self.buttons.addButton(
            translate("SetupDialog", "Sign in"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addLayout(test_row)
        layout.addWidget(self.result_label)
        layout.addWidget(self.keyring_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

        for edit in (self.username_edit, self.password_edit):
            edit.textChanged.connect(self._on_fields_changed)
        self._on_fields_changed()

    # --- state ---------------------------------------------------------------------

    def _entered(self) -> tuple[str, str]:
        return self.username_edit.text().strip(), self.password_edit.text()

    def _on_fields_changed(self) -> None:
        username, password = self._entered()
        complete = bool(username and password)
        self.test_button.setEnabled(complete)
        self.sign_in_button.setEnabled(complete)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.username_edit, self.password_edit, self.buttons):
            widget.setEnabled(not busy)
        self.test_button.setEnabled(not busy)
        self.test_button.setText(translate(
            "SetupDialog",
            "Testing…",
        ) if busy else translate(
            "SetupDialog",
            "Test connection",
        ))
        if not busy:
            self._on_fields_changed()

    def _show_check(self, check: ConnectionCheck) -> None:
        self.ip_label.setText(translate(
            "SetupDialog",
            "Public IP: {ip}",
        ).format(ip=check.ip) if check.ip else translate(
            "SetupDialog",
            "Public IP: unknown",
        ))
        style.set_look(self.result_label, style.PLAIN if check.ok else style.ERROR)
        self.result_label.setText(localized(check.message))
        self.result_label.show()
        # The dialog keeps its first height; a wrapped explanation of three lines would
        # otherwise squeeze (and clip) itself and the introduction above it.
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    async def _check(self) -> ConnectionCheck:
        username, password = self._entered()
        register_secret(password)
        self._set_busy(True)
        try:
            check = await self._checker(username, password)
        finally:
            self._set_busy(False)
        self._last_check, self._checked_for = check, (username, password)
        self._show_check(check)
        return check

    # --- slots ---------------------------------------------------------------------

    @async_slot()
    async def _on_test_button_clicked(self) -> None:
        await self._check()

    @async_slot()
    async def _on_buttons_accepted(self) -> None:
        username, password = self._entered()
        check = self._last_check
        if check is None or not check.ok or self._checked_for != (username, password):
            check = await self._check()
        if not check.ok:
            return
        self.credentials = self._secrets.save(username, password)
        log.info("Signed in as %s (password kept in %s)", username, self.credentials.source)
        self.accept()

    async def run(self) -> Credentials | None:
        """Show the dialog without a nested event loop; the accepted credentials or None."""
        future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        def _done(code: int) -> None:
            if not future.done():
                future.set_result(code)

        self.finished.connect(_done)
        self.open()
        self.raise_()
        await future
        return self.credentials if self.result() == QDialog.DialogCode.Accepted else None
