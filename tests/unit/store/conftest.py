"""Store tests run on real SQLite files in tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.models.messages import Direction, Message, MessageKind
from app.store.db import Database

T0 = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
DID = "5551110000"


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Database]:
    database = Database.open(tmp_path / "store.db")
    yield database
    database.close()


def make_message(
    id_: int,
    *,
    contact: str = "5552220000",
    minutes: int | None = None,
    direction: Direction = Direction.RECEIVED,
    text: str | None = None,
    kind: MessageKind = MessageKind.SMS,
    did: str = DID,
    media: tuple[str, ...] = (),
) -> Message:
    return Message(
        kind=kind,
        id=id_,
        date=T0 + timedelta(minutes=id_ if minutes is None else minutes),
        direction=direction,
        did=did,
        contact=contact,
        text=f"message {id_}" if text is None else text,
        media=media,
    )
