"""The API's address and the rule that keeps the password off plain http.

Kept apart from ``app.api.client`` on purpose: the command line checks
``--api-url`` and the session knows the default address before the first
paint, and importing the client would import httpx (~30 ms of start-up) long
before the first request needs it.
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from app.api.errors import ApiError
from app.domain.words import QT_TRANSLATE_NOOP, Text

DEFAULT_URL = "https://voip.ms/api/v1/rest.php"


class InsecureEndpoint(ApiError):
    """An API address that would send the password in clear (``http://`` off this computer).

    A ``UserFacingError``: the address comes from the user (a setting, ``--api-url``).
    """


def require_secure_url(url: str) -> None:
    """Refuse a plain ``http://`` API address unless it is this computer (the sandbox).

    Every call carries the API password; over ``http://`` anyone on the way
    could read it. Raises ``InsecureEndpoint`` with a sentence for the user.
    """
    parts = urlsplit(url)
    if parts.scheme == "https":
        return
    if parts.scheme == "http":
        host = (parts.hostname or "").lower()
        if host == "localhost" or _is_loopback(host):
            return
        raise InsecureEndpoint(
            Text(
                QT_TRANSLATE_NOOP(
                    "services",
                    "Switchboard will not send the API password over plain http:// ({url}): "
                    "anyone on the network could read it. Use the https:// address "
                    "({DEFAULT_URL}).",
                ),
                url=url, DEFAULT_URL=DEFAULT_URL,
            )
        )
    raise InsecureEndpoint(Text(
        QT_TRANSLATE_NOOP(
            "services",
            "Not a web address Switchboard can use for the API: {url}",
        ),
        url=url,
    ))


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
