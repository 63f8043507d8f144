"""GUI test fixtures: a qasync loop inside pytest-qt, the app context, the main window.

``qloop``
    pytest-qt has no asyncio support. This installs ``qasync.QEventLoop(qapp,
    already_running=True)`` as the asyncio loop, so ``async_slot`` handlers and
    tasks run while ``qtbot.waitUntil`` / ``waitSignal`` spin Qt's loop.
``arun(coro)``
    Runs a coroutine to completion on that loop (``run_until_complete`` is not
    possible on an "already running" loop) and returns its result.
``app_context``
    A real ``Api`` against the ``sandbox`` fixture over loopback, a real
    ``Database`` and ``Settings`` in ``tmp_path``, a recording ``Notifier`` and a
    ``LookupService``.
``main_window``
    The real ``MainWindow`` on ``app_context``, shown but not started: call
    ``main_window.start()`` and wait for ``initial_load_finished``.
``user_messages``
    Autouse: every ``feedback.show_message``/``ask`` is recorded here instead of
    opening a dialog; set ``user_messages.answer`` for questions.

Qt warnings fail GUI tests (``qt_log_level_fail("WARNING")``) except the few in
``ENVIRONMENT_WARNINGS`` that only say the headless platform lacks something.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import qasync
from pytestqt.qtbot import QtBot

from app.sandbox import SandboxServer
from app.ui import feedback

# (PySide6's None/True/False refcount bug: tests/conftest.py applies the one fix.)

T = TypeVar("T")

#: Qt warnings that only describe the offscreen/headless environment.
ENVIRONMENT_WARNINGS = (
    r"This plugin does not support propagateSizeHints\(\)",
    r"This plugin does not support raise\(\)",
    r"This plugin does not support grabbing the keyboard",
    r"QSystemTrayIcon::setVisible: No Icon set",
    r"No QtMultimedia backends found",
    r"qt\.multimedia.*",
    # FFmpeg/QtMultimedia probing optional system libraries and the sound server.
    r"Couldn't (load|resolve) .* (library|symbols)",
    r"PulseAudioService: .*",
    # QtMultimedia on a machine without sound card (it still plays, silently).
    r"No audio device detected",
)
GUI_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.path)).resolve().is_relative_to(GUI_DIR):
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*ENVIRONMENT_WARNINGS))


# --- garbage ---------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def collect_garbage_on_the_gui_thread() -> Iterator[None]:
    """Free the previous test's Qt objects here, on the GUI thread.

    Finished tests leave QObjects in reference cycles (qasync's timer object
    holding timers of cancelled ``call_later`` handles, e.g. httpx time-outs).
    Left to the cyclic GC they may be freed on whichever thread allocates next -
    the database worker or a sandbox thread - and Qt then warns "Timers cannot be
    stopped from another thread" or crashes (seen as a segfault mid-suite).
    """
    gc.collect()
    yield
    gc.collect()


# --- language ----------------------------------------------------------------------


@pytest.fixture(autouse=True)
def english_ui(qapp: Any) -> Iterator[None]:
    """Every GUI test speaks English (the tests read the English words) unless it asks
    for ``french_ui``; whatever a test installed is removed after it."""
    from app.ui import i18n

    i18n.uninstall(qapp)
    yield
    i18n.uninstall(qapp)


@pytest.fixture
def french_ui(qapp: Any, english_ui: None, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """The UI in Canadian French, its catalog compiled from the repo's ``.ts`` now."""
    from app.ui import i18n

    cache = tmp_path_factory.mktemp("i18n-cache")
    catalog = i18n.compile_catalog(i18n.SOURCE_DIR / f"{i18n.CATALOG}.ts",
                                   cache / "translations" / f"{i18n.CATALOG}.qm")
    assert catalog is not None, "pyside6-lrelease could not compile the French catalog"
    language = i18n.install(qapp, "fr", cache)
    assert language.french
    return language


