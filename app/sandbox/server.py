"""The sandbox HTTP server: transport, authentication, dispatch, faults, log.

Serves ``/api/v1/rest.php`` (GET and POST, urlencoded or multipart) like the
real VoIP.ms endpoint, plus ``/media/<token>.<ext>`` for MMS media. Runs a
``ThreadingHTTPServer`` in a background thread on 127.0.0.1.

Nothing here ever prints or stores the API password: the request log drops it
and the standard per-request stderr logging (which would show GET query
strings) is switched off.
"""

from __future__ import annotations

import contextlib
import copy
import json
import logging
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

from app.sandbox import handlers as _handlers  # noqa: F401 - registers the handlers
from app.sandbox import resources
from app.sandbox.datagen import build_state
from app.sandbox.faults import BLOCKING_KINDS, Fault, FaultInjector
from app.sandbox.handlers.base import HANDLERS, Call, Reply
from app.sandbox.handlers.fallback import fallback_reply, is_known_method
from app.sandbox.httpparams import parse_body, parse_query
from app.sandbox.state import SandboxClock, SandboxState

log = logging.getLogger(__name__)

API_PATH = "/api/v1/rest.php"
DEFAULT_USERNAME = "owner@maplestreetbakery.example"
DEFAULT_PASSWORD = "sandbox-Pa55-word!"
NO_AUTH_METHODS = frozenset({"getIP"})
SECRET_PARAMS = frozenset({"api_password"})
MAX_GET_URL = 8192


class Headers(dict[str, str]):
    """Request headers; lookups ignore case (``headers["User-Agent"]``)."""

    def __init__(self, items: list[tuple[str, str]]) -> None:
        super().__init__((k.lower(), v) for k, v in items)

    def __getitem__(self, key: str) -> str:
        return super().__getitem__(key.lower())

    def __contains__(self, key: object) -> bool:
        return super().__contains__(key.lower() if isinstance(key, str) else key)

    def get(self, key: str, default: str | None = None) -> str | None:  # type: ignore[override]
        return super().get(key.lower(), default)


@dataclass(frozen=True)
class LoggedRequest:
    """One API call as the sandbox saw it (``api_password`` removed)."""

    method: str
    params: dict[str, str]
    verb: str
    timestamp: float
    path: str = API_PATH
    status: str = ""  # the JSON status answered, or "" for transport-level faults
    headers: Headers = field(default_factory=lambda: Headers([]))


@dataclass
class _ServerShared:
    """What the request handlers of one sandbox server share."""
    sandbox: SandboxServer
    log: list[LoggedRequest] = field(default_factory=list)
    log_lock: threading.Lock = field(default_factory=threading.Lock)


def encode_json(payload: dict[str, Any]) -> bytes:
    """JSON the way PHP's ``json_encode`` writes it: ``\\/`` and ``\\uXXXX`` escapes."""
    return json.dumps(payload, separators=(",", ":")).replace("/", "\\/").encode("ascii")


