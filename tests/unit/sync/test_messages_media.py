"""MMS media: downloaded into the disk cache, a 404 just after sending retried later."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from app.domain.models import MessageKind
from app.store.media import MediaState, get_media, media_for_message
from app.sync.messages_media import MediaDownloader, absolute_url, extension_for
from app.sync.messages_sync import MessageSync


def _did(sandbox: Any) -> str:
    return next(d for d, row in sandbox.state.dids.items() if row.get("sms_enabled") == "1")


def test_inbound_mms_image_lands_in_the_cache(
    sandbox: Any, api: Any, db: Any, run: Any, tmp_path: Path
) -> None:
    engine = MessageSync(api, db, backfill_days=1)
    run(engine.sync())
    mms_id = sandbox.state.deliver_mms(_did(sandbox), "4185550177", "Look", ["storefront.jpg"])
    run(engine.sync())
    downloader = MediaDownloader(api, db, tmp_path / "mms", api_url=sandbox.url)
    ready = run(downloader.download_due())
    [item] = run(db.run(media_for_message, MessageKind.MMS, mms_id))
    assert item.state is MediaState.DONE and item.message_pk in ready
    assert item.path is not None and Path(item.path).read_bytes()[:3] == b"\xff\xd8\xff"
    assert Path(item.path).parent == tmp_path / "mms"


def test_404_is_retried_later_then_succeeds(
    sandbox: Any, api: Any, db: Any, run: Any, tmp_path: Path
) -> None:
    did = _did(sandbox)
    engine = MessageSync(api, db, backfill_days=1)
    run(engine.sync())
    sandbox.state.media_delay_seconds = 0.5  # fresh uploads 404 for half a second
    from app.sandbox import resources
    from app.sync.messages_sender import MessageSender

    sent = run(MessageSender(api, db, engine).send(did, "4185550178", "Menu",
                                                    [resources.read("media", "receipt.png")]))
    run(engine.sync())  # the history now has the MMS and its media link
    clock = [time.time()]
    downloader = MediaDownloader(api, db, tmp_path / "mms", api_url=sandbox.url,
                                 clock=lambda: clock[0])
    first = run(downloader.download_due(limit=100))
    [item] = run(db.run(media_for_message, MessageKind.MMS, sent.sent[0].id))
    assert item.message_pk not in first  # 404: too fresh
    assert item.state is MediaState.PENDING and item.attempts == 1 and "404" in item.last_error
    assert run(downloader.download_due(limit=100)) == []  # not due yet: nothing re-fetched
    delay = run(downloader.next_due_in())
    assert delay is not None and delay > 0
    time.sleep(0.6)
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
