"""The fax service: folders, the fax list, cached PDFs, unread state and every action.

The store is the source of what the tab shows: a sync fetches the folders and
every fax of the chosen period (``getFaxMessages`` for ALL folders, in windows
of at most 92 days), writes them, and announces ``messages_changed``; the tab
re-reads its folder and its model applies the difference row by row.

PDFs (``getFaxMessagePDF``) are decoded once and kept under the media folder as
``<id>.pdf``; a second preview opens the file without asking the API. A fax's
document never changes, so the cache needs no expiry: it is dropped with the fax.

The API has no "read" flag for faxes: which inbound faxes the user has opened
is remembered locally (``fax.seen`` in the sync state), which drives the tab's
unread badge and the desktop notification for new faxes.

Signals:
    folders_changed(): the folder list changed.
    messages_changed(): faxes were added, changed, moved or removed in the store.
    unread_changed(int): inbound faxes not opened yet (tab badge).
    new_faxes(list): inbound faxes that arrived since the previous sync.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import json
import logging
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from app.domain.errors import UserFacingError
from app.domain.models.fax import FaxFolder, FaxMessage, FaxNumber
from app.domain.phone import format_number
from app.domain.timeutil import day_start_utc, provider_date, provider_zone
from app.services.fax.ports import FaxApi, FaxStore, KeyValueStore
from app.services.lazy_lock import LazyLock

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

log = logging.getLogger(__name__)

#: Folders every account has; they cannot be renamed or deleted.
SYSTEM_FOLDERS = ("INBOX", "SENT")
#: ``from``/``to`` may span at most 92 days (API-NOTES.md): 91 days between them.
MAX_WINDOW_DAYS = 91
#: Inbound faxes older than this at the very first sync count as already seen.
FIRST_SYNC_NEW_DAYS = 7
SEEN_KEY = "fax.seen"
BASELINE_KEY = "fax.baseline"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_FOLDER_NAME = re.compile(r"^[A-Za-z0-9 _-]{1,40}$")


def is_inbound(fax: FaxMessage) -> bool:
    return fax.folder.upper() != "SENT" and not fax.description.upper().startswith("OUTBOUND")


def fax_label(fax: FaxMessage) -> str:
    """How a fax is named in messages: "the fax from (617) 555-0142"."""
    if is_inbound(fax):
        who = format_number(fax.callerid) if fax.callerid else fax.stationid or "unknown sender"
        return f"the fax from {who}"
    return f"the fax to {format_number(fax.destination) or 'unknown number'}"


def valid_email(text: str) -> bool:
    return bool(_EMAIL.match(text.strip()))


def plan_windows(today: date, days: int) -> list[tuple[date, date]]:
    """``[(from, to), ...]`` covering the last ``days`` days, newest first, <= 92 days each."""
    days = max(1, days)
    start = today - timedelta(days=days - 1)
    windows: list[tuple[date, date]] = []
    end = today
    while end >= start:
        begin = max(start, end - timedelta(days=MAX_WINDOW_DAYS))
        windows.append((begin, end))
        end = begin - timedelta(days=1)
    return windows


@dataclass(frozen=True, slots=True)
class SyncResult:
    """What one fax refresh found."""
    folders: list[FaxFolder]
    fetched: int
    new_inbound: list[FaxMessage]
    removed: int


class FaxService(QObject):
    folders_changed = Signal()
    messages_changed = Signal()
    unread_changed = Signal(int)
    new_faxes = Signal(list)

    def __init__(
        self,
        api: FaxApi,
        store: FaxStore,
        state: KeyValueStore,
        pdf_dir: Path,
        *,
        provider_tz: str = "America/New_York",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.api = api
        self.store = store
        self.state = state
        self.pdf_dir = pdf_dir
        self._tz_name = provider_tz
        self._clock = clock
        self._folders: list[FaxFolder] = []
        self._inbound: set[int] = set()
        self._seen: set[int] = set()
        self._numbers: list[FaxNumber] | None = None
        self._sync_lock = LazyLock()
        self._pdf_tasks: dict[int, asyncio.Task[Path]] = {}

    @functools.cached_property
    def _tz(self) -> ZoneInfo:
        # On first use (a refresh), not at construction: the zone database is not
        # needed to show the cached faxes (~1.5 ms of the Fax tab's first paint).
        return provider_zone(self._tz_name)

    # --- reading ------------------------------------------------------------------

    @property
    def folders(self) -> list[FaxFolder]:
        return list(self._folders)

    def folder_named(self, name: str) -> FaxFolder | None:
        return next((f for f in self._folders if f.name == name), None)

    async def load_cached(self) -> None:
        """Folders, seen ids and unread count from the store (no network)."""
        self._folders = await self.store.folders()
        raw = await self.state.get(SEEN_KEY)
        self._seen = {int(i) for i in json.loads(raw)} if raw else set()
        stored = await self.store.messages(None, limit=1_000_000)
        self._inbound = {f.id for f in stored if is_inbound(f)}
        self.folders_changed.emit()
        self.messages_changed.emit()
        self.unread_changed.emit(self.unread_count())

    async def messages(self, folder: str | None) -> list[FaxMessage]:
        """Stored faxes of ``folder`` (all folders for ``None``), newest first."""
        return await self.store.messages(folder, limit=1_000_000)

    async def sync(self, days: int = 90) -> SyncResult:
        """Fetch folders and the last ``days`` days of faxes; store them; announce changes."""
        async with self._sync_lock:
            return await self._sync(days)

    async def _sync(self, days: int) -> SyncResult:
        folders = await self.api.get_fax_folders()
        if folders != self._folders:
            await self.store.replace_folders(folders)
            self._folders = folders
            self.folders_changed.emit()
        today = provider_date(self._clock(), self._tz)
        windows = plan_windows(today, days)
        fetched: dict[int, FaxMessage] = {}
        for begin, end in windows:
            for fax in await self.api.get_fax_messages(begin, end):
                fetched[fax.id] = fax
        stored = await self.store.messages(None, limit=1_000_000)
        known = {f.id for f in stored}
        # Upsert first so a fax moved between folders is updated, not removed + re-added.
        await self.store.upsert(fetched.values())
        span = (
            day_start_utc(windows[-1][0], self._tz),
            day_start_utc(windows[0][1] + timedelta(days=1), self._tz) - timedelta(seconds=1),
        )
        names = {f.name for f in folders} | {f.folder for f in stored} | {
            f.folder for f in fetched.values()
        }
        removed = 0
        for name in sorted(names):
            rows = [f for f in fetched.values() if f.folder == name]
            result = await self.store.replace_folder(name, rows, window=span)
            removed += len(result.removed)
        new_inbound = [f for f in fetched.values() if f.id not in known and is_inbound(f)]
        await self._after_sync(new_inbound)
        before = {f.id: f for f in stored}
        if removed or any(before.get(i) != f for i, f in fetched.items()):
            self.messages_changed.emit()
        return SyncResult(folders, len(fetched), new_inbound, removed)

    async def _after_sync(self, new_inbound: list[FaxMessage]) -> None:
        stored = await self.store.messages(None, limit=1_000_000)
        self._inbound = {f.id for f in stored if is_inbound(f)}
        if await self.state.get(BASELINE_KEY) is None:
            # First sync ever: old faxes are not "new"; only the last few days are.
            cutoff = self._clock() - timedelta(days=FIRST_SYNC_NEW_DAYS)
            self._seen |= {f.id for f in stored if f.date is None or f.date < cutoff}
            await self._save_seen()
            await self.state.set(BASELINE_KEY, self._clock().isoformat())
        elif new_inbound:
            self.new_faxes.emit(sorted(new_inbound, key=lambda f: f.id))
        self.unread_changed.emit(self.unread_count())

    # --- unread -------------------------------------------------------------------

    def unread_count(self) -> int:
        return len(self._inbound - self._seen)

    def is_unread(self, fax: FaxMessage) -> bool:
        return fax.id in self._inbound and fax.id not in self._seen

    async def mark_seen(self, fax: FaxMessage) -> None:
        if fax.id in self._seen:
            return
        self._seen.add(fax.id)
        await self._save_seen()
        self.unread_changed.emit(self.unread_count())

    async def _save_seen(self) -> None:
        # Only ids still stored matter; keeps the list from growing forever.
        keep = sorted(self._seen & self._inbound) if self._inbound else sorted(self._seen)
        await self.state.set(SEEN_KEY, json.dumps(keep))

    # --- PDF cache ----------------------------------------------------------------

    def pdf_file(self, fax_id: int) -> Path:
        return self.pdf_dir / f"{fax_id}.pdf"

    def cached_pdf(self, fax_id: int) -> Path | None:
        """The cached document, or ``None`` (a cheap stat; fine on the UI thread)."""
        path = self.pdf_file(fax_id)
        try:
            return path if path.stat().st_size > 0 else None
        except OSError:
            return None

    async def pdf(self, fax: FaxMessage) -> Path:
        """The fax's PDF on disk, fetched and decoded on first use.

        Concurrent requests for one fax (a double click) share one API call.
        """
        cached = self.cached_pdf(fax.id)
        if cached is not None:
            return cached
        task = self._pdf_tasks.get(fax.id)
        if task is None:
            task = asyncio.ensure_future(self._download_pdf(fax))
            self._pdf_tasks[fax.id] = task
            fax_id = fax.id

            def _forget(_: asyncio.Task[Path]) -> None:
                self._pdf_tasks.pop(fax_id, None)

            task.add_done_callback(_forget)
        return await asyncio.shield(task)

    async def _download_pdf(self, fax: FaxMessage) -> Path:
        try:
            data = await self.api.get_fax_pdf(fax.id)
        except UserFacingError as exc:
            raise UserFacingError(
                f"Could not open {fax_label(fax)}: {exc.message}", detail=exc.detail
            ) from exc
        if not data.lstrip()[:5].startswith(b"%PDF"):
            raise UserFacingError(
                f"Could not open {fax_label(fax)}: VoIP.ms sent a document that is not a PDF. "
                "Try again later.",
                detail=f"first bytes: {data[:16]!r}",
            )
        path = self.pdf_file(fax.id)
        await asyncio.to_thread(_write_atomically, path, data)
        await self.store.set_pdf_path(fax.id, str(path))
        return path

    # --- actions ------------------------------------------------------------------

    async def move(self, fax: FaxMessage, folder: FaxFolder) -> FaxMessage:
        if folder.name == fax.folder:
            return fax
        try:
            await self.api.move_fax(fax.id, folder.id)
        except UserFacingError as exc:
            raise UserFacingError(
                f"Could not move {fax_label(fax)} to “{folder.name}”: {exc.message}",
                detail=exc.detail,
            ) from exc
        await self.store.move(fax.id, folder.name)
        moved = replace(fax, folder=folder.name)
        self._track(moved)
        self.messages_changed.emit()
        return moved

    async def delete(self, fax: FaxMessage) -> None:
        try:
            await self.api.delete_fax(fax.id)
        except UserFacingError as exc:
            raise UserFacingError(
                f"Could not delete {fax_label(fax)}: {exc.message}", detail=exc.detail
            ) from exc
        stored_path = await self.store.delete(fax.id)
        for path in {self.pdf_file(fax.id), *([Path(stored_path)] if stored_path else [])}:
            with contextlib.suppress(OSError):
                await asyncio.to_thread(path.unlink, True)
        self._inbound.discard(fax.id)
        self._seen.discard(fax.id)
        self.messages_changed.emit()
        self.unread_changed.emit(self.unread_count())

    async def mail(self, fax: FaxMessage, email: str) -> None:
        email = email.strip()
        if not valid_email(email):
            raise UserFacingError(f"“{email}” is not a valid e-mail address.")
        try:
            await self.api.mail_fax_pdf(fax.id, email)
        except UserFacingError as exc:
            raise UserFacingError(
                f"Could not e-mail {fax_label(fax)} to {email}: {exc.message}", detail=exc.detail
            ) from exc

    def _track(self, fax: FaxMessage) -> None:
        if is_inbound(fax):
            self._inbound.add(fax.id)
        else:
            self._inbound.discard(fax.id)
        self.unread_changed.emit(self.unread_count())

    # --- folders ------------------------------------------------------------------

    def check_folder_name(self, name: str, *, renaming: FaxFolder | None = None) -> str:
        name = name.strip()
        if not _FOLDER_NAME.match(name):
            raise UserFacingError(
                "A folder name has 1 to 40 letters, digits, spaces, dashes or underscores."
            )
        for folder in self._folders:
            if folder.name.lower() == name.lower() and folder != renaming:
                raise UserFacingError(f"There is already a folder named “{folder.name}”.")
        return name

    async def create_folder(self, name: str) -> FaxFolder:
        name = self.check_folder_name(name)
        try:
            await self.api.set_fax_folder(name)
        except UserFacingError as exc:
            raise UserFacingError(
                f"Could not create the folder “{name}”: {exc.message}", detail=exc.detail
            ) from exc
        await self._reload_folders()
        created = self.folder_named(name)
        if created is None:
            raise UserFacingError(f"VoIP.ms accepted the folder “{name}” but does not list it.")
        return created

    async def rename_folder(self, folder: FaxFolder, name: str) -> FaxFolder:
        if folder.name.upper() in SYSTEM_FOLDERS:
            raise UserFacingError(f"The folder “{folder.name}” cannot be renamed.")
        name = self.check_folder_name(name, renaming=folder)
        if name == folder.name:
            return folder
        try:
            await self.api.set_fax_folder(name, folder.id)
        except UserFacingError as exc:
            raise UserFacingError(
                f"Could not rename the folder “{folder.name}”: {exc.message}", detail=exc.detail
            ) from exc
        # Faxes name their folder: carry them over instead of waiting for a sync.
        inside = await self.store.messages(folder.name, limit=1_000_000)
        await self.store.upsert([replace(f, folder=name) for f in inside])
        await self._reload_folders()
        self.messages_changed.emit()
        return self.folder_named(name) or FaxFolder(folder.id, name)

    async def delete_folder(self, folder: FaxFolder) -> None:
        if folder.name.upper() in SYSTEM_FOLDERS:
            raise UserFacingError(f"The folder “{folder.name}” cannot be deleted.")
        inside = await self.store.messages(folder.name, limit=1)
        if inside:
            raise UserFacingError(
                f"The folder “{folder.name}” still holds faxes. Move or delete them first."
            )
        try:
            await self.api.delete_fax_folder(folder.id)
        except UserFacingError as exc:
            raise UserFacingError(
                f"Could not delete the folder “{folder.name}”: {exc.message}", detail=exc.detail
            ) from exc
        await self._reload_folders()

    async def _reload_folders(self) -> None:
        folders = await self.api.get_fax_folders()
        await self.store.replace_folders(folders)
        self._folders = folders
        self.folders_changed.emit()

    # --- numbers ------------------------------------------------------------------

    async def fax_numbers(self, *, refresh: bool = False) -> list[FaxNumber]:
        """The account's fax numbers (``getFaxNumbersInfo``), fetched once per session."""
        if self._numbers is None or refresh:
            self._numbers = await self.api.get_fax_numbers()
        return list(self._numbers)


def _write_atomically(path: Path, data: bytes) -> None:
    # A crash mid-write must not leave a truncated PDF that looks cached.
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, path)
