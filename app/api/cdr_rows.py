"""getCDR rows -> ``CallRecord``s: plain functions the decoding worker can run.

A busy account's 92-day window is tens of thousands of CDR rows; decoding the
JSON and converting the rows held the GIL for long stretches (the Calls tab's
first sync stalled the window ~160 ms), so for a big answer
:func:`cdrs_from_answer` runs in the worker process with the decoding
(``app.api.offload``), as getSMS/getMMS rows do (``app.api.message_rows``).
Everything it needs (provider zone, my numbers) comes in its arguments.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from app.api import parsing
from app.domain.calls import is_inbound, outcome_of
from app.domain.models.calls import CallRecord
from app.domain.timeutil import parse_duration


def cdrs_from_answer(
    provider_tz: str, mine: Collection[str], data: dict[str, Any]
) -> list[CallRecord]:
    """Every usable row of a getCDR answer (``cdr``), in its order."""
    zone = ZoneInfo(provider_tz)
    wanted = set(mine)
    calls = []
    for row in parsing.rows(data, "cdr"):
        call = cdr_record(row, wanted, zone)
        if call is not None:
            calls.append(call)
    return calls


def cdr_record(row: Mapping[str, Any], mine: set[str], zone: ZoneInfo) -> CallRecord | None:
    uid = parsing.as_str(row.get("uniqueid"))
    when = parsing.provider_datetime(row.get("date"), zone)
    if not uid:
        if when is None:
            return None  # nothing to key the row on
        uid = f"{when.isoformat()}|{parsing.as_str(row.get('callerid'))}"
    name, caller = parsing.caller_id(row.get("callerid"))
    destination = parsing.number(row.get("destination"))
    description = parsing.as_str(row.get("description"))
    inbound = is_inbound(caller, destination, description, mine)
    seconds = parsing.as_int(row.get("seconds"), -1)
    if seconds < 0:
        seconds = parse_duration(row.get("duration"))
    return CallRecord(
        id=uid,
        date=when,
        inbound=inbound,
        number=caller if inbound else destination,
        caller_name=name if inbound and name != caller else "",
        did=destination if inbound else (caller if caller in mine else ""),
        account=parsing.as_str(row.get("account")),
        outcome=outcome_of(parsing.as_str(row.get("disposition"))),
        seconds=max(0, seconds),
        cost=parsing.as_decimal(row.get("total")) or Decimal(0),
        description=description,
    )
