"""Seeded demo data: deterministic, recent, and carrying the quirks clients must survive."""

from __future__ import annotations

from datetime import UTC, datetime

from app.sandbox.datagen import build_state
from app.sandbox.state import SandboxClock, SandboxState

NOW = datetime(2026, 11, 26, 15, 0, tzinfo=UTC)


def _state(seed: int = 1, profile: str = "demo") -> SandboxState:
    return build_state(SandboxClock(NOW), seed=seed, profile=profile)


def _fingerprint(state: SandboxState) -> list[tuple[object, ...]]:
    return [(m.kind, m.id, m.date, m.did, m.contact, m.message, tuple(m.media))
            for m in state.sms + state.mms]


def test_same_seed_same_data() -> None:
    assert _fingerprint(_state(1)) == _fingerprint(_state(1))


def test_a_later_run_lists_the_same_records_moved_in_time() -> None:
    """A demo restarted on the same --data-dir (minutes or a day later) must bring
    the same records, so the cache updates them instead of listing them twice: the
    calls drew from the random stream depending on the hour, and every call after
    the first difference got another uniqueid (the Calls tab doubled, and an old
    missed call was announced again)."""
    from datetime import timedelta

    def ids(state: SandboxState) -> dict[str, object]:
        return {
            # (in time order, which the opening-hours clamp may change a little)
            "calls": sorted((c.uniqueid, c.callerid, c.disposition, c.account)
                            for c in state.calls),
            "texts": [(m.kind, m.id, m.message) for m in state.sms + state.mms],
            "voicemails": [(v.mailbox, v.folder, v.message_num) for v in state.voicemails],
            "faxes": [(f.id, f.folder) for f in state.faxes],
        }

    first = ids(_state())
    assert ids(build_state(SandboxClock(NOW + timedelta(minutes=3)))) == first
    # Hours later the texts are numbered again in time order (the ids grow with
    # time, a quirk clients must survive), and conversations moved into opening
    # hours may swap places: only the other records are the same then.
    del first["texts"]
    for later in (timedelta(hours=7), timedelta(days=1, hours=5)):
        again = ids(build_state(SandboxClock(NOW + later)))
        del again["texts"]
        assert again == first, later


def test_other_seed_other_data() -> None:
    assert _fingerprint(_state(1)) != _fingerprint(_state(2))


def test_demo_account_shape() -> None:
    state = _state()
    assert len(state.dids) == 4
    assert set(state.mailboxes) == {"1001", "1002"}
    assert {b["name"] for b in state.mailboxes.values()} == {"Front desk", "Sales"}
    assert len(state.voicemails) == 12
    assert 250 <= len(state.sms) + len(state.mms) <= 800
    assert sum(1 for m in state.mms if m.media) >= 5
    assert len(state.phonebook) == 20
    assert {f.name for f in state.fax_folders} >= {"INBOX", "SENT"}
    assert len(state.fax_folders) == 3
    fax_dids = {n["did"] for n in state.fax_numbers}
    assert fax_dids & set(state.dids), "one DID is also the fax number"


def test_routing_variety_includes_sip_value_with_colons() -> None:
    routings = [d["routing"] for d in _state().dids.values()]
    headers = {r.split(":", 1)[0] for r in routings}
    assert {"account", "grp", "ivr", "sip"} <= headers
    sip = next(r for r in routings if r.startswith("sip:"))
    assert sip.count(":") >= 2


def test_everything_is_dated_before_now_and_within_six_months() -> None:
    state = _state()
    now_wall = state.clock.now_wall()
    dates = [m.date for m in state.sms + state.mms]
    assert max(dates) <= now_wall
    assert (now_wall - min(dates)).days <= 181
    assert any(d.date() == now_wall.date() for d in dates), "some messages are from today"


def test_ids_grow_with_time_and_overlap_between_sms_and_mms() -> None:
    state = _state()
    for rows in (state.sms, state.mms):
        ordered = sorted(rows, key=lambda m: m.id)
        assert [m.date for m in ordered] == sorted(m.date for m in ordered)
    assert {m.id for m in state.sms} & {m.id for m in state.mms}


def test_dst_fall_back_produces_same_wall_clock_twice() -> None:
    # 2026-11-01 01:30 happened twice in New York (EDT, then EST).
    state = _state()
    night = [m for m in state.sms if m.date.strftime("%Y-%m-%d %H:%M") == "2026-11-01 01:30"]
    assert len(night) == 2
    assert night[0].id != night[1].id


def test_some_bodies_carry_php_escaped_quotes_and_multibyte_text() -> None:
    texts = [m.message for m in _state().sms + _state().mms]
    assert any('\\"' in t for t in texts)
    assert any(len(t.encode()) > len(t) for t in texts)


def test_some_mms_rows_hide_media_and_some_links_are_relative() -> None:
    mms = [m for m in _state().mms if m.media]
    assert any(m.media_hidden_in_list for m in mms)
    assert any(m.relative_links for m in mms)


def test_voicemail_durations_come_from_the_audio() -> None:
    durations = {v.duration for v in _state().voicemails}
    assert all(2 <= d <= 10 for d in durations)
    assert len(durations) > 2


def test_large_profile_volume() -> None:
    state = _state(profile="large")
    assert len(state.sms) + len(state.mms) >= 100_000
    assert len({(m.did, m.contact) for m in state.sms}) >= 1_500
    assert len(state.voicemails) >= 500
    assert len(state.faxes) >= 1_000
    # Forty phones in nine shops (the phones benchmark), one in five of the shops' unplugged.
    from app.sandbox.handlers.phones import is_registered

    accounts = [row["account"] for row in state.sub_accounts]
    assert len(accounts) == 39 and len(set(accounts)) == 39
    assert all(row.get("password") for row in state.sub_accounts)
    offline = [a for a in accounts[3:] if not is_registered(state, a)]
    assert len(offline) == 36 // 5


def test_today_has_messages_even_just_after_midnight_in_new_york() -> None:
    just_after = datetime(2026, 11, 26, 5, 3, tzinfo=UTC)  # 00:03 EST
    state = build_state(SandboxClock(just_after))
    today = state.clock.now_wall().date()
    assert any(m.date.date() == today for m in state.sms + state.mms)
