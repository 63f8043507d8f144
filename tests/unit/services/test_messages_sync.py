"""The sync engine against the sandbox over real HTTP: windows, splits, dedup, DST, unread."""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, date, datetime, timedelta
from typing import Any

from app.domain.date_windows import MAX_WINDOW_DAYS
from app.domain.models.messages import Direction, MessageKind
from app.domain.timeutil import provider_date
from app.services.messages.sync import KEY_BACKFILLED_FROM, KINDS, MessageSync
from app.store.messages import count_messages, get_message
from app.store.messages_repo import MessagesRepo
from app.store.sync_state import get_state
from app.store.threads import mark_thread_read, unread_total

DID = "5145550100"


def _sms_did(sandbox: Any) -> str:
    return next(d for d, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")


def _window_days(entry: Any) -> int:
    start = date.fromisoformat(entry.params["from"])
    end = date.fromisoformat(entry.params["to"])
    return (end - start).days + 1


def _in_range(sandbox: Any, days: int) -> int:
    today = sandbox.state.clock.today()
    first = today - timedelta(days=days - 1)
    # A group MMS's further legs are one message to the app (API-NOTES.md).
    return sum(1 for rows in (sandbox.state.sms, sandbox.state.mms) for r in rows
               if first <= r.date.date() <= today and not r.extra_leg)


def test_first_backfill_uses_few_windows_and_marks_nothing_unread(
    sandbox: Any, api: Any, db: Any, run: Any
) -> None:
    engine = MessageSync(api, MessagesRepo(db), backfill_days=365)
    seen: list[tuple[int, int]] = []
    report = run(engine.sync(lambda done, total, _text: seen.append((done, total))))
    calls = sandbox.calls("getSMS") + sandbox.calls("getMMS")
    assert len(calls) <= 10
    assert all(_window_days(c) <= MAX_WINDOW_DAYS for c in calls)
    assert all(c.params.get("all_messages") == "0" and "did" not in c.params for c in calls)
    assert report.backfill and report.new_inbound == []
    assert run(db.run(count_messages)) == _in_range(sandbox, 365)
    assert run(db.run(unread_total)) == 0
    assert seen and seen[-1][0] == seen[-1][1]


def test_full_page_is_split_and_refetched(sandbox: Any, api: Any, db: Any, run: Any) -> None:
    # A limit below the window's SMS count, whatever today's date makes that count
    # (the demo data is anchored to now: it was 39 or 41 depending on the hour).
    today = sandbox.state.clock.today()
    sms = sum(1 for r in sandbox.state.sms if today - timedelta(days=29) <= r.date.date())
    assert sms >= 8
    engine = MessageSync(api, MessagesRepo(db), backfill_days=30, limit=sms // 2)
    run(engine.sync())
    windows = [(c.params["from"], c.params["to"]) for c in sandbox.calls("getSMS")]
    assert len(windows) > 1  # the 30-day window was full at 40 rows and got split
    assert any(_window_days(c) < 30 for c in sandbox.calls("getSMS"))
    assert run(db.run(count_messages)) == _in_range(sandbox, 30)


def test_single_full_day_is_split_per_did(sandbox: Any, api: Any, db: Any, run: Any) -> None:
    state = sandbox.state
    did = _sms_did(sandbox)
    noon = state.clock.now_wall().replace(hour=0, minute=5)
    with state.lock:
        for i in range(12):
            state.add_text("sms", date=noon + timedelta(minutes=i), type_=i % 2, did=did,
                           contact="4185550199", message=f"burst {i}")
    engine = MessageSync(api, MessagesRepo(db), backfill_days=1, limit=8)
    report = run(engine.sync())
    params = [c.params for c in sandbox.calls("getSMS")]
    assert any("did" in p for p in params) or any("type" in p for p in params)
    assert run(db.run(count_messages)) == _in_range(sandbox, 1) or report.truncated_days


def test_poll_overlaps_a_day_dedups_and_marks_new_inbound_unread(
    sandbox: Any, api: Any, db: Any, run: Any
) -> None:
    engine = MessageSync(api, MessagesRepo(db), backfill_days=10)
    run(engine.sync())
    before = run(db.run(count_messages))
    did = _sms_did(sandbox)
    sandbox.clear_log()
    new_id = sandbox.state.deliver_sms(did, "4185550123", "Are you open Sunday?")
    report = run(engine.sync())
    calls = sandbox.calls("getSMS")
    assert len(calls) == 1 and _window_days(calls[0]) == 2  # yesterday (overlap) + today
    assert [m.id for m in report.inserted] == [new_id]
    assert [m.text for m in report.new_inbound] == ["Are you open Sunday?"]
    assert run(db.run(count_messages)) == before + 1
    stored = run(db.run(get_message, MessageKind.SMS, new_id))
    assert stored is not None and not stored.read
    # Read it, poll again (the overlap refetches it): it must stay read.
    run(db.run(mark_thread_read, did, "4185550123"))
    again = run(engine.sync())
    assert again.inserted == []
    assert run(db.run(get_message, MessageKind.SMS, new_id)).read


def test_dst_wall_clock_dates_become_utc(sandbox: Any, api: Any, db: Any, run: Any) -> None:
    state = sandbox.state
    did = _sms_did(sandbox)
    today = state.clock.today()
    # A March day after spring-forward (EDT, UTC-4) and a January one (EST, UTC-5).
    summer = datetime(today.year, 3, 9, 12, 0, 0)
    winter = datetime(today.year, 1, 15, 12, 0, 0)
    with state.lock:
        s_id = state.add_text("sms", date=summer, type_=1, did=did, contact="4185550100",
                              message="summer").id
        w_id = state.add_text("sms", date=winter, type_=1, did=did, contact="4185550100",
                              message="winter").id
    engine = MessageSync(api, MessagesRepo(db),
                         backfill_days=(today - date(today.year, 1, 1)).days + 1)
    run(engine.sync())
    s = run(db.run(get_message, MessageKind.SMS, s_id)).message
    w = run(db.run(get_message, MessageKind.SMS, w_id)).message
    assert s.date == datetime(today.year, 3, 9, 16, 0, tzinfo=UTC)
    assert w.date == datetime(today.year, 1, 15, 17, 0, tzinfo=UTC)
    assert s.direction is Direction.RECEIVED


def test_cancelled_backfill_resumes_with_older_windows(
    sandbox: Any, api: Any, db: Any, run: Any
) -> None:
    engine = MessageSync(api, MessagesRepo(db), backfill_days=200)

    async def cancel_after_first_window() -> None:
        # Progress reports the start of each request; the third (SMS of the second
        # window) comes after the first window was stored and its date saved. The
        # cancel is made right there, inside the sync's own step: no timing involved.
        task: asyncio.Task[Any] | None = None

        def progress(done: int, _total: int, _text: str) -> None:
            if done == len(KINDS) and task is not None:
                task.cancel()

        task = asyncio.ensure_future(engine.sync(progress))
        with contextlib.suppress(asyncio.CancelledError):
            await task
        assert task.cancelled()

    run(cancel_after_first_window())
    resumed_from = run(db.run(get_state, KEY_BACKFILLED_FROM))
    assert resumed_from is not None
    assert run(db.run(count_messages)) < _in_range(sandbox, 200)
    report = run(engine.sync())
    assert run(db.run(count_messages)) == _in_range(sandbox, 200)
    assert report.new_inbound == []  # resumed history is not news
    assert run(db.run(unread_total)) == 0
    today = provider_date(datetime.now(UTC))
    assert date.fromisoformat(run(db.run(get_state, KEY_BACKFILLED_FROM))) < today


def test_poll_after_months_offline_stays_within_92_day_windows(
    sandbox: Any, api: Any, db: Any, run: Any
) -> None:
    from app.services.messages.sync import KEY_SYNCED_TO
    from app.store.sync_state import set_state

    engine = MessageSync(api, MessagesRepo(db), backfill_days=200)
    run(engine.sync())
    today = sandbox.state.clock.today()
    run(db.run(set_state, KEY_SYNCED_TO, (today - timedelta(days=150)).isoformat()))
    sandbox.clear_log()
    run(engine.sync())
    calls = sandbox.calls("getSMS")
    assert len(calls) == 2 and all(_window_days(c) <= MAX_WINDOW_DAYS for c in calls)
