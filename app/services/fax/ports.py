"""What the fax service needs from the api and the store (structural types).

``app.api.typed.Api`` and ``app.store.fax.FaxRepo`` satisfy these; naming the
few methods used keeps the service honest about its dependencies.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from app.domain.models.fax import FaxFolder, FaxMessage, FaxNumber
from app.store.rows import ReplaceResult

if TYPE_CHECKING:
    from app.api.payloads import SavedPayload


class FaxApi(Protocol):
    async def get_fax_folders(self) -> list[FaxFolder]: ...

    async def get_fax_messages(
        self, date_from: date | datetime | str, date_to: date | datetime | str,
        folder: str | None = None,
    ) -> list[FaxMessage]: ...

    async def save_fax_pdf(self, fax_id: int | str, path: Path) -> SavedPayload: ...

    async def move_fax(self, fax_id: int | str, folder_id: str) -> None: ...

    async def delete_fax(self, fax_id: int | str) -> None: ...

    async def mail_fax_pdf(self, fax_id: int | str, email: str) -> None: ...

    async def get_fax_numbers(self) -> list[FaxNumber]: ...

    async def send_fax(
        self,
        to_number: str,
        from_number: str,
        file: bytes,
        *,
        from_name: str = "",
        station_id: str = "",
        email_copy_to: str = "",
    ) -> None: ...

    async def set_fax_folder(self, name: str, folder_id: str | None = None) -> None: ...

    async def delete_fax_folder(self, folder_id: str) -> None: ...


class FaxStore(Protocol):
    async def replace_folders(self, folders: list[FaxFolder]) -> None: ...

    async def folders(self) -> list[FaxFolder]: ...

    async def names(self) -> dict[str, str]: ...

    async def apply_listing(
        self, rows: Iterable[FaxMessage], *, window: tuple[datetime, datetime]
    ) -> ReplaceResult[FaxMessage]: ...

    async def messages(
        self, folder: str | None = None, *, limit: int = 1000, offset: int = 0
    ) -> list[FaxMessage]: ...

    async def move_returning(self, id_: int, folder: str) -> FaxMessage | None: ...

    async def rename_folder(self, old: str, new: str) -> list[FaxMessage]: ...

    async def delete(self, id_: int) -> str | None: ...

    async def set_pdf_path(self, id_: int, path: str | None) -> None: ...


class KeyValueStore(Protocol):
    """``app.store.sync_state.SyncState``: where the seen-fax ids are kept."""

    async def get(self, key: str) -> str | None: ...

    async def set(self, key: str, value: str) -> None: ...

    def set_now(self, key: str, value: str) -> None:
        """``set`` done when it returns (the window is closing)."""
        ...
