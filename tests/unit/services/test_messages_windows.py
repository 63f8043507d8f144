"""The window planner: 92-day limit, one-day overlap, splitting full windows, de-dup."""

from __future__ import annotations

import itertools
from datetime import UTC, date, datetime, timedelta

import pytest

from app.domain.date_windows import (
    MAX_WINDOW_DAYS,
    FetchRequest,
    Window,
    backfill_range,
    calls_for_strategy,
    dedupe,
    plan_windows,
    poll_range,
    refine,
    split_window,
)
from app.domain.models.messages import Direction, Message, MessageKind


def test_windows_never_exceed_92_days_and_overlap_by_one_day() -> None:
    start, end = date(2025, 1, 1), date(2026, 6, 30)
    windows = plan_windows(start, end)
    assert all(w.days <= MAX_WINDOW_DAYS for w in windows)
    assert windows[0].end == end and windows[-1].start == start
    for newer, older in itertools.pairwise(windows):
        assert older.end == newer.start  # exactly one shared day


def test_every_day_is_covered() -> None:
    start, end = date(2024, 2, 10), date(2025, 2, 9)
    covered: set[date] = set()
    for w in plan_windows(start, end):
        covered.update(w.start + timedelta(days=i) for i in range(w.days))
    assert covered == {start + timedelta(days=i) for i in range((end - start).days + 1)}


def test_one_year_backfill_takes_four_windows_per_kind() -> None:
    start, end = backfill_range(date(2026, 11, 26), 365)
    assert (end - start).days + 1 == 365
    assert len(plan_windows(start, end)) == 4
    assert calls_for_strategy(365, window_days=92, did_count=1, overlap_days=1) == 8
    assert calls_for_strategy(365, window_days=30, did_count=1, overlap_days=0) == 26
    assert calls_for_strategy(365, window_days=90, did_count=5, overlap_days=0) == 50


def test_empty_and_single_day_ranges() -> None:
    assert plan_windows(date(2026, 1, 2), date(2026, 1, 1)) == []
    assert plan_windows(date(2026, 1, 1), date(2026, 1, 1)) == [
        Window(date(2026, 1, 1), date(2026, 1, 1))
    ]


def test_split_window_halves_exactly() -> None:
    halves = split_window(Window(date(2026, 1, 1), date(2026, 1, 10)))
    assert halves == (
        Window(date(2026, 1, 1), date(2026, 1, 5)),
        Window(date(2026, 1, 6), date(2026, 1, 10)),
    )
    assert split_window(Window(date(2026, 1, 1), date(2026, 1, 1))) is None


def test_refine_goes_from_halves_to_dids_to_directions() -> None:
    day = Window(date(2026, 3, 8), date(2026, 3, 8))
    request = FetchRequest(MessageKind.SMS, Window(date(2026, 3, 1), date(2026, 3, 8)))
    halves = list(split_window(request.window) or ())
    assert [r.window for r in refine(request, ["1", "2"])] == halves
    per_did = refine(FetchRequest(MessageKind.SMS, day), ["5551230001", "5551230002"])
    assert [r.did for r in per_did] == ["5551230001", "5551230002"]
    per_dir = refine(per_did[0], ["5551230001", "5551230002"])
    assert {r.direction for r in per_dir} == {Direction.RECEIVED, Direction.SENT}
    assert refine(per_dir[0], ["5551230001", "5551230002"]) == []


def test_poll_range_starts_a_day_before_last_sync() -> None:
    assert poll_range(date(2026, 5, 3), date(2026, 5, 2)) == (date(2026, 5, 1), date(2026, 5, 3))


def test_dedupe_keys_on_kind_and_id() -> None:
    when = datetime(2026, 1, 1, tzinfo=UTC)

    def msg(kind: MessageKind, ident: int) -> Message:
        return Message(kind, ident, when, Direction.RECEIVED, "5551230001", "5559870000", "x")

    rows = [msg(MessageKind.SMS, 1), msg(MessageKind.MMS, 1), msg(MessageKind.SMS, 1)]
    assert [m.key for m in dedupe(rows)] == [(MessageKind.SMS, 1), (MessageKind.MMS, 1)]


def test_invalid_parameters_are_refused() -> None:
    with pytest.raises(ValueError):
        plan_windows(date(2026, 1, 1), date(2026, 2, 1), max_days=0)
    with pytest.raises(ValueError):
        Window(date(2026, 1, 2), date(2026, 1, 1))
