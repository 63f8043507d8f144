"""Retry decisions: pure, reads only, capped exponential backoff."""

from __future__ import annotations

import pytest

from app.api.errors import InvalidInput, RateLimited, ServiceUnavailable, TransportError
from app.api.retry import RetryPolicy, backoff, is_read, should_retry

NO_JITTER = RetryPolicy(jitter=lambda delay: 0.0)
TIMEOUT = TransportError("t", kind="timeout")


def test_reads_back_off_exponentially_and_stop() -> None:
    delays = [should_retry("getSMS", TIMEOUT, attempt, NO_JITTER) for attempt in (1, 2, 3, 4)]
    assert delays == [0.5, 1.0, 2.0, None]


def test_backoff_is_capped() -> None:
    policy = RetryPolicy(base_delay=1.0, max_delay=5.0, jitter=lambda d: 0.0)
    assert backoff(10, policy) == 5.0


def test_jitter_is_added_and_bounded() -> None:
    policy = RetryPolicy(jitter=lambda delay: delay / 4)
    assert should_retry("getDIDsInfo", TIMEOUT, 1, policy) == pytest.approx(0.625)
    huge = RetryPolicy(max_delay=2.0, jitter=lambda d: 100.0)
    assert backoff(1, huge) <= 2.5


@pytest.mark.parametrize(
    "method",
    [
        "sendSMS",
        "sendMMS",
        "sendFaxMessage",
        "setDIDInfo",
        "delMessages",
        "deleteSMS",
        "markListenedVoicemailMessage",
        "moveFaxMessage",
        "mailFaxMessagePDF",
    ],
)
def test_writes_never_retry(method: str) -> None:
    assert not is_read(method)
    for error in (
        TIMEOUT,
        RateLimited("api_limit_exceeded"),
        TransportError("5xx", kind="http", http_status=503),
    ):
        assert should_retry(method, error, 1, NO_JITTER) is None


def test_which_errors_are_retried_for_reads() -> None:
    assert should_retry("getSMS", TransportError("n", kind="network"), 1, NO_JITTER) == 0.5
    assert (
        should_retry("getSMS", TransportError("h", kind="http", http_status=502), 1, NO_JITTER)
        == 0.5
    )
    assert should_retry("getSMS", TransportError("b", kind="body"), 1, NO_JITTER) == 0.5
    assert should_retry("getSMS", ServiceUnavailable("method_maintenance"), 1, NO_JITTER) == 0.5
    assert (
        should_retry("getSMS", TransportError("r", kind="redirect", http_status=301), 1, NO_JITTER)
        is None
    )
    assert (
        should_retry("getSMS", TransportError("h", kind="http", http_status=403), 1, NO_JITTER)
        is None
    )
    assert should_retry("getSMS", InvalidInput("invalid_daterange"), 1, NO_JITTER) is None


def test_rate_limit_waits_the_pause_a_limited_number_of_times() -> None:
    policy = RetryPolicy(rate_limit_pause=60.0, rate_limit_attempts=3, jitter=lambda d: 0.0)
    limited = RateLimited("api_limit_exceeded")
    assert should_retry("getSMS", limited, 1, policy) == 60.0
    assert should_retry("getSMS", limited, 2, policy) == 60.0
    assert should_retry("getSMS", limited, 3, policy) is None
