"""A network cable between the app and the sandbox that a test can pull.

``SandboxCable(sandbox.port)`` listens on its own loopback port and forwards
every connection to the sandbox. ``pull()`` is the network gone: the port
refuses connections and the open ones are cut (as a pulled cable or a dead
Wi-Fi does to a keep-alive connection); ``swallow()`` is a network that eats
packets: connections are accepted but nothing comes back, ever; ``plug()``
brings it back on the same port. The app under test points at ``cable.url``.

Plain sockets and threads: it knows nothing of HTTP or of the app.
"""

from __future__ import annotations

import contextlib
import socket
import threading

PLUGGED, PULLED, SWALLOWING = "plugged", "pulled", "swallowing"


class SandboxCable:
    def __init__(self, target_port: int, *, path: str = "/api/v1/rest.php") -> None:
        self.target_port = target_port
        self.path = path
        self.mode = PLUGGED
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self._accepting: threading.Thread | None = None
        self.port = 0
        self._listen()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.path}"

    # --- the switch -------------------------------------------------------------------

    def pull(self) -> None:
        """Connections refused, open ones cut."""
        self.mode = PULLED
        self._stop_listening()
        self._cut_all()

    def swallow(self) -> None:
        """Connections accepted (and kept) but nothing is forwarded either way."""
        self.mode = SWALLOWING
        if self._listener is None:
            self._listen()

    def plug(self) -> None:
        """Forward again, on the same port."""
        self._cut_all()  # what was swallowed is gone for good
        self.mode = PLUGGED
        if self._listener is None:
            self._listen()

    def close(self) -> None:
        self.mode = PULLED
        self._stop_listening()
        self._cut_all()

    # --- plumbing ---------------------------------------------------------------------

    def _listen(self) -> None:
        listener = socket.create_server(("127.0.0.1", self.port))
        listener.settimeout(0.1)  # so the accept loop notices it was closed
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._accepting = threading.Thread(
            target=self._accept_loop, args=(listener,), name="sandbox-cable", daemon=True
        )
        self._accepting.start()

    def _stop_listening(self) -> None:
        listener, self._listener = self._listener, None
        if listener is not None:
            listener.close()
        if self._accepting is not None:
            self._accepting.join(timeout=2)
            self._accepting = None

    def _accept_loop(self, listener: socket.socket) -> None:
        while self._listener is listener:
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return  # closed
            conn.settimeout(None)
            self._keep(conn)
            if self.mode == SWALLOWING:
                threading.Thread(target=self._swallow, args=(conn,), daemon=True).start()
                continue
            try:
                upstream = socket.create_connection(("127.0.0.1", self.target_port))
            except OSError:
                self._cut(conn)
                continue
            self._keep(upstream)
            for source, sink in ((conn, upstream), (upstream, conn)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if self.mode == PLUGGED:
                    sink.sendall(data)
                # else: swallowed, like packets into a dead link
        except OSError:
            pass
        finally:
            self._cut(source)
            self._cut(sink)

    def _swallow(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            while conn.recv(65536):
                pass
        self._cut(conn)

    def _keep(self, sock: socket.socket) -> None:
        with self._lock:
            self._open.add(sock)

    def _cut(self, sock: socket.socket) -> None:
        with self._lock:
            self._open.discard(sock)
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        with contextlib.suppress(OSError):
            sock.close()

    def _cut_all(self) -> None:
        with self._lock:
            sockets = list(self._open)
        for sock in sockets:
            self._cut(sock)
