"""The balance: kept between runs (its JSON form, how old figures are labelled), and the
Qt-free service that fetches it on demand and through the one ``Poller``."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from app.config.settings import Settings
from app.domain.models.balance import Balance
from app.sandbox import SandboxServer
from app.services.balance.service import BalanceService, balance_from_json, balance_to_json
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


# --- the service, Qt-free, against the sandbox ---------------------------------------


def test_refresh_announces_and_keeps_the_figure_for_next_time(
    api: Any, db: Any, run: Any, tmp_path: Path
) -> None:
    settings = Settings(path=tmp_path / "s.json")
    service = BalanceService(api, settings, db)
    seen: list[Balance] = []
    service.changed.connect(seen.append)
    # When the window hears of it, it is in the cache already: a window closed the
    # moment the figure shows cancels its tasks, and the next start still has it.
    cached_when_heard: list[bool] = []
    service.changed.connect(lambda _: cached_when_heard.append(_cached(api, settings, db)))
    balance = run(service.refresh())
    assert seen == [balance] and balance.current == Decimal("47.318250")
    assert cached_when_heard == [True]
    assert not service.from_cache and service.fetched_at is not None
    again = BalanceService(api, settings, db)
    again.load_cached()
    assert again.from_cache and again.balance == balance
    settings.low_balance_warning = 100.0
    assert again.is_low()
    heard: list[Balance] = []
    again.changed.connect(heard.append)
    again.announce()  # the threshold changed: listeners re-evaluate
    assert heard == [balance]


def test_failure_is_announced_and_check_now_never_raises(
    api: Any, run: Any, sandbox: SandboxServer, tmp_path: Path
) -> None:
    service = BalanceService(api, Settings(path=tmp_path / "s.json"))
    failed: list[str] = []
    service.failed.connect(failed.append)
    sandbox.state.api_enabled = False
    assert run(service.check_now()) is False
    assert len(failed) == 1 and failed[0] == service.last_error
    assert service.balance is None


def test_polls_through_the_poller_every_setting_minutes(
    api: Any, run: Any, tmp_path: Path
) -> None:
    settings = Settings(path=tmp_path / "s.json")
    settings.balance_refresh_minutes = 15

    async def scenario() -> list[float]:
        waits: list[float] = []
        tick = asyncio.Queue[None]()
        fetched = asyncio.Event()

        async def sleep(seconds: float) -> None:
            waits.append(seconds)
            await tick.get()

        service = BalanceService(api, settings, poll_sleep=sleep)
        service.changed.connect(lambda _b: fetched.set())
        service.start()
        assert service.poller.active
        tick.put_nowait(None)  # the first 15 minutes are over
        await fetched.wait()
        settings.balance_refresh_minutes = 0
        service.start()  # settings applied: polling off
        assert not service.poller.active
        service.stop()
        return waits

    assert run(scenario())[0] == 15 * 60


def _cached(api: Any, settings: Settings, db: Any) -> bool:
    reader = BalanceService(api, settings, db)
    reader.load_cached()
    return reader.balance is not None
