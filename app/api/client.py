"""The VoIP.ms REST client: one long-lived ``httpx.AsyncClient``, validated calls.

``await client.call("getSMS", from_="2024-01-01", limit=10)`` returns the
decoded JSON object of a successful answer. On the way:

1. trailing underscores are stripped (``from_`` -> ``from``: a Python keyword),
   ``None`` values dropped, booleans sent as ``1``/``0``;
2. the catalog validates method and parameters (``ParameterError``, nothing sent);
3. the throttle serialises calls, spaces them and honours a rate-limit pause;
4. small calls are GETs; calls carrying base64 or long values are
   ``multipart/form-data`` POSTs (the provider's proxy rejects long URLs);
5. the answer is interpreted: anything but a JSON object with a status is a
   ``TransportError``; an empty-list status becomes an empty list; any other
   status raises the matching ``StatusError``;
6. reads are retried per ``retry.should_retry``; writes never.

Redirects are never followed: ``www.voip.ms`` answers 301 and turns the POST
into a GET that then fails confusingly, so a 3xx says "wrong address" instead.
"""

from __future__ import annotations

import asyncio
import json
import logging
import ssl
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode, urlsplit

import httpx

from app import USER_AGENT
from app.api import catalog
from app.api.endpoint import DEFAULT_URL, require_secure_url
from app.api.errors import (
    EMPTY_LIST_STATUSES,
    NOT_EMPTY_NO_STATUSES,
    ApiError,
    RateLimited,
    TransportError,
    error_for_status,
)
from app.api.ratelimit import SleepFn, Throttle
from app.api.redact import Secret, install_log_filter, redact
from app.api.retry import RetryPolicy, should_retry
from app.domain.media_types import sniff
from app.domain.words import QT_TRANSLATE_NOOP, Text

log = logging.getLogger(__name__)

#: Beyond this many characters of query string a call goes as a POST.
MAX_GET_QUERY = 1500
#: Methods that carry files (base64) even when the file happens to be small.
#: Answers larger than this are decoded on a worker thread.
BIG_BODY_BYTES = 256 * 1024
#: MMS media: the provider's hosts (voip.ms and its subdomains, https only)...
MEDIA_DOMAIN = "voip.ms"
#: ...at most this big (MMS media is ~1.2 MB per item at the provider)...
MAX_MEDIA_BYTES = 5_000_000
#: ...arriving within this many seconds all told.
MEDIA_TOTAL_SECONDS = 60.0
POST_METHODS = frozenset({"sendFaxMessage", "sendMMS", "addLNPFile", "setRecording"})
BODY_HEAD_BYTES = 200


