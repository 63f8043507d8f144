"""Injected misbehaviour: the ways the real service and its proxies fail.

``server.faults.inject("http_503", count=2, methods={"getSMS"})`` makes the next
two ``getSMS`` calls fail that way. Faults are consumed in injection order by
the first request they match.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

FAULT_KINDS = frozenset({
    "rate_limit",  # HTTP 200 {"status": "api_limit_exceeded"}, call not executed
    "http_500",  # Internal Server Error with an HTML body
    "http_503",  # Service Unavailable
    "html_body",  # HTTP 200 with an HTML challenge page instead of JSON
    "plain_text_522",  # HTTP 522, body "error code: 522" (CDN origin timeout)
    "truncated_json",  # the call runs, the JSON answer is cut in half
    "empty_body",  # the call runs, HTTP 200 with an empty body
    "slow",  # answer normally after ``delay`` seconds
    "timeout",  # wait ``delay`` seconds (default 30) before answering: let the client time out
    "disconnect",  # close the connection without any answer
    "redirect",  # 301 to a www. URL; following it turns POST into GET -> missing_method
    "soap_fault",  # HTTP 500 with a SOAP fault XML body
    # The call runs at once (a send is executed), then the answer is held for
    # ``delay`` seconds (default 30): the provider went silent after doing it.
    "hang_after",
})

# Faults that prevent the call from running at all (nothing changes server-side).
BLOCKING_KINDS = frozenset({"rate_limit", "http_500", "http_503", "html_body",
                            "plain_text_522", "disconnect", "redirect", "soap_fault"})


@dataclass
class Fault:
    """A failure the sandbox is told to inject into coming calls."""
    kind: str
    remaining: int
    methods: frozenset[str] | None
    delay: float


class FaultInjector:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []

    def inject(self, kind: str, count: int = 1, methods: object = None,
               delay: float = 0.0) -> None:
        """Arm ``count`` occurrences of ``kind`` for ``methods`` (None = any call).

        ``methods`` may be one method name or an iterable of names.
        """
        if kind not in FAULT_KINDS:
            raise ValueError(f"Unknown fault kind {kind!r}; known: {sorted(FAULT_KINDS)}")
        if count < 1:
            raise ValueError("count must be >= 1")
        names: frozenset[str] | None
        if methods is None:
            names = None
        elif isinstance(methods, str):
            names = frozenset({methods})
        else:
            names = frozenset(str(m) for m in methods)  # type: ignore[attr-defined]
        if kind in ("timeout", "hang_after") and delay <= 0:
            delay = 30.0
        with self._lock:
            self._faults.append(Fault(kind, count, names, delay))

    def take(self, method: str) -> Fault | None:
        """The fault this request suffers (consuming one occurrence), if any."""
        with self._lock:
            for fault in self._faults:
                if fault.methods is None or method in fault.methods:
                    fault.remaining -= 1
                    if fault.remaining <= 0:
                        self._faults.remove(fault)
                    return Fault(fault.kind, 1, fault.methods, fault.delay)
        return None

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()
