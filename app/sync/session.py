"""An account session: the API client for a set of credentials, and the set-up check.

``open_api`` builds the one long-lived client of a signed-in account.
``check_connection`` is what the set-up dialog's "Test connection" runs: it
learns the machine's public IP with ``getIP`` (allowed from any address) and
then proves the credentials with ``getBalance``, turning the three access
failures into instructions a small-business owner can follow.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from app.api.client import DEFAULT_URL, VoipMsClient
from app.api.errors import StatusError
from app.api.typed import Api
from app.domain.errors import UserFacingError
from app.domain.models import Balance

log = logging.getLogger(__name__)

API_PAGE = "Main Menu > SOAP & REST/JSON API on voip.ms"


@dataclass(frozen=True, slots=True)
class ConnectionOptions:
    base_url: str = DEFAULT_URL
    provider_tz: str = "America/New_York"
    min_interval: float = 0.25
    timeout: float = 30.0


def open_api(username: str, password: str, options: ConnectionOptions) -> Api:
    """A new client + typed API for these credentials. Close with ``close_api``."""
    client = VoipMsClient(
        username,
        password,
        base_url=options.base_url or DEFAULT_URL,
        min_interval=options.min_interval,
        timeout=options.timeout,
    )
    return Api(client, provider_tz=options.provider_tz)


async def close_api(api: Api) -> None:
    await api.client.aclose()


@dataclass(frozen=True, slots=True)
class ConnectionCheck:
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
    address = ip or "this computer's public IP address"
    if status == "ip_not_enabled":
        return (
            f"VoIP.ms does not accept API requests from {address} yet. Open {API_PAGE}, "
            f"add {address} to \"Enable IP Addresses\", save, and test again."
        )
    if status == "api_not_enabled":
        return (
            f"API access is switched off for this account. Open {API_PAGE}, click "
            "\"Enable/Disable API\", set an API password, and allow the IP address "
            f"{address}."
        )
    if status in ("invalid_credentials", "missing_credentials"):
        return (
            "VoIP.ms did not accept the e-mail or API password. The API password is not "
            f"the password of the customer portal: it is set under {API_PAGE}."
        )
    return fallback


async def check_connection(api: Api) -> ConnectionCheck:
    """Never raises ``UserFacingError``: the outcome is described in the result."""
    ip: str | None = None
    try:
        ip = await api.get_ip()
    except UserFacingError as exc:
        log.info("getIP failed during set-up: %s", exc.message)
        return ConnectionCheck(False, None, f"Could not reach VoIP.ms. {exc.message}")
    try:
        balance = await api.get_balance()
    except StatusError as exc:
        return ConnectionCheck(False, ip, explain(exc.status, ip, exc.message), exc.status)
    except UserFacingError as exc:
        return ConnectionCheck(False, ip, exc.message)
    return ConnectionCheck(
        True, ip, f"Connected. VoIP.ms sees this computer as {ip}.", balance=balance
    )
