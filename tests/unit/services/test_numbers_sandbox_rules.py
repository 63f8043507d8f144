"""The sandbox refuses routing values the way the reference describes.

The Numbers tab's rollback tests depend on these refusals, so they are pinned
here over real HTTP: each header with an unknown target gets its own status.
"""

from __future__ import annotations

from typing import Any

import pytest

from app.api.errors import ParameterError, StatusError
from app.domain.routing import Route
from app.sandbox import SandboxServer

MAIN = "6175550100"


@pytest.mark.parametrize(
    ("routing", "status"),
    [
        ("account:nobody", "invalid_account"),
        ("fwd:1", "invalid_forwarding"),
        ("vm:9999", "invalid_mailbox"),
        ("sip:1", "invalid_sipuri"),
        ("grp:1", "invalid_ringgroup"),
        ("ivr:1", "invalid_ivr"),
        ("queue:1", "invalid_queue"),
        ("cb:1", "invalid_callback"),
        ("tc:1", "invalid_timecondition"),
        ("disa:1", "invalid_disa"),
        ("recording:1", "invalid_recording"),
        ("sys:dance", "invalid_routing_header"),
    ],
)
def test_unknown_target_gets_its_status(
    api: Any, run: Any, sandbox: SandboxServer, routing: str, status: str
) -> None:
    with pytest.raises(StatusError) as info:
        run(api.set_did_routing(MAIN, Route.parse(routing)))
    assert info.value.status == status
    assert info.value.message  # a sentence, not the code
    assert sandbox.state.dids[MAIN]["routing"] == "account:284561_frontdesk"


def test_unknown_header_and_failover_header(api: Any, run: Any, sandbox: SandboxServer) -> None:
    with pytest.raises(StatusError) as info:
        run(api.set_did_routing(MAIN, "bogus:1"))
    assert info.value.status == "invalid_routing_header"
    did = run(api.get_did(MAIN))
    sandbox.state.dids[MAIN]["failover_busy"] = "vm:1001"
    with pytest.raises(StatusError) as info:
        run(api.client.call("setDIDInfo", did=MAIN, routing="none:", failover_busy="bogus:1",
                            pop=did.pop, dialtime=60, cnam=1, billing_type=did.billing_type))
    assert info.value.status == "invalid_failover_header"


def test_literal_sip_uri_with_colons_is_accepted(
    api: Any, run: Any, sandbox: SandboxServer
) -> None:
    run(api.set_did_routing(MAIN, "sip:desk@pbx.example.com:5062"))
    assert sandbox.state.dids[MAIN]["routing"] == "sip:desk@pbx.example.com:5062"
    assert run(api.get_did(MAIN)).routing.value == "desk@pbx.example.com:5062"


def test_set_did_info_required_fields(api: Any, run: Any, sandbox: SandboxServer) -> None:
    sandbox.clear_log()
    with pytest.raises(ParameterError, match="billing_type"):
        run(api.client.call("setDIDInfo", did=MAIN, routing="none:", pop="5", dialtime=60,
                            cnam=1))
    assert sandbox.request_log == []  # caught before anything was sent
    with pytest.raises(StatusError) as info:
        run(api.client.call("setDIDInfo", did=MAIN, routing="none:", pop="5", dialtime=60,
                            cnam=1, billing_type=3))
    assert info.value.status == "invalid_billingtype"