class SandboxServer:
    def __init__(self, port: int = 0, seed: int = 1, profile: str = "demo",
                 now: datetime | None = None, *, username: str = DEFAULT_USERNAME,
                 password: str = DEFAULT_PASSWORD) -> None:
        if profile not in ("demo", "large"):
            raise ValueError(f"Unknown sandbox profile {profile!r}")
        self.seed = seed
        self.profile = profile
        self.username = username
        self.password = password
        self.faults = FaultInjector()
        self._clock = SandboxClock(now)
        self.state: SandboxState = build_state(self._clock, seed=seed, profile=profile)
        self._shared = _ServerShared(self)
        self._httpd = _Httpd(("127.0.0.1", port), _RequestHandler)
        self._httpd.shared = self._shared
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    # --- lifecycle -------------------------------------------------------------

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def url(self) -> str:
        return self.base_url + API_PATH

    def start(self) -> SandboxServer:
        if self._thread is None:
            self._thread = threading.Thread(target=self._httpd.serve_forever,
                                            kwargs={"poll_interval": 0.1},
                                            name=f"sandbox-{self.port}", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()  # wakes requests sleeping in slow/timeout faults
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()

    def __enter__(self) -> SandboxServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def reset(self) -> None:
        """Back to the seeded data (same anchor time); knobs return to defaults."""
        fresh = build_state(self._clock, seed=self.seed, profile=self.profile)
        with self.state.lock:
            for name in SandboxState.__dataclass_fields__:
                if name != "lock":
                    setattr(self.state, name, getattr(fresh, name))

    # --- request log -----------------------------------------------------------

    @property
    def request_log(self) -> list[LoggedRequest]:
        with self._shared.log_lock:
            return list(self._shared.log)

    def clear_log(self) -> None:
        with self._shared.log_lock:
            self._shared.log.clear()

    def calls(self, method: str) -> list[LoggedRequest]:
        """Logged calls of one method (convenience for tests)."""
        return [entry for entry in self.request_log if entry.method == method]

    # --- dispatch (called from request threads) ---------------------------------

    def dispatch(self, params: dict[str, str], client_ip: str,
                 verb: str = "POST") -> dict[str, Any]:
        method = params.get("method", "").strip()
        if not method:
            return {"status": "missing_method"}
        if self._over_rate_limit():
            return {"status": "api_limit_exceeded"}
        if method not in NO_AUTH_METHODS:
            user, password = params.get("api_username", ""), params.get("api_password", "")
            if not user.strip() or not password:
                return {"status": "missing_credentials"}
            if user.strip().lower() != self.username.lower() or password != self.password:
                return {"status": "invalid_credentials"}
            if not self.state.api_enabled:
                return {"status": "api_not_enabled"}
            if not self.state.ip_enabled:
                return {"status": "ip_not_enabled"}
        canned = self.state.canned_answers.get(method)
        if canned is not None:
            return copy.deepcopy(canned)
        fn = HANDLERS.get(method)
        if fn is None and not is_known_method(method):
            return {"status": "invalid_method"}
        call = Call(method, params, self.state, self.base_url, client_ip, verb)
        try:
            with self.state.lock:
                body = fn(call) if fn is not None else fallback_reply(call)
        except Reply as reply:
            return {"status": reply.status, **reply.extra}
        return {"status": "success", **body}

    def _over_rate_limit(self) -> bool:
        """The provider's per-minute cap, when a test switches it on."""
        state = self.state
        with state.lock:
            limit = state.rate_limit_per_minute
            if limit is None:
                return False
            now = time.monotonic()
            state.recent_calls = [t for t in state.recent_calls if now - t < 60.0]
            state.recent_calls.append(now)
            return len(state.recent_calls) > limit

    def _sleep(self, seconds: float) -> None:
        self._stopping.wait(seconds)


class _Httpd(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    shared: _ServerShared

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client hanging up mid-request is normal (a refresh cancelled at exit,
        # a test's short timeout); socketserver would print a traceback for it.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class _RequestHandler(BaseHTTPRequestHandler):
    server: _Httpd
    protocol_version = "HTTP/1.1"
    server_version = "nginx"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        """Silenced: the default would print GET query strings, passwords included."""

    # --- verbs -------------------------------------------------------------------

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if len(self.path) > MAX_GET_URL:
            # The provider's proxy refuses long URLs: base64 must go in a POST body.
            self._send(414, b"<html><body><h1>414 Request-URI Too Large</h1></body></html>",
                       "text/html")
        elif path.startswith("/media/"):
            self._serve_media(path)
        elif path.endswith(API_PATH):
            self._serve_api("GET", parse_query(self.path))
        else:
            self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html")

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        if not urlsplit(self.path).path.endswith(API_PATH):
            self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html")
            return
        params = parse_query(self.path)
        params.update(parse_body(self.headers.get("Content-Type", ""), body))
        self._serve_api("POST", params)

    # --- API -----------------------------------------------------------------------

    def _serve_api(self, verb: str, params: dict[str, str]) -> None:
        """Answer one API call. The log entry is written *before* the answer goes
        out, so a client that got its answer always finds its call in the log."""
        sandbox = self.server.shared.sandbox
        method = params.get("method", "").strip()
        if not self.headers.get("User-Agent", "").strip():
            # The provider's firewall blocks requests without a User-Agent.
            self._log(method, params, verb, "")
            self._send(403, b"<html><head><title>403 Forbidden</title></head><body>"
                            b"<h1>Access denied</h1></body></html>", "text/html")
            return
        fault = sandbox.faults.take(method)
        if fault is not None and fault.kind in BLOCKING_KINDS:
            self._log(method, params, verb, "")
            self._send_fault(fault, sandbox)
            return
        if fault is not None and fault.delay > 0 and fault.kind != "hang_after":
            sandbox._sleep(fault.delay)
        try:
            answer = sandbox.dispatch(params, self.client_address[0], verb)
        except Exception:
            # A bug of the sandbox, not a behaviour of the service: say so loudly.
            log.exception("Sandbox handler for %s failed", method)
            self._log(method, params, verb, "sandbox_error")
            self._send(500, b"sandbox handler error", "text/plain")
            return
        payload = encode_json(answer)
        if fault is not None and fault.kind == "hang_after":
            # Executed and logged; the answer is held (the client gives up first).
            self._log(method, params, verb, str(answer.get("status", "")))
            sandbox._sleep(fault.delay)
            self._send(200, payload, "application/json; charset=utf-8")
            return
        if fault is not None and fault.kind == "truncated_json":
            payload = payload[: max(1, len(payload) // 2)]
        elif fault is not None and fault.kind == "empty_body":
            payload = b""
        self._log(method, params, verb, str(answer.get("status", "")))
        self._send(200, payload, "application/json; charset=utf-8")

    def _send_fault(self, fault: Fault, sandbox: SandboxServer) -> None:
        kind = fault.kind
        if fault.delay > 0:
            sandbox._sleep(fault.delay)
        if kind == "rate_limit":
            self._send(200, encode_json({"status": "api_limit_exceeded"}), "application/json")
        elif kind == "http_500":
            self._send(500, b"<html><head><title>500 Internal Server Error</title></head>"
                            b"<body><h1>Internal Server Error</h1></body></html>", "text/html")
        elif kind == "http_503":
            self._send(503, b"<html><head><title>503 Service Temporarily Unavailable</title>"
                            b"</head><body><center><h1>503 Service Temporarily Unavailable"
                            b"</h1></center></body></html>", "text/html")
        elif kind == "html_body":
            self._send(200, b"<!DOCTYPE html><html lang=\"en-US\"><head><title>Just a moment..."
                            b"</title></head><body><noscript>Enable JavaScript and cookies to "
                            b"continue</noscript></body></html>", "text/html; charset=UTF-8")
        elif kind == "plain_text_522":
            self._send(522, b"error code: 522", "text/plain; charset=UTF-8")
        elif kind == "soap_fault":
            self._send(500, b'<?xml version="1.0" encoding="UTF-8"?><SOAP-ENV:Envelope xmlns:'
                            b'SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/"><SOAP-ENV:'
                            b"Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode>"
                            b"<faultstring>Internal error</faultstring></SOAP-ENV:Fault>"
                            b"</SOAP-ENV:Body></SOAP-ENV:Envelope>", "text/xml; charset=utf-8")
        elif kind == "redirect":
            location = f"http://127.0.0.1:{sandbox.port}/www.voip.ms{API_PATH}"
            self._send(301, b"<html><body>Moved Permanently</body></html>", "text/html",
                       extra_headers={"Location": location})
        elif kind == "disconnect":
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(2)

    def _log(self, method: str, params: dict[str, str], verb: str, status: str) -> None:
        shared = self.server.shared
        clean = {k: v for k, v in params.items() if k not in SECRET_PARAMS}
        headers = Headers(list(self.headers.items()))
        with shared.log_lock:
            shared.log.append(LoggedRequest(method, clean, verb, time.time(), API_PATH, status,
                                            headers))

    # --- media ---------------------------------------------------------------------

    def _serve_media(self, path: str) -> None:
        name = path.rsplit("/", 1)[-1]
        token = name.split(".", 1)[0]
        state = self.server.shared.sandbox.state
        with state.lock:
            item = state.media.get(token)
        if item is None or time.monotonic() < item.ready_at:
            # Fresh uploads are not served yet, like the real media host.
            self._send(404, b"<html><body><h1>404 Not Found</h1></body></html>", "text/html")
            return
        if item.expired and "expired_media" in state.live_quirks:
            # What the real media host answered for an expired link (API-NOTES.md).
            self._send(200, b"Not found", "text/html")
            return
        data = item.data if item.data is not None else resources.read("media", item.resource or "")
        self._send(200, data, item.content_type)

    # --- plumbing --------------------------------------------------------------------

    def _send(self, code: int, body: bytes, content_type: str,
              extra_headers: dict[str, str] | None = None) -> None:
        try:
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in (extra_headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (timeout tests)
