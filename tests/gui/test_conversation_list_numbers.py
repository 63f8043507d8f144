"""The conversation list shows the contact's number, not mine (issue #15.8), and names
which of my numbers only when the list mixes several."""

from __future__ import annotations

from datetime import UTC, datetime

from app.domain.models.messages import Direction, MessageKind, ThreadSummary
from app.ui.tabs.messages.conversation_model import MY_NUMBER_ROLE, ConversationModel


def _summary(did: str, contact: str, name: str = "") -> ThreadSummary:
    return ThreadSummary(
        did=did, contact=contact, name=name, last_date=datetime(2026, 12, 4, 15, tzinfo=UTC),
        last_text="Pumpkin loaf please", last_direction=Direction.RECEIVED,
        last_kind=MessageKind.SMS, last_has_media=False, unread=0, total=1,
    )


def test_my_number_is_named_only_when_several_are_listed(qapp: object) -> None:
    model = ConversationModel()
    model.set_all([_summary("6175550100", "5145550148", "Chloé Martin"),
                   _summary("6175550100", "3395550128")])
    assert model.data(model.index(0), MY_NUMBER_ROLE) == ""
    model.upsert(_summary("6175550111", "8005550111", "Northside Flour Co."))
    assert {model.data(model.index(r), MY_NUMBER_ROLE) for r in range(3)} == {
        "(617) 555-0100", "(617) 555-0111"}
    model.remove("6175550111", "8005550111")
    assert model.data(model.index(0), MY_NUMBER_ROLE) == ""
