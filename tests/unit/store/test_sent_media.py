"""A picture sent from here is cached under ``sent:`` before the provider's link exists
(issue #15.7); when a sync brings the provider's copy with its link, the link comes in
already downloaded, with the same file (no second download of our own picture, no
"Loading image..." meanwhile). Both ways a sync stores rows are checked."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from app.domain.models.messages import Direction, MessageKind
from app.services.messages.media import sent_media_url
from app.store.db import Database
from app.store.media import attach_sent_media, media_slots_of
from app.store.messages import store_history, upsert_messages

from .conftest import make_message

LINK = "https://voip.ms/media/41.jpg"


def _media_rows(db: Database) -> dict[str, tuple[object, ...]]:
    rows = db.run_sync(lambda conn: conn.execute(
        "SELECT url, position, path, state FROM media ORDER BY url").fetchall())
    return {r[0]: tuple(r[1:]) for r in rows}


@pytest.mark.parametrize("store_with", [upsert_messages, store_history])
def test_the_providers_link_to_a_picture_sent_here_is_already_downloaded(
    db: Database, tmp_path: Path, store_with: object
) -> None:
    sent = make_message(41, kind=MessageKind.MMS, direction=Direction.SENT, text="Menu ✔")
    db.run_sync(upsert_messages, [sent])
    picture = str(tmp_path / "menu.jpg")
    pk = db.run_sync(attach_sent_media, MessageKind.MMS, 41,
                     [(sent_media_url(MessageKind.MMS, 41, 0), picture)], 1000)
    # The provider's copy: its own link, stamped a second later, and a received MMS
    # of the same sync, whose link must still be fetched.
    providers = replace(sent, media=(LINK,), date=sent.date + timedelta(seconds=1))
    received = make_message(42, kind=MessageKind.MMS, media=("https://voip.ms/media/42.jpg",))
    db.run_sync(store_with, [providers, received])  # type: ignore[arg-type]

    rows = _media_rows(db)
    assert rows[LINK] == (0, picture, "done")
    assert rows["https://voip.ms/media/42.jpg"] == (0, None, "pending")
    assert db.run_sync(media_slots_of, pk) == [picture]


def test_a_picture_sent_here_lends_its_file_to_its_own_position_only(
    db: Database, tmp_path: Path
) -> None:
    """Two pictures sent, three links back (the provider split or added one): the
    third is downloaded; the first two are the files that went out, in order."""
    sent = make_message(43, kind=MessageKind.MMS, direction=Direction.SENT)
    db.run_sync(upsert_messages, [sent])
    files = [(sent_media_url(MessageKind.MMS, 43, n), str(tmp_path / f"{n}.jpg"))
             for n in range(2)]
    db.run_sync(attach_sent_media, MessageKind.MMS, 43, files, 1000)
    links = tuple(f"https://voip.ms/media/43-{n}.jpg" for n in range(3))
    db.run_sync(upsert_messages, [replace(sent, media=links)])

    rows = _media_rows(db)
    assert [rows[link] for link in links] == [
        (0, files[0][1], "done"), (1, files[1][1], "done"), (2, None, "pending")]
