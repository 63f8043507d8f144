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

With a ``link`` (the app's connectivity state, ``app/api/link.py``) the client
also stops at once when VoIP.ms cannot be reached: a read is refused, or
abandoned while it waits, with ``Unreachable`` instead of retrying one call
after another into a dead network; a write gets one probe first.

Redirects are never followed: ``www.voip.ms`` answers 301 and turns the POST
into a GET that then fails confusingly, so a 3xx says "wrong address" instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
import ssl
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import urlencode, urlsplit

import httpx

from app import USER_AGENT
from app.api import catalog
from app.api.answer import Decoded, parse_body
from app.api.endpoint import DEFAULT_URL, require_secure_url
from app.api.errors import (
    EMPTY_LIST_STATUSES,
    NOT_EMPTY_NO_STATUSES,
    ApiError,
    RateLimited,
    TransportError,
    Unreachable,
    error_for_status,
)
from app.api.ratelimit import SleepFn, Throttle
from app.api.redact import Secret, install_log_filter, redact
from app.api.retry import RetryPolicy, is_read, should_retry
from app.domain.media_types import sniff
from app.domain.words import QT_TRANSLATE_NOOP, Text

if TYPE_CHECKING:
    from app.api.link import Link

log = logging.getLogger(__name__)
T = TypeVar("T")
U = TypeVar("U")
Convert = Callable[[dict[str, Any]], T]

#: The cheap read a connectivity probe sends.
PROBE_METHOD = "getBalance"

#: Beyond this many characters of query string a call goes as a POST.
MAX_GET_QUERY = 1500
#: A plain ``call`` whose answer is larger than this is decoded on a worker thread.
BIG_BODY_BYTES = 256 * 1024
#: A converted answer (``call_converted``) this big is decoded and converted in the
#: worker process: converting ~200 rows already takes a couple of ms.
BIG_CONVERT_BYTES = 32 * 1024
#: MMS media: the provider's hosts (voip.ms and its subdomains, https only)...
MEDIA_DOMAIN = "voip.ms"
#: ...at most this big (MMS media is ~1.2 MB per item at the provider)...
MAX_MEDIA_BYTES = 5_000_000
#: ...arriving within this many seconds all told.
MEDIA_TOTAL_SECONDS = 60.0
POST_METHODS = frozenset({"sendFaxMessage", "sendMMS", "addLNPFile", "setRecording"})
#: Answers carrying a whole file as base64 (a fax, a recording): read as a stream and
#: written to a temporary file as they arrive, never joined whole on the event loop
#: (108 MB for an 80 MB fax), then decoded by the worker process.
FILE_METHODS = frozenset({"getFaxMessagePDF", "getVoicemailMessageFile"})
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
        #: HTTP requests sent (retries and probes included): lets tests prove
        #: nothing was sent.
        self.calls_made = 0
        #: The app's connectivity state (``app/api/link.py``); ``None``: none.
        self.link: Link | None = None
        self._unknown_statuses_seen: set[tuple[str, str]] = set()
        #: Starting the decoding worker process (``_start_decoder_soon``), once.
        self._decoder_warming: asyncio.Task[None] | None = None
        #: Importing what the first request needs, on a thread (``FIRST_CALL_MODULES``),
        #: from creation on; the first request waits for it (``_first_call_ready``).
        self._imports_warming: asyncio.Task[None] | None = None
        with contextlib.suppress(RuntimeError):  # no running loop: the first call starts it
            self._start_import_warm_up()

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
        for warming in (self._decoder_warming, self._imports_warming):
            if warming is not None:
                warming.cancel()
        await self._http.aclose()

    def _start_import_warm_up(self) -> asyncio.Task[None]:
        if self._imports_warming is None:
            self._imports_warming = asyncio.get_running_loop().create_task(
                asyncio.to_thread(_import_first_call_modules))
        return self._imports_warming

    async def _first_call_ready(self) -> None:
        """The first request waits (a few tens of ms, once) for httpx's lazily imported
        modules to be imported on a thread, instead of importing them on the loop."""
        warming = self._start_import_warm_up()
        if not warming.done():
            # Not awaited directly: its failure or cancellation (closing) is not this
            # call's; a cancellation of this call still propagates from here.
            await asyncio.wait({warming})

    def _start_decoder_soon(self) -> None:
        """Start the decoding worker while the first answer that may need it is on its
        way: its start (~0.2 s, in the new process) overlaps the network wait."""
        if self._decoder_warming is None:
            self._decoder_warming = asyncio.get_running_loop().create_task(_warm_decoder())

    # --- calling ------------------------------------------------------------------

    async def call(self, method: str, **params: object) -> dict[str, Any]:
        """Call ``method``; returns the answer's JSON object (status "success")."""
        return await self.call_converted(method, _as_is, **params)

    async def call_converted(self, method: str, convert: Convert[T], /, **params: object) -> T:
        """Call ``method`` and return ``convert(answer)``.

        For a big answer (a year of SMS, a fax) the JSON decoding *and* ``convert``
        run in a worker process (``app.api.offload``), so ``convert`` must be
        picklable (a module-level function or a ``functools.partial`` of one) and
        must not need this process's state. Small answers are converted here.
        """
        await self._first_call_ready()
        clean = {
            name.rstrip("_"): _wire_value(value)
            for name, value in params.items()
            if value is not None
        }
        spec = catalog.validate(method, clean)
        if convert is not _as_is:
            self._start_decoder_soon()
        read = is_read(method)
        attempt = 0
        while True:
            attempt += 1
            try:
                link = self.link
                if link is not None:
                    await link.admit(method, read=read)
                await self._enter_slot(read)
                try:
                    if link is not None:
                        # The state may have changed while this call was queued.
                        await link.admit(method, read=read)
                    try:
                        return await self._call_once(method, clean, spec, convert)
                    except RateLimited:
                        # Pause every queued call, not only this one.
                        self._throttle.pause_for(self.retry.rate_limit_pause)
                        raise
                finally:
                    self._throttle.leave()
            except Unreachable:
                raise  # never retried: the connectivity service probes instead
            except ApiError as error:
                delay = should_retry(method, error, attempt, self.retry)
                if delay is None:
                    raise
                log.info("%s failed (%s); retry %d in %.1fs", method, error.detail, attempt, delay)
                if not isinstance(error, RateLimited):
                    # A rate limit is waited out by the throttle's pause instead.
                    await self._sleep(delay)

    async def _enter_slot(self, read: bool) -> None:
        """Wait for the call slot; a read stops waiting when the state turns offline."""
        link = self.link
        if link is None or not read:
            await self._throttle.__aenter__()
            return
        entering = asyncio.ensure_future(self._throttle.__aenter__())
        await self._unless_lost(entering, link, on_late=lambda _: self._throttle.leave())

    async def _unless_lost(
        self,
        task: asyncio.Future[T],
        link: Link,
        *,
        on_late: Callable[[T], object] | None = None,
        stall_method: str = "",
    ) -> T:
        """``task``'s result, unless the state turns offline first (``Unreachable``).

        With ``stall_method`` a task still running is reported as stalled
        (``_stall_reports``). A task that completes after it was given up is
        handed to ``on_late`` (a slot acquired just then is given back).
        """
        lost = link.lost()
        waiting: set[asyncio.Future[Any]] = {task, lost}
        try:
            for pause in _stall_reports(link) if stall_method else (None,):
                done, _ = await asyncio.wait(
                    waiting, timeout=pause, return_when=asyncio.FIRST_COMPLETED
                )
                if done:
                    break
                link.stalled(stall_method)
        except BaseException:
            _abandon(task, on_late)
            raise
        if task.done():
            return task.result()
        _abandon(task, on_late)
        raise Unreachable(detail="given up: the connectivity state turned offline")

    async def probe(self, timeout: float) -> None:
        """One cheap read (``getBalance``) that proves VoIP.ms answers, for the
        connectivity service: outside the call queue (a hung call must not hold
        it up), one attempt, a short time-out. Raises ``ApiError``."""
        await self._first_call_ready()
        spec = catalog.validate(PROBE_METHOD, {})
        await self._call_once(PROBE_METHOD, {}, spec, _as_is, timeout=timeout, watched=False)

    async def _call_once(
        self,
        method: str,
        params: dict[str, str],
        spec: catalog.MethodSpec,
        convert: Convert[T],
        *,
        timeout: float | None = None,
        watched: bool = True,
    ) -> T:
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
        link = self.link if watched else None
        if method in FILE_METHODS and convert is not _as_is and not use_post:
            return await self._watched(
                self._call_to_file(method, spec, fields, convert), link, method
            )
        # httpx's own default when no time-out is given for this request.
        per_request: Any = timeout if timeout is not None else httpx.USE_CLIENT_DEFAULT
        request: Awaitable[httpx.Response]
        if use_post:
            # (None, value) parts make httpx send multipart/form-data fields.
            files = {name: (None, value) for name, value in fields.items()}
            request = self._http.post(self.base_url, files=files, timeout=per_request)
        else:
            request = self._http.get(self.base_url, params=fields, timeout=per_request)
        response = await self._watched(request, link, method)
        if len(response.content) > BIG_CONVERT_BYTES and convert is not _as_is:
            return await self._interpret_big(method, spec, response, convert)
        if len(response.content) > BIG_BODY_BYTES:
            # A plain call() with a big answer: decoded on a thread (its dict is
            # wanted here, and unpickling it would cost as much as decoding it).
            return cast(T, await asyncio.to_thread(self._interpret, method, spec, response))
        return convert(self._interpret(method, spec, response))

    async def _watched(self, request: Awaitable[U], link: Link | None, method: str) -> U:
        """``request``'s outcome, watched by the connectivity link when there is one:
        a read is given up when the state turns offline, a write never is (it may
        have gone through); a stall is reported; a network failure feeds the link."""
        try:
            if link is None:
                outcome = await request
            elif is_read(method):
                outcome = await self._unless_lost(
                    asyncio.ensure_future(request), link, stall_method=method
                )
            else:
                outcome = await self._stall_watched(request, link, method)
        except httpx.TimeoutException as exc:
            raise self._unanswered(link, method, "timeout", exc) from None
        except httpx.HTTPError as exc:
            raise self._unanswered(link, method, "network", exc) from None
        if link is not None:
            link.answered()
        return outcome

    async def _stall_watched(self, request: Awaitable[U], link: Link, method: str) -> U:
        """A write's answer: never given up (it may have gone through), but a
        stall is reported so the app learns early that the network is gone."""
        task = asyncio.ensure_future(request)
        try:
            for pause in _stall_reports(link):
                done, _ = await asyncio.wait({task}, timeout=pause)
                if done:
                    break
                link.stalled(method)
            return await task
        except BaseException:
            task.cancel()
            raise

    def _unanswered(
        self, link: Link | None, method: str, kind: str, exc: Exception
    ) -> ApiError:
        error = self._network_error(method, kind, exc)
        if link is not None and error.no_answer:
            link.unanswered(error)
            if is_read(method) and link.lost().done():
                # This failure turned the app offline: the read ends the way every
                # other one does now, with the one "can't reach" error.
                return Unreachable(method=method, detail=error.detail)
        return error

    async def _call_to_file(
        self, method: str, spec: catalog.MethodSpec, fields: dict[str, str], convert: Convert[T]
    ) -> T:
        """A file's answer, streamed to a temporary file unless it turns out small."""
        from app.api import offload

        async with self._http.stream("GET", self.base_url, params=fields) as response:
            if response.status_code >= 300:
                await response.aread()
                self._check_http(method, response)
            body, head = await offload.receive(response.aiter_bytes(),
                                               keep_below=BIG_CONVERT_BYTES)
        if isinstance(body, bytes):
            data, problem = parse_body(body)
            if data is None:
                raise self._body_error(method, response.status_code, head, problem)
            return convert(self._result(method, spec, data))
        decoded, value = await offload.decode_big(body, convert)
        return self._converted(method, spec, response.status_code, head, decoded, value, convert)

    async def _interpret_big(
        self, method: str, spec: catalog.MethodSpec, response: httpx.Response, convert: Convert[T]
    ) -> T:
        """A multi-megabyte answer: decoded and converted in the worker process."""
        from app.api import offload

        self._check_http(method, response)
        decoded, value = await offload.decode_big(response.content, convert)
        return self._converted(method, spec, response.status_code, response.content, decoded,
                               value, convert)

    def _converted(
        self, method: str, spec: catalog.MethodSpec, http_status: int, head: bytes,
        decoded: Decoded, value: T | None, convert: Convert[T],
    ) -> T:
        if decoded.problem:
            raise self._body_error(method, http_status, head, decoded.problem)
        if decoded.status == "success":
            return cast(T, value)
        # An empty list or an error: a few bytes, interpreted here as always.
        return convert(self._result(method, spec, {"status": decoded.status}))

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
        await self._first_call_ready()
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
        if self.link is not None:
            await self.link.admit("media", read=True)
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
        # Refused, unknown host, no route, connect time-out: no connection at all.
        connect_failed = kind != "certificate" and isinstance(
            exc, httpx.ConnectError | httpx.ConnectTimeout
        )
        return TransportError(
            message, kind=kind, method=method, detail=detail, connect_failed=connect_failed
        )

    def _body_head(self, response: httpx.Response) -> str:
        return self._head_text(response.content)

    def _head_text(self, body: bytes) -> str:
        return self._redact(body[:BODY_HEAD_BYTES].decode("utf-8", errors="replace"))

    def _interpret(
        self, method: str, spec: catalog.MethodSpec, response: httpx.Response
    ) -> dict[str, Any]:
        self._check_http(method, response)
        return self._result(method, spec, self._decode(method, response))

    def _check_http(self, method: str, response: httpx.Response) -> None:
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

    def _result(
        self, method: str, spec: catalog.MethodSpec, data: dict[str, Any]
    ) -> dict[str, Any]:
        """A decoded answer: itself on success, an empty list, or the status's error."""
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
        data, problem = parse_body(response.content)
        if data is None:
            raise self._body_error(method, response.status_code, response.content, problem)
        return data

    def _body_error(
        self, method: str, http_status: int, body: bytes, problem: str
    ) -> TransportError:
        return TransportError(
            Text(
                QT_TRANSLATE_NOOP(
                    "services",
                    "VoIP.ms sent {problem}. The service may be busy; try again in a few minutes.",
                ),
                problem=problem,
            ),
            kind="body",
            http_status=http_status,
            body_head=self._head_text(body),
            method=method,
        )


def _stall_reports(link: Link) -> Iterator[float | None]:
    """The pauses between "still no answer" reports of one request: after
    ``stall_seconds``, then twice as long each time (1, 3, 7, 15... s), so a
    request that is merely slow costs a few probes, not one per second, while
    a network that dies during a long request is still noticed in seconds."""
    pause = link.stall_seconds
    while True:
        yield pause
        pause *= 2


def _abandon(task: asyncio.Future[T], on_late: Callable[[T], object] | None) -> None:
    """Stop waiting for ``task``: cancel it, and settle whatever it still produces."""

    def settle(done: asyncio.Future[T]) -> None:
        if done.cancelled():
            return
        error = done.exception()  # retrieved: an abandoned failure is not "never retrieved"
        if error is None and on_late is not None:
            on_late(done.result())

    task.cancel()
    task.add_done_callback(settle)


#: What httpx imports at its first request (its async backend, anyio, loads lazily:
#: ~40 modules), and the method catalog read by the first call's check: on the loop
#: that was a 60 ms stall at the first call (issue #16), on a thread it is none.
FIRST_CALL_MODULES = (
    "anyio._backends._asyncio", "anyio.lowlevel", "anyio.abc", "anyio.streams.tls",
    "anyio.to_thread", "httpcore._backends.anyio", "h11",
)


def _import_first_call_modules() -> None:
    for name in FIRST_CALL_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # another httpx version: the first call imports its own
            log.debug("Not warmed up: %s", name)
    catalog.spec("getBalance")  # loads the catalog


async def _warm_decoder() -> None:
    # Imported on a thread: multiprocessing and its friends cost ~7 ms to import.
    offload = await asyncio.to_thread(importlib.import_module, "app.api.offload")
    await offload.warm_up()


def _as_is(data: dict[str, Any]) -> dict[str, Any]:
    """``call``'s conversion: the answer's object itself."""
    return data
