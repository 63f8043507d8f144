"""What the calls service needs from the api and the store (structural types).

``app.api.typed.Api``, ``app.store.calls.CallRepo`` and
``app.store.sync_state.SyncState`` satisfy these.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime
from typing import Protocol

from app.domain.calls import CallFilter
from app.domain.models.calls import CallRecord, CallRecording, CallRow, Totals
from app.domain.models.messages import PhonebookEntry


class CallsApi(Protocol):
    async def get_cdr(
        self, date_from: date, date_to: date, *, offset: int, my_numbers: Collection[str] = ()
    ) -> list[CallRecord]: ...

    async def get_call_recordings(
        self, date_from: date, date_to: date, account: str = "all"
    ) -> list[CallRecording]: ...

    async def get_call_recording_audio(self, account: str, recording_id: str) -> bytes: ...

    async def delete_call_recording(self, account: str, recording_id: str) -> None: ...

    async def send_call_recording_email(self, account: str, recording_id: str,
                                        email: str) -> str: ...

    async def set_phonebook(self, name: str, number: str, *, note: str = "") -> str: ...

    async def get_phonebook(self) -> list[PhonebookEntry]: ...


class CallsStore(Protocol):
    async def upsert(
        self, calls: Iterable[CallRecord], *, unseen_after: datetime | None,
        list_rows: bool = True,
    ) -> tuple[list[CallRow], list[CallRow]]: ...

    async def page(self, f: CallFilter, *, limit: int, offset: int = 0) -> list[CallRow]: ...

    async def totals(self, f: CallFilter) -> Totals: ...

    async def unseen_count(self) -> int: ...

    async def mark_seen(self, ids: Sequence[str] | None) -> list[CallRow]: ...

    async def choices(self) -> tuple[list[str], list[tuple[str, str]]]: ...

    async def my_numbers(self) -> list[str]: ...

    async def add_contact(self, id_: str, name: str, number: str) -> list[CallRow]: ...

    async def save_phonebook(self, entries: Sequence[PhonebookEntry]) -> None: ...

    async def apply_recordings(
        self, recordings: Sequence[CallRecording], window: tuple[datetime, datetime]
    ) -> tuple[list[CallRow], list[str]]: ...

    async def delete_recording(self, id_: str) -> tuple[list[CallRow], str | None]: ...

    async def set_audio_path(self, id_: str, path: str | None) -> None: ...

    async def audio_path(self, id_: str) -> str | None: ...

    async def mailbox_email(self) -> str: ...


class KeyValueStore(Protocol):
    """``app.store.sync_state.SyncState``: the last synced day, the baseline."""

    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str) -> None: ...


class HasDid(Protocol):
    @property
    def did(self) -> str: ...


class DidsApi(Protocol):
    """Only when the store knows none of the account's numbers yet (``getDIDsInfo``)."""

    async def get_dids(self) -> Sequence[HasDid]: ...
