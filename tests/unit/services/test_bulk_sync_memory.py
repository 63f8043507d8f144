"""A first sync neither triggers full garbage collections nor keeps a year of rows
alive (issue #16.1): the collector is paused over history windows and the report
counts what it stored instead of holding every message."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Iterator
from typing import Any

import pytest

from app.services import gc_pause
from app.services.messages import sync as sync_module
from app.services.messages.sync import MessageSync
from app.store.messages_repo import MessagesRepo


@pytest.fixture(autouse=True)
def _collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_overlapping_bulk_jobs_resume_the_collector_once_the_last_ends() -> None:
    first = gc_pause.collector_paused()
    second = gc_pause.collector_paused()
    first.__enter__()
    assert not gc.isenabled()
    second.__enter__()
    first.__exit__(None, None, None)  # ends before the other one: still paused
    assert not gc.isenabled()
    second.__exit__(None, None, None)
    assert gc.isenabled()


def test_a_collector_that_was_off_stays_off() -> None:
    gc.disable()
    with gc_pause.collector_paused():
        assert not gc.isenabled()
    assert not gc.isenabled()


class Watching:
    """The real API; records whether the collector ran while pages were fetched."""

    def __init__(self, api: Any) -> None:
        self.api = api
        self.collector_on: list[bool] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.api, name)

    async def get_sms(self, *args: Any, **kwargs: Any) -> Any:
        self.collector_on.append(gc.isenabled())
        return await self.api.get_sms(*args, **kwargs)


def test_history_is_fetched_with_the_collector_paused_and_counted_not_kept(
    sandbox: Any, api: Any, db: Any, run: Any, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sync_module, "HISTORY_KEPT", 5)
    watching = Watching(api)
    engine = MessageSync(watching, MessagesRepo(db), backfill_days=365)
    report = run(engine.sync())
    assert report.backfill and watching.collector_on and not any(watching.collector_on)
    assert gc.isenabled()  # resumed after the backfill
    assert report.inserted_count > 5 and len(report.inserted) + len(report.updated) <= 5
    assert report.changed_count == report.inserted_count + report.updated_count
    # A poll after it is not history: the collector runs and nothing is capped.
    watching.collector_on.clear()
    did = next(d for d, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")
    for n in range(7):
        sandbox.state.deliver_sms(did, "4185550160", f"poll {n}")
    polled = run(engine.sync())
    assert all(watching.collector_on)
    assert polled.inserted_count == len(polled.inserted) == 7


def test_a_first_sync_starts_with_the_newest_days_on_their_own() -> None:
    from datetime import date

    from app.domain.date_windows import MAX_WINDOW_DAYS
    from app.services.messages.sync import FIRST_GLANCE_DAYS, first_backfill_windows

    today = date(2026, 12, 5)
    start = date(2025, 12, 6)  # 365 days
    windows = first_backfill_windows(start, today)
    assert (windows[0].start, windows[0].end) == (date(2026, 11, 29), today)
    assert (windows[0].end - windows[0].start).days + 1 == FIRST_GLANCE_DAYS
    assert windows[1].end == windows[0].start  # one day of overlap, as between windows
    assert windows[-1].start == start
    assert all((w.end - w.start).days < MAX_WINDOW_DAYS for w in windows)
    assert len(windows) * 2 <= 10  # getSMS + getMMS per window: a year in <= 10 calls
    # A backfill of a few days is one window.
    assert [(w.start, w.end) for w in first_backfill_windows(date(2026, 12, 3), today)] == [
        (date(2026, 12, 3), today)]


def test_what_a_bulk_job_leaves_alive_is_frozen_when_the_collector_resumes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The next collections must not walk the job's survivors all at once (a 67 ms
    full collection after a first sync): they are frozen; frozen objects are still
    freed by reference counting."""
    monkeypatch.delenv(gc_pause.NO_FREEZE_VAR, raising=False)
    frozen_before = gc.get_freeze_count()
    try:
        with gc_pause.collector_paused():
            survivors = [[n] for n in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen_before + len(survivors)
        assert not any(gc.is_tracked(s) and s in gc.get_objects(0) for s in survivors[:3])
    finally:
        gc.unfreeze()


def test_the_kill_switch_resumes_without_freezing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(gc_pause.NO_FREEZE_VAR, "1")
    gc.unfreeze()
    with gc_pause.collector_paused():
        pass
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


def test_start_up_objects_are_frozen_once_it_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(gc_pause.NO_FREEZE_VAR, raising=False)
    gc.unfreeze()
    gc.disable()
    try:
        gc_pause.resume_after_startup()
        assert gc.isenabled()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        gc_pause.resume_after_startup()  # a second call (the 5 s fallback) does nothing
        # (Not "==": a frozen object freed by reference counting leaves the count.)
        assert gc.get_freeze_count() <= frozen
    finally:
        gc.unfreeze()


def test_long_lived_objects_are_frozen_unless_switched_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The main window freezes what exists once every tab is built."""
    gc.unfreeze()
    monkeypatch.setenv(gc_pause.NO_FREEZE_VAR, "1")
    gc_pause.freeze_long_lived()
    assert gc.get_freeze_count() == 0
    monkeypatch.delenv(gc_pause.NO_FREEZE_VAR)
    try:
        gc_pause.freeze_long_lived()
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_big_dict_is_released_a_slice_per_loop_turn() -> None:
    rows = {n: (n, "row") for n in range(gc_pause.RELEASE_SLICE * 2 + 5)}
    turns: list[int] = []

    async def scenario() -> None:
        async def count_turns() -> None:
            while rows:
                turns.append(len(rows))
                await asyncio.sleep(0)

        watcher = asyncio.ensure_future(count_turns())
        await gc_pause.release_in_slices(rows)
        await watcher

    asyncio.run(scenario())
    assert rows == {}
    assert turns == [gc_pause.RELEASE_SLICE + 5, 5]  # the loop ran between the slices


def test_a_big_list_is_dropped_in_slices() -> None:
    from app.store.rows import DROP_SLICE, drop_in_slices

    rows = [(n, "row") for n in range(DROP_SLICE * 3 + 1)]
    drop_in_slices(rows)
    assert rows == []


def test_thawing_gives_frozen_objects_back_to_the_collector() -> None:
    """After a sign-out the closed window's objects must be collectable again."""
    try:
        gc_pause.freeze_long_lived()
        assert gc.get_freeze_count() > 0
        gc_pause.thaw()
        assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()
