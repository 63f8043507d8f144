"""The fax service: folders, the fax list, cached PDFs, unread state and every action.

Plain asyncio, no Qt. The store is the only copy of what the tab shows: a sync
fetches the folders and every fax of the chosen period (``getFaxMessages`` for
ALL folders, in windows of at most 92 days) and writes them; every command
writes its outcome. Each returns a ``FaxChanges`` (what changed in the store)
and announces the same object through ``changed``, so views apply it to the
rows they show instead of reading their folder again.

The API has no "read" flag for faxes: which inbound faxes the user has opened
is kept in the store (``fax.seen`` in the sync state) and the unread state
(tab badge, bold rows, folder counts) is computed from it when asked.

Events:
    changed(FaxChanges): faxes, folders or the unread state changed in the store.
    new_faxes(tuple[FaxMessage, ...]): inbound faxes that arrived since the previous
        sync (not at the very first one: old faxes are not news).
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from app.domain.errors import UserFacingError, explain_failure
from app.domain.models.fax import FaxFolder, FaxMessage, FaxNumber
from app.domain.timeutil import day_start_utc, provider_date, provider_zone
from app.domain.words import QT_TRANSLATE_NOOP, Text
from app.services.events import Event
from app.services.fax.changes import FaxChanges, SyncResult, UnreadState
from app.services.fax.drafts import FaxDrafts
from app.services.fax.pdfs import FaxPdfCache
from app.services.fax.poll import FaxPolling
from app.services.fax.ports import FaxApi, FaxStore, KeyValueStore
from app.services.fax.rules import (
    SYSTEM_FOLDERS,
    check_folder_name,
    fax_label,
    is_inbound,
    is_system_folder,
    plan_windows,
    valid_email,
)

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from app.services.root import NotifierLike

log = logging.getLogger(__name__)

__all__ = [
    "SYSTEM_FOLDERS", "FaxChanges", "FaxService", "SyncResult", "UnreadState", "fax_label",
    "is_inbound", "plan_windows", "valid_email",
]

#: Inbound faxes older than this at the very first sync count as already seen.
FIRST_SYNC_NEW_DAYS = 7
SEEN_KEY = "fax.seen"
BASELINE_KEY = "fax.baseline"
#: "Every stored fax": the store pages its reads; a fax account holds a few thousand.
ALL = 1_000_000


class FaxService:
    def __init__(
        self,
        api: FaxApi,
        store: FaxStore,
        state: KeyValueStore,
        pdf_dir: Path,
        *,
        provider_tz: str = "America/New_York",
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        notifier: NotifierLike | None = None,
        poll_seconds: float = 0,
    ) -> None:
        self.api = api
        self.store = store
        self.state = state
        self.pdfs = FaxPdfCache(api, store, pdf_dir)
        #: The fax being composed, kept as the user types (drafts.py).
        self.drafts = FaxDrafts(state)
        self._tz_name = provider_tz
        self._clock = clock
        self._numbers: list[FaxNumber] | None = None
        #: The phonebook's names as last announced (overview, changed): a sync tells
        #: the list again only when they differ.
        self._names_told: dict[str, str] | None = None
        # One sync at a time; seen-state writes (read, add, write) never interleave.
        self._sync_lock = asyncio.Lock()
        self._seen_lock = asyncio.Lock()
        self.changed: Event[FaxChanges] = Event("fax.changed")
        self.new_faxes: Event[tuple[FaxMessage, ...]] = Event("fax.new_faxes")
        #: The periodic check; the UI only starts and stops it.
        self.polling = FaxPolling(self, notifier, interval_seconds=poll_seconds)

    def stop(self) -> None:
        """Stop the periodic check (end of the session)."""
        self.polling.stop()

    @functools.cached_property
    def _tz(self) -> ZoneInfo:
        # On first use (a refresh), not at construction: the zone database is not
        # needed to show the cached faxes (~1.5 ms of the Fax tab's first paint).
        return provider_zone(self._tz_name)

    @property
    def pdf_dir(self) -> Path:
        return self.pdfs.folder

    # --- reading (the store) ---------------------------------------------------------

    async def folders(self) -> list[FaxFolder]:
        return await self.store.folders()

    async def folder_named(self, name: str) -> FaxFolder | None:
        return next((f for f in await self.store.folders() if f.name == name), None)

    async def messages(self, folder: str | None) -> list[FaxMessage]:
        """Stored faxes of ``folder`` (all folders for ``None``), newest first."""
        return await self.store.messages(folder, limit=ALL)

    async def unread(self) -> UnreadState:
        return UnreadState.of(await self.store.messages(None, limit=ALL), await self._seen())

    @property
    def names_told(self) -> Mapping[str, str]:
        """The phonebook's names as last read (by ``overview`` or a sync): for the
        new-fax notification, which names the sender as the list does."""
        return self._names_told or {}

    async def overview(self) -> FaxChanges:
        """The first screen from the store (no network): folders and the unread state."""
        self._names_told = await self.store.names()
        return FaxChanges(folders=tuple(await self.store.folders()), unread=await self.unread(),
                          names=self._names_told)

    # --- sync ------------------------------------------------------------------------

    async def sync(self, days: int = 90) -> SyncResult:
        """Fetch folders and the last ``days`` days of faxes; store them; announce changes."""
        async with self._sync_lock:
            return await self._sync(days)

    async def _sync(self, days: int) -> SyncResult:
        folders = await self.api.get_fax_folders()
        folders_changed = folders != await self.store.folders()
        if folders_changed:
            await self.store.replace_folders(folders)
        windows = plan_windows(provider_date(self._clock(), self._tz), days)
        fetched: dict[int, FaxMessage] = {}
        for begin, end in windows:
            for fax in await self.api.get_fax_messages(begin, end):
                fetched[fax.id] = fax
        span = (
            day_start_utc(windows[-1][0], self._tz),
            day_start_utc(windows[0][1] + timedelta(days=1), self._tz) - timedelta(seconds=1),
        )
        listing = await self.store.apply_listing(fetched.values(), window=span)
        await self.pdfs.forget_all(f.id for f in listing.removed)
        new_inbound = sorted((f for f in listing.inserted if is_inbound(f)), key=lambda f: f.id)
        first_sync = await self.state.get(BASELINE_KEY) is None
        if first_sync:
            await self._set_baseline()
        # The phonebook is read by other syncs (voicemail's): names learnt since the
        # list was shown go out with the next fax sync, even one that found nothing.
        names = await self.store.names()
        names_changed = names != self._names_told
        self._names_told = names
        changes = FaxChanges(
            upserted=(*listing.inserted, *listing.changed),
            removed=frozenset(f.id for f in listing.removed),
            folders=tuple(folders) if folders_changed else None,
            unread=await self.unread(),
            names=names if names_changed else None,
        )
        if (first_sync or changes.upserted or changes.removed or folders_changed
                or names_changed):
            self.changed.emit(changes)
        if new_inbound and not first_sync:
            self.new_faxes.emit(tuple(new_inbound))
        return SyncResult(folders, len(fetched), new_inbound, len(listing.removed), changes)

    async def _set_baseline(self) -> None:
        # First sync ever: old faxes are not "new"; only the last few days are.
        cutoff = self._clock() - timedelta(days=FIRST_SYNC_NEW_DAYS)
        stored = await self.store.messages(None, limit=ALL)
        async with self._seen_lock:
            seen = await self._seen() | {f.id for f in stored if f.date is None or f.date < cutoff}
            await self._save_seen(seen, stored)
        await self.state.set(BASELINE_KEY, self._clock().isoformat())

    # --- unread ----------------------------------------------------------------------

    async def mark_seen(self, fax: FaxMessage) -> FaxChanges:
        """Remember that the user opened ``fax`` (empty changes when it was seen already)."""
        async with self._seen_lock:
            seen = await self._seen()
            if fax.id in seen:
                return FaxChanges()
            stored = await self.store.messages(None, limit=ALL)
            seen.add(fax.id)
            await self._save_seen(seen, stored)
        changes = FaxChanges(unread=UnreadState.of(stored, seen))
        self.changed.emit(changes)
        return changes

    async def _seen(self) -> set[int]:
        raw = await self.state.get(SEEN_KEY)
        return {int(i) for i in json.loads(raw)} if raw else set()

    async def _save_seen(self, seen: set[int], stored: list[FaxMessage]) -> None:
        # Only ids still stored matter; keeps the list from growing forever.
        inbound = {f.id for f in stored if is_inbound(f)}
        keep = sorted(seen & inbound) if inbound else sorted(seen)
        await self.state.set(SEEN_KEY, json.dumps(keep))

    # --- PDF cache ----------------------------------------------------------------------

    def pdf_file(self, fax_id: int) -> Path:
        return self.pdfs.file(fax_id)

    def cached_pdf(self, fax_id: int) -> Path | None:
        """The cached document, or ``None`` (a cheap stat; fine on the UI thread)."""
        return self.pdfs.cached(fax_id)

    async def pdf(self, fax: FaxMessage) -> Path:
        """The fax's PDF on disk, fetched and decoded on first use."""
        return await self.pdfs.get(fax)

    # --- actions on a fax ------------------------------------------------------------

    async def move(self, fax: FaxMessage, folder: FaxFolder) -> FaxChanges:
        if folder.name == fax.folder:
            return FaxChanges()
        with explain_failure(
            QT_TRANSLATE_NOOP("services", "Could not move {fax} to “{name}”: {message}"),
            fax=fax_label(fax), name=folder.name,
        ):
            await self.api.move_fax(fax.id, folder.id)
        moved = await self.store.move_returning(fax.id, folder.name)
        # Moving into or out of Sent changes what counts as inbound, hence unread.
        return self._announce(FaxChanges(
            upserted=(moved,) if moved is not None else (), unread=await self.unread()
        ))

    async def delete(self, fax: FaxMessage) -> FaxChanges:
        with explain_failure(
            QT_TRANSLATE_NOOP("services", "Could not delete {fax}: {message}"),
            fax=fax_label(fax),
        ):
            await self.api.delete_fax(fax.id)
        await self.pdfs.forget(fax.id, await self.store.delete(fax.id))
        return self._announce(
            FaxChanges(removed=frozenset({fax.id}), unread=await self.unread())
        )

    async def mail(self, fax: FaxMessage, email: str) -> None:
        """E-mail the fax's PDF (nothing changes in the store)."""
        email = email.strip()
        if not valid_email(email):
            raise UserFacingError(Text(
                QT_TRANSLATE_NOOP(
                    "services",
                    "“{email}” is not a valid e-mail address.",
                ),
                email=email,
            ))
        with explain_failure(
            QT_TRANSLATE_NOOP("services", "Could not e-mail {fax} to {email}: {message}"),
            fax=fax_label(fax), email=email,
        ):
            await self.api.mail_fax_pdf(fax.id, email)

    # --- folders ------------------------------------------------------------------------

    async def create_folder(self, name: str) -> FaxChanges:
        """Create a folder; ``changes.folder`` is the new folder."""
        name = check_folder_name(name, await self.store.folders())
        with explain_failure(
            QT_TRANSLATE_NOOP("services", "Could not create the folder “{name}”: {message}"),
            name=name,
        ):
            await self.api.set_fax_folder(name)
        folders = await self._reload_folders()
        created = next((f for f in folders if f.name == name), None)
        if created is None:
            raise UserFacingError(Text(
                QT_TRANSLATE_NOOP(
                    "services",
                    "VoIP.ms accepted the folder “{name}” but does not list it.",
                ),
                name=name,
            ))
        return self._announce(FaxChanges(folders=folders, folder=created))

    async def rename_folder(self, folder: FaxFolder, name: str) -> FaxChanges:
        """Rename a folder and carry its faxes; ``changes.folder`` is the renamed folder."""
        if is_system_folder(folder):
            raise UserFacingError(Text(
                QT_TRANSLATE_NOOP(
                    "services",
                    "The folder “{name}” cannot be renamed.",
                ),
                name=folder.name,
            ))
        name = check_folder_name(name, await self.store.folders(), renaming=folder)
        if name == folder.name:
            return FaxChanges(folder=folder)
        with explain_failure(
            QT_TRANSLATE_NOOP("services", "Could not rename the folder “{name}”: {message}"),
            name=folder.name,
        ):
            await self.api.set_fax_folder(name, folder.id)
        # Faxes name their folder: carry them over instead of waiting for a sync.
        carried = await self.store.rename_folder(folder.name, name)
        folders = await self._reload_folders()
        renamed = next((f for f in folders if f.name == name), FaxFolder(folder.id, name))
        return self._announce(FaxChanges(
            upserted=tuple(carried), folders=folders, unread=await self.unread(), folder=renamed
        ))

    async def delete_folder(self, folder: FaxFolder) -> FaxChanges:
        if is_system_folder(folder):
            raise UserFacingError(Text(
                QT_TRANSLATE_NOOP(
                    "services",
                    "The folder “{name}” cannot be deleted.",
                ),
                name=folder.name,
            ))
        if await self.store.messages(folder.name, limit=1):
            raise UserFacingError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "The folder “{name}” still holds faxes. Move or delete them first.",
                    ),
                    name=folder.name,
                )
            )
        with explain_failure(
            QT_TRANSLATE_NOOP("services", "Could not delete the folder “{name}”: {message}"),
            name=folder.name,
        ):
            await self.api.delete_fax_folder(folder.id)
        return self._announce(FaxChanges(folders=await self._reload_folders()))

    async def _reload_folders(self) -> tuple[FaxFolder, ...]:
        folders = await self.api.get_fax_folders()
        await self.store.replace_folders(folders)
        return tuple(folders)

    def _announce(self, changes: FaxChanges) -> FaxChanges:
        self.changed.emit(changes)
        return changes

    # --- numbers ----------------------------------------------------------------------

    async def fax_numbers(self, *, refresh: bool = False) -> list[FaxNumber]:
        """The account's fax numbers (``getFaxNumbersInfo``), fetched once per session.

        Not stored state: the account's numbers, asked for when a fax is composed.
        """
        if self._numbers is None or refresh:
            self._numbers = await self.api.get_fax_numbers()
        return list(self._numbers)
