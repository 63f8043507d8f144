"""Routing editor round trips and the full-edit dialog against the sandbox."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.domain.models.numbers import RoutingTarget
from app.domain.routing import Route, RouteKind
from app.sandbox import SandboxServer
from app.ui.tabs.numbers.did_model import Column
from app.ui.tabs.numbers.edit_dialog import DidEditDialog
from app.ui.tabs.numbers.routing_editor import RoutingEditor
from app.ui.tabs.numbers.view import NumbersTab
from tests.gui import test_numbers_support as support
from tests.gui.test_numbers_support import FAX, IVR, MAIN, SALES, cell

# Fixtures shared by the numbers GUI tests (see test_numbers_support).
tab = support.tab
collect_garbage_on_the_gui_thread = support.collect_garbage_on_the_gui_thread

EVERY_HEADER = [
    "account:284561_sales",
    "fwd:18641",
    "vm:1002",
    "sip:6199",
    "grp:4768",
    "ivr:4636",
    "queue:3008",
    "cb:2359",
    "tc:1830",
    "disa:2114",
    "recording:7570",
    "sys:busy",
    "sys:echo",
    "none:",
]


def open_editor(tab: NumbersTab, number: str) -> DidEditDialog:
    dialog = tab.open_edit_dialog(number)
    assert dialog is not None
    return dialog


@pytest.mark.parametrize("routing", EVERY_HEADER)
def test_editor_round_trip_for_each_header(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot, arun: Any, routing: str
) -> None:
    """Choose the target in the editor; it is sent, stored, and parses back the same."""
    route = Route.parse(routing)
    dialog = open_editor(tab, MAIN)
    dialog.show_advanced(True)  # SIP, callback, DISA and the line tests are advanced
    editor = dialog.failover_noanswer
    editor.select_kind(route.kind)
    if route.value:
        assert editor.select_target(route.value), routing
    assert editor.route() == route
    assert editor.route().to_api() == routing
    sandbox.clear_log()
    dialog.accept()
    qtbot.waitUntil(lambda: len(sandbox.calls("setDIDInfo")) == 1, timeout=5000)
    qtbot.waitUntil(lambda: not tab.model.is_pending(MAIN), timeout=5000)
    sent = sandbox.calls("setDIDInfo")[0].params
    assert sent["failover_noanswer"] == routing
    assert sandbox.state.dids[MAIN]["failover_noanswer"] == routing
    stored = arun(tab.service.did(MAIN))  # the store, not the table
    assert stored is not None and stored.failover_noanswer == route
    assert tab.model.did(MAIN).failover_noanswer == route  # type: ignore[union-attr]


def test_literal_sip_uri_survives_an_unrelated_edit(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    literal = "sip:fax@gateway.maplestreet.example:5060"
    dialog = open_editor(tab, FAX)
    assert dialog.routing.route() == Route.parse(literal)
    assert "(not in list)" in dialog.routing.target_combo.currentText()
    dialog.note.setText("Fax line")
    sandbox.clear_log()
    dialog.accept()
    qtbot.waitUntil(lambda: len(sandbox.calls("setDIDInfo")) == 1, timeout=5000)
    assert sandbox.calls("setDIDInfo")[0].params["routing"] == literal
    assert sandbox.state.dids[FAX]["routing"] == literal


def test_editor_keeps_a_value_missing_from_its_list(qtbot: QtBot) -> None:
    editor = RoutingEditor()
    qtbot.addWidget(editor)
    editor.set_lists({RouteKind.IVR: [RoutingTarget("1", "1 - Day menu")]})
    editor.set_route(Route(RouteKind.IVR, "99"))
    assert editor.route() == Route(RouteKind.IVR, "99")
    assert editor.target_combo.currentText() == "IVR #99 (not in list)"
    editor.select_kind(RouteKind.QUEUE)
    assert not editor.target_combo.isEnabled()
    assert editor.target_combo.currentText() == "No queues set up"
    assert not editor.is_complete()
    editor.select_kind(RouteKind.IVR)
    assert editor.route() == Route(RouteKind.IVR, "99")  # coming back restores it


def test_full_edit_preserves_every_required_field(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    before = dict(sandbox.state.dids[MAIN])
    # Changed on the portal since we loaded: a read-modify-write must keep it.
    sandbox.state.dids[MAIN]["transcribe"] = "1"
    sandbox.state.dids[MAIN]["record_calls"] = "1"
    dialog = open_editor(tab, MAIN)
    dialog.failover_busy.select_kind(RouteKind.SYSTEM)
    dialog.dialtime.setValue(35)
    dialog.cnam.setChecked(False)
    dialog.callerid_prefix.setText("SHOP")
    dialog.note.setText("Main line (front)")
    sandbox.clear_log()
    dialog.accept()
    qtbot.waitUntil(lambda: len(sandbox.calls("setDIDInfo")) == 1, timeout=5000)
    qtbot.waitUntil(lambda: not tab.model.is_pending(MAIN), timeout=5000)
    methods = [c.method for c in sandbox.request_log]
    assert methods == ["getDIDsInfo", "setDIDInfo"]  # fresh read, then one write
    sent = sandbox.calls("setDIDInfo")[0].params
    assert sent["routing"] == before["routing"]
    assert sent["pop"] == before["pop"]
    assert sent["billing_type"] == before["billing_type"]
    assert sent["voicemail"] == "1001"
    assert sent["failover_unreachable"] == "fwd:18635"
    stored = sandbox.state.dids[MAIN]
    assert stored["failover_busy"] == "sys:hangup"
    assert (stored["dialtime"], stored["cnam"]) == ("35", "0")
    assert (stored["callerid_prefix"], stored["note"]) == ("SHOP", "Main line (front)")
    assert (stored["transcribe"], stored["record_calls"]) == ("1", "1")
    assert cell(tab, MAIN, Column.BUSY) == "System: hang up"
    assert cell(tab, MAIN, Column.CNAM) == "No"
    qtbot.waitUntil(lambda: tab.log_model.rowCount() == 5, timeout=5000)


def test_pop_only_uses_set_did_pop(tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot) -> None:
    dialog = open_editor(tab, SALES)
    # Recommended servers are offered first.
    servers = tab.choices.servers
    recommended = {s.pop for s in servers if s.recommended}
    first_pops = [dialog.pop.itemData(i) for i in range(len(recommended))]
    assert set(first_pops) == recommended
    target = next(s for s in servers if s.pop != "5")
    dialog.pop.setCurrentIndex(dialog.pop.findData(target.pop))
    sandbox.clear_log()
    dialog.accept()
    qtbot.waitUntil(lambda: not tab.model.is_pending(SALES) and sandbox.request_log != [],
                    timeout=5000)
    assert [c.method for c in sandbox.request_log] == ["setDIDPOP"]
    assert sandbox.state.dids[SALES]["pop"] == target.pop
    assert cell(tab, SALES, Column.POP) == target.name


def test_voicemail_only_uses_set_did_voicemail(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot
) -> None:
    dialog = open_editor(tab, IVR)
    dialog.voicemail.setCurrentIndex(dialog.voicemail.findData("1002"))
    sandbox.clear_log()
    dialog.accept()
    qtbot.waitUntil(lambda: not tab.model.is_pending(IVR) and sandbox.request_log != [],
                    timeout=5000)
    assert [(c.method, c.params.get("voicemail")) for c in sandbox.request_log] == [
        ("setDIDVoicemail", "1002")]
    assert cell(tab, IVR, Column.VOICEMAIL) == "1002"


def test_refused_full_edit_rolls_back_with_reason(
    tab: NumbersTab, sandbox: SandboxServer, qtbot: QtBot, user_messages: Any
) -> None:
    sandbox.state.mailboxes.pop("1002")  # deleted on the portal after we cached it
    dialog = open_editor(tab, SALES)
    dialog.note.setText("Changed")
    dialog.failover_unreachable.select_kind(RouteKind.VOICEMAIL)
    assert dialog.failover_unreachable.select_target("1002")
    dialog.accept()
    qtbot.waitUntil(lambda: len(user_messages) == 1, timeout=5000)
    assert user_messages.texts[0].startswith("(617) 555-0111 was not changed: ")
    assert "voicemail box does not exist" in user_messages.texts[0]
    assert cell(tab, SALES, Column.NOTE) == "Sales & catering"
    assert cell(tab, SALES, Column.UNREACHABLE) == "Forward to (781) 555-0175 (Manager mobile)"
    assert sandbox.state.dids[SALES]["note"] == "Sales & catering"


def test_dialog_refuses_values_the_provider_would_refuse(tab: NumbersTab, qtbot: QtBot) -> None:
    dialog = open_editor(tab, FAX)
    dialog.routing.select_kind(RouteKind.QUEUE)
    dialog.routing.target_combo.clear()  # an empty list: nothing to choose
    dialog.accept()
    assert dialog.isVisible()
    assert "Choose a target for the routing" in dialog.problem.text()
    dialog.reject()
