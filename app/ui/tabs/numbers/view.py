"""The Numbers tab: DIDs with their routing, quick reroute, presets, full edit, change log.

Every change goes through ``NumbersService``, which shows it at once and rolls
it back if the provider refuses. This view applies change sets (``DidChangeSet``)
to its table: the one a command returns, and each one the service announces
(heard through ``QtEventListener``: optimistic rows, rollbacks, refreshes).
Applying a set twice changes nothing, and nothing is read again after a command.
Clicks become service calls through ``run_operation``, the one place a
``UserFacingError`` becomes a message. The target lists and servers the table
shows names with are the view's (``choices``), read through the service again
when the lookup service fetched one of them fresh (e.g. from the settings page).

``confirm`` (the preset confirmation) is an attribute so tests can answer it
without a modal dialog waiting for a click.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QPoint, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QMenu,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.did_edit import DidEdit
from app.domain.models.numbers import ChangeLogEntry, Did
from app.domain.phone import format_number
from app.domain.routing import Route, RouteKind
from app.domain.routing_labels import describe
from app.services.lookups.service import ROUTING_LISTS
from app.services.numbers.changes import DidChangeSet, RoutingChoices
from app.services.numbers.presets import RoutingPreset
from app.services.numbers.service import NumbersService
from app.services.root import AppServices
from app.ui import feedback
from app.ui.async_slot import async_slot
from app.ui.bridge import QtEventListener
from app.ui.i18n import localized, translate
from app.ui.operations import run_operation
from app.ui.tabs.base import TabBase
from app.ui.tabs.numbers.change_log import ChangeLogModel, ChangeLogPanel
from app.ui.tabs.numbers.columns import ColumnFitter
from app.ui.tabs.numbers.did_model import (
    DID_ROLE,
    DidTableModel,
    did_table,
    empty_note,
)
from app.ui.tabs.numbers.reroute_menu import RerouteMenuBuilder, common_route, did_context_menu
from app.ui.tabs.numbers.toolbar import (
    PRESET_SHORTCUTS,
    ConfirmPreset,
    NumbersToolbar,
    confirm_preset,
    fill_presets_menu,
    selection_text,
    tab_shortcut,
)
from app.ui.tabs.numbers.undo_bar import UndoBar

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from app.ui.tabs.numbers.edit_dialog import DidEditDialog
    from app.ui.tabs.numbers.presets_dialog import PresetsDialog


class NumbersTab(TabBase):
    key = "numbers"
    title = "Numbers"

    def __init__(self, ctx: AppServices, service: NumbersService,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.service = service
        self.confirm: ConfirmPreset = confirm_preset
        #: Dialogs currently open (tests reach them here; kept referenced while open).
        self.open_dialogs: list[QDialog] = []
        #: Target lists and servers the rows are described with (the lookup cache's).
        self.choices = RoutingChoices()

        self.model = DidTableModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.log_model = ChangeLogModel(self)
        self.menu_builder = RerouteMenuBuilder(self)
        self.menu_builder.route_chosen.connect(self._on_menu_builder_route_chosen)

        self._build_toolbar()
        self.table = did_table(self, self.proxy)
        self.columns = ColumnFitter(self.table)
        self.table.customContextMenuRequested.connect(self._on_table_custom_context_menu_requested)
        # Enter and a double click (activated) open the number's editor.
        self.table.activated.connect(self._on_table_activated)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.empty_label = empty_note(self)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(self.table)

        self.log_panel = ChangeLogPanel(self.log_model, self)
        self.log_panel.undo_requested.connect(self._on_log_panel_undo_requested)
        # Undo right after a change (#15.2): the bar for a while, Ctrl+Z while here.
        self.undo_bar = UndoBar(self)
        self.undo_bar.undo_requested.connect(self._on_undo_bar_undo_requested)
        #: The last change made from this tab: what Ctrl+Z undoes (an undo included,
        #: so a second Ctrl+Z puts it back).
        self.last_change_id = ""
        tab_shortcut(self, QKeySequence(QKeySequence.StandardKey.Undo),
                     self._on_undo_shortcut_activated)

        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.addWidget(self.stack)
        self.splitter.addWidget(self.log_panel)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        # Proportions, not pixels: Qt scales them to the real height when shown.
        self.splitter.setSizes([700, 220])

        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.splitter, 1)

        self._events = QtEventListener(self)
        self._events.listen(service.dids_changed, self._on_service_dids_changed)
        self._events.listen(service.pending_changed, self._on_service_pending_changed)
        self._events.listen(service.change_logged, self._on_service_change_logged)
        # Lists fetched fresh elsewhere (the settings page) rename targets here too.
        self._events.listen(ctx.lookups.changed, self._on_lookups_changed)
        self._choices_stale = False
        self._update_actions()
        self.log_panel.update_title()

    # --- construction --------------------------------------------------------------

    def _build_toolbar(self) -> None:
        self.toolbar = NumbersToolbar(self)
        bar = self.toolbar
        # Short names for the widgets the slots and tests use.
        self.refresh_button, self.edit_button = bar.refresh_button, bar.edit_button
        self.route_button, self.route_menu = bar.route_button, bar.route_menu
        self.presets_button, self.presets_menu = bar.presets_button, bar.presets_menu
        self.selection_label, self.filter_edit = bar.selection_label, bar.filter_edit
        self.refresh_button.clicked.connect(self._on_refresh_button_clicked)
        self.route_menu.aboutToShow.connect(self._on_route_menu_about_to_show)
        self.presets_menu.aboutToShow.connect(self._on_presets_menu_about_to_show)
        self.edit_button.clicked.connect(self._on_edit_button_clicked)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        # Ctrl+F is the window's (app/ui/keyboard.py, through search_box): one here
        # too made the key ambiguous and neither fired.
        # Ctrl+1 .. Ctrl+9: the presets in menu order, each still confirmed first.
        for number in range(1, PRESET_SHORTCUTS + 1):
            tab_shortcut(self, QKeySequence(f"Ctrl+{number}"),
                         functools.partial(self._on_preset_shortcut_activated, number))

    # --- TabBase -------------------------------------------------------------------

    async def read_cache(self) -> None:
        self._show_lookups(await self.service.routing_choices())
        self.model.set_dids(await self.service.dids())
        self._after_rows_changed()
        await self._reload_log()

    async def refresh(self) -> None:
        choices = await self.service.refresh_lookups()
        self._show_lookups(choices)
        self._apply(await self.service.refresh())
        self._after_rows_changed()
        await self._reload_log()
        if choices.problems:
            # The numbers loaded; only some names fall back to ids. Say so quietly.
            problem = choices.problems[0]
            self.status_message.emit(translate(
                "NumbersTab",
                "Some target names could not be loaded: {problem}",
            ).format(problem=problem))

    def search_box(self) -> QLineEdit:
        return self.filter_edit

    def search_results(self) -> QTableView:
        return self.table

    def shutdown(self) -> None:
        for dialog in list(self.open_dialogs):
            dialog.reject()

    # --- selection -----------------------------------------------------------------

    def selected_dids(self) -> list[Did]:
        rows = self.table.selectionModel().selectedRows()
        out: list[Did] = []
        for index in sorted(rows, key=lambda i: i.row()):
            did = self.proxy.data(index, DID_ROLE)
            if isinstance(did, Did):
                out.append(did)
        return out

    def select_numbers(self, numbers: Sequence[str]) -> None:
        """Select the rows of ``numbers`` (keyboard helpers and tests)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        flags = (QItemSelectionModel.SelectionFlag.Select
                 | QItemSelectionModel.SelectionFlag.Rows)
        for number in numbers:
            row = self.model.row_of(number)
            if row >= 0:
                selection.select(self.proxy.mapFromSource(self.model.index(row, 0)), flags)

    def _update_actions(self) -> None:
        selected = self.selected_dids()
        has_rows = self.model.rowCount() > 0
        self.route_button.setEnabled(bool(selected))
        self.edit_button.setEnabled(len(selected) == 1)
        self.presets_button.setEnabled(has_rows)
        self.selection_label.setText(selection_text(
            selected, self.choices.lists, rows=self.model.rowCount(),
            shown=self.proxy.rowCount(), filter_text=self.filter_edit.text(),
        ))

    def _after_rows_changed(self) -> None:
        self.stack.setCurrentWidget(self.table if self.model.rowCount() else self.empty_label)
        if self.model.rowCount():
            self.columns.fit()
        self._update_actions()

    def _show_lookups(self, choices: RoutingChoices) -> None:
        self.choices = choices
        self.model.set_lookups(choices.lists, choices.servers)
        self.log_model.set_lists(choices.lists)
        self.menu_builder.set_lists(choices.lists)

    def _apply(self, changes: DidChangeSet) -> None:
        rows = self.model.rowCount()
        self.model.apply_changes(changes)
        if self.model.rowCount() != rows:
            self._after_rows_changed()
        else:
            self._update_actions()

    # --- service events ------------------------------------------------------------

    def _on_service_dids_changed(self, changes: DidChangeSet) -> None:
        self._apply(changes)

    def _on_lookups_changed(self, name: str) -> None:
        if name in ROUTING_LISTS and not self._choices_stale:
            self._choices_stale = True
            self._reread_choices()

    @async_slot()
    async def _reread_choices(self) -> None:
        # One read for a burst of lists ("Refresh all"): a list fetched while we read
        # marks the choices stale again, and they are read once more.
        while self._choices_stale:
            self._choices_stale = False
            self._show_lookups(await self.service.routing_choices())

    def _on_service_pending_changed(self, number: str, what: str) -> None:
        self.model.set_pending(number, what or None)

    def _on_service_change_logged(self, entries: tuple[ChangeLogEntry, ...]) -> None:
        # The new lines come with the event: the log is not read again.
        self.log_model.add_entries(entries)
        self.log_panel.update_title()

    async def _reload_log(self) -> None:
        self.log_model.set_entries(await self.service.change_log())
        self.log_panel.update_title()

    # --- user actions --------------------------------------------------------------

    def _on_selection_changed(self, *_args: object) -> None:
        self._update_actions()

    def _on_filter_edit_text_changed(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_actions()

    @async_slot()
    async def _on_refresh_button_clicked(self) -> None:
        await run_operation(self.refresh_button, self.refresh(), busy_text=translate(
            "NumbersTab",
            "Loading numbers…",
        ), refresh=True)

    def _on_route_menu_about_to_show(self) -> None:
        self.menu_builder.build(self.route_menu, common_route(self.selected_dids()))

    def _on_presets_menu_about_to_show(self) -> None:
        fill_presets_menu(
            self.presets_menu, self.service.presets.all(), self.model.dids(),
            self.choices.lists, on_apply=self._on_preset_triggered,
            on_manage=self.open_presets_dialog,
        )

    @async_slot(object)
    async def _on_menu_builder_route_chosen(self, route: Route) -> None:
        await self.reroute_selected(route)

    async def reroute_selected(self, route: Route) -> None:
        dids = self.selected_dids()
        numbers = [d.did for d in dids]
        if not numbers:
            return
        target = localized(describe(route, self.choices.lists))
        question = reroute_question(dids, route, target, self.choices)
        if question and not await feedback.ask(self, question, yes_text=translate(
            "NumbersTab",
            "Reroute",
        ),
                                               title=translate("NumbersTab", "Reroute numbers")):
            return
        outcome = await run_operation(
            self.route_button, self.service.reroute(numbers, route),
            busy_text=(translate(
                "NumbersTab",
                "Routing {number} to {target}…",
            ).format(number=format_number(numbers[0]), target=target) if len(numbers) == 1
                       else translate(
                           "NumbersTab",
                           "Routing {count} numbers to {target}…",
                       ).format(count=len(numbers), target=target)),
        )
        if outcome is not None:
            self._apply(outcome.changes)
            text = localized(outcome.message(self.choices.lists))
            self.status_message.emit(text)
            self._offer_undo(outcome.change_id if outcome.changed else "", text)

    @async_slot(object)
    async def _on_preset_triggered(self, preset: RoutingPreset) -> None:
        await self.apply_preset(preset)

    @async_slot(int)
    async def _on_preset_shortcut_activated(self, number: int) -> None:
        presets = self.service.presets.all()
        if not self.presets_button.isEnabled():
            return  # no numbers loaded yet: nothing a preset could change
        if number > len(presets):
            self.status_message.emit(
                translate(
                    "NumbersTab",
                    "No preset {number}: presets are numbered in the Presets menu ({count} saved).",
                ).format(number=number, count=len(presets))
            )
            return
        await self.apply_preset(presets[number - 1])

    async def apply_preset(self, preset: RoutingPreset) -> None:
        changes = await self.service.preview_preset(preset)
        lists = self.choices.lists
        if not changes:
            feedback.show_message(
                self, translate(
                    "NumbersTab",
                    "“{name}” is already in effect: nothing to change.",
                ).format(name=preset.name),
                level=feedback.Level.INFO,
            )
            return
        if not await self.confirm(self, preset, changes, lists):
            return
        outcome = await run_operation(
            self.presets_button, self.service.apply_preset(preset),
            busy_text=translate("NumbersTab", "Applying “{name}”…").format(name=preset.name),
        )
        if outcome is not None:
            self._apply(outcome.changes)
            text = translate("NumbersTab", "“{name}”: {lists}").format(
                name=preset.name, lists=localized(outcome.message(lists)))
            self.status_message.emit(text)
            self._offer_undo(outcome.change_id if outcome.changed else "", text)

    def open_presets_dialog(self) -> PresetsDialog:
        # The dialogs (and their routing editor, ~4 ms of imports) load when first
        # opened, not with the tab.
        from app.ui.tabs.numbers.presets_dialog import PresetsDialog

        selected = [d.did for d in self.selected_dids()]
        dialog = PresetsDialog(
            self.service.presets, self.model.dids(), self.choices.lists, self,
            # A multi-selection suggests "these numbers"; one row is just the cursor.
            selected=selected if len(selected) > 1 else (),
        )
        dialog.apply_requested.connect(self._on_preset_triggered)
        self._track(dialog)
        dialog.open()
        return dialog

    def _on_table_custom_context_menu_requested(self, pos: QPoint) -> None:
        menu = self.build_context_menu()
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def build_context_menu(self) -> QMenu:
        return did_context_menu(self, self.selected_dids(), self.menu_builder,
                                on_edit=self._on_edit_button_clicked)

    def _on_table_activated(self, *_args: object) -> None:
        self._on_edit_button_clicked()

    def _on_edit_button_clicked(self) -> None:
        selected = self.selected_dids()
        if len(selected) == 1:
            self.open_edit_dialog(selected[0].did)

    def open_edit_dialog(self, number: str) -> DidEditDialog | None:
        from app.ui.tabs.numbers.edit_dialog import DidEditDialog

        did = self.model.did(number)  # as shown; the service re-reads the store to save
        if did is None:
            return None
        dialog = DidEditDialog(did, self.choices.lists, self.choices.servers, self)
        # Read the values now: the dialog deletes itself once closed.
        dialog.accepted.connect(
            lambda: self._on_edit_dialog_accepted(dialog.did.did, dialog.edit())
        )
        self._track(dialog)
        dialog.open()
        return dialog

    @async_slot(str, object)
    async def _on_edit_dialog_accepted(self, number: str, edit: DidEdit) -> None:
        saved = await run_operation(
            self.edit_button, self.service.save_edit(number, edit),
            busy_text=translate(
                "NumbersTab",
                "Saving {number}…",
            ).format(number=format_number(number)),
        )
        if saved is not None:
            self._apply(saved)
            self.status_message.emit(translate(
                "NumbersTab",
                "{number} saved.",
            ).format(number=format_number(number)))
            self._offer_undo(saved.change_id, f"{format_number(number)} saved.")

    # --- undo (#15.2) --------------------------------------------------------------

    def _offer_undo(self, change_id: str, text: str) -> None:
        if change_id:
            self.last_change_id = change_id
            self.undo_bar.offer(change_id, text)

    @async_slot(str)
    async def _on_undo_bar_undo_requested(self, change_id: str) -> None:
        await self.undo_change(change_id, self.undo_bar.undo_button)

    @async_slot(str)
    async def _on_log_panel_undo_requested(self, change_id: str) -> None:
        # An older change may have been changed again since: say what undo overwrites.
        conflicts = await self.service.undo_conflicts(change_id)
        if conflicts and not await feedback.ask(
            self, translate("NumbersTab", "These were changed again since; undoing puts the "
                            "earlier values back over them:") + "\n\n"
            + "\n".join(localized(c) for c in conflicts),
            yes_text=translate("NumbersTab", "Undo anyway"),
            title=translate("NumbersTab", "Undo an older change"),
        ):
            return
        await self.undo_change(change_id, self.log_panel.undo_button)

    @async_slot()
    async def _on_undo_shortcut_activated(self) -> None:
        if not self.last_change_id:
            self.status_message.emit(
                translate(
                    "NumbersTab",
                    "Nothing to undo yet: changes made here can be undone, also from the change "
                    "log.",
                ))
            return
        await self.undo_change(self.last_change_id, self.undo_bar.undo_button)

    async def undo_change(self, change_id: str, control: QWidget) -> None:
        """Put back what the change ``change_id`` set; say which numbers were restored."""
        outcome = await run_operation(control, self.service.undo(change_id),
                                      busy_text=translate("NumbersTab", "Undoing the change…"))
        if outcome is not None:
            self._apply(outcome.changes)
            text = outcome.message()
            self.status_message.emit(text)
            self._offer_undo(outcome.change_id if outcome.restored else "", text)

    async def showcase(self) -> list[tuple[str, QWidget]]:
        """The first number selected and its routing editor open (``numbers-edit.png``)."""
        if self.model.rowCount() == 0:
            return []
        did = self.model.did_at(self.proxy.mapToSource(self.proxy.index(0, 0)).row())
        if did is None:
            return []
        self.table.selectRow(0)
        dialog = self.open_edit_dialog(did.did)
        return [("numbers-edit", dialog)] if dialog is not None else []

    def _track(self, dialog: QDialog) -> None:
        self.open_dialogs.append(dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self.open_dialogs.remove(dialog)
                                if dialog in self.open_dialogs else None)


def _is_special(did: Did) -> bool:
    """A number whose callers would be lost by a reroute made in passing: a menu (IVR)
    or a fax line (SIP to a fax gateway, or a fax by its description or note)."""
    text = f"{did.description} {did.note} {did.routing.value}".lower()
    return did.routing.kind is RouteKind.IVR or "fax" in text


def reroute_question(dids: Sequence[Did], route: Route, target: str,
                     choices: RoutingChoices) -> str:
    """The confirmation a reroute needs, naming each number, or "" (issue #15.2).

    One ordinary number reroutes at once (the quick reroute is the point of the tab);
    several numbers, a menu line or a fax line are asked about first.
    """
    changing = [d for d in dids if d.routing != route]
    if not changing or (len(changing) == 1 and not _is_special(changing[0])):
        return ""
    lines = []
    for did in changing:
        name = f" ({did.note})" if did.note else ""
        now = localized(describe(did.routing, choices.lists))
        lines.append(translate("NumbersTab", "{number}{name}: now {route}").format(
            number=format_number(did.did), name=name, route=now))
    count = len(changing)
    head = (translate("NumbersTab", "Route {count} numbers to {target}?").format(
        count=count, target=target) if count > 1
        else translate("NumbersTab", "Route this number to {target}?").format(target=target))
    return head + "\n\n" + "\n".join(lines)
