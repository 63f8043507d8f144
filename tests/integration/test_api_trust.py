"""What the client refuses to do with the API password, over real sockets.

* A plain ``http://`` address off this computer is refused before anything is
  sent (the password would travel in clear); loopback (the sandbox) is allowed.
* A server whose certificate cannot be verified is reported as a certificate
  problem, not as "could not reach VoIP.ms", and is not retried.
"""

from __future__ import annotations

import asyncio
import ssl
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.api.client import VoipMsClient
from app.api.endpoint import InsecureEndpoint, require_secure_url
from app.api.errors import TransportError
from app.services.account.session import ConnectionOptions, check_connection, open_api

TLS = Path(__file__).resolve().parents[1] / "data" / "tls"


@pytest.mark.parametrize(
    "url",
    [
        "http://voip.ms/api/v1/rest.php",
        "http://192.168.1.20:8080/api/v1/rest.php",
        "http://10.0.0.1/rest.php",
        "ftp://voip.ms/api",
        "voip.ms/api/v1/rest.php",
    ],
)
def test_an_address_that_would_send_the_password_in_clear_is_refused(url: str) -> None:
    with pytest.raises(InsecureEndpoint) as refused:
        VoipMsClient("me@example.com", "secret-pass", base_url=url)
    assert "secret-pass" not in str(refused.value)


@pytest.mark.parametrize(
    "url",
    [
        "https://voip.ms/api/v1/rest.php",
        "http://127.0.0.1:8765/api/v1/rest.php",
        "http://localhost:8765/api/v1/rest.php",
        "http://[::1]:8765/api/v1/rest.php",
    ],
)
def test_https_and_this_computer_are_allowed(url: str) -> None:
    require_secure_url(url)  # no exception


class _Handler(BaseHTTPRequestHandler):
    requests = 0

    def do_GET(self) -> None:
        type(self).requests += 1
        body = b'{"status": "success", "ip": "127.0.0.1"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture
def untrusted_tls_server() -> Iterator[str]:
    """An HTTPS server on loopback whose self-signed certificate no system trusts."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(TLS / "selfsigned.crt", TLS / "selfsigned.key")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}/api/v1/rest.php"
    finally:
        server.shutdown()
        server.server_close()


def test_a_certificate_failure_says_so_and_is_not_retried(untrusted_tls_server: str) -> None:
    async def main() -> TransportError:
        client = VoipMsClient("me@example.com", "pw", base_url=untrusted_tls_server,
                              min_interval=0)
        try:
            with pytest.raises(TransportError) as failed:
                await client.call("getIP")
            assert client.calls_made == 1  # no retry: trying again cannot help
            return failed.value
        finally:
            await client.aclose()

    error = asyncio.run(main())
    assert error.kind == "certificate"
    assert "certificate" in error.message
    assert "Could not reach" not in error.message
    assert not error.transient
    assert _Handler.requests == 0  # nothing reached the impostor's HTTP layer


def test_the_setup_check_says_what_went_wrong_once(untrusted_tls_server: str) -> None:
    async def main() -> str:
        api = open_api("me@example.com", "pw", ConnectionOptions(
            base_url=untrusted_tls_server, min_interval=0))
        try:
            return (await check_connection(api)).message
        finally:
            await api.client.aclose()

    message = asyncio.run(main())
    assert "certificate" in message
    first_sentence = message.split(".")[0]
    assert message.count(first_sentence) == 1
