"""The log holds no message bodies, contact names or whole numbers (issue #13.13).

A session against the sandbox with the log file on: a sync that brings a text,
a voicemail and a fax from a named contact (notifications), a text sent from the
compose box, a delete question quoting it, and a fax sent to the contact. The log
file then holds none of the bodies, the name, the contact's number in any format,
nor the password.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.config import logsetup
from app.sandbox import SandboxServer

NAME = "Zebulon Quartermaine"
NUMBER = "6175550142"
RECEIVED = "SECRET-BODY-ALPHA pick-up at noon"
SENT = "SECRET-BODY-BRAVO see you then"


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.delenv(logsetup.PRIVATE_DATA_ENV, raising=False)
    path = tmp_path / "logs" / "switchboard.log"
    root = logging.getLogger()
    level = root.level
    logsetup.setup_logging(path)
    yield path
    logsetup.close_logging()
    root.setLevel(level)


def test_a_session_logs_no_bodies_names_numbers_or_password(
    log_file: Path, sandbox: SandboxServer, main_window: Any, qtbot: QtBot, arun: Any,
    user_messages: Any,
) -> None:
    state = sandbox.state
    with state.lock:
        for row in state.phonebook:
            if row["number"] == NUMBER:
                row["name"] = NAME
    did = next(d for d, row in state.dids.items() if row.get("sms_enabled") == "1")
    with qtbot.waitSignal(main_window.initial_load_finished, timeout=60_000):
        main_window.start()
    ctx = main_window.ctx
    logsetup.register_secret(sandbox.password)

    state.deliver_sms(did, NUMBER, RECEIVED)
    state.deliver_voicemail("1001", NUMBER, caller_name=NAME)
    state.deliver_fax(NUMBER, stationid=NAME)
    arun(ctx.messages.polling.check())
    arun(ctx.voicemail.polling.check_now())
    arun(ctx.fax.polling.check())
    assert len(ctx.notifier.history) >= 3, ctx.notifier.history

    messages = main_window.tabs["messages"]
    arun(main_window.open_conversation(did, NUMBER))
    before = messages.pane.model.message_count()
    qtbot.keyClicks(messages.pane.compose.text, SENT)
    messages.pane.compose.send_button.click()
    qtbot.waitUntil(lambda: messages.pane.model.message_count() == before + 1, timeout=10_000)
    user_messages.answer = False
    last = messages.pane.model.stored_at(messages.pane.model.rowCount() - 1)
    messages.pane.delete_requested.emit(last)
    qtbot.waitUntil(lambda: any(SENT[:20] in text for text in user_messages.texts), timeout=5000)

    # A fax sent to the contact's number (through the tab's sender, as Send does).
    from app.services.fax.send import OutgoingFax
    from tests.unit.services.test_fax_send import PDF

    document = log_file.parent / "composed.pdf"
    document.write_bytes(PDF)
    fax_number = next(iter(state.fax_numbers))["did"]
    arun(main_window.tabs["fax"].fax_sender.send(OutgoingFax(
        to_number=NUMBER, from_number=fax_number, sender_name=NAME, station_id="BAKERY",
        email_copy="", document=document, pages=1)))
    assert any(call.params.get("to_number") == NUMBER for call in sandbox.calls("sendFaxMessage"))

    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "Notification: <" in text and "User question: <" in text  # it did log them
    for secret in (RECEIVED, SENT, "SECRET-BODY", NAME, "Quartermaine", NUMBER,
                   "(617) 555-0142", "617-555-0142", sandbox.password):
        assert secret not in text, secret


def test_the_environment_variable_logs_them_for_debugging(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(logsetup.PRIVATE_DATA_ENV, "1")
    path = tmp_path / "switchboard.log"
    level = logging.getLogger().level
    logsetup.setup_logging(path)
    try:
        logging.getLogger("test.private").info("Notification: %s from %s",
                                               logsetup.private(RECEIVED), NUMBER)
    finally:
        logsetup.close_logging()
        monkeypatch.delenv(logsetup.PRIVATE_DATA_ENV)
        logsetup.setup_logging(None)  # back to the default: private data masked
        logging.getLogger().setLevel(level)
    text = path.read_text(encoding="utf-8")
    assert RECEIVED in text and NUMBER in text
    assert "holds message bodies, names and whole numbers" in text
