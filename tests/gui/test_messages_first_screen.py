"""The Messages tab lists one screenful before the first paint and the rest when its
refresh starts (start-up time); the conversation model merges the two parts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.domain.models.messages import Direction, MessageKind, ThreadSummary
from app.ui.tabs.messages import tab as tab_module
from app.ui.tabs.messages.conversation_model import ConversationModel
from app.ui.tabs.messages.tab import MessagesTab
from tests.gui.test_messages_tab import FakeDialogs

T0 = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


def _summary(contact: str, minutes_ago: int, text: str = "hi") -> ThreadSummary:
    return ThreadSummary("6175550100", contact, "", T0 - timedelta(minutes=minutes_ago), text,
                         Direction.RECEIVED, MessageKind.SMS, False, 0, 1)


def _contacts(model: ConversationModel) -> list[str]:
    rows = (model.summary_at(r) for r in range(model.rowCount()))
    return [s.contact for s in rows if s is not None]


def test_add_missing_appends_the_rest_in_one_insert(qtmodeltester: Any) -> None:
    model = ConversationModel()
    model.set_all([_summary("1", 1), _summary("2", 2)])
    qtmodeltester.check(model)
    inserts: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserts.append((first, last)))
    model.add_missing([_summary("3", 3), _summary("4", 4), _summary("5", 5)])
    assert _contacts(model) == ["1", "2", "3", "4", "5"]
    assert inserts == [(2, 4)]
    qtmodeltester.check(model)


def test_add_missing_keeps_listed_rows_and_places_older_ones_between(
    qtmodeltester: Any,
) -> None:
    model = ConversationModel()
    # A poll moved an old conversation ("9") into the first part meanwhile.
    model.set_all([_summary("1", 1), _summary("2", 2), _summary("9", 90, "newer row")])
    qtmodeltester.check(model)
    model.add_missing([_summary("2", 2, "stale"), _summary("3", 3), _summary("9", 9),
                       _summary("99", 99)])
    assert _contacts(model) == ["1", "2", "3", "9", "99"]
    assert model.summary_at(1).last_text == "hi"  # type: ignore[union-attr]
    assert model.summary_at(3).last_text == "newer row"  # type: ignore[union-attr]
    qtmodeltester.check(model)


def _signals(model: ConversationModel) -> list[tuple[str, int, int]]:
    seen: list[tuple[str, int, int]] = []
    model.rowsInserted.connect(lambda _p, first, last: seen.append(("insert", first, last)))
    model.rowsRemoved.connect(lambda _p, first, last: seen.append(("remove", first, last)))
    model.dataChanged.connect(lambda a, b, *_: seen.append(("change", a.row(), b.row())))
    model.modelReset.connect(lambda: seen.append(("reset", 0, 0)))
    return seen


def test_merge_tells_the_view_only_what_differs(qtmodeltester: Any) -> None:
    """A sync reloads the list after each window of history: no reset (the view
    relaid out 2,000 rows each time and lost its scroll position)."""
    model = ConversationModel()
    model.set_all([_summary("1", 1), _summary("2", 2), _summary("4", 4), _summary("7", 7)])
    qtmodeltester.check(model)
    seen = _signals(model)
    model.merge([_summary("1", 1), _summary("2", 2, "edited"), _summary("3", 3),
                 _summary("5", 5), _summary("6", 6), _summary("7", 7), _summary("8", 8)])
    assert _contacts(model) == ["1", "2", "3", "5", "6", "7", "8"]
    assert model.summary_at(1).last_text == "edited"  # type: ignore[union-attr]
    assert seen == [("remove", 2, 2), ("change", 1, 1), ("insert", 2, 4), ("insert", 6, 6)]
    qtmodeltester.check(model)


def test_merge_resets_when_a_conversation_moved(qtmodeltester: Any) -> None:
    model = ConversationModel()
    model.set_all([_summary("1", 1), _summary("2", 2), _summary("3", 3)])
    seen = _signals(model)
    model.merge([_summary("3", 0, "newest now"), _summary("1", 1), _summary("2", 2)])
    assert _contacts(model) == ["3", "1", "2"]
    assert seen == [("reset", 0, 0)]
    qtmodeltester.check(model)


def test_merge_of_the_same_list_says_nothing(qtmodeltester: Any) -> None:
    model = ConversationModel()
    rows = [_summary("1", 1), _summary("2", 2)]
    model.set_all(rows)
    seen = _signals(model)
    model.merge(list(reversed(rows)))
    model.merge([])
    assert seen == [("reset", 0, 0)]  # emptied: a reset, as set_all
    assert model.rowCount() == 0


@pytest.fixture
def synced(app_context: Any, qtbot: QtBot, arun: Any) -> Iterator[MessagesTab]:
    """A tab that filled the cache from the sandbox (the first start)."""
    app_context.settings.messages_backfill_days = 365
    widget = MessagesTab(app_context, dialogs=FakeDialogs())
    qtbot.addWidget(widget)
    arun(widget.refresh())
    yield widget
    widget.shutdown()


def test_warm_start_lists_a_screenful_then_all_when_refresh_starts(
    synced: MessagesTab, app_context: Any, qtbot: QtBot, arun: Any,
    monkeypatch: pytest.MonkeyPatch, qtmodeltester: Any,
) -> None:
    everything = _contacts(synced.conversations)
    assert len(everything) > 3
    monkeypatch.setattr(tab_module, "FIRST_SCREEN", 3)
    fresh = MessagesTab(app_context, dialogs=FakeDialogs())
    qtbot.addWidget(fresh)
    fresh.load_cached()
    assert _contacts(fresh.conversations) == everything[:3]
    qtmodeltester.check(fresh.conversations)
    arun(fresh.refresh())
    assert _contacts(fresh.conversations) == everything
    assert fresh.left.known_dids() == synced.left.known_dids()
    qtmodeltester.check(fresh.conversations)
