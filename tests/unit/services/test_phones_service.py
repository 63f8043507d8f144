"""The phones service against the sandbox over real HTTP, with a real store; no Qt."""

from __future__ import annotations

from typing import Any

import pytest

from app.api.typed_phones import write_back
from app.domain.errors import UserFacingError
from app.domain.models.phones import MailboxEdit, PhoneEdit
from app.sandbox import SandboxServer
from app.services.lookups.service import LookupService
from app.services.notifications import NotifyTarget
from app.services.phones.changes import PhoneChanges, Transition
from app.services.phones.poll import PhonesPolling, effective_interval, notification_text
from app.services.phones.service import PhoneGone, PhonesService
from app.services.root import RecordingNotifier
from app.store.dids import DidRepo
from app.store.phones import PhoneRepo

KITCHEN, FRONT, SALES, MAIN = "284561_kitchen", "284561_frontdesk", "284561_sales", "284561"


@pytest.fixture
def notifier() -> RecordingNotifier:
    return RecordingNotifier()


@pytest.fixture
def service(api: Any, db: Any, notifier: RecordingNotifier) -> PhonesService:
    return PhonesService(api, PhoneRepo(db), DidRepo(db), LookupService(api, db),
                         notifier=notifier)


@pytest.fixture
def online(sandbox: SandboxServer) -> SandboxServer:
    sandbox.state.registration_overrides[KITCHEN] = True
    return sandbox


def test_refresh_lists_main_and_sub_accounts_with_registration_and_numbers(
    online: SandboxServer, service: PhonesService, run: Any
) -> None:
    heard: list[PhoneChanges] = []
    service.changed.connect(heard.append)
    changes = run(service.refresh())
    accounts = [p.account for p in changes.upserted]
    assert accounts == [MAIN, FRONT, SALES, KITCHEN]
    by = {p.account: p for p in changes.upserted}
    assert by[MAIN].is_main and by[MAIN].label == "Main account"
    assert by[FRONT].numbers == ("6175550100",)  # routing account:284561_frontdesk
    assert by[SALES].numbers == ()  # the sales line rings a ring group, not the phone...
    # ...whose members are the sales desk and a forwarding: "Rings for" says so.
    assert by[SALES].group_numbers == (("6175550111", "Sales team"),)
    assert by[FRONT].group_numbers == () and by[KITCHEN].group_numbers == ()
    reg = by[SALES].registration
    assert reg is not None and reg.registered and reg.checked_at is not None
    point = reg.first
    assert point is not None
    assert (point.server_pop, point.server_hostname, point.transport) == (
        "13", "washington.voip.ms", "TLS")
    assert point.ip == "203.0.113.24" and point.expires is not None
    assert point.expires.utcoffset() is not None  # aware
    assert changes.offline == 0
    assert heard == [changes]
    # The store has it, password left out (read fresh when needed).
    stored = run(service.overview())
    assert [p.account for p in stored.upserted] == accounts
    assert all("password" not in p.raw for p in stored.upserted)
    assert stored.upserted[1].registration == by[FRONT].registration
    assert [(p.numbers, p.group_numbers) for p in stored.upserted] == \
        [(p.numbers, p.group_numbers) for p in changes.upserted]


def test_a_poll_costs_one_call_per_phone_and_notifies_offline_and_back(
    online: SandboxServer, service: PhonesService, notifier: RecordingNotifier, run: Any
) -> None:
    run(service.refresh())
    online.clear_log()
    transitions: list[tuple[Transition, ...]] = []
    service.registration_changed.connect(transitions.append)
    online.state.registration_overrides[KITCHEN] = False
    changes = run(service.check_registrations())
    assert [c.params["account"] for c in online.calls("getRegistrationStatus")] == [
        MAIN, FRONT, SALES, KITCHEN]
    assert len(online.request_log) == 4  # nothing else: no getSubAccounts per poll
    assert changes.offline == 1
    assert transitions == [(Transition(KITCHEN, "Kitchen wall phone", False),)]
    assert notifier.history[-1] == (
        "Phone offline", "Kitchen wall phone is not registered: calls to it will not ring.")
    assert notifier.targets[-1] == NotifyTarget("phones")  # a click opens the Phones tab
    online.state.registration_overrides[KITCHEN] = True
    changes = run(service.check_registrations())
    assert changes.offline == 0
    assert notifier.history[-1][0] == "Phone back online"
    assert len(notifier.history) == 2
    run(service.check_registrations())  # no change: no new notification
    assert len(notifier.history) == 2


