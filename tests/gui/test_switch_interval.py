"""The GUI process's thread switch interval (app.ui.switch_interval, issue #16).

The gain is measured by ``bench responsiveness`` (stalls with and without); these
tests prove the mechanism and its kill switch."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from typing import Any

import pytest

from app.ui import switch_interval
from app.ui.app import create_qapplication


@pytest.fixture
def python_interval() -> Iterator[float]:
    before = sys.getswitchinterval()
    yield before
    sys.setswitchinterval(before)


@pytest.mark.parametrize(("raw", "expected"), [
    ("", switch_interval.INTERVAL_MS),
    ("off", None),
    ("0", None),
    ("Default", None),
    ("2", 2.0),
    ("0.01", 0.1),  # a floor: below it threads would only hand the GIL over
    ("5000", 100.0),
    ("fast", switch_interval.INTERVAL_MS),  # not a number: logged, the default kept
])
def test_wanted_interval(raw: str, expected: float | None) -> None:
    assert switch_interval.wanted_interval_ms({switch_interval.ENV_VAR: raw}) == expected


def test_the_application_runs_with_the_short_interval(
    qapp: Any, python_interval: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(switch_interval.ENV_VAR, raising=False)
    sys.setswitchinterval(0.005)  # Python's own
    create_qapplication()
    assert sys.getswitchinterval() == pytest.approx(switch_interval.INTERVAL_MS / 1000)


def test_the_kill_switch_keeps_pythons_interval(
    qapp: Any, python_interval: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(switch_interval.ENV_VAR, "off")
    sys.setswitchinterval(0.005)
    create_qapplication()
    assert sys.getswitchinterval() == pytest.approx(0.005)
