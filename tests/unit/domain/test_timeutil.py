"""Provider wall clock (US Eastern, with DST) <-> UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from app.domain import timeutil


def test_summer_date_is_four_hours_behind_utc() -> None:
    got = timeutil.parse_provider_datetime("2024-07-01 10:24:16")
    assert got == datetime(2024, 7, 1, 14, 24, 16, tzinfo=UTC)


def test_winter_date_is_five_hours_behind_utc() -> None:
    got = timeutil.parse_provider_datetime("2024-01-15 23:30:00")
    assert got == datetime(2024, 1, 16, 4, 30, tzinfo=UTC)


def test_ambiguous_fall_back_hour_takes_the_first_instant() -> None:
    # 01:30 happens twice on 2024-11-03; the first one is still EDT (UTC-4).
    got = timeutil.parse_provider_datetime("2024-11-03 01:30:00")
    assert got == datetime(2024, 11, 3, 5, 30, tzinfo=UTC)


def test_date_without_time_is_provider_midnight() -> None:
    assert timeutil.parse_provider_datetime("2016-01-30") == datetime(
        2016, 1, 30, 5, 0, tzinfo=UTC
    )


@pytest.mark.parametrize("value", ["", None, "0000-00-00", "0000-00-00 00:00:00", "-1"])
def test_placeholders_mean_not_set(value: object) -> None:
    assert timeutil.parse_provider_datetime(value) is None


def test_garbage_date_is_an_error() -> None:
    with pytest.raises(ValueError, match="Unrecognised date"):
        timeutil.parse_provider_datetime("yesterday")


def test_provider_date_of_a_late_utc_instant_is_the_previous_day() -> None:
    moment = datetime(2024, 3, 1, 3, 0, tzinfo=UTC)  # 22:00 on Feb 29 in New York
    assert timeutil.provider_date(moment) == date(2024, 2, 29)


def test_round_trip_through_wall_clock() -> None:
    moment = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
    naive = timeutil.to_provider_wallclock(moment)
    assert timeutil.parse_provider_datetime(timeutil.format_api_datetime(naive)) == moment


@pytest.mark.parametrize(
    ("text", "seconds"), [("00:00:06", 6), ("1:16", 76), ("66", 66), ("", 0), ("n/a", 0)]
)
def test_durations(text: str, seconds: int) -> None:
    assert timeutil.parse_duration(text) == seconds