def test_the_sandbox_phone_drops_off_on_its_schedule(sandbox: SandboxServer) -> None:
    from app.sandbox.handlers.phones import is_registered

    state = sandbox.state
    state.flaky_period_seconds = 10**9  # elapsed time is far inside the first 30 %
    assert not is_registered(state, KITCHEN)
    assert is_registered(state, FRONT)
    state.flaky_period_seconds = 1e-9  # any elapsed time is past 30 % of... a tiny cycle
    state.registration_overrides[KITCHEN] = False
    assert not is_registered(state, KITCHEN)


def test_setup_reads_the_password_fresh_and_lists_the_recommended_server_first(
    online: SandboxServer, service: PhonesService, run: Any
) -> None:
    run(service.refresh())
    setup = run(service.setup(SALES))
    row = next(r for r in online.state.sub_accounts if r["account"] == SALES)
    assert setup.password == row["password"] and setup.password
    assert setup.username == SALES
    assert setup.transport == "TLS"
    assert ("TLS", 5061) in setup.ports and ("UDP", 5060) in setup.ports
    assert "recommended" in setup.servers[0][1]
    assert "password" not in repr(setup)
    with pytest.raises(UserFacingError):
        run(service.setup(MAIN))


def test_edit_is_a_read_modify_write_that_loses_nothing(
    online: SandboxServer, service: PhonesService, run: Any
) -> None:
    run(service.refresh())
    row = next(r for r in online.state.sub_accounts if r["account"] == FRONT)
    before = dict(row)
    # Changed on the portal after the tab read the list: must survive the edit.
    row["ip_restriction"] = "198.51.100.0/24"
    row["enable_ip_restriction"] = "1"
    editor = run(service.editor(FRONT))
    assert [c.value for c in editor.codecs][:2] == ["ulaw", "alaw"]
    assert editor.servers[0].label.endswith("recommended")
    edit = PhoneEdit(description="Front counter", codecs=("ulaw", "g722"), pops=("5", "13"),
                     record_calls=True, transcribe=True, transcription_locale="fr-CA",
                     transcription_email="owner@maplestreetbakery.example")
    changes = run(service.save_edit(FRONT, edit))
    assert changes.upserted[0].description == "Front counter"
    sent = online.calls("setSubAccount")[-1].params
    assert sent["password"] == before["password"]  # never wiped
    assert row["password"] == before["password"]
    assert row["ip_restriction"] == "198.51.100.0/24" and row["enable_ip_restriction"] == "1"
    assert row["internal_voicemail"] == before["internal_voicemail"]
    assert row["callerid_number"] == before["callerid_number"]
    assert (row["allowed_codecs"], row["pop_restriction"], row["enable_pop_restriction"]) == (
        "ulaw;g722", "5,13", "1")
    assert (row["record_calls"], row["transcribe"], row["transcription_locale"]) == (
        "1", "1", "fr-CA")
    stored = {p.account: p for p in run(service.phones())}
    assert stored[FRONT].description == "Front counter"
    assert "password" not in stored[FRONT].raw


def test_the_sandbox_wipes_what_a_one_field_write_leaves_out(
    online: SandboxServer, api: Any, run: Any
) -> None:
    row = next(r for r in online.state.sub_accounts if r["account"] == SALES)
    required = {k: row[k] for k in ("id", "auth_type", "device_type", "lock_international",
                                    "international_route", "music_on_hold", "allowed_codecs",
                                    "dtmf_mode", "nat")}
    run(api.client.call("setSubAccount", **required, description="Only this"))
    assert row["password"] == "" and row["callerid_number"] == ""


def test_edit_refusals_are_user_facing_and_change_nothing(
    online: SandboxServer, service: PhonesService, run: Any
) -> None:
    run(service.refresh())
    row = next(r for r in online.state.sub_accounts if r["account"] == KITCHEN)
    before = dict(row)
    with pytest.raises(UserFacingError):
        run(service.save_edit(KITCHEN, PhoneEdit(transcribe=True, transcription_email="")))
    with pytest.raises(UserFacingError):
        run(service.save_edit(KITCHEN, PhoneEdit(codecs=("opus-nope",))))
    assert row == before
    online.state.sub_accounts.remove(row)
    with pytest.raises(PhoneGone):
        run(service.save_edit(KITCHEN, PhoneEdit(description="x")))


