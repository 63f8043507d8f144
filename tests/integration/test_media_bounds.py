"""MMS media downloads are bounded in host, size, time and type (issue #13.6), over real HTTP.

The server here is one the test controls, at the API's own origin (as the
sandbox is in the demo): it can serve a 2 GB body, trickle a byte at a time or
send an executable, which the sandbox's tidy media never does.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from app.api import client as client_module
from app.api.client import MAX_MEDIA_BYTES, VoipMsClient
from app.api.errors import TransportError

JPEG = (Path(__file__).resolve().parents[2] / "resources/sandbox/media/storefront.jpg").read_bytes()


class _Media(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    requested: list[str] = []  # noqa: RUF012 (shared on purpose: the test reads it)

    def do_GET(self) -> None:
        type(self).requested.append(self.path)
        if self.path == "/photo.jpg":
            self._send(JPEG)
        elif self.path == "/expired.jpg":
            self._send(b"Not found")
        elif self.path == "/invoice.jpg":
            self._send(b"MZ\x90\x00" + b"\x00" * 200)  # a Windows executable
        elif self.path == "/huge-declared.jpg":
            self.send_response(200)
            self.send_header("Content-Length", str(2_000_000_000))
            self.end_headers()
            self.wfile.write(b"\xff\xd8\xff" + b"\x00" * 1000)
        elif self.path == "/huge-chunked.jpg":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            block = b"\xff" * 65536
            try:
                for _ in range(200):  # ~13 MB, well past the cap; bounded either way
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
                self.wfile.write(b"0\r\n\r\n")
            except OSError:
                pass  # the client hung up once it had enough: as it should
        elif self.path == "/trickle.jpg":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            try:
                for _ in range(40):  # bounded: at most ~8 s
                    self.wfile.write(b"\xff")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


@pytest.fixture
def media_server() -> Iterator[str]:
    _Media.requested = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Media)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def _fetch(origin: str, url: str) -> bytes:
    async def main() -> bytes:
        client = VoipMsClient("me@example.com", "pw", base_url=f"{origin}/api/v1/rest.php",
                              min_interval=0)
        try:
            return await client.fetch_media(url)
        finally:
            await client.aclose()

    return asyncio.run(main())


def test_a_real_picture_is_downloaded(media_server: str) -> None:
    assert _fetch(media_server, f"{media_server}/photo.jpg") == JPEG


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/internal/admin",  # this computer, another service
        "http://169.254.169.254/latest/meta-data",
        "http://voip.ms/media.php?map=x",  # the provider, but in clear
        "https://voip.ms.evil.example/x.jpg",
        "http://0:b/x.jpg",  # malformed: once escaped as InvalidURL
        "http://[::1/x.jpg",  # malformed: once escaped as ValueError
        "file:///etc/passwd",
    ],
)
def test_links_off_the_provider_are_refused_without_a_request(
    media_server: str, url: str
) -> None:
    with pytest.raises(TransportError) as refused:
        _fetch(media_server, url)
    assert refused.value.kind == "media"
    assert _Media.requested == []


def test_the_provider_media_hosts_are_allowed() -> None:
    client = VoipMsClient("me@example.com", "pw")
    try:
        assert client.media_host_allowed("https://voip.ms/media.php?map=MTU5")
        assert client.media_host_allowed("https://mms.voip.ms/x/1.jpg")
        assert not client.media_host_allowed("https://voip.ms:8443/media.php")
    finally:
        asyncio.run(client.aclose())


@pytest.mark.parametrize("path", ["/expired.jpg", "/invoice.jpg"])
def test_what_is_not_a_picture_video_or_sound_is_refused(media_server: str, path: str) -> None:
    with pytest.raises(TransportError) as refused:
        _fetch(media_server, f"{media_server}{path}")
    assert refused.value.kind == "media"
    assert "not a picture" in refused.value.message


@pytest.mark.parametrize("path", ["/huge-declared.jpg", "/huge-chunked.jpg"])
def test_a_huge_body_is_cut_off_not_read_whole(media_server: str, path: str) -> None:
    with pytest.raises(TransportError) as refused:
        _fetch(media_server, f"{media_server}{path}")
    assert refused.value.kind == "media"
    assert f"{MAX_MEDIA_BYTES // 1_000_000} MB" in refused.value.message


def test_a_trickling_server_cannot_hold_a_download(
    media_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client_module, "MEDIA_TOTAL_SECONDS", 0.5)
    started = time.monotonic()
    with pytest.raises(TransportError) as refused:
        _fetch(media_server, f"{media_server}/trickle.jpg")
    assert refused.value.kind == "timeout"
    assert time.monotonic() - started < 5  # the 40-byte trickle would take 8 s
