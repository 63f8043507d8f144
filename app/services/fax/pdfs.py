"""The on-disk cache of fax documents (``getFaxMessagePDF``).

A PDF is decoded once and kept under the media folder as ``<id>.pdf``; a second
preview opens the file without asking the API. A fax's document never changes,
so the cache needs no expiry: a file goes when its fax leaves the store.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterable
from pathlib import Path

from app.domain.errors import UserFacingError, explain_failure
from app.domain.models.fax import FaxMessage
from app.domain.words import QT_TRANSLATE_NOOP, Text
from app.services.fax.ports import FaxApi, FaxStore
from app.services.fax.rules import fax_label


class FaxPdfCache:
    """Fetches, keeps and forgets fax documents; one download per fax at a time."""

    def __init__(self, api: FaxApi, store: FaxStore, folder: Path) -> None:
        self.api = api
        self.store = store
        self.folder = folder
        self._tasks: dict[int, asyncio.Task[Path]] = {}

    def file(self, fax_id: int) -> Path:
        return self.folder / f"{fax_id}.pdf"

    def cached(self, fax_id: int) -> Path | None:
        """The cached document, or ``None`` (a cheap stat; fine on the UI thread)."""
        path = self.file(fax_id)
        try:
            return path if path.stat().st_size > 0 else None
        except OSError:
            return None

    async def get(self, fax: FaxMessage) -> Path:
        """The fax's PDF on disk, fetched and decoded on first use.

        Concurrent requests for one fax (a double click) share one API call.
        """
        cached = self.cached(fax.id)
        if cached is not None:
            return cached
        task = self._tasks.get(fax.id)
        if task is None:
            task = asyncio.ensure_future(self._download(fax))
            self._tasks[fax.id] = task
            fax_id = fax.id

            def _forget(_: asyncio.Task[Path]) -> None:
                self._tasks.pop(fax_id, None)

            task.add_done_callback(_forget)
        # Shielded: one caller giving up (another fax selected) must not cancel
        # the download another caller still waits for.
        return await asyncio.shield(task)

    async def forget(self, fax_id: int, stored_path: str | None = None) -> None:
        """Delete the fax's cached document (and the path the store had for it)."""
        paths = {self.file(fax_id), *([Path(stored_path)] if stored_path else [])}
        for path in paths:
            with contextlib.suppress(OSError):
                await asyncio.to_thread(path.unlink, True)

    async def forget_all(self, fax_ids: Iterable[int]) -> None:
        for fax_id in fax_ids:
            await self.forget(fax_id)

    async def _download(self, fax: FaxMessage) -> Path:
        # Decoded straight to disk (a worker process for big ones: an 80 MB fax
        # froze the window 4.6 s when its base64 was decoded here), atomically:
        # a crash mid-write never leaves a truncated PDF that looks cached.
        path = self.file(fax.id)
        with explain_failure(
            QT_TRANSLATE_NOOP("services", "Could not open {fax}: {message}"),
            fax=fax_label(fax),
        ):
            saved = await self.api.save_fax_pdf(fax.id, path)
        if not saved.head.lstrip()[:5].startswith(b"%PDF"):
            await asyncio.to_thread(saved.path.unlink, True)
            raise UserFacingError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "Could not open {fax}: VoIP.ms sent a document that is not a PDF. Try "
                        "again later.",
                    ),
                    fax=fax_label(fax),
                ),
                detail=f"first bytes: {saved.head[:16]!r}",
            )
        await self.store.set_pdf_path(fax.id, str(saved.path))
        return saved.path
