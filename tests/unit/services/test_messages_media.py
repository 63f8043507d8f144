"""MMS media: downloaded into the disk cache, a 404 just after sending retried later."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from app.domain.models.messages import MessageKind
from app.services.messages.media import (
    ORPHAN_GRACE_S,
    MediaDownloader,
    absolute_url,
    extension_for,
)
from app.services.messages.sync import MessageSync
from app.store.media import MediaState, cached_paths, get_media, media_for_message
from app.store.messages import delete_message
from app.store.messages_repo import MessagesRepo


def _did(sandbox: Any) -> str:
    return next(d for d, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")


def test_inbound_mms_image_lands_in_the_cache(
    sandbox: Any, api: Any, db: Any, run: Any, tmp_path: Path
) -> None:
    engine = MessageSync(api, MessagesRepo(db), backfill_days=1)
    run(engine.sync())
    mms_id = sandbox.state.deliver_mms(_did(sandbox), "4185550177", "Look", ["storefront.jpg"])
    run(engine.sync())
    downloader = MediaDownloader(api, MessagesRepo(db), tmp_path / "mms", api_url=sandbox.url)
    ready = run(downloader.download_due())
    [item] = run(db.run(media_for_message, MessageKind.MMS, mms_id))
    assert item.state is MediaState.DONE and item.message_pk in ready
    assert item.path is not None and Path(item.path).read_bytes()[:3] == b"\xff\xd8\xff"
    assert Path(item.path).parent == tmp_path / "mms"


def test_404_is_retried_later_then_succeeds(
    sandbox: Any, api: Any, db: Any, run: Any, tmp_path: Path
) -> None:
    did = _did(sandbox)
    engine = MessageSync(api, MessagesRepo(db), backfill_days=1)
    run(engine.sync())
    sandbox.state.media_delay_seconds = 0.5  # fresh uploads 404 for half a second
    from app.sandbox import resources
    from app.services.messages.sender import MessageSender

    sent = run(MessageSender(api, MessagesRepo(db), engine).send(did, "4185550178", "Menu",
                                                    [resources.read("media", "receipt.png")]))
    run(engine.sync())  # the history now has the MMS and its media link
    clock = [time.time()]
    downloader = MediaDownloader(api, MessagesRepo(db), tmp_path / "mms", api_url=sandbox.url,
                                 clock=lambda: clock[0])
    first = run(downloader.download_due(limit=100))
    [item] = run(db.run(media_for_message, MessageKind.MMS, sent.sent[0].id))
    assert item.message_pk not in first  # 404: too fresh
    assert item.state is MediaState.PENDING and item.attempts == 1 and "404" in item.last_error
    assert run(downloader.download_due(limit=100)) == []  # not due yet: nothing re-fetched
    delay = run(downloader.next_due_in())
    assert delay is not None and delay > 0
    # Time passes: the sandbox serves the upload now, and our retry becomes due.
    with sandbox.state.lock:
        for uploaded in sandbox.state.media.values():
            uploaded.ready_at = 0.0
    clock[0] += delay + 1
    assert run(downloader.download_due(limit=100)) == [item.message_pk]
    done = run(db.run(get_media, item.url))
    assert done is not None and done.state is MediaState.DONE
    assert Path(str(done.path)).read_bytes()[:4] == b"\x89PNG"


def test_link_helpers() -> None:
    assert absolute_url("/media/a.jpg", "https://voip.ms/api/v1/rest.php") == \
        "https://voip.ms/media/a.jpg"
    assert extension_for(b"GIF89a", "x") == ".gif"
    assert extension_for(b"???", "https://h/p/photo.JPEG?x=1") == ".jpeg"


def _downloaded_mms(sandbox: Any, api: Any, db: Any, run: Any, folder: Path) -> tuple[int, Path]:
    engine = MessageSync(api, MessagesRepo(db), backfill_days=1)
    run(engine.sync())
    # A picture of its own (distinct): one another message shares is rightly kept.
    mms_id = sandbox.state.deliver_mms(_did(sandbox), "4185550177", "Look", ["storefront.jpg"],
                                       distinct=True)
    run(engine.sync())
    run(MediaDownloader(api, MessagesRepo(db), folder, api_url=sandbox.url).download_due())
    [item] = run(db.run(media_for_message, MessageKind.MMS, mms_id))
    assert item.path is not None
    return mms_id, Path(item.path)


def _aged(path: Path, seconds: float) -> Path:
    path.write_bytes(b"left over")
    then = time.time() - seconds
    os.utime(path, (then, then))
    return path


def test_files_no_message_refers_to_are_removed_once_old_enough(
    sandbox: Any, api: Any, db: Any, run: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "mms"
    mms_id, picture = _downloaded_mms(sandbox, api, db, run, folder)
    old = _aged(folder / "0123456789abcdef01234567.jpg", ORPHAN_GRACE_S + 60)
    partial = _aged(folder / "fedcba.png.part", ORPHAN_GRACE_S + 60)  # interrupted download
    fresh = _aged(folder / "abcdef.gif", 5)  # maybe a download about to be recorded
    downloader = MediaDownloader(api, MessagesRepo(db), folder, api_url=sandbox.url)
    assert run(downloader.remove_orphans()) == 2
    assert picture.exists() and fresh.exists()
    assert not old.exists() and not partial.exists()

    # Its message deleted (here directly in the store), the picture is an orphan too.
    run(db.run(delete_message, MessageKind.MMS, mms_id))
    later = MediaDownloader(api, MessagesRepo(db), folder, api_url=sandbox.url,
                            clock=lambda: time.time() + ORPHAN_GRACE_S + 1)
    assert run(later.remove_orphans()) == 2
    assert not picture.exists() and not fresh.exists()
    # What is left belongs to other messages of the conversation history.
    referenced = {Path(p).name for p in run(db.run(cached_paths))}
    assert {p.name for p in folder.iterdir()} == referenced
    assert run(later.remove_orphans()) == 0
    missing = MediaDownloader(api, MessagesRepo(db), tmp_path / "never-created",
                              api_url=sandbox.url)
    assert run(missing.remove_orphans()) == 0


def test_discarding_a_deleted_message_s_files_spares_shared_and_foreign_ones(
    sandbox: Any, api: Any, db: Any, run: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "mms"
    mms_id, picture = _downloaded_mms(sandbox, api, db, run, folder)
    downloader = MediaDownloader(api, MessagesRepo(db), folder, api_url=sandbox.url)
    elsewhere = _aged(tmp_path / "not-ours.jpg", 0)
    # Still referenced by a message in the store: kept.
    assert run(downloader.discard_files([str(picture), str(elsewhere)])) == 0
    assert picture.exists() and elsewhere.exists()
    run(db.run(delete_message, MessageKind.MMS, mms_id))
    assert run(downloader.discard_files([str(picture), str(elsewhere)])) == 1
    assert not picture.exists() and elsewhere.exists()  # only files of the media folder


YEAR = 365 * 24 * 3600


def _failed_once(sandbox: Any, api: Any, db: Any, run: Any, folder: Path,
                 clock: list[float]) -> tuple[MediaDownloader, Any]:
    """An MMS whose picture 404s (expired), with the downloader's wall clock at ``clock[0]``."""
    engine = MessageSync(api, MessagesRepo(db), backfill_days=1)
    run(engine.sync())
    mms_id = sandbox.state.deliver_mms(_did(sandbox), "4185550177", "Look", ["storefront.jpg"],
                                       distinct=True)
    run(engine.sync())
    with sandbox.state.lock:
        for uploaded in sandbox.state.media.values():
            uploaded.expired = True
    downloader = MediaDownloader(api, MessagesRepo(db), folder, api_url=sandbox.url,
                                 clock=lambda: clock[0])
    assert run(downloader.download_due(limit=100)) == []
    [item] = run(db.run(media_for_message, MessageKind.MMS, mms_id))
    assert item.state is MediaState.PENDING and item.attempts == 1
    return downloader, item