def _wire_value(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def _too_big(size: int) -> TransportError:
    return TransportError(
        Text(
            QT_TRANSLATE_NOOP(
                "services",
                "The attachment is larger than {value} MB, so it was not downloaded.",
            ),
            value=MAX_MEDIA_BYTES // 1_000_000,
        ),
        kind="media",
        method="media",
        detail=f"at least {size} bytes",
    )


def _certificate_failure(exc: BaseException) -> bool:
    """Whether a connection failed because the server's certificate was refused."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError) or (
            isinstance(current, ssl.SSLError) and "CERTIFICATE" in str(current).upper()
        ):
            return True
        current = current.__cause__ or current.__context__
    return False


class VoipMsClient:
    """Async VoIP.ms client. Create once, share, ``await aclose()`` at exit."""

    def __init__(
        self,
        username: str,
        password: str,
        *,
        base_url: str = DEFAULT_URL,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 30.0,
        min_interval: float = 0.25,
        retry: RetryPolicy | None = None,
        sleep: SleepFn = asyncio.sleep,
        clock: Callable[[], float] | None = None,
    ) -> None:
        install_log_filter()
        require_secure_url(base_url)
        self.username = username
        self._password = Secret(password)
        self.base_url = base_url
        self.retry = retry or RetryPolicy()
        self._sleep = sleep
        self._throttle = Throttle(min_interval, sleep=sleep, clock=clock or time.monotonic)
        self._http = httpx.AsyncClient(
            transport=transport,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 10.0)),
            follow_redirects=False,
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
        )
        #: HTTP requests sent (retries included): lets tests prove nothing was sent.
        self.calls_made = 0
        self._unknown_statuses_seen: set[tuple[str, str]] = set()

    def __repr__(self) -> str:
        return f"VoipMsClient(username={self.username!r}, base_url={self.base_url!r})"

    @property
    def throttle(self) -> Throttle:
        return self._throttle

    def set_credentials(self, username: str, password: str) -> None:
        """New credentials for the next calls (settings changed)."""
        self.username = username
        self._password = Secret(password)

    async def aclose(self) -> None:
        await self._http.aclose()

    # --- calling ------------------------------------------------------------------

    async def call(self, method: str, **params: object) -> dict[str, Any]:
        """Call ``method``; returns the answer's JSON object (status "success")."""
        clean = {
            name.rstrip("_"): _wire_value(value)
            for name, value in params.items()
            if value is not None
        }
        spec = catalog.validate(method, clean)
        attempt = 0
        while True:
            attempt += 1
            try:
                async with self._throttle:
                    try:
                        return await self._call_once(method, clean, spec)
                    except RateLimited:
                        # Pause every queued call, not only this one.
                        self._throttle.pause_for(self.retry.rate_limit_pause)
                        raise
            except ApiError as error:
                delay = should_retry(method, error, attempt, self.retry)
                if delay is None:
                    raise
                log.info("%s failed (%s); retry %d in %.1fs", method, error.detail, attempt, delay)
                if not isinstance(error, RateLimited):
                    # A rate limit is waited out by the throttle's pause instead.
                    await self._sleep(delay)

    async def _call_once(
        self, method: str, params: dict[str, str], spec: catalog.MethodSpec
    ) -> dict[str, Any]:
        fields = {
            "api_username": self.username,
            "api_password": self._password.reveal(),
            "method": method,
            **params,
        }
        use_post = (
            spec.post_only or method in POST_METHODS or len(urlencode(fields)) > MAX_GET_QUERY
        )
        self.calls_made += 1
        log.debug("VoIP.ms %s %s (%s)", "POST" if use_post else "GET", method, ", ".join(params))
        try:
            if use_post:
                # (None, value) parts make httpx send multipart/form-data fields.
                files = {name: (None, value) for name, value in fields.items()}
                response = await self._http.post(self.base_url, files=files)
            else:
                response = await self._http.get(self.base_url, params=fields)
        except httpx.TimeoutException as exc:
            raise self._network_error(method, "timeout", exc) from None
        except httpx.HTTPError as exc:
            raise self._network_error(method, "network", exc) from None
        if len(response.content) > BIG_BODY_BYTES:
            # Decoding a multi-megabyte answer (a year of SMS) takes tens of ms:
            # off the event loop, so the UI keeps painting.
            return await asyncio.to_thread(self._interpret, method, spec, response)
        return self._interpret(method, spec, response)

    def media_host_allowed(self, url: str) -> bool:
        """Only the provider's media hosts over https, or the API's own origin (sandbox).

        A media link comes from whoever sent the message: without this rule it
        could make Switchboard request anything (``http://127.0.0.1/admin``...).
        """
        try:
            parts = urlsplit(url)
            host = (parts.hostname or "").lower()
            port = parts.port
        except ValueError:  # "http://[::1/x.jpg", "http://0:b/x.jpg"
            return False
        if parts.scheme == "https" and (host == MEDIA_DOMAIN or host.endswith("." + MEDIA_DOMAIN)):
            return port in (None, 443)
        api = urlsplit(self.base_url)
        return (parts.scheme, host, port) == (api.scheme, (api.hostname or "").lower(), api.port)

    async def fetch_media(self, url: str) -> bytes:
        """Bytes of an MMS picture, video or sound (a plain GET on the provider's media host).

        Bounded in every way a sender could abuse: the host (``media_host_allowed``),
        the size (``MAX_MEDIA_BYTES``, read as a stream and cut off, never held
        whole), the total time (``MEDIA_TOTAL_SECONDS``, so a server trickling a
        byte at a time cannot hold the queue), and what it is (decided from the
        bytes: an expired link's ``Not found`` page or an ``.exe`` is refused).
        No credentials are sent and nothing is retried here: the messages service
        keeps its own retry schedule (links can 404 just after sending).
        """
        if not self.media_host_allowed(url):
            raise TransportError(
                QT_TRANSLATE_NOOP(
                    "services",
                    "This picture's link does not point to VoIP.ms, so it was not downloaded.",
                ),
                kind="media",
                method="media",
                detail=f"refused host: {url[:200]!r}",
            )
        try:
            async with asyncio.timeout(MEDIA_TOTAL_SECONDS):
                data = await self._read_media(url)
        except TimeoutError as exc:
            raise self._network_error("media", "timeout", exc) from None
        except httpx.TimeoutException as exc:
            raise self._network_error("media", "timeout", exc) from None
        except httpx.HTTPError as exc:
            raise self._network_error("media", "network", exc) from None
        if sniff(data) is None:
            raise TransportError(
                QT_TRANSLATE_NOOP(
                    "services",
                    "The attachment is not a picture, video or sound Switchboard can show (the "
                    "link may have expired).",
                ),
                kind="media",
                method="media",
                detail=f"starts {data[:40]!r}",
            )
        return data

    async def _read_media(self, url: str) -> bytes:
        async with self._http.stream("GET", url) as response:
            if response.status_code >= 300:
                raise TransportError(
                    Text(
                        QT_TRANSLATE_NOOP(
                            "services",
                            "The image is not available (HTTP {status_code}) yet.",
                        ),
                        status_code=response.status_code,
                    ),
                    kind="http",
                    http_status=response.status_code,
                    method="media",
                )
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > MAX_MEDIA_BYTES:
                raise _too_big(int(declared))
            chunks: list[bytes] = []
            received = 0
            async for chunk in response.aiter_bytes():
                received += len(chunk)
                if received > MAX_MEDIA_BYTES:
                    raise _too_big(received)
                chunks.append(chunk)
            return b"".join(chunks)

    # --- answers ------------------------------------------------------------------

    def _redact(self, text: str) -> str:
        return redact(text, self._password.reveal())

    def _network_error(self, method: str, kind: str, exc: Exception) -> TransportError:
        if kind == "timeout":
            message = "VoIP.ms did not answer in time."
        elif _certificate_failure(exc):
            # Not "check the connection": the network works, but the answer did not
            # come from a server that proved to be VoIP.ms (a proxy, a captive
            # portal, a wrong clock), and nothing was sent.
            kind = "certificate"
            message = (
                "The secure connection to VoIP.ms failed: its certificate could not be "
                "verified. A network that intercepts secure connections (a hotel or "
                "office proxy) or a wrong date on this computer can cause this."
            )
        else:
            message = "Could not reach VoIP.ms. Check the internet connection."
        if not method.startswith("get"):
            # Not retried: the request may have arrived (API-NOTES.md).
            message += " The change may still have gone through: check before trying again."
        detail = self._redact(f"{type(exc).__name__}: {exc}")
        return TransportError(message, kind=kind, method=method, detail=detail)

    def _body_head(self, response: httpx.Response) -> str:
        head = response.content[:BODY_HEAD_BYTES].decode("utf-8", errors="replace")
        return self._redact(head)

    def _interpret(
        self, method: str, spec: catalog.MethodSpec, response: httpx.Response
    ) -> dict[str, Any]:
        status_code = response.status_code
        if 300 <= status_code < 400:
            location = self._redact(response.headers.get("location", "(no address given)"))
            raise TransportError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "The VoIP.ms server address redirects elsewhere ({location}). Use exactly "
                        "{DEFAULT_URL} as the server address.",
                    ),
                    location=location, DEFAULT_URL=DEFAULT_URL,
                ),
                kind="redirect",
                http_status=status_code,
                body_head=self._body_head(response),
                method=method,
            )
        if status_code >= 400:
            raise TransportError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "VoIP.ms answered with an error (HTTP {status_code}). Try again in a few "
                        "minutes.",
                    ),
                    status_code=status_code,
                ),
                kind="http",
                http_status=status_code,
                body_head=self._body_head(response),
                method=method,
            )
        data = self._decode(method, response)
        status = str(data.get("status", "")).strip()
        if status == "success":
            return data
        if status in EMPTY_LIST_STATUSES or self._unknown_empty(method, spec, status):
            empty: dict[str, Any] = {"status": "success"}
            for key in spec.list_keys:
                empty[key] = []
            return empty
        raise error_for_status(status, method=method)

    def _unknown_empty(self, method: str, spec: catalog.MethodSpec, status: str) -> bool:
        """An unknown ``no_*`` answer to a list read: an empty list, logged once.

        Live accounts answer empty lists with codes the reference does not name
        (``no_mms``...); failing the whole refresh on the next such code would
        be worse than showing nothing. Known real errors (``no_base64file``)
        and any answer to a write still fail.
        """
        if not (
            status.startswith("no_")
            and status not in NOT_EMPTY_NO_STATUSES
            and status not in catalog.STATUS_CODES
            and method.startswith("get")
            and spec.list_keys
        ):
            return False
        if (method, status) not in self._unknown_statuses_seen:
            self._unknown_statuses_seen.add((method, status))
            log.warning("%s answered the unknown status %r: taken as an empty list",
                        method, status)
        return True

    def _decode(self, method: str, response: httpx.Response) -> dict[str, Any]:
        text = response.content.decode("utf-8-sig", errors="replace").strip()
        problem = ""
        data: object = None
        if not text:
            problem = "an empty answer"
        else:
            try:
                data = json.loads(text)
            except ValueError:
                problem = "a page that is not a VoIP.ms API answer"
        if not problem and not (isinstance(data, dict) and "status" in data):
            problem = "an answer without a status"
        if problem:
            raise TransportError(
                Text(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "VoIP.ms sent {problem}. The service may be busy; try again in a few "
                        "minutes.",
                    ),
                    problem=problem,
                ),
                kind="body",
                http_status=response.status_code,
                body_head=self._body_head(response),
                method=method,
            )
        assert isinstance(data, dict)
        return data
