"""Background download of MMS media into a disk cache, retried later on failure.

The store queues every media URL of an upserted MMS (``media`` table); this
downloader fetches what is due, writes the file under the cache folder
(``<media>/mms``) and records the path, or records the failure so the store
schedules a retry with backoff: links can 404 for a while just after sending,
and can be relative to the API's host.

``getMMS`` rows sometimes come without their links; :meth:`resolve_missing`
asks ``getMediaMMS`` for those and upserts the message with its media.

Files do not outlive their messages: :meth:`discard_files` deletes a deleted
message's pictures at once, and :meth:`remove_orphans` (once a session) every
file of the folder that no message refers to any more (deleted elsewhere, or
left by an interrupted download).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from app.domain.errors import UserFacingError
from app.domain.models.messages import SENT_MEDIA_PREFIX, Message, MessageKind
from app.domain.words import QT_TRANSLATE_NOOP
from app.services.messages.changes import MediaReady
from app.store.media import MAX_DELAY_S

if TYPE_CHECKING:
    from app.services.messages.ports import MediaStore, MessagesApi
    from app.store.media import MediaItem

log = logging.getLogger(__name__)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", ".png"),
    (b"\xff\xd8\xff", ".jpg"),
    (b"GIF8", ".gif"),
    (b"RIFF", ".webp"),
    (b"%PDF", ".pdf"),
)


def extension_for(data: bytes, url: str) -> str:
    """File extension from the content's magic bytes, else from the URL, else ``.bin``."""
    for magic, ext in _MAGIC:
        if data.startswith(magic):
            return ext
    tail = url.split("?", 1)[0].rsplit("/", 1)[-1]
    if "." in tail and 1 < len(tail.rsplit(".", 1)[1]) <= 4:
        return "." + tail.rsplit(".", 1)[1].lower()
    return ".bin"


def absolute_url(url: str, api_url: str) -> str:
    """Media links may be relative (``/media/x.jpg``): resolve them against the API host."""
    return urljoin(api_url, url)


#: Files younger than this are never taken for orphans: a download may be between
#: writing its file and recording it in the store.
ORPHAN_GRACE_S = 600


#: Thumbnails of the pictures live in this subfolder of the media folder, one file
#: per picture and size: ``thumbs/<picture's file name>.<w>x<h>.png``.
THUMBS_DIR = "thumbs"


def thumbnail_path(picture: Path, width: int, height: int) -> Path:
    """Where the ``width`` x ``height`` thumbnail of a downloaded picture is kept.

    Beside the picture, so the orphan sweep (:func:`remove_unlisted`) drops a
    thumbnail with its picture; the size is in the name so a new size (another
    screen scale) never shows a stale one.
    """
    return picture.parent / THUMBS_DIR / f"{picture.name}.{width}x{height}.png"


def remove_unlisted(folder: Path, keep: set[str], *, older_than: float) -> int:
    """Delete the files in ``folder`` not named in ``keep`` and last written before
    ``older_than`` (epoch seconds), with their thumbnails; returns how many pictures
    went. Runs on a worker thread."""
    removed = 0
    try:
        entries = list(folder.iterdir())
    except OSError:  # no folder yet: nothing was ever downloaded
        return 0
    _remove_stray_thumbnails(folder / THUMBS_DIR, keep, older_than)
    for path in entries:
        try:
            if path.name in keep or not path.is_file() or path.stat().st_mtime >= older_than:
                continue
            path.unlink()
            removed += 1
        except OSError as exc:  # in use, or gone meanwhile: try again next session
            log.info("Could not delete cached media %s: %s", path.name, exc)
    return removed


def _remove_stray_thumbnails(thumbs: Path, keep: set[str], older_than: float) -> None:
    try:
        entries = list(thumbs.iterdir())
    except OSError:
        return
    for path in entries:
        picture = path.name.rsplit(".", 2)[0]  # "<picture>.<w>x<h>.png" -> "<picture>"
        try:
            if picture not in keep and path.stat().st_mtime < older_than:
                path.unlink()
        except OSError as exc:
            log.info("Could not delete thumbnail %s: %s", path.name, exc)


def cache_name(url: str, data: bytes) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:24] + extension_for(data, url)


