"""Settings: general options, the account, and the cached lookup lists.

The "Lists" page (``app/ui/settings_lists.py: ListsPage``) shows every cached
list (servers/POPs, time zones, routing targets...) with its size and age in
words, its entries in readable columns, and refresh buttons with progress.

Signals:
    applied(): settings were changed and saved (the app re-applies theme, timers).
    sign_out_requested(): the user pressed "Sign out" on the Account page.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.config.settings import LANGUAGES, THEMES, Settings
from app.domain.words import QT_TRANSLATE_NOOP
from app.services.lookups.service import LookupService
from app.ui import i18n, style
from app.ui.feedback import Level, show_message
from app.ui.i18n import localized, translate
from app.ui.settings_desktop import DesktopSection
from app.ui.settings_lists import ListsPage

if TYPE_CHECKING:
    from app.config.secrets import Credentials

log = logging.getLogger(__name__)
THEME_LABELS = {
    "system": QT_TRANSLATE_NOOP("SettingsDialog", "Same as the system"),
    "light": QT_TRANSLATE_NOOP("SettingsDialog", "Light"),
    "dark": QT_TRANSLATE_NOOP("SettingsDialog", "Dark"),
}
#: Each language is named in itself, so a user lost in the wrong one still finds theirs.
LANGUAGE_LABELS = {
    "system": QT_TRANSLATE_NOOP("SettingsDialog", "Same as the system"),
    "en": QT_TRANSLATE_NOOP("SettingsDialog", "English"),
    "fr": QT_TRANSLATE_NOOP("SettingsDialog", "Français"),
}


class SettingsDialog(QDialog):
    applied = Signal()
    sign_out_requested = Signal()

    def __init__(
        self,
        settings: Settings,
        lookups: LookupService | None,
        credentials: Credentials | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("SettingsDialog", "Switchboard settings"))
        self.resize(860, 540)
        self._settings = settings
        self._lookups = lookups
        self.pages = QTabWidget(self)
        self.pages.addTab(self._general_page(), translate("SettingsDialog", "General"))
        self.pages.addTab(self._account_page(credentials), translate("SettingsDialog", "Account"))
        self.pages.addTab(self._lists_page(), translate("SettingsDialog", "Lists"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)

    # --- pages ---------------------------------------------------------------------

    def _general_page(self) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        described = Settings.describe()
        s = self._settings
        self.refresh_minutes = QSpinBox(page)
        self.refresh_minutes.setRange(0, 24 * 60)
        self.refresh_minutes.setSuffix(translate("SettingsDialog", " min"))
        self.refresh_minutes.setValue(s.balance_refresh_minutes)
        self.low_balance = QDoubleSpinBox(page)
        self.low_balance.setRange(0, 100_000)
        # The currency sign where the language writes it: "$5.00", "5,00 $".
        if i18n.current().french:
            self.low_balance.setSuffix("\u00a0$")
        else:
            self.low_balance.setPrefix("$")
        self.low_balance.setValue(s.low_balance_warning)
        self.ttl_days = QSpinBox(page)
        self.ttl_days.setRange(1, 365)
        self.ttl_days.setSuffix(translate("SettingsDialog", " days"))
        self.ttl_days.setValue(s.lookup_ttl_days)
        self.notifications = QCheckBox(translate(
            "SettingsDialog",
            "Show desktop notifications",
        ), page)
        self.notifications.setChecked(s.notifications)
        self.theme = QComboBox(page)
        for theme in THEMES:
            self.theme.addItem(translate("SettingsDialog", THEME_LABELS[theme]), theme)
        self.theme.setCurrentIndex(max(self.theme.findData(s.theme), 0))
        self.language = QComboBox(page)
        for language in LANGUAGES:
            self.language.addItem(translate("SettingsDialog", LANGUAGE_LABELS[language]), language)
        self.language.setCurrentIndex(max(self.language.findData(s.language), 0))
        self.language_note = QLabel(translate(
            "SettingsDialog",
            "Applied the next time Switchboard starts.",
        ), page)
        style.set_look(self.language_note, style.MUTED)
        self.language_note.setVisible(False)
        self.language.currentIndexChanged.connect(self._on_language_current_index_changed)
        for name, label, widget in (
            ("balance_refresh_minutes", translate("SettingsDialog", "Refresh balance every"),
             self.refresh_minutes),
            ("low_balance_warning", translate("SettingsDialog", "Warn when balance is below"),
             self.low_balance),
            ("lookup_ttl_days", translate("SettingsDialog", "Keep cached lists for"),
                self.ttl_days),
            ("notifications", translate("SettingsDialog", "Notifications"), self.notifications),
            ("theme", translate("SettingsDialog", "Colours"), self.theme),
            ("language", translate("SettingsDialog", "Language"), self.language),
        ):
            widget.setToolTip(localized(described[name][1]))
            form.addRow(label, widget)
        form.addRow("", self.language_note)
        self.desktop = DesktopSection(s, page)
        form.addRow(self.desktop)
        return page

    def _on_language_current_index_changed(self) -> None:
        self.language_note.setVisible(self.language.currentData() != self._settings.language)

    def _account_page(self, credentials: Credentials | None) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        form.addRow(translate(
            "SettingsDialog",
            "Account e-mail",
        ), QLabel(credentials.username if credentials else "—", page))
        where = {
            "keyring": translate("SettingsDialog", "in this computer's password keyring"),
            "session": translate(
                "SettingsDialog", "in memory for this session only (no keyring available)"),
            "environment": translate(
                "SettingsDialog", "from the VOIPMS_API_* environment variables (not stored)"),
        }
        stored = where.get(credentials.source.value, "") if credentials else ""
        form.addRow(translate(
            "SettingsDialog",
            "API password",
        ), QLabel(translate(
            "SettingsDialog",
            "kept {stored}",
        ).format(stored=stored) if stored else "—", page))
        sign_out = QPushButton(translate("SettingsDialog", "Sign out / switch account…"), page)
        # Button-sized, not stretched across the page like the form's fields.
        sign_out.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        sign_out.clicked.connect(self._on_sign_out_clicked)
        form.addRow("", sign_out)
        return page

    def _lists_page(self) -> QWidget:
        self.lists_page = ListsPage(self._lookups, self)
        return self.lists_page

    # --- saving --------------------------------------------------------------------

    def _on_sign_out_clicked(self) -> None:
        self.reject()
        self.sign_out_requested.emit()

    def _on_buttons_accepted(self) -> None:
        s = self._settings
        s.balance_refresh_minutes = self.refresh_minutes.value()
        s.low_balance_warning = float(self.low_balance.value())
        s.lookup_ttl_days = self.ttl_days.value()
        s.notifications = self.notifications.isChecked()
        s.theme = str(self.theme.currentData())
        s.language = str(self.language.currentData())
        problem = self.desktop.apply(s)
        s.save()
        if problem is not None:
            show_message(self.parentWidget(), problem, level=Level.WARNING)
        self.applied.emit()
        self.accept()

