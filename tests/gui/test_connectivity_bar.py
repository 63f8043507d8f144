"""The network pulled, end to end in the real main window (offscreen).

The window talks to the sandbox through a cable (``app/sandbox/cable.py``)
the test pulls: "Refresh everything" must end in the one "Can't reach
VoIP.ms" bar (no message per tab, no dialog), the tabs keep their saved data,
and the bar goes when VoIP.ms answers again (Retry, or the recovery probe).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.sandbox.cable import SandboxCable
from app.services.connectivity.changes import LinkStatus
from app.ui.widgets.connectivity_bar import bar_text
from tests.gui.conftest import _cancel_pending


@pytest.fixture
def cable(sandbox: SandboxServer) -> Iterator[SandboxCable]:
    wire = SandboxCable(sandbox.port, path=urlsplit(sandbox.url).path)
    yield wire
    wire.close()


@pytest.fixture
def window(
    cable: SandboxCable, sandbox: SandboxServer, tmp_path: Path, qtbot: QtBot, arun: Any,
    request: pytest.FixtureRequest,
) -> Iterator[Any]:
    from app.api.client import VoipMsClient
    from app.api.typed import Api
    from app.config.settings import Settings
    from app.services.root import AppServices
    from app.store.db import Database
    from app.ui.main_window import MainWindow

    password = getattr(request, "param", sandbox.password)
    client = VoipMsClient(sandbox.username, password, base_url=cable.url, min_interval=0)
    ctx = AppServices(
        api=Api(client), db=Database.open(tmp_path / "cache.sqlite3"),
        settings=Settings(path=tmp_path / "settings.json"), media_dir=tmp_path / "media",
    )
    # Quick probes: the test waits on the bar, never on the clock.
    ctx.connectivity.stall_seconds = 0.3
    ctx.connectivity.probe_timeout = 1.0
    main = MainWindow(ctx, ctx.balance, account_label=sandbox.username)
    main.show()
    yield main
    # Closed here rather than by qtbot (which would close it before this runs):
    # a refresh still running is cancelled first, then the window, then the client.
    _cancel_pending(qtbot)
    main.close()
    main.deleteLater()
    ctx.connectivity.stop()
    ctx.balance.stop()
    arun(client.aclose())
    ctx.db.close()


def _start(qtbot: QtBot, window: Any) -> dict[str, str | None]:
    with qtbot.waitSignal(window.initial_load_finished, timeout=30_000) as blocker:
        window.start()
    results: dict[str, str | None] = blocker.args[0]
    return results


def _refresh_everything_from_the_keyboard(qtbot: QtBot, window: Any) -> None:
    window.activateWindow()
    qtbot.keyClick(
        window, Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def _rows(window: Any) -> dict[str, int]:
    """How many rows each list shows (the saved data on screen)."""
    from PySide6.QtWidgets import QAbstractItemView

    counts: dict[str, int] = {}
    for key, tab in window.tabs.items():
        views = tab.findChildren(QAbstractItemView)
        counts[key] = sum(v.model().rowCount() for v in views if v.model() is not None)
    return counts


@pytest.mark.parametrize("how", ["pulled", "swallowing"])
def test_network_gone_shows_one_bar_and_comes_back(
    qtbot: QtBot, window: Any, cable: SandboxCable, sandbox: SandboxServer,
    user_messages: Any, how: str,
) -> None:
    window.ctx.connectivity.backoff = (600.0,)  # only Retry brings it back here
    results = _start(qtbot, window)
    assert not any(results.values())
    assert not window.connectivity_bar.isVisible()
    shown = _rows(window)
    assert sum(shown.values()) > 0
    client = window.ctx.api.client
    before = client.calls_made

    cable.pull() if how == "pulled" else cable.swallow()
    _refresh_everything_from_the_keyboard(qtbot, window)
    qtbot.waitUntil(window.connectivity_bar.isVisible, timeout=15_000)

    text = window.connectivity_bar.label.text()
    assert text.startswith("Can't reach VoIP.ms. Showing saved data (last contact at ")
    # One request found it out (and one probe when the line swallows): no retry storm.
    assert client.calls_made - before <= 2
    qtbot.waitUntil(lambda: window.sync_label.text() == "Showing saved data", timeout=10_000)
    assert not window.error_label.isVisible()  # not one message per tab...
    assert user_messages.texts == []  # ...and no dialog
    assert _rows(window) == shown  # the tabs keep their saved data
    assert "could not update" in window.balance_widget.detail.text()

    cable.plug()
    sandbox.clear_log()
    if how == "pulled":
        qtbot.mouseClick(window.connectivity_bar.retry_button, Qt.MouseButton.LeftButton)
    else:  # keyboard only: Alt+T ("Re&try")
        qtbot.keyClick(window, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not window.connectivity_bar.isVisible(), timeout=10_000)
    # Back online: everything is refreshed without being asked.
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("Up to date"), timeout=30_000)
    assert {"getBalance", "getDIDsInfo"} <= {r.method for r in sandbox.request_log}
    assert user_messages.texts == []


def test_the_bar_goes_by_itself_when_the_network_returns(
    qtbot: QtBot, window: Any, cable: SandboxCable
) -> None:
    window.ctx.connectivity.backoff = (0.5,)
    _start(qtbot, window)
    cable.pull()
    window.refresh_all_action.trigger()
    qtbot.waitUntil(window.connectivity_bar.isVisible, timeout=15_000)
    qtbot.waitUntil(lambda: "Trying again in" in window.connectivity_bar.label.text()
                    or "Checking" in window.connectivity_bar.label.text(), timeout=5_000)
    cable.plug()
    qtbot.waitUntil(lambda: not window.connectivity_bar.isVisible(), timeout=15_000)
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("Up to date"), timeout=30_000)


def test_a_tabs_own_refresh_offline_adds_no_dialog_to_the_bar(
    qtbot: QtBot, window: Any, cable: SandboxCable, user_messages: Any
) -> None:
    """Found offline by a tab's own Refresh (not "Refresh everything"): the bar says
    it, no "Can't reach VoIP.ms" dialog comes on top, and the status bar stops
    saying "Up to date"."""
    window.ctx.connectivity.backoff = (600.0,)
    _start(qtbot, window)
    assert window.sync_label.text().startswith("Up to date")
    cable.pull()
    for key in ("messages", "numbers", "phones"):
        window.show_tab(key)
        button = window.tabs[key].refresh_button
        qtbot.waitUntil(button.isEnabled, timeout=5_000)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(window.connectivity_bar.isVisible, timeout=15_000)
        qtbot.waitUntil(button.isEnabled, timeout=15_000)  # that refresh is over
    assert user_messages.texts == []
    qtbot.waitUntil(lambda: window.sync_label.text() == "Showing saved data", timeout=5_000)


@pytest.mark.parametrize("window", ["not-the-password"], indirect=True)
def test_a_wrong_password_keeps_its_own_words(
    qtbot: QtBot, window: Any, user_messages: Any
) -> None:
    results = _start(qtbot, window)
    assert all(results.values())
    assert not window.connectivity_bar.isVisible()
    assert window.ctx.connectivity.online
    assert all("did not accept the user name or API password" in str(e) for e in results.values())
    assert "did not accept the user name or API password" in window.error_label.text()


def test_bar_words_are_plain_and_say_when() -> None:
    now = datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
    contact = now - timedelta(minutes=5)
    offline = LinkStatus(online=False, last_contact=contact, reason="<b>x</b>")
    text = bar_text(offline, 24.6, now)
    assert text.startswith("Can't reach VoIP.ms. Showing saved data (last contact at ")
    assert text.endswith("Trying again in 25 s.")
    probing = LinkStatus(online=False, last_contact=None, probing=True)
    assert bar_text(probing, None, now) == "Can't reach VoIP.ms. Checking now…"