def test_mailbox_settings_round_trip_keeps_what_was_not_changed(
    online: SandboxServer, service: PhonesService, run: Any
) -> None:
    box = online.state.mailboxes["1002"]
    box["timezone"] = "US/Pacific-New"  # a legacy name: listed and kept
    editor = run(service.mailbox_editor("1002"))
    assert editor.settings.email == "sales@maplestreetbakery.example"
    assert "US/Pacific-New" in [c.value for c in editor.timezones]
    assert [c.value for c in editor.mailboxes] == ["1001", "1002"]
    saved = run(service.save_mailbox("1002", MailboxEdit(attach_audio=False, transcribe=True,
                                                         transcription_locale="en-US")))
    assert (box["attach_message"], box["transcribe"], box["timezone"]) == (
        "no", "1", "US/Pacific-New")
    assert box["email"] == "sales@maplestreetbakery.example" and box["password"] == "4821"
    assert box["email_attachment_format"] == "wav49"
    assert saved.transcribe and not saved.attach_audio
    with pytest.raises(UserFacingError):
        run(service.save_mailbox("1002", MailboxEdit(timezone="Mars/Olympus")))


def test_write_back_sends_every_accepted_field_and_renames() -> None:
    read = {"mailbox": "1", "transcribe": "1", "new": "3", "email": None}
    params = write_back("setVoicemail", read, {"language": "fr"}, {"transcribe": "transcription"})
    assert params == {"mailbox": "1", "transcription": "1", "email": "", "language": "fr"}


def test_poll_interval_has_limits_and_notification_words() -> None:
    assert effective_interval(0) == 0
    assert effective_interval(5) == 30
    assert effective_interval(300) == 300
    title, text = notification_text((Transition("a", "Desk", False), Transition("b", "Hall", True)))
    assert title == "Phones changed" and "Offline: Desk" in text and "Back online: Hall" in text


def test_poller_runs_the_check(online: SandboxServer, service: PhonesService, run: Any) -> None:
    polling: PhonesPolling = service.polling
    assert not polling.active and polling.interval == 0
    assert run(polling.check_now())
    assert next(p.account for p in run(service.phones())) == MAIN  # first poll listed them


def test_poll_wait_follows_the_rate_budget_and_backs_off_when_limited(
    online: SandboxServer, db: Any, event_loop: Any, run: Any
) -> None:
    from app.api.client import VoipMsClient
    from app.api.retry import RetryPolicy
    from app.api.typed import Api
    from app.services.phones.poll import MAX_BACKOFF_SECONDS, SECONDS_PER_CALL, budget_floor

    async def no_wait(_seconds: float) -> None:  # the client's minute of pause, skipped
        return None

    client = VoipMsClient(online.username, online.password, base_url=online.url,
                          min_interval=0, retry=RetryPolicy(jitter=lambda d: 0.0), sleep=no_wait)
    api = Api(client)
    service = PhonesService(api, PhoneRepo(db), DidRepo(db), LookupService(api, db))
    polling: PhonesPolling = service.polling
    polling.set_interval(30)
    assert run(polling.check())
    # Four phones, one call each: the wait leaves the API most of its budget.
    assert polling.poller.floor == 4 * SECONDS_PER_CALL
    online.faults.inject("rate_limit", count=10_000, methods={"getRegistrationStatus"})
    assert not run(polling.check())
    assert polling.poller.floor == 4 * SECONDS_PER_CALL  # 30 s doubled from 0 is 30 < 40
    assert not run(polling.check())
    assert polling.poller.floor == 60  # doubled again
    for _ in range(10):
        run(polling.check())
    assert polling.poller.floor == MAX_BACKOFF_SECONDS
    online.faults.clear()
    assert run(polling.check())
    assert polling.poller.floor == 4 * SECONDS_PER_CALL  # back to the budget
    assert budget_floor(50) == 500 and budget_floor(1, backoff=10**9) == MAX_BACKOFF_SECONDS
    event_loop.run_until_complete(client.aclose())


def test_a_ring_group_rings_its_account_members_only() -> None:
    from app.domain.models.numbers import RoutingTarget
    from app.services.phones.service import group_numbers_by_account
    from tests.unit.services.test_numbers_edit import make_did

    groups = [RoutingTarget("4768", "4768 - Sales team",
                            ("account:284561_sales", "fwd:18641,10,1",
                             "account:284561_kitchen,25,0", "none:")),
              RoutingTarget("4770", "4770 - Weekend", ())]
    dids = [make_did("6175550111", "grp:4768"),
            make_did("6175550122", "grp:4770"),
            make_did("6175550133", "grp:9999"),  # gone since
            make_did("6175550100", "account:284561_sales")]
    assert group_numbers_by_account(dids, groups) == {
        "284561_sales": (("6175550111", "Sales team"),),
        "284561_kitchen": (("6175550111", "Sales team"),),
    }
