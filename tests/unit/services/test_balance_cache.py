"""The balance kept between runs: its JSON form, and how old figures are labelled."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from app.domain.models.balance import Balance
from app.services.balance.service import balance_from_json, balance_to_json
from app.ui.widgets.balance import fetched_text

FULL = Balance(
    Decimal("47.32"),
    spent_today=Decimal("0.1200"),
    calls_today=5,
    time_today="00:04:10",
    spent_total=Decimal("120.55"),
    calls_total=900,
    time_total="31:00:00",
)


def test_round_trip_keeps_every_figure_exactly() -> None:
    when = datetime(2026, 11, 25, 21, 1, tzinfo=UTC)
    assert balance_from_json(balance_to_json(FULL, when)) == (FULL, when)
    minimal = Balance(Decimal("-3.5"))
    assert balance_from_json(balance_to_json(minimal, when)) == (minimal, when)


def test_anything_else_is_no_figure() -> None:
    for text in ("", "[]", "{}", '{"current": "x", "fetched_at": "2026-11-25T21:01:00+00:00"}',
                 '{"current": "1.00"}', '{"current": "1.00", "fetched_at": "yesterday"}',
                 # A time without a zone cannot be placed: not trusted.
                 '{"current": "1.00", "fetched_at": "2026-11-25T21:01:00"}'):
        assert balance_from_json(text) is None, text


def test_fetched_text_names_the_day_when_it_is_not_today() -> None:
    now = datetime(2026, 11, 26, 12, 0).astimezone()
    earlier = now - timedelta(hours=2)
    assert fetched_text(earlier, now) == f"updated {earlier:%H:%M}"
    day_before = now - timedelta(days=1)
    assert fetched_text(day_before, now) == f"updated Nov 25 {day_before:%H:%M}"
