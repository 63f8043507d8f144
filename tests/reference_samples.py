"""The reference's sample outputs (``../shared/voipms-api-reference.txt``) as JSON answers.

Each method's section ends with its sample output in PHP ``print_r`` form::

    Array
    (
        [status] => success
        [sms] => Array
            (
                [0] => Array
                    (
                        [id] => 111120
                        ...

``sample_output(method)`` parses it, at test time, into what the live API's
``json_encode`` would send: arrays keyed 0..n-1 become lists, others objects,
every value a string. The samples are hand-written and not always regular
(``[media] =>`` then ``(`` without ``Array``, values in single quotes): the parser
takes those as the reference means them. They are "held out": nothing in the
app or the sandbox was built from them beyond the catalog's key names.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from tools.gen_catalog import DEFAULT_REFERENCE

#: Every read the app makes (app/api/typed*.py), in the order ``--check`` runs them.
APP_READS = [
    "getIP", "getBalance", "getTransactionHistory", "getDIDsInfo", "getSMS", "getMMS",
    "getMediaMMS", "getPhonebook", "getVoicemails", "getVoicemailFolders",
    "getVoicemailMessages", "getVoicemailMessageFile", "getFaxFolders", "getFaxMessages",
    "getFaxNumbersInfo", "getFaxMessagePDF", "getCDR", "getCallRecordings", "getCallRecording",
    "getSubAccounts", "getRegistrationStatus", "getServersInfo", "getTimezones",
    "getAllowedCodecs", "getLanguages", "getLocales", "getCountries", "getRoutes",
    "getForwardings", "getSIPURIs", "getRingGroups", "getIVRs", "getRecordings", "getQueues",
    "getCallbacks", "getTimeConditions", "getDISAs",
]

_METHOD_NAME = re.compile(r"^[a-z][A-Za-z0-9]*$")
_ENTRY = re.compile(r"^\[(?P<key>[^\]]*)\]\s*=>\s*(?P<rest>.*)$")


class SampleError(ValueError):
    """The sample output of a method could not be read."""


@cache
def _lines() -> tuple[str, ...]:
    text = DEFAULT_REFERENCE.read_text(encoding="utf-8", errors="replace")
    return tuple(line.rstrip() for line in text.splitlines())


def _is_section_start(lines: tuple[str, ...], i: int) -> bool:
    if not _METHOD_NAME.match(lines[i].strip()):
        return False
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j < len(lines) and lines[j].strip().startswith("Parameters")


def _output_block(method: str) -> list[str]:
    lines = _lines()
    starts = [i for i in range(len(lines)) if lines[i].strip() == method
              and _is_section_start(lines, i)]
    if not starts:
        raise SampleError(f"{method}: no section in the reference")
    i = starts[-1] + 1
    while i < len(lines) and lines[i].strip() != "Output":
        i += 1
    block: list[str] = []
    i += 1
    while i < len(lines) and not _is_section_start(lines, i):
        block.append(lines[i])
        i += 1
    return block


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1]
    return value  # a "JSON string" is decoded once complete (_json_string)


def _parse_array(lines: list[str], i: int) -> tuple[Any, int]:
    """``lines[i]`` is ``(``: the array up to its ``)``; returns it and the next index."""
    if lines[i].strip() != "(":
        raise SampleError(f"expected '(' at {lines[i]!r}")
    i += 1
    entries: dict[str, Any] = {}
    last_value: str | None = None  # the key of the last plain value (it may go on)
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if line == ")":
            return _as_json(entries), i + 1
        match = _ENTRY.match(line)
        if match is None:
            if last_value is None:
                raise SampleError(f"unreadable line {line!r}")
            # A long value wrapped over lines (getCallRecording's base64 file).
            entries[last_value] += "\n" + line
            i += 1
            continue
        key, rest = match.group("key").strip("'\""), match.group("rest").strip()
        nxt = i + 1
        while nxt < len(lines) and not lines[nxt].strip():
            nxt += 1
        opens = nxt < len(lines) and lines[nxt].strip() == "("
        if (rest == "Array" or rest == "") and opens:
            entries[key], i = _parse_array(lines, nxt)
            last_value = None
        else:
            entries[key] = _unquote(rest)
            last_value = key
            i += 1
    raise SampleError("an array is not closed")


def _json_string(value: Any) -> Any:
    """A value printed as a JSON string literal (``"\\/+M4x..."``, getCallRecording)."""
    if isinstance(value, str) and len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            return json.loads(value, strict=False)
        except ValueError:
            # Hand-wrapped: a backslash before a line break or space is no escape.
            return re.sub(r"\\(\s)", r"\1", value[1:-1]).replace("\\/", "/")
    return value


def _as_json(entries: dict[str, Any]) -> Any:
    """PHP's json_encode: keys 0..n-1 in order make a list, anything else an object."""
    entries = {key: _json_string(value) for key, value in entries.items()}
    if entries and list(entries) == [str(n) for n in range(len(entries))]:
        return list(entries.values())
    return entries


@cache
def _sample(method: str) -> dict[str, Any]:
    block = _output_block(method)
    start = next((n for n, line in enumerate(block) if line.strip() == "Array"), None)
    if start is None:
        raise SampleError(f"{method}: no sample output")
    found, _ = _parse_array(block, start + 1)
    if not isinstance(found, dict):
        raise SampleError(f"{method}: the sample output is not an object")
    return found


def sample_output(method: str) -> dict[str, Any]:
    """A fresh copy of ``method``'s sample output as a JSON object."""
    import copy

    return copy.deepcopy(_sample(method))
