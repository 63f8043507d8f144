"""One Switchboard per data folder (issue #13.4).

Two instances on one folder would be two writers of the same cache and two
senders of the same outbox. The desktop convention: the first instance holds a
lock file in the data folder (``QLockFile``: a stale lock left by a killed
process is recognised by its PID and taken over) and listens on a local socket
named after the folder (``QLocalServer``); a second start finds the lock, asks
the first over that socket to bring its window to the front, and exits.

``QtNetwork`` (~6 ms to import) is loaded only after the first paint, when the
server starts listening; a second start in that short window still exits, with
a sentence saying Switchboard is already running.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

log = logging.getLogger(__name__)

LOCK_NAME = "switchboard.lock"
#: What a second instance sends: "bring your window to the front".
ACTIVATE = b"activate\n"


def server_name(folder: Path) -> str:
    """The local socket's name for ``folder`` (short: socket paths are limited)."""
    # Imported here: the lock is taken before the first paint, the name is needed
    # only after it (or by a second start); importing hashlib (its OpenSSL
    # bindings) is ~1 ms of the start otherwise.
    import hashlib

    digest = hashlib.sha256(str(folder.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"switchboard-{digest}"


class SingleInstance:
    """The lock of one data folder; ``acquire`` tells whether this process is the one."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = QLockFile(str(folder / LOCK_NAME))
        self._server: QLocalServer | None = None

    def acquire(self) -> bool:
        """``True``: this is the only instance. ``False``: another one runs (it was
        asked to come to the front)."""
        if self._lock.tryLock(0):
            return True
        # A lock left by a process that no longer runs is taken over by QLockFile
        # itself (removeStaleLockFile) on the next try.
        if self._lock.removeStaleLockFile() and self._lock.tryLock(0):
            return True
        self._ask_the_other_to_show()
        return False

    def listen(self, on_activate: Callable[[], None]) -> None:
        """Serve "come to the front" requests of later starts (after the first paint)."""
        from PySide6.QtNetwork import QLocalServer

        name = server_name(self.folder)
        QLocalServer.removeServer(name)  # a socket left by a killed first instance
        server = QLocalServer()
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(name):
            log.warning("Single-instance server not listening: %s", server.errorString())
            return

        def on_new_connection() -> None:
            while server.hasPendingConnections():
                socket = server.nextPendingConnection()
                socket.readyRead.connect(lambda s=socket: _on_request(s, on_activate))
                socket.disconnected.connect(socket.deleteLater)

        server.newConnection.connect(on_new_connection)
        self._server = server

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _ask_the_other_to_show(self) -> None:
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(server_name(self.folder))
        if socket.waitForConnected(1000):
            socket.write(ACTIVATE)
            socket.waitForBytesWritten(1000)
            socket.disconnectFromServer()


def _on_request(socket: object, on_activate: Callable[[], None]) -> None:
    from PySide6.QtNetwork import QLocalSocket

    assert isinstance(socket, QLocalSocket)
    if bytes(socket.readAll().data()).startswith(ACTIVATE.strip()):
        log.info("Another start on this data folder: bringing the window to the front")
        on_activate()
