"""The calls service against the sandbox (plain asyncio, no Qt)."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.domain.calls import CallFilter, cdr_windows, csv_cell, forecast, search_digits
from app.domain.errors import UserFacingError
from app.domain.models.calls import Outcome
from app.sandbox import SandboxServer
from app.services.calls.changes import CallChanges
from app.services.calls.service import CallsService
from app.services.notifications import call_target
from app.services.root import RecordingNotifier
from app.store.calls import CallRepo
from app.store.sync_state import SyncState

EASTERN = ZoneInfo("America/New_York")


@pytest.fixture
def service(api: Any, db: Any, tmp_path: Path) -> CallsService:
    return CallsService(api, CallRepo(db), SyncState(db), tmp_path / "recordings",
                        dids_api=api, notifier=RecordingNotifier())


def test_windows_never_straddle_dst_and_stay_within_92_days() -> None:
    windows = cdr_windows(date(2025, 1, 1), date(2025, 12, 31), EASTERN)
    assert windows[0].end == date(2025, 12, 31) and windows[-1].start == date(2025, 1, 1)
    for w in windows:
        assert (w.end - w.start).days + 1 <= 92
        assert w.offset in (-4, -5)
    # The spring change (March 9) and the fall change (November 2) cut windows.
    assert any(w.end == date(2025, 3, 8) and w.offset == -5 for w in windows)
    assert any(w.start == date(2025, 3, 9) and w.offset == -4 for w in windows)
    assert any(w.start == date(2025, 11, 2) and w.offset == -5 for w in windows)


def test_pure_rules() -> None:
    assert search_digits("+1 (617) 555-0142") == "6175550142"
    assert search_digits("555-01") == "55501"
    assert search_digits("Dana") == ""
    assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert csv_cell("-2") == "'-2" and csv_cell("@x") == "'@x" and csv_cell("+1") == "'+1"
    assert csv_cell("Dana") == "Dana"
    f = forecast(Decimal("30"), [Decimal("15"), Decimal("15")], days=30)
    assert f.days_left == 30 and f.text() == "about 30 days left"
    assert forecast(Decimal("5"), [], days=30).days_left is None


def test_sync_stores_history_with_directions_outcomes_and_costs(
    service: CallsService, sandbox: SandboxServer, run: Any
) -> None:
    result = run(service.sync())
    assert result.fetched >= 300
    rows = run(service.page(CallFilter(), limit=1000))
    assert len(rows) == result.fetched
    dates = [r.call.date for r in rows]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    outcomes = {r.call.outcome for r in rows}
    assert outcomes == set(Outcome)
    outbound = [r for r in rows if not r.call.inbound]
    assert outbound and all(r.call.did in {"6175550100", "6175550111", "6175550122"}
                            for r in outbound)
    assert any(r.call.cost > 0 for r in outbound)
    assert all(r.call.cost == 0 for r in rows if r.call.inbound)
    # Phonebook names win over the caller id's name.
    assert any(r.contact == "Dana Whitfield" for r in rows)
    # Missed calls from the voicemail callers are there (a missed call per voicemail).
    missed = run(service.page(CallFilter(outcome="missed"), limit=1000))
    assert missed and all(r.call.missed for r in missed)
    totals = run(service.totals(CallFilter()))
    assert totals.calls == len(rows)
    assert totals.cost == sum((r.call.cost for r in rows), Decimal(0))
    # Every getCDR carried a whole-hour offset and a <= 92-day range.
    for logged in sandbox.calls("getCDR"):
        assert logged.params["timezone"] in ("-4", "-5")


def test_call_dates_are_correct_utc_on_both_sides_of_dst(
    service: CallsService, sandbox: SandboxServer, run: Any
) -> None:
    run(service.sync())
    by_id = {r.id: r for r in run(service.page(CallFilter(), limit=1000))}
    checked = set()
    for call in sandbox.state.calls:
        row = by_id.get(call.uniqueid)
        if row is not None:
            assert row.call.date == call.when
            checked.add(call.when.astimezone(EASTERN).utcoffset())
    assert len(checked) == 2  # summer and winter calls both came back right


def test_incremental_sync_new_missed_call_notifies_and_mark_seen(
    service: CallsService, sandbox: SandboxServer, run: Any
) -> None:
    run(service.sync())
    first_unseen = run(service.unseen_count())
    heard: list[CallChanges] = []
    service.changed.connect(heard.append)
    sandbox.clear_log()
    uid = sandbox.state.deliver_call("6175550142", "6175550100", caller_name="DANA W")
    result = run(service.sync())
    # Incremental: from the last synced day minus one, not the whole history again.
    assert all(c.params["date_from"] >= (datetime.now(UTC) - timedelta(days=3)).strftime(
        "%Y-%m-%d") for c in sandbox.calls("getCDR"))
    assert [r.id for r in result.new_missed] == [uid]
    assert result.changes.unseen == first_unseen + 1
    assert heard and heard[-1] is result.changes
    notifier = service.polling._notifier
    assert isinstance(notifier, RecordingNotifier)
    assert notifier.history[-1] == ("Missed call", "From Dana Whitfield ((617) 555-0142)")
    assert notifier.targets[-1] == call_target(uid)  # a click opens that call (#17)
    changes = run(service.mark_seen(list(result.new_missed)))
    assert changes.unseen == first_unseen
    assert run(service.mark_seen(list(result.new_missed))).empty
    run(service.mark_all_seen())
    assert run(service.unseen_count()) == 0


def test_filters_and_search(service: CallsService, run: Any) -> None:
    run(service.sync())
    everything = run(service.page(CallFilter(), limit=1000))
    f = CallFilter(outcome="answered", did="6175550111")
    rows = run(service.page(f, limit=1000))
    assert rows and all(r.call.did == "6175550111" and r.call.outcome is Outcome.ANSWERED
                        for r in rows)
    assert all(f.matches(r.call, r.contact) for r in rows)
    assert len(rows) == len([r for r in everything if f.matches(r.call, r.contact)])
    by_digits = run(service.page(CallFilter(query="(617) 555-0142"), limit=1000))
    assert by_digits and all(r.call.number == "6175550142" for r in by_digits)
    by_name = run(service.page(CallFilter(query="whitfield"), limit=1000))
    assert {r.call.number for r in by_name} == {"6175550142"}
    phone = run(service.page(CallFilter(account="284561_kitchen"), limit=1000))
    assert phone and all(r.call.account == "284561_kitchen" for r in phone)
    today = run(service.page(CallFilter(since=service.since(1)), limit=1000))
    assert all(r.call.date is not None and r.call.date >= service.since(1) for r in today)
    paged = run(service.page(CallFilter(), limit=50, offset=50))
    assert [r.id for r in paged] == [r.id for r in everything[50:100]]


def test_add_contact_names_the_calls(service: CallsService, sandbox: SandboxServer,
                                     run: Any) -> None:
    run(service.sync())
    stranger = next(r for r in run(service.page(CallFilter(), limit=1000))
                    if not r.contact and r.call.caller_name == "WIRELESS CALLER")
    changes = run(service.add_contact(stranger.call.number, "  Pat   Baker "))
    assert changes.upserted and all(r.contact == "Pat Baker" for r in changes.upserted)
    assert any(e["name"] == "Pat Baker" and e["number"] == stranger.call.number
               for e in sandbox.state.phonebook)
    with pytest.raises(UserFacingError):
        run(service.add_contact(stranger.call.number, "   "))


def test_recordings_play_from_cache_save_and_delete(
    service: CallsService, sandbox: SandboxServer, run: Any, tmp_path: Path
) -> None:
    run(service.sync())
    recorded = [r for r in run(service.page(CallFilter(), limit=1000)) if r.recording]
    assert len(recorded) == len(sandbox.state.call_recordings)
    rec = recorded[0].recording
    assert rec is not None
    path = run(service.recording_audio(rec))
    audio = path.read_bytes()
    assert audio[:3] == b"ID3" or audio[0] == 0xFF  # an mp3, decoded from base64
    sandbox.clear_log()
    assert run(service.recording_audio(rec)) == path
    assert sandbox.calls("getCallRecording") == []  # the disk cache answered
    saved = run(service.save_recording(rec, tmp_path / "out.mp3"))
    assert saved.read_bytes() == path.read_bytes()
    changes = run(service.delete_recording(rec))
    assert changes.upserted[0].recording is None
    assert not path.exists()
    assert all(r.id != rec.id for r in sandbox.state.call_recordings)
    with pytest.raises(UserFacingError):
        run(service.delete_recording(rec))  # invalid_callrecording now


def test_csv_export_neutralises_formulas(service: CallsService, sandbox: SandboxServer,
                                         run: Any, tmp_path: Path) -> None:
    sandbox.state.deliver_call("6175550999", "6175550100", caller_name="=cmd|'/c calc'!A1")
    run(service.sync())
    target = tmp_path / "calls.csv"
    count = run(service.export_csv(CallFilter(outcome="missed"), target))
    with target.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == count + 1
    assert any(r[2] == "'=cmd|'/c calc'!A1" for r in rows)
    assert not any(cell.startswith(("=", "+", "-", "@")) for r in rows for cell in r)


def test_sandbox_getcdr_rules(api: Any, client: Any, run: Any) -> None:
    from app.api.errors import StatusError

    with pytest.raises(StatusError) as info:
        run(client.call("getCDR", date_from="2025-01-01", date_to="2025-06-01", timezone=-5))
    assert info.value.status == "invalid_daterange"
    with pytest.raises(StatusError) as info:
        run(client.call("getCDR", date_from="2025-01-01", date_to="2025-01-02", timezone=20))
    assert info.value.status == "invalid_timezone"
    # An empty range (no_cdr) is an empty list.
    assert run(api.get_cdr(date(2001, 1, 1), date(2001, 1, 2), offset=-5)) == []


def test_balance_forecast_and_days_left_warning(api: Any, run: Any) -> None:
    from app.config.settings import Settings
    from app.services.balance.service import BalanceService

    settings = Settings(path=None)
    service = BalanceService(api, settings)
    run(service.refresh())
    forecast = service.forecast
    assert forecast is not None and forecast.days_left is not None and forecast.daily_spend > 0
    # daily_spend is rounded to 1/100 of a cent for display; days_left is not.
    assert abs(forecast.days_left - int(Decimal("47.318250") / forecast.daily_spend)) <= 1
    assert not service.is_short()
    settings.low_balance_days = forecast.days_left + 1
    assert service.is_short()
    settings.low_balance_days = 0
    assert not service.is_short()


def test_recording_is_emailed_to_the_mailbox_address_or_one_typed(
    service: CallsService, sandbox: SandboxServer, api: Any, db: Any, tmp_path: Path, run: Any
) -> None:
    from app.services.voicemail.service import VoicemailService
    from app.store.voicemail import VoicemailRepo

    run(service.sync())
    rec = next(r for r in run(service.page(CallFilter(), limit=1000)) if r.recording).recording
    assert rec is not None
    # Before the voicemail is cached there is no address to offer.
    assert run(service.default_recording_email()) == ""
    run(VoicemailService(api, VoicemailRepo(db), tmp_path / "vm").refresh())
    default = run(service.default_recording_email())
    assert "@" in default

    words = run(service.email_recording(rec, f"  {default} "))
    assert default in words
    assert sandbox.state.emails_sent[-1] == {"kind": "callrecording", "to": default, "id": rec.id}

    sent = len(sandbox.state.emails_sent)
    with pytest.raises(UserFacingError, match="not an e-mail address"):
        run(service.email_recording(rec, "dana at example"))
    assert len(sandbox.state.emails_sent) == sent  # refused before any call
    gone = type(rec)(id="nope", account=rec.account, date=rec.date, number=rec.number,
                     inbound=rec.inbound, seconds=rec.seconds)
    with pytest.raises(UserFacingError, match="Could not e-mail the recording"):
        run(service.email_recording(gone, default))


def test_a_call_links_to_the_voicemail_its_caller_left(
    service: CallsService, sandbox: SandboxServer, api: Any, db: Any, tmp_path: Path, run: Any
) -> None:
    from app.services.voicemail.service import VoicemailService
    from app.store.voicemail import VoicemailRepo

    voicemail = VoicemailService(api, VoicemailRepo(db), tmp_path / "vm")
    run(voicemail.refresh())
    run(service.sync())
    rows = run(service.page(CallFilter(), limit=5000))
    linked = [r for r in rows if r.voicemail is not None]
    # The sandbox has a missed call just before every voicemail (same caller).
    assert len(linked) == len(sandbox.state.voicemails)
    assert all(r.call.inbound for r in linked)
    keys = {r.voicemail for r in linked}
    assert len(keys) == len(linked)  # one call per voicemail, no voicemail twice
    for row in linked:
        mailbox, folder, number = row.voicemail  # type: ignore[misc]
        vm = next(v for v in sandbox.state.voicemails
                  if v.mailbox == mailbox and v.folder == folder and v.message_num == number)
        caller_digits = "".join(c for c in vm.callerid if c.isdigit())
        assert row.call.number[-10:] == caller_digits[-10:]
    # Outgoing calls and calls from other numbers are not linked.
    assert not any(r.voicemail for r in rows if not r.call.inbound)


def test_a_first_sync_is_announced_in_bulk_without_listing_a_years_rows(
    service: CallsService, sandbox: SandboxServer, run: Any
) -> None:
    heard: list[CallChanges] = []
    service.changed.connect(heard.append)
    first = run(service.sync())
    # Every call stored, none read back to be listed: views read their page again.
    assert first.fetched >= 300 and first.changes.bulk
    assert len(first.changes.upserted) <= len(sandbox.state.call_recordings)  # links only
    assert heard == [first.changes]
    assert len(run(service.page(CallFilter(), limit=1000))) == first.fetched
    again = run(service.sync())
    assert not again.changes.bulk


def test_a_missed_call_whose_voicemail_came_first_is_not_notified_twice(
    service: CallsService, sandbox: SandboxServer, api: Any, db: Any, tmp_path: Path, run: Any
) -> None:
    """The voicemail's notification told of the caller already ("New voicemail
    from Dana"); a second one for the call it was left on is noise (on a desktop
    without a tray, where notifications are not gathered, it showed twice)."""
    from app.services.voicemail.service import VoicemailService
    from app.store.voicemail import VoicemailRepo

    run(service.sync())
    notifier = service.polling._notifier
    assert isinstance(notifier, RecordingNotifier)
    told = len(notifier.history)
    with_voicemail = sandbox.state.deliver_call("6175550142", "6175550100")
    sandbox.state.deliver_voicemail("1001", "6175550142", caller_name="Dana")
    run(VoicemailService(api, VoicemailRepo(db), tmp_path / "vm").refresh())
    result = run(service.sync())
    assert [r.id for r in result.new_missed] == [with_voicemail]  # still missed and unseen
    assert result.new_missed[0].voicemail is not None
    assert len(notifier.history) == told
    # A caller who left nothing is told of, alone.
    alone = sandbox.state.deliver_call("8575550119", "6175550100")
    result = run(service.sync())
    assert [r.id for r in result.new_missed] == [alone]
    assert notifier.history[-1] == ("Missed call", "From Priya Raman ((857) 555-0119)")
    assert notifier.targets[-1] == call_target(alone)
