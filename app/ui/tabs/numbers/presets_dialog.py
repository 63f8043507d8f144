"""Managing routing presets, and the confirmation shown before one is applied.

A preset = a name, a target for the main routing, and the numbers it covers
("all numbers" or a chosen few). Applying happens from the toolbar's Presets
menu; this dialog only creates, replaces and deletes them.

Signals (PresetsDialog):
    presets_changed(): a preset was saved or deleted.
    apply_requested(object): "Apply now" was clicked for this ``RoutingPreset``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.models.numbers import Did
from app.domain.phone import format_number
from app.domain.routing_labels import TargetLists, describe
from app.services.numbers.presets import PlannedChange, PresetStore, RoutingPreset
from app.ui import feedback
from app.ui.i18n import localized, translate
from app.ui.tabs.numbers.routing_editor import RoutingEditor

#: How many DIDs a confirmation lists before summarising the rest.
_CONFIRM_LIST_MAX = 15


def preset_summary(preset: RoutingPreset, lists: TargetLists) -> str:
    scope = translate("PresetsDialog", "All numbers") if not preset.dids else (
        format_number(preset.dids[0]) if len(preset.dids) == 1
        else translate("PresetsDialog", "%n numbers", "", len(preset.dids))
    )
    return f"{scope} → {localized(describe(preset.route, lists))}"


def confirmation_text(
    preset: RoutingPreset, changes: Sequence[PlannedChange], lists: TargetLists
) -> str:
    """The question asked before a preset is applied: which numbers move, from where."""
    target = localized(describe(preset.route, lists))
    lines = [translate(
        "PresetsDialog", "Apply “{name}”? %n number(s) will be routed to {target}:", "",
        len(changes)).format(name=preset.name, target=target), ""]
    for change in changes[:_CONFIRM_LIST_MAX]:
        now = localized(describe(change.did.routing, lists))
        label = format_number(change.did.did)
        if change.did.description:
            label += f" ({change.did.description})"
        lines.append(translate("PresetsDialog", "• {number} — now: {route}").format(
            number=label, route=now))
    if len(changes) > _CONFIRM_LIST_MAX:
        lines.append(translate("PresetsDialog", "• … and %n more", "",
                               len(changes) - _CONFIRM_LIST_MAX))
    return "\n".join(lines)


async def confirm_preset(
    parent: QWidget | None,
    preset: RoutingPreset,
    changes: Sequence[PlannedChange],
    lists: TargetLists,
) -> bool:
    """Default confirmation (through ``feedback.ask``, so a test sink answers it)."""
    return await feedback.ask(
        parent,
        confirmation_text(preset, changes, lists),
        yes_text=translate("numbers.presets_dialog", "Apply"),
        title=translate(
            "numbers.presets_dialog",
            "Apply preset “{name}”",
        ).format(name=preset.name),
    )


class PresetsDialog(QDialog):
    presets_changed = Signal()
    apply_requested = Signal(object)

    def __init__(
        self,
        store: PresetStore,
        dids: Sequence[Did],
        lists: TargetLists,
        parent: QWidget | None = None,
        *,
        selected: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("presetsDialog")
        self.setWindowTitle(translate("PresetsDialog", "Routing presets"))
        self._store = store
        self._lists = lists

        self.preset_list = QListWidget(self)
        self.preset_list.setObjectName("presetList")
        self.preset_list.currentRowChanged.connect(self._on_preset_list_current_row_changed)
        self.delete_button = QPushButton(translate("PresetsDialog", "Delete preset"), self)
        self.delete_button.setObjectName("deletePreset")
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        self.apply_button = QPushButton(translate("PresetsDialog", "Apply now…"), self)
        self.apply_button.setObjectName("applyPreset")
        self.apply_button.setToolTip(translate(
            "PresetsDialog",
            "Shows which numbers change before anything is sent",
        ))
        self.apply_button.clicked.connect(self._on_apply_button_clicked)

        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("presetName")
        self.name_edit.setPlaceholderText(translate("PresetsDialog", "e.g. After hours"))
        self.route_editor = RoutingEditor(self)
        self.route_editor.setObjectName("presetRoute")
        self.route_editor.set_lists(lists)
        self.all_radio = QRadioButton(translate("PresetsDialog", "All numbers"), self)
        self.all_radio.setObjectName("presetAll")
        self.some_radio = QRadioButton(translate("PresetsDialog", "Only these numbers:"), self)
        self.some_radio.setObjectName("presetSome")
        self.did_list = QListWidget(self)
        self.did_list.setObjectName("presetDids")
        for did in dids:
            text = format_number(did.did) + (f"  {did.description}" if did.description else "")
            item = QListWidgetItem(text, self.did_list)
            item.setData(Qt.ItemDataRole.UserRole, did.did)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if did.did in selected else Qt.CheckState.Unchecked
            )
        (self.some_radio if selected else self.all_radio).setChecked(True)
        self.did_list.setEnabled(bool(selected))
        self.some_radio.toggled.connect(self.did_list.setEnabled)
        self.save_button = QPushButton(translate("PresetsDialog", "Save preset"), self)
        self.save_button.setObjectName("savePreset")
        self.save_button.clicked.connect(self._on_save_button_clicked)
        self.problem = QLabel(self)
        self.problem.setObjectName("presetProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        form_box = QGroupBox(translate("PresetsDialog", "New or changed preset"), self)
        form = QFormLayout(form_box)
        form.addRow(translate("PresetsDialog", "Name"), self.name_edit)
        form.addRow(translate("PresetsDialog", "Route calls to"), self.route_editor)
        scope = QVBoxLayout()
        scope.addWidget(self.all_radio)
        scope.addWidget(self.some_radio)
        scope.addWidget(self.did_list)
        form.addRow(translate("PresetsDialog", "Applies to"), scope)
        form.addRow("", self.problem)
        save_row = QHBoxLayout()
        save_row.addStretch(1)
        save_row.addWidget(self.save_button)
        form.addRow(save_row)

        saved_box = QGroupBox(translate("PresetsDialog", "Saved presets"), self)
        saved = QVBoxLayout(saved_box)
        saved.addWidget(self.preset_list)
        delete_row = QHBoxLayout()
        delete_row.addStretch(1)
        delete_row.addWidget(self.delete_button)
        delete_row.addWidget(self.apply_button)
        saved.addLayout(delete_row)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(saved_box)
        layout.addWidget(form_box, 1)
        layout.addWidget(close)
        self.resize(560, 620)
        self._reload()

    def _reload(self, select: str | None = None) -> None:
        self.preset_list.clear()
        presets = self._store.all()
        for preset in presets:
            item = QListWidgetItem(translate(
                "PresetsDialog",
                "{name}: {preset}",
            ).format(name=preset.name, preset=preset_summary(preset, self._lists)))
            item.setData(Qt.ItemDataRole.UserRole, preset.name)
            self.preset_list.addItem(item)
        if not presets:
            hint = QListWidgetItem(translate(
                "PresetsDialog",
                "No presets yet. Fill in the form below and save one.",
            ))
            hint.setFlags(Qt.ItemFlag.NoItemFlags)
            self.preset_list.addItem(hint)
        names = [p.name for p in presets]
        if select in names:
            self.preset_list.setCurrentRow(names.index(select))
        chosen = bool(presets) and self.preset_list.currentRow() >= 0
        self.delete_button.setEnabled(chosen)
        self.apply_button.setEnabled(chosen)

    def _preset_named(self, name: str) -> RoutingPreset | None:
        return next((p for p in self._store.all() if p.name == name), None)

    def checked_dids(self) -> list[str]:
        out: list[str] = []
        for row in range(self.did_list.count()):
            item = self.did_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def _on_preset_list_current_row_changed(self, row: int) -> None:
        item = self.preset_list.item(row) if row >= 0 else None
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        preset = self._preset_named(name) if isinstance(name, str) else None
        self.delete_button.setEnabled(preset is not None)
        self.apply_button.setEnabled(preset is not None)
        if preset is None:
            return
        # Load it into the form so "change and save" edits it in place.
        self.name_edit.setText(preset.name)
        self.route_editor.set_route(preset.route)
        (self.some_radio if preset.dids else self.all_radio).setChecked(True)
        for index in range(self.did_list.count()):
            item = self.did_list.item(index)
            checked = item.data(Qt.ItemDataRole.UserRole) in preset.dids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _on_save_button_clicked(self) -> None:
        name = self.name_edit.text().strip()
        dids = tuple(self.checked_dids()) if self.some_radio.isChecked() else ()
        problem = ""
        if not name:
            problem = translate("PresetsDialog", "Give the preset a name.")
        elif not self.route_editor.is_complete():
            problem = translate("PresetsDialog", "Choose where the calls should go.")
        elif self.some_radio.isChecked() and not dids:
            problem = translate(
                "PresetsDialog", "Tick at least one number, or choose “All numbers”.")
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            return
        self.problem.hide()
        self._store.save(RoutingPreset(name, self.route_editor.route(), dids))
        self._reload(select=name)
        self.presets_changed.emit()

    def _current_preset(self) -> RoutingPreset | None:
        item = self.preset_list.currentItem()
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return self._preset_named(name) if isinstance(name, str) else None

    def _on_apply_button_clicked(self) -> None:
        preset = self._current_preset()
        if preset is not None:
            self.apply_requested.emit(preset)

    def _on_delete_button_clicked(self) -> None:
        item = self.preset_list.currentItem()
        name = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not isinstance(name, str):
            return
        self._store.delete(name)
        self._reload()
        self.presets_changed.emit()
