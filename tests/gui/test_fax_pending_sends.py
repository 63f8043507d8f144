"""The Fax tab shows fax sends a killed run left unfinished (issue #13.1): "May have
been sent, checking…" from the cache, then reconciled with the Sent folder: not
there -> "Not sent" with Send again (one sendFaxMessage), there -> gone from the strip."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pytestqt.qtbot import QtBot

from app.domain.models.sends import SendKind
from app.services.messages.journal import CHECKING_TEXT
from app.store.send_journal import begin_send
from app.ui.tabs.fax import create_tab
from app.ui.tabs.fax.view import FaxTab
from tests.unit.services.test_fax_send import PDF


def _interrupted(app_context: Any, arun: Any, document: Path, to: str) -> int:
    entry = arun(app_context.db.run(
        begin_send, SendKind.FAX, "6175550133", to, "2 pages", ["2 pages"], [str(document)],
        {"sender_name": "Maple St Bakery", "station_id": "BAKERY", "email_copy": "",
         "pages": "2"}))
    return int(entry.id)


def test_an_interrupted_fax_is_checked_then_offered_for_send_again(
    app_context: Any, sandbox: Any, qtbot: QtBot, arun: Any, tmp_path: Path
) -> None:
    document = tmp_path / "composed.pdf"
    document.write_bytes(PDF)
    entry_id = _interrupted(app_context, arun, document, "7815550164")
    tab = create_tab(app_context)
    assert isinstance(tab, FaxTab)
    qtbot.addWidget(tab)
    tab.resize(900, 600)
    tab.show()
    tab.load_cached()
    qtbot.waitUntil(lambda: entry_id in tab.pending.rows, timeout=5000)
    row = tab.pending.rows[entry_id]
    assert row.state.text() == CHECKING_TEXT
    assert row.text.text() == "Fax to (781) 555-0164 · 2 pages"
    assert not row.again_button.isVisibleTo(tab)
    arun(tab.refresh())  # the first refresh reconciles with Sent: not there
    qtbot.waitUntil(lambda: row.again_button.isVisibleTo(tab), timeout=5000)
    assert row.state.text().startswith("Not sent")
    assert sandbox.calls("sendFaxMessage") == []
    row.again_button.click()
    qtbot.waitUntil(lambda: not tab.pending.rows, timeout=10000)
    assert len(sandbox.calls("sendFaxMessage")) == 1
    tab.shutdown()
