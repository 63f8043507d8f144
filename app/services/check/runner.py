"""Run the reads of ``reads.py`` one by one and judge each answer: one ``CheckLine`` each.

Verdicts: ``ok`` (rows or a value came back and the app's parsers read them),
``empty`` (an empty list, or nothing on the account to read one of), ``status``
(VoIP.ms answered a status code: shown raw with the reference's explanation),
``no answer`` (network, HTTP error, a body that is not JSON), ``shape problem``
(the answer does not have the reference's shape, or the app's parser could not
read it). Nothing is retried: the check reports what the account answers now.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from app.api.client import VoipMsClient
from app.api.errors import StatusError, TransportError
from app.api.typed import LOOKUPS, TARGET_SOURCES, Api
from app.domain.catalog import STATUS_CODES
from app.domain.timeutil import PROVIDER_TZ_DEFAULT
from app.services.check.shapes import shape_problem

log = logging.getLogger(__name__)
T = TypeVar("T")

#: Errors of the app's own parsers meeting an answer they cannot read.
PARSE_ERRORS = (ValueError, TypeError, KeyError, AttributeError, IndexError)


#: method -> the keys the app's parsers take its rows from (beyond the reference's).
ACCEPTED_KEYS: dict[str, tuple[str, ...]] = {
    **{method: keys for method, keys in LOOKUPS.values()},
    **{source.method: source.keys for source in TARGET_SOURCES.values()},
}


class Verdict(Enum):
    OK = "ok"
    EMPTY = "empty"
    STATUS = "status"
    NO_ANSWER = "no answer"
    SHAPE = "shape problem"

    @property
    def passes(self) -> bool:
        return self in (Verdict.OK, Verdict.EMPTY)


@dataclass(frozen=True, slots=True)
class CheckLine:
    """The outcome of one method."""
    method: str
    verdict: Verdict
    detail: str = ""

    def text(self) -> str:
        head = f"{self.method:<24} {self.verdict.value}"
        if not self.detail:
            return head
        if self.verdict.passes:
            return f"{head} ({self.detail})"
        if self.verdict is Verdict.STATUS:  # "status no_did (There are no DIDs)"
            return f"{head} {self.detail}"
        return f"{head}: {self.detail}"


class RecordingApi(Api):
    """The app's typed API, keeping the last raw answer of each method (for the shape)."""

    def __init__(self, client: VoipMsClient, provider_tz: str = PROVIDER_TZ_DEFAULT) -> None:
        super().__init__(client, provider_tz)
        self.answers: dict[str, dict[str, Any]] = {}

    async def _call(self, method: str, **params: object) -> dict[str, Any]:
        data = await super()._call(method, **params)
        self.answers[method] = data
        return data


def _count(result: object) -> int | None:
    if isinstance(result, (list, tuple, dict)):
        return len(result)
    if isinstance(result, (bytes, bytearray)):
        return len(result)
    return None


class Judge:
    """Runs one read and turns what happened into a ``CheckLine``."""

    def __init__(self, api: RecordingApi) -> None:
        self.api = api

    async def read(
        self,
        method: str,
        read: Awaitable[T],
        content: Callable[[T], str | None] | None = None,
    ) -> tuple[CheckLine, T | None]:
        """``content``: what is wrong with the result itself (a file that is no PDF)."""
        self.api.answers.pop(method, None)
        try:
            result = await read
        except StatusError as exc:
            explanation = STATUS_CODES.get(exc.status, "not in the reference")
            return CheckLine(method, Verdict.STATUS, f"{exc.status} ({explanation})"), None
        except TransportError as exc:
            detail = f"{exc.message} [{exc.detail}]" if exc.detail else exc.message
            return CheckLine(method, Verdict.NO_ANSWER, detail), None
        except PARSE_ERRORS as exc:
            log.info("%s: the parser failed", method, exc_info=True)
            text = f"the app could not read the answer ({type(exc).__name__}: {exc})"
            return CheckLine(method, Verdict.SHAPE, text), None
        raw = self.api.answers.get(method)
        accepted = ACCEPTED_KEYS.get(method, ())
        problem = shape_problem(method, raw, accepted) if raw is not None else None
        if not problem and content is not None:
            problem = content(result)
        if problem:
            return CheckLine(method, Verdict.SHAPE, problem), None
        count = _count(result)
        if count == 0:
            return CheckLine(method, Verdict.EMPTY), result
        detail = ""
        if isinstance(result, str):  # getIP: the address VoIP.ms sees
            detail = result
        elif count is not None and not isinstance(result, dict):
            unit = "byte" if isinstance(result, (bytes, bytearray)) else "row"
            detail = f"{count} {unit}{'' if count == 1 else 's'}"
        return CheckLine(method, Verdict.OK, detail), result


def nothing_to_read(method: str, what: str) -> CheckLine:
    """A per-item read (one recording, one fax...) on an account that has none."""
    return CheckLine(method, Verdict.EMPTY, f"no {what} to read")


def exit_code(lines: list[CheckLine]) -> int:
    """0 when every read was ok or empty, 1 otherwise."""
    return 0 if lines and all(line.verdict.passes for line in lines) else 1
