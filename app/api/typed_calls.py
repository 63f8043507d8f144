"""Calls helpers: call history (getCDR), call recordings, phonebook writes, transactions."""

from __future__ import annotations

import asyncio
from collections.abc import Collection, Mapping
from datetime import date
from decimal import Decimal
from typing import Any

from app.api import parsing
from app.api.typed_base import TypedBase
from app.domain.calls import is_inbound, outcome_of
from app.domain.models.calls import CallRecord, CallRecording, Transaction
from app.domain.timeutil import parse_duration


class CallsApi(TypedBase):
    async def get_cdr(
        self, date_from: date, date_to: date, *, offset: int, my_numbers: Collection[str] = ()
    ) -> list[CallRecord]:
        """Every call (answered, missed, busy, failed) of provider days ``date_from``..``date_to``.

        ``offset`` is the whole-hour ``timezone`` getCDR requires: the window
        must not straddle a DST change (``app.domain.calls.cdr_windows``), so
        the dates come back in the provider's wall clock and are converted here.
        """
        data = await self._call(
            "getCDR",
            date_from=self._api_date(date_from),
            date_to=self._api_date(date_to),
            answered=1, noanswer=1, busy=1, failed=1,
            timezone=offset,
        )
        mine = set(my_numbers)
        rows = parsing.rows(data, "cdr")
        if len(rows) < 500:
            return self._cdrs(rows, mine)
        # 92 days of a busy account are tens of thousands of rows: converted on a
        # worker thread so the window keeps painting during a sync.
        return await asyncio.to_thread(self._cdrs, rows, mine)

    def _cdrs(self, rows: list[dict[str, Any]], mine: set[str]) -> list[CallRecord]:
        calls = []
        for row in rows:
            call = self._cdr(row, mine)
            if call is not None:
                calls.append(call)
        return calls

    def _cdr(self, row: Mapping[str, Any], mine: set[str]) -> CallRecord | None:
        uid = parsing.as_str(row.get("uniqueid"))
        when = self._when(row.get("date"))
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

    async def get_call_recordings(
        self, date_from: date, date_to: date, account: str = "all"
    ) -> list[CallRecording]:
        data = await self._call(
            "getCallRecordings", account=account,
            date_from=self._api_date(date_from), date_to=self._api_date(date_to),
        )
        result = []
        for row in parsing.rows(data, "recordings"):
            rid = parsing.as_str(row.get("callrecording"))
            if not rid:
                continue
            result.append(CallRecording(
                id=rid,
                account=parsing.as_str(row.get("subaccount")) or account,
                date=self._when(row.get("datetime")),
                number=parsing.number(row.get("destination")),
                inbound=parsing.as_str(row.get("type")).lower().startswith("in"),
                seconds=parse_duration(row.get("duration")),
            ))
        return result

    async def get_call_recording_audio(self, account: str, recording_id: str) -> bytes:
        method = "getCallRecording"
        data = await self._call(method, account=account, callrecording=recording_id)
        # Minutes of mp3 are megabytes of base64: decoded on a worker thread.
        return await asyncio.to_thread(
            self._decode_b64, method, data.get("base64file"), "call recording"
        )

    async def delete_call_recording(self, account: str, recording_id: str) -> None:
        await self._call("delCallRecording", account=account, callrecording=recording_id)

    async def send_call_recording_email(self, account: str, recording_id: str,
                                        email: str) -> str:
        """E-mail the recording (audio and details) to ``email``; the provider's words back."""
        data = await self._call("sendCallRecordingEmail", account=account,
                                callrecording=recording_id, email=email)
        return parsing.as_str(data.get("msg"))

    async def set_phonebook(self, name: str, number: str, *, note: str = "") -> str:
        """Add a phonebook entry; returns its id."""
        data = await self._call("setPhonebook", name=name, number=number, note=note or None)
        return parsing.as_str(data.get("phonebook"))

    async def get_transactions(self, date_from: date, date_to: date) -> list[Transaction]:
        data = await self._call(
            "getTransactionHistory",
            date_from=self._api_date(date_from), date_to=self._api_date(date_to),
        )
        return [
            Transaction(
                date=self._when(row.get("date")),
                id=parsing.as_str(row.get("uniqueid")),
                type=parsing.as_str(row.get("type")),
                description=parsing.as_str(row.get("description")),
                # The reference spells it "ammount"; accept the correct spelling too.
                amount=parsing.as_decimal(parsing.first_present(row, ("ammount", "amount")))
                or Decimal(0),
            )
            for row in parsing.rows(data, "transactions")
        ]
