"""Calls helpers: call history (getCDR), call recordings, phonebook writes, transactions."""

from __future__ import annotations

import asyncio
from collections.abc import Collection
from datetime import date
from decimal import Decimal
from functools import partial

from app.api import parsing
from app.api.cdr_rows import cdrs_from_answer
from app.api.typed_base import TypedBase
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
        # A busy window is tens of thousands of rows: decoded and converted in the
        # worker process when big (app.api.cdr_rows), so the window keeps painting.
        return await self.client.call_converted(
            "getCDR",
            partial(cdrs_from_answer, self.provider_tz, frozenset(my_numbers)),
            date_from=self._api_date(date_from),
            date_to=self._api_date(date_to),
            answered=1, noanswer=1, busy=1, failed=1,
            timezone=offset,
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
