"""The Qt bridge: service events reach Qt slots on the GUI thread, and stop with the widget."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot

from app.services.events import Event
from app.ui.bridge import QtEventListener


def test_events_reach_the_slot_and_are_dropped_when_the_owner_dies(qtbot: QtBot) -> None:
    event: Event[int, str] = Event("changed")
    owner = QObject()
    seen: list[tuple[int, str]] = []
    listener = QtEventListener(owner)
    listener.listen(event, lambda n, s: seen.append((n, s)))
    event.emit(1, "one")
    assert seen == [(1, "one")]  # same thread: delivered at once
    assert event.handler_count == 1
    owner.deleteLater()
    qtbot.waitUntil(lambda: event.handler_count == 0)
    event.emit(2, "two")  # nobody left to call: no RuntimeError on a deleted object
    assert seen == [(1, "one")]


def test_an_event_emitted_on_a_worker_is_delivered_on_the_gui_thread(qtbot: QtBot) -> None:
    event: Event[str] = Event("from-worker")
    owner = QObject()
    threads: list[QThread] = []
    listener = QtEventListener(owner)
    listener.listen(event, lambda text: threads.append(QThread.currentThread()))
    worker = threading.Thread(target=event.emit, args=("hello",))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(threads))
    assert threads == [owner.thread()]
    listener.close()
    assert event.handler_count == 0
