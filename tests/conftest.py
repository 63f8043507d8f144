"""Root fixtures shared by every test tier.

Sandbox
    ``sandbox_server`` is one :class:`app.sandbox.SandboxServer` for the whole
    session (starting one per test would cost data generation each time).
    ``sandbox`` is what tests normally use: it resets the server to its seeded
    state, clears injected faults and the request log, and returns the server.

Running coroutines
    There is no pytest-asyncio here on purpose (STACK.md: mixing it with
    ``qtbot.waitUntil`` hangs at teardown). A test that awaits something asks
    for the ``run`` fixture and calls ``run(coro)``; it runs the coroutine to
    completion on the per-test event loop ``event_loop``, the same loop the
    ``client``/``api`` fixtures are closed on::

        def test_balance(api, run):
            balance = run(api.get_balance())
            assert balance.current > 0

    GUI tests install their own qasync loop (tests/gui/conftest.py); such a
    conftest overrides ``event_loop`` to return that loop so ``client`` is
    closed on the loop that used it.

Other fixtures
    ``client`` (``app.api.client.VoipMsClient`` pointed at the sandbox, no call
    spacing), ``api`` (``app.api.typed.Api``), ``db`` (``app.store.db.Database``
    in ``tmp_path``) are imported lazily so this file loads even while those
    packages are being written. An in-memory keyring backend is installed for
    every test so nothing touches a real keyring.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from app.sandbox import SandboxServer
from app.ui.pyside_fix import make_singletons_immortal

T = TypeVar("T")


# PySide6 6.12 on Python 3.11 drops a reference to None/True/False per binding
# call returning them (``Signal.emit`` returns a bool): without this the test
# process aborts with ``bool_dealloc`` after a few hundred emits.
make_singletons_immortal()


# --- keyring ---------------------------------------------------------------------

try:
    import keyring
    from keyring.backend import KeyringBackend
except ImportError:  # pragma: no cover - keyring is a hard dependency
    keyring = None  # type: ignore[assignment]
    KeyringBackend = object  # type: ignore[assignment,misc]


class MemoryKeyring(KeyringBackend):  # type: ignore[misc,valid-type]
    """A keyring that forgets everything when the test ends."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        from keyring.errors import PasswordDeleteError

        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError(f"No password for {service}/{username}")


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring() if keyring is not None else None
    if keyring is not None:
        keyring.set_keyring(backend)
    yield backend
    if keyring is not None and previous is not None:
        keyring.set_keyring(previous)


# --- sandbox ---------------------------------------------------------------------


@pytest.fixture(scope="session")
def sandbox_server() -> Iterator[SandboxServer]:
    server = SandboxServer(port=0, seed=1, profile="demo")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def sandbox(sandbox_server: SandboxServer) -> SandboxServer:
    sandbox_server.reset()
    sandbox_server.faults.clear()
    sandbox_server.clear_log()
    return sandbox_server


# --- event loop and coroutines ------------------------------------------------------


@pytest.fixture
def event_loop() -> Iterator[asyncio.AbstractEventLoop]:
    loop = asyncio.new_event_loop()
    yield loop
    loop.run_until_complete(loop.shutdown_asyncgens())
    loop.close()


@pytest.fixture
def run(event_loop: asyncio.AbstractEventLoop) -> Any:
    def _run(coro: Coroutine[Any, Any, T]) -> T:
        return event_loop.run_until_complete(coro)

    return _run


# --- app objects (lazily imported: those packages are written in parallel) ----------


@pytest.fixture
def client(sandbox: SandboxServer, event_loop: asyncio.AbstractEventLoop) -> Iterator[Any]:
    from app.api.client import VoipMsClient

    api_client = VoipMsClient(
        sandbox.username, sandbox.password, base_url=sandbox.url, min_interval=0
    )
    yield api_client
    event_loop.run_until_complete(api_client.aclose())


@pytest.fixture
def api(client: Any) -> Any:
    from app.api.typed import Api

    return Api(client)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Any]:
    from app.store.db import Database

    database = Database.open(tmp_path / "switchboard.db")
    yield database
    database.close()
