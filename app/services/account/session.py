"""An account session: the API client for a set of credentials, and the set-up check.

``open_api`` builds the one long-lived client of a signed-in account.
``check_connection`` is what the set-up dialog's "Test connection" runs: it
learns the machine's public IP with ``getIP`` (allowed from any address) and
then proves the credentials with ``getBalance``, turning the three access
failures into instructions a small-business owner can follow.

The API package (and httpx under it, ~50 ms of imports) is imported only when
a client is really built: a session's client is *deferred* (``open_api(...,
deferred=True)``) so the main window can paint from the cache first.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, cast

from app.api.endpoint import DEFAULT_URL
from app.domain.errors import UserFacingError
from app.domain.models.balance import Balance
from app.domain.words import QT_TRANSLATE_NOOP, Text, Verbatim

if TYPE_CHECKING:
    from app.api.link import Link
    from app.api.typed import Api
    from app.store.db import Database

log = logging.getLogger(__name__)

API_PAGE = "Main Menu > SOAP & REST/JSON API on voip.ms"

#: The real endpoint (``app.api.endpoint`` imports no httpx, so knowing it is cheap).
VOIPMS_URL = DEFAULT_URL


@dataclass(frozen=True, slots=True)
class ConnectionOptions:
    """How to reach the API: its address, time zone, pacing and timeout."""
    #: Empty: the real VoIP.ms endpoint (``VOIPMS_URL``).
    base_url: str = ""
    provider_tz: str = "America/New_York"
    min_interval: float = 0.25
    timeout: float = 30.0


class _DeferredClient:
    """``DeferredApi.client`` before the client exists: knows its URL, builds on use."""

    def __init__(self, owner: DeferredApi, base_url: str) -> None:
        self._owner = owner
        self.base_url = base_url

    def __getattr__(self, name: str) -> Any:
        return getattr(self._owner.resolve().client, name)


class DeferredApi:
    """Stands in for an ``Api`` and builds the real one on first use.

    Everything built before the first paint (services, tabs) only keeps a
    reference to the api (and may read ``client.base_url``); the first other
    attribute read (a refresh, after the paint) imports httpx and creates the
    client.
    """

    def __init__(self, build: Callable[[], Api], base_url: str) -> None:
        self._build: Callable[[], Api] | None = build
        self._api: Api | None = None
        self._client = _DeferredClient(self, base_url)
        self._on_built: list[Callable[[Api], None]] = []

    @property
    def client(self) -> Any:
        return self._api.client if self._api is not None else self._client

    @property
    def built(self) -> bool:
        return self._api is not None

    def resolve(self) -> Api:
        if self._api is None:
            assert self._build is not None
            self._api = self._build()
            self._build = None  # drop the closure holding the password
            for callback in self._on_built:
                callback(self._api)
            self._on_built.clear()
        return self._api

    def when_built(self, callback: Callable[[Api], None]) -> None:
        """Run ``callback`` with the real ``Api`` once it exists (now if it does)."""
        if self._api is not None:
            callback(self._api)
        else:
            self._on_built.append(callback)

    def __getattr__(self, name: str) -> Any:
        # Only called for names not found on the proxy itself.
        return getattr(self.resolve(), name)


def _build_api(username: str, password: str, options: ConnectionOptions) -> Api:
    from app.api.client import VoipMsClient
    from app.api.typed import Api

    client = VoipMsClient(
        username,
        password,
        base_url=options.base_url or DEFAULT_URL,
        min_interval=options.min_interval,
        timeout=options.timeout,
    )
    return Api(client, provider_tz=options.provider_tz)


def open_api(
    username: str,
    password: str | Callable[[], str],
    options: ConnectionOptions,
    *,
    deferred: bool = False,
) -> Api:
    """A new client + typed API for these credentials. Close with ``close_api``.

    ``deferred``: return a ``DeferredApi`` that builds the client on first use;
    then ``password`` may be a function, asked at that moment (the shell reads the
    keyring after the window painted).
    """
    if deferred:
        build = lambda: _build_api(  # noqa: E731
            username, password() if callable(password) else password, options
        )
        return cast("Api", DeferredApi(build, options.base_url or VOIPMS_URL))
    assert isinstance(password, str), "only a deferred client takes the password later"
    return _build_api(username, password, options)


def attach_link(api: Api, link: Link) -> None:
    """Hand the app's connectivity state to the API client, without building a
    deferred client before its time (it gets the link when it is built)."""

    def attach(real: Api) -> None:
        real.client.link = link

    if isinstance(api, DeferredApi):
        api.when_built(attach)
    else:
        attach(api)


async def close_api(api: Api) -> None:
    if isinstance(api, DeferredApi) and not api.built:
        return  # never used: there is no client to close
    await api.client.aclose()


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
    """The outcome of “Test connection”, with the public IP and balance."""
    ok: bool
    #: The public IP VoIP.ms sees (None when even getIP failed).
    ip: str | None
    #: One paragraph for the user: success summary or what to do.
    message: str
    #: The API status code that failed, if any (``ip_not_enabled`` ...).
    status: str | None = None
    balance: Balance | None = None


def explain(status: str | None, ip: str | None, fallback: str) -> str:
    """What to do about an access failure, naming the IP to whitelist when known."""
    # Texts with their values (app/domain/words.py): the UI translates them.
    address = Verbatim(ip) if ip else QT_TRANSLATE_NOOP(
        "services", "this computer's public IP address")
    if status == "ip_not_enabled":
        return Text(QT_TRANSLATE_NOOP(
            "services",
            "VoIP.ms does not accept API requests from {address} yet. Open {page}, "
            "add {address} to \"Enable IP Addresses\", save, and test again.",
        ), address=address, page=Verbatim(API_PAGE))
    if status == "api_not_enabled":
        return Text(QT_TRANSLATE_NOOP(
            "services",
            "API access is switched off for this account. Open {page}, click "
            "\"Enable/Disable API\", set an API password, and allow the IP address "
            "{address}.",
        ), address=address, page=Verbatim(API_PAGE))
    if status in ("invalid_credentials", "missing_credentials"):
        return Text(QT_TRANSLATE_NOOP(
            "services",
            "VoIP.ms did not accept the e-mail or API password. The API password is not "
            "the password of the customer portal: it is set under {page}.",
        ), page=Verbatim(API_PAGE))
    return fallback


async def check_connection(api: Api) -> ConnectionCheck:
    """Never raises ``UserFacingError``: the outcome is described in the result."""
    from app.api.errors import StatusError

    ip: str | None = None
    try:
        ip = await api.get_ip()
    except UserFacingError as exc:
        log.info("getIP failed during set-up: %s", exc.message)
        # The message already says what went wrong ("Could not reach VoIP.ms. ..."
        # or a certificate problem): said once, not prefixed again.
        return ConnectionCheck(False, None, exc.message)
    try:
        balance = await api.get_balance()
    except StatusError as exc:
        return ConnectionCheck(False, ip, explain(exc.status, ip, exc.message), exc.status)
    except UserFacingError as exc:
        return ConnectionCheck(False, ip, exc.message)
    return ConnectionCheck(
        True, ip, Text(QT_TRANSLATE_NOOP("services",
            "Connected. VoIP.ms sees this computer as {ip}."),
                       ip=Verbatim(ip or "")), balance=balance
    )


def open_database(path: Path, early: DatabaseSource | None = None) -> Database:
    """The account's cache, taken from ``early`` when it opened that very file ahead
    of time (``app.__main__.EarlyDatabase``), else opened now (and repaired if need be:
    ``Database.recovery_notice`` says what happened)."""
    from app.store.db import Database

    db = early.take(path) if early is not None else None
    return db if db is not None else Database.open(path)


class DatabaseSource(Protocol):
    """A database opened ahead of time (``app.__main__.EarlyDatabase``)."""

    def take(self, path: Path) -> Database | None: ...
