"""When to try a failed call again: one pure function.

Only reads (``get*``) are retried. ``sendSMS``, ``sendMMS``, ``sendFaxMessage``
and every ``set*`` / ``del*`` / ``mark*`` / ``move*`` change something at the
provider and are not idempotent: after a time-out the message may well have
gone out, so a blind retry could send it twice. The sync layer reconciles those
with the history instead (API-NOTES.md).

Delays grow exponentially (``base_delay * 2**(attempt-1)``), are capped at
``max_delay`` and get jitter from an injectable function so tests are exact.
A rate-limit answer waits ``rate_limit_pause`` (about a minute) instead.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

from app.api.errors import ApiError, RateLimited, ServiceUnavailable, TransportError

# Name-based on purpose: a method added to the catalog later (a new send*) is
# never retried by accident.
_READ_PREFIXES = ("get", "search")


def _default_jitter(delay: float) -> float:
    """Up to +25 %: spreads retries of several clients (and tabs) apart."""
    jitter: float = delay * random.uniform(0.0, 0.25)
    return jitter


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how long to retry a call that failed for a passing reason."""
    #: Total tries of one read, the first one included.
    max_attempts: int = 4
    base_delay: float = 0.5
    max_delay: float = 8.0
    #: How long the whole queue pauses after ``api_limit_exceeded``.
    rate_limit_pause: float = 60.0
    #: Reads hitting the rate limit are tried this many times in total.
    rate_limit_attempts: int = 3
    #: ``delay -> extra seconds``; tests pass ``lambda d: 0.0``.
    jitter: Callable[[float], float] = field(default=_default_jitter, compare=False)


def is_read(method: str) -> bool:
    return method.startswith(_READ_PREFIXES)


def backoff(attempt: int, policy: RetryPolicy) -> float:
    """The capped exponential delay after failed attempt number ``attempt`` (1-based)."""
    raw = policy.base_delay * 2.0 ** max(attempt - 1, 0)
    capped = min(raw, policy.max_delay)
    return min(capped + max(policy.jitter(capped), 0.0), policy.max_delay * 1.25)


def should_retry(
    method: str, error: ApiError, attempt: int, policy: RetryPolicy | None = None
) -> float | None:
    """Seconds to wait before trying ``method`` again after ``error``, or ``None``.

    ``attempt`` is the number of the attempt that just failed (1 for the first).
    """
    policy = policy or RetryPolicy()
    if not is_read(method):
        return None
    if isinstance(error, RateLimited):
        return policy.rate_limit_pause if attempt < policy.rate_limit_attempts else None
    if attempt >= policy.max_attempts:
        return None
    if isinstance(error, TransportError) and error.transient:
        return backoff(attempt, policy)
    if isinstance(error, ServiceUnavailable):
        return backoff(attempt, policy)
    return None