class MediaDownloader:
    def __init__(
        self,
        api: MessagesApi,
        store: MediaStore,
        folder: Path,
        *,
        api_url: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.api = api
        self.store = store
        self.folder = folder
        self.api_url = api_url
        self.clock = clock
        self._resolved: set[int] = set()

    async def download_due(self, limit: int = 20) -> list[int]:
        """Fetch every download that is due; returns the message pks that got a file."""
        items = await self.store.due_media(int(self.clock()), limit)
        ready: list[int] = []
        for item in items:
            if await self._download(item) and item.message_pk is not None:
                ready.append(item.message_pk)
        return ready

    async def next_due_in(self) -> float | None:
        """Seconds until the next retry is due (0 if already due), None if nothing pending."""
        due_at = await self.store.next_media_due_at()
        if due_at is None:
            return None
        delay = due_at - self.clock()
        # Further ahead than any backoff: scheduled before the wall clock was put
        # back; ``due_media`` takes it now (issue #13.14).
        return 0.0 if delay > MAX_DELAY_S else max(0.0, delay)

    async def retry_now(self, message_pk: int) -> int:
        """Make one message's missing media due at once (the user asked); how many."""
        return await self.store.retry_media_now(message_pk)

    async def _referenced_names(self) -> set[str]:
        """File names of the media folder that messages in the store still use."""
        return {Path(p).name for p in await self.store.cached_paths()}

    async def remove_orphans(self) -> int:
        """Delete cached files that no message in the store refers to; how many went."""
        keep = await self._referenced_names()
        removed = await asyncio.to_thread(
            remove_unlisted, self.folder, keep, older_than=self.clock() - ORPHAN_GRACE_S
        )
        if removed:
            log.info("Removed %d cached media file(s) of deleted messages", removed)
        return removed

    async def discard_files(self, paths: Iterable[str]) -> int:
        """Delete these files of a deleted message, unless another message shares one."""
        keep = await self._referenced_names()
        mine = [Path(p) for p in paths if Path(p).parent == self.folder]
        doomed = [p for p in mine if p.name not in keep]

        def unlink_all() -> int:
            for path in doomed:
                path.unlink(missing_ok=True)
                for thumb in (path.parent / THUMBS_DIR).glob(f"{path.name}.*.png"):
                    thumb.unlink(missing_ok=True)
            return len(doomed)

        return await asyncio.to_thread(unlink_all)

    async def _download(self, item: MediaItem) -> bool:
        url = absolute_url(item.url, self.api_url)
        try:
            data = await self.api.download_media(url)
            if not data:
                raise UserFacingError(QT_TRANSLATE_NOOP("services", "The image was empty."))
            path = self.folder / cache_name(item.url, data)
            await asyncio.to_thread(_write, path, data)
        except (UserFacingError, OSError) as exc:
            message = exc.message if isinstance(exc, UserFacingError) else str(exc)
            state = await self.store.media_failed(item.url, message, int(self.clock()))
            log.info("Media %s not downloaded (%s); attempt %s", item.url, message,
                     state.attempts if state else "?")
            return False
        await self.store.media_done(item.url, str(path), int(self.clock()))
        return True

    async def keep_sent(self, message: Message, images: Sequence[bytes]) -> MediaReady | None:
        """Cache the pictures of an MMS just sent under its row (issue #15.7).

        The bytes are what went out (already downscaled): written to the media
        folder like a download, and recorded as the message's media at once, so
        the sent bubble shows them before any sync brings the provider's links.
        Returns the message's files (None when the message is not stored).
        """
        files: list[tuple[str, str]] = []
        for position, data in enumerate(images):
            url = sent_media_url(message.kind, message.id, position)
            path = self.folder / cache_name(url, data)
            await asyncio.to_thread(_write, path, data)
            files.append((url, str(path)))
        pk = await self.store.attach_sent_media(message.kind, message.id, files,
                                                int(self.clock()))
        return None if pk is None else MediaReady(pk, tuple(path for _, path in files))

    async def resolve_missing(self, messages: Iterable[Message]) -> list[Message]:
        """Ask ``getMediaMMS`` for MMS rows that came without links (once per session)."""
        updated: list[Message] = []
        for message in messages:
            if message.kind is not MessageKind.MMS or message.media:
                continue
            if message.id in self._resolved:
                continue
            self._resolved.add(message.id)
            try:
                urls = [u for u in await self.api.get_media_mms(message.id) if u]
            except UserFacingError as exc:
                log.info("getMediaMMS %s failed: %s", message.id, exc.message)
                self._resolved.discard(message.id)
                continue
            if urls:
                from dataclasses import replace

                updated.append(replace(message, media=tuple(urls)))
        if updated:
            await self.store.upsert(updated)
        return updated


def sent_media_url(kind: MessageKind, id_: int, position: int) -> str:
    """The cache's key of a picture we sent (the provider's link comes with a later sync).

    Never fetched: the row is stored as downloaded (``keep_sent``)."""
    return f"{SENT_MEDIA_PREFIX}{kind.value}/{id_}/{position}"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".part")
    tmp.write_bytes(data)
    tmp.replace(path)
