"""Seeded call history for the sandbox: deterministic for (seed, profile, now).

Demo: a few hundred calls over six months (inbound, outbound, missed, busy,
failed, with costs), a missed call for every voicemail (same caller, just
before it), a few recorded calls with real audio, and the daily call charges
in the transaction history. ``profile="large"`` adds 100k calls over a year.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal

from app.domain.phone import split_caller_id
from app.sandbox import resources
from app.sandbox.datagen_content import CONTACTS
from app.sandbox.state import SandboxCall, SandboxRecording, SandboxState

DEMO_CALLS = 360
LARGE_CALLS = 100_000
HISTORY_DAYS = 180
RATE = Decimal("0.0095")
_CNAM = ("WIRELESS CALLER", "BOSTON MA", "CAMBRIDGE MA", "TOLL FREE", "")
_INBOUND = (("ANSWERED", 70), ("NO ANSWER", 20), ("BUSY", 5), ("FAILED", 5))
_OUTBOUND = (("ANSWERED", 78), ("NO ANSWER", 12), ("BUSY", 6), ("FAILED", 4))


def add_calls(state: SandboxState, rng: random.Random, anchor: datetime, profile: str) -> None:
    from app.sandbox.datagen import ACCOUNT, IVR_DID, MAIN_DID, SALES_DID, wall

    phones = [f"{ACCOUNT}_frontdesk", f"{ACCOUNT}_sales", f"{ACCOUNT}_kitchen"]
    contacts = [(name, number) for name, number, _group, _note in CONTACTS]
    areas = ("617", "857", "781", "339", "508", "978")
    strangers = [f"{rng.choice(areas)}555{rng.randint(0, 9999):04d}" for _ in range(40)]
    dids = (MAIN_DID, MAIN_DID, MAIN_DID, SALES_DID, SALES_DID, IVR_DID)
    calls: list[SandboxCall] = []
    uid = 128_238_000

    def make(when: datetime, inbound: bool, number: str, name: str, did: str,
             disposition: str, seconds: int, account: str) -> SandboxCall:
        nonlocal uid
        uid += rng.randint(1, 40)
        answered = disposition == "ANSWERED"
        billed = 0 if not answered else seconds
        rate = Decimal(0) if inbound else RATE
        total = (rate * Decimal(max(billed, 60 if billed else 0)) / 60).quantize(
            Decimal("0.00000001"))
        if inbound:
            callerid = f'"{name}" <{number}>' if name else number
            return SandboxCall(str(uid), when, callerid, did, "Inbound - Local Caller",
                               account, disposition, seconds, rate, total)
        return SandboxCall(str(uid), when, f'"MAPLE ST BAKERY" <{did}>', number,
                           "Outbound - Customer", account, disposition, seconds, rate, total,
                           "OUT:USA")

    count = DEMO_CALLS
    for index in range(count):
        # Most calls in opening hours; a few are today so the demo looks alive.
        back = rng.uniform(0.02, 1.0) if index < 8 else rng.uniform(0.0, HISTORY_DAYS)
        # Drawn whether or not they are used: what is drawn must not depend on the
        # time of the run, or every call after the first difference gets another
        # uniqueid and a demo restarted on the same --data-dir lists them twice.
        opening_hour, minutes_back = rng.randint(12, 23), rng.randint(5, 600)
        when = (anchor - timedelta(days=back)).replace(microsecond=0)
        if index >= 8 and not 12 <= when.hour <= 23:
            when = when.replace(hour=opening_hour)
        if when > anchor:
            when = (anchor - timedelta(minutes=minutes_back)).replace(microsecond=0)
        inbound = rng.random() < 0.65
        known = rng.random() < 0.6
        name, number = rng.choice(contacts) if known else (rng.choice(_CNAM), rng.choice(strangers))
        table = _INBOUND if inbound else _OUTBOUND
        disposition = rng.choices([d for d, _ in table], [w for _, w in table])[0]
        seconds = rng.randint(20, 900) if disposition == "ANSWERED" else 0
        did = rng.choice(dids)
        answered_by = rng.choice(phones) if disposition == "ANSWERED" or not inbound else ACCOUNT
        calls.append(make(when, inbound, number, name.upper() if not known else name, did,
                          disposition, seconds, answered_by))
    # Each voicemail was a call nobody answered: the caller's number, just before.
    for vm in state.voicemails:
        name, number = split_caller_id(vm.callerid)
        start = _utc(vm.date) - timedelta(seconds=30)
        did = MAIN_DID if vm.mailbox == "1001" else SALES_DID
        calls.append(make(start, True, number, name, did, "NO ANSWER", 0, ACCOUNT))
    calls.sort(key=lambda c: c.when)
    state.calls = calls
    state.next_call_id = uid + 1000
    # Recordings: a few answered calls of the last 60 days (the sales desk records).
    answered = [c for c in calls if c.disposition == "ANSWERED"
                and c.when > anchor - timedelta(days=60)]
    for index, call in enumerate(answered[-6:]):
        inbound = call.description.startswith("Inbound")
        number = _number(call.callerid) if inbound else call.destination
        clip = resources.VOICEMAIL_CLIPS[index % len(resources.VOICEMAIL_CLIPS)]
        rec_id = f"MTA5Nzk5LT{int(call.when.timestamp()):d}{index}"
        state.call_recordings.append(SandboxRecording(
            rec_id, call.account, wall(call.when), number, inbound,
            resources.clip_seconds(clip), clip))
    _charges(state, calls, wall)
    if profile == "large":
        add_bulk_calls(state, random.Random(rng.random()), anchor, phones, dids)


def _utc(wall_clock: datetime) -> datetime:
    from app.sandbox.datagen import EASTERN

    return wall_clock.replace(tzinfo=EASTERN).astimezone(UTC)


def _number(callerid: str) -> str:
    return callerid.rsplit("<", 1)[-1].rstrip(">") if "<" in callerid else callerid


def _charges(
    state: SandboxState, calls: list[SandboxCall], wall: Callable[[datetime], datetime]
) -> None:
    """One "Calls" line a day in the transaction history, as the provider bills."""
    by_day: dict[str, Decimal] = {}
    for call in calls:
        if call.total:
            day = wall(call.when).strftime("%Y-%m-%d")
            by_day[day] = by_day.get(day, Decimal(0)) + call.total
    for day, total in sorted(by_day.items()):
        state.transactions.append({
            "date": f"{day} 23:59:59", "uniqueid": f"c{day.replace('-', '')}",
            "type": "Calls", "description": f"Calls on {day}",
            "ammount": f"{-total:.4f}"})


def add_bulk_calls(state: SandboxState, rng: random.Random, anchor: datetime,
                   phones: list[str], dids: tuple[str, ...]) -> None:
    """100k calls over a year: made fast (one tuple of choices per call, no prose)."""
    span = 365 * 86400
    uid = 500_000_000
    numbers = [f"{rng.choice(('617', '857', '781', '339', '508'))}555{rng.randint(0, 9999):04d}"
               for _ in range(5000)]
    dispositions = ("ANSWERED",) * 14 + ("NO ANSWER",) * 4 + ("BUSY", "FAILED")
    bulk = []
    for _ in range(LARGE_CALLS):
        uid += 1
        when = (anchor - timedelta(seconds=rng.random() * span)).replace(microsecond=0)
        number = rng.choice(numbers)
        did = rng.choice(dids)
        disposition = rng.choice(dispositions)
        seconds = rng.randint(20, 600) if disposition == "ANSWERED" else 0
        if rng.random() < 0.6:
            bulk.append(SandboxCall(str(uid), when, f'"CALLER" <{number}>', did,
                                    "Inbound - Local Caller", rng.choice(phones), disposition,
                                    seconds, Decimal(0), Decimal(0)))
        else:
            total = (RATE * seconds / 60).quantize(Decimal("0.00000001"))
            bulk.append(SandboxCall(str(uid), when, f'"MAPLE ST BAKERY" <{did}>', number,
                                    "Outbound - Customer", rng.choice(phones), disposition,
                                    seconds, RATE, total, "OUT:USA"))
    state.calls.extend(bulk)
    state.calls.sort(key=lambda c: c.when)