def test_a_retry_scheduled_under_a_clock_a_year_ahead_is_not_parked_for_a_year(
    sandbox: Any, api: Any, db: Any, run: Any, tmp_path: Path
) -> None:
    """Issue #13.14: the clock was a year ahead at the failure, then put back."""
    now = time.time()
    clock = [now + YEAR]
    downloader, item = _failed_once(sandbox, api, db, run, tmp_path / "mms", clock)
    assert item.next_retry_at > now + YEAR - 60  # scheduled by the wrong clock
    clock[0] = now  # put back
    delay = run(downloader.next_due_in())
    assert delay == 0.0  # not a year
    with sandbox.state.lock:
        for uploaded in sandbox.state.media.values():
            uploaded.expired = False
    assert run(downloader.download_due(limit=100)) == [item.message_pk]


def test_a_clock_a_year_behind_then_put_right_retries_at_once_not_never(
    sandbox: Any, api: Any, db: Any, run: Any, tmp_path: Path
) -> None:
    now = time.time()
    clock = [now - YEAR]
    downloader, item = _failed_once(sandbox, api, db, run, tmp_path / "mms", clock)
    clock[0] = now
    assert run(downloader.next_due_in()) == 0.0
    with sandbox.state.lock:
        for uploaded in sandbox.state.media.values():
            uploaded.expired = False
    assert run(downloader.download_due(limit=100)) == [item.message_pk]


def test_media_given_up_on_is_downloaded_again_when_the_user_asks(
    sandbox: Any, api: Any, db: Any, run: Any, tmp_path: Path
) -> None:
    from app.store.media import MAX_ATTEMPTS

    clock = [time.time()]
    downloader, item = _failed_once(sandbox, api, db, run, tmp_path / "mms", clock)
    for _ in range(MAX_ATTEMPTS):  # every retry fails until the downloader gives up
        clock[0] += 7 * 3600
        run(downloader.download_due(limit=100))
    given_up = run(db.run(get_media, item.url))
    assert given_up is not None and given_up.state is MediaState.FAILED
    assert run(downloader.next_due_in()) is None  # nothing would ever try again
    with sandbox.state.lock:
        for uploaded in sandbox.state.media.values():
            uploaded.expired = False
    assert run(downloader.retry_now(int(item.message_pk))) == 1
    assert run(downloader.download_due(limit=100)) == [item.message_pk]
    done = run(db.run(get_media, item.url))
    assert done is not None and done.state is MediaState.DONE
