"""The reference's sample outputs, held out, load every tab (issue #14 "Done when").

The sandbox answers every read the app makes with the sample output printed in
``../shared/voipms-api-reference.txt`` for that method (parsed at test time by
tests/reference_samples.py, served as is through ``state.canned_answers``), over
real HTTP, through the real client, services and tabs. Every tab must load
without an error and show the sample's rows.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from tests.reference_samples import APP_READS, sample_output


def _recent(days_ago: int) -> str:
    """A provider wall-clock date ``days_ago`` days back (``YYYY-MM-DD HH:MM:SS``)."""
    when = datetime.now(ZoneInfo("America/New_York")) - timedelta(days=days_ago)
    return when.strftime("%Y-%m-%d %H:%M:%S")


@pytest.fixture
def samples(sandbox: SandboxServer) -> SandboxServer:
    """The sandbox answering every read with the reference's sample output."""
    canned = sandbox.state.canned_answers
    for method in APP_READS:
        canned[method] = sample_output(method)
    # Two adjustments, neither of the shape: the sample fax (2016) is re-dated into
    # the Fax tab's period (a year at most), and the MMS media links point at the
    # sandbox instead of voip.ms (nothing in the tests reaches the internet).
    canned["getFaxMessages"]["faxes"][0]["date"] = _recent(2)
    with sandbox.state.lock:
        token = sandbox.state.new_media("jpg", "image/jpeg", resource="cake_order.jpg")
    local = f"{sandbox.base_url}/media/{token}.jpg"
    for method in ("getMMS", "getMediaMMS"):
        text = json.dumps(canned[method]).replace(
            "https://voip.ms/media.php?map=MTU5MzUzMDcTk2NNUw==", local
        )
        assert "voip.ms/media" not in text
        canned[method] = json.loads(text)
    return sandbox


def _model_texts(model: QAbstractItemModel, parent: QModelIndex | None = None) -> list[str]:
    parent = parent or QModelIndex()
    out: list[str] = []
    try:
        columns = max(model.columnCount(parent), 1)
    except TypeError:  # a list model: its columnCount is private in PySide6
        columns = 1
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            value = model.data(index, Qt.ItemDataRole.DisplayRole)
            if value not in (None, ""):
                out.append(str(value))
            if column == 0 and model.rowCount(index) > 0:
                out.extend(_model_texts(model, index))
    return out


def tab_texts(tab: Any) -> list[str]:
    """Every text the tab shows in its lists and labels."""
    texts: list[str] = []
    models: list[QAbstractItemModel] = []
    for view in tab.findChildren(QAbstractItemView):
        if view.isVisibleTo(tab) and view.model() is not None and view.model() not in models:
            models.append(view.model())
    for model in models:
        texts.extend(_model_texts(model))
    texts.extend(
        label.text() for label in tab.findChildren(QLabel)
        if label.isVisibleTo(tab) and label.text()
    )
    return texts


def _has(texts: list[str], *wanted: str) -> bool:
    return all(any(w in t for t in texts) for w in wanted)


def test_every_tab_loads_the_reference_samples(
    qtbot: QtBot, main_window: Any, samples: SandboxServer, user_messages: Any, arun: Any
) -> None:
    with qtbot.waitSignal(main_window.initial_load_finished, timeout=30_000) as blocker:
        main_window.start()
    assert blocker.args[0] == {key: None for key in main_window.tabs}  # no tab failed
    tabs = main_window.tabs
    # Voicemail: mailbox 1001 "VoIP", one urgent new message of 6 s from 5551234567.
    assert _has(tab_texts(tabs["voicemail"]), "1001 · VoIP", "(555) 123-4567", "0:06", "Urgent")
    # Numbers: DID 5551234567 "MIAMI, FL" routed to the sub-account 100001_VoIP, POP 16.
    assert _has(tab_texts(tabs["numbers"]), "(555) 123-4567", "MIAMI, FL",
                "Sub-account 100001_VoIP", "POP 16")
    # Phones: the sub-account "My VoIP Account", registered in Atlanta.
    assert _has(tab_texts(tabs["phones"]), "My VoIP Account", "Online", "Atlanta, GA")
    # Fax: one inbound fax of 2 pages from 5552341234.
    assert _has(tab_texts(tabs["fax"]), "(555) 234-1234", "1 fax", "Success")
    # Calls: the two 2010 calls (shown with "All calls"): John Doe in, 5551112222 out.
    calls = tabs["calls"]
    calls.period.setCurrentIndex(calls.period.findData(0))
    qtbot.waitUntil(lambda: _has(tab_texts(calls), "2 calls · 1:06 talk time"), timeout=10_000)
    assert _has(tab_texts(calls), "John Doe", "(555) 111-2222", "Answered")
    # Messages: the conversation of 8574884828 with 8577884821: the SMS and the MMS.
    messages = tabs["messages"]
    assert _has(tab_texts(messages), "(857) 788-4821")
    arun(main_window.open_conversation("8574884828", "8577884821"))
    qtbot.waitUntil(lambda: _has(tab_texts(messages), "hello+john"), timeout=10_000)
    # The MMS picture (its sample link, served by the sandbox) is downloaded and kept.
    service = main_window.ctx.messages
    ready: list[Any] = []
    service.media_ready.connect(ready.append)  # before reading: no arrival is missed
    stored, paths = arun(service.conversation("8574884828", "8577884821"))
    assert sorted(m.message.kind.value for m in stored) == ["mms", "sms"]
    mms = next(m for m in stored if m.message.kind.value == "mms")
    if not any(paths.get(mms.pk, [])):
        qtbot.waitUntil(lambda: any(r.pk == mms.pk and any(r.paths) for r in ready),
                        timeout=10_000)
    # The header: the sample balance.
    assert main_window.balance_widget.amount.text() == "$112.19"
    assert [m.text for m in user_messages] == []