# --- messages ----------------------------------------------------------------------


class MessageRecorder(list[feedback.UserMessage]):
    """The messages the user would have seen, in order."""

    def __init__(self) -> None:
        super().__init__()
        #: Answer given to ``feedback.ask`` questions.
        self.answer = True

    def __call__(self, message: feedback.UserMessage) -> bool:
        self.append(message)
        return self.answer

    @property
    def texts(self) -> list[str]:
        return [m.text for m in self]


@pytest.fixture(autouse=True)
def user_messages() -> Iterator[MessageRecorder]:
    recorder = MessageRecorder()
    previous = feedback.set_sink(recorder)
    yield recorder
    feedback.set_sink(previous)


# --- the loop ------------------------------------------------------------------------


@pytest.fixture
def qloop(qapp: Any) -> Iterator[qasync.QEventLoop]:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    # Let cancellations unwind (they need the Qt loop to turn).
    for _ in range(20):
        if all(t.done() for t in pending):
            break
        qapp.processEvents()
    asyncio.events._set_running_loop(None)
    loop._QEventLoop__is_running = False  # type: ignore[attr-defined]  # "already running"
    loop.close()
    asyncio.set_event_loop(None)
    del loop
    gc.collect()  # the loop's timers and notifiers die here, on the GUI thread


def _cancel_pending(qtbot: QtBot) -> None:
    """Stop background work (tab refreshes...) before the client and database close."""
    loop = asyncio.get_event_loop()
    current = asyncio.current_task(loop) if loop.is_running() else None
    pending = [t for t in asyncio.all_tasks(loop) if not t.done() and t is not current]
    for task in pending:
        task.cancel()
    if pending:
        qtbot.waitUntil(lambda: all(t.done() for t in pending), timeout=5_000)


@pytest.fixture
def arun(qtbot: QtBot, qloop: qasync.QEventLoop) -> Any:
    def _run(coro: Coroutine[Any, Any, T], timeout: int = 20_000) -> T:
        task = asyncio.ensure_future(coro)
        qtbot.waitUntil(task.done, timeout=timeout)
        return task.result()

    return _run


# --- application objects --------------------------------------------------------------


@pytest.fixture
def app_context(
    sandbox: SandboxServer, tmp_path: Path, qtbot: QtBot, arun: Any
) -> Iterator[Any]:
    from app.api.client import VoipMsClient
    from app.api.typed import Api
    from app.config.settings import Settings
    from app.services.root import AppServices
    from app.store.db import Database
    from app.ui.notify import Notifier

    settings = Settings(path=tmp_path / "settings.json")
    client = VoipMsClient(sandbox.username, sandbox.password, base_url=sandbox.url, min_interval=0)
    api = Api(client)
    db = Database.open(tmp_path / "cache.sqlite3")
    # Recorded only: no test pops a notification on the developer's desktop
    # (tests/gui/test_notify_dbus.py talks to a daemon of its own).
    notifier = Notifier(settings, dbus=lambda: None)
    ctx = AppServices(
        api=api,
        db=db,
        settings=settings,
        media_dir=tmp_path / "media",
        notifier=notifier,
    )
    yield ctx
    _cancel_pending(qtbot)
    notifier.close()
    arun(client.aclose())
    db.close()


@pytest.fixture
def balance_service(app_context: Any) -> Iterator[Any]:
    from app.services.balance.service import BalanceService

    service = BalanceService(app_context.api, app_context.settings)
    yield service
    service.stop()


@pytest.fixture
def main_window(app_context: Any, balance_service: Any, qtbot: QtBot) -> Iterator[Any]:
    from app.ui.main_window import MainWindow

    window = MainWindow(app_context, balance_service, account_label=app_context.api.client.username)
    qtbot.addWidget(window)
    window.show()
    # As in the app: the menus' actions are added right after the first paint.
    qtbot.waitUntil(lambda: window.painted, timeout=5_000)
    yield window
    window.close()
