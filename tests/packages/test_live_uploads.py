"""Uploads over a real socket: literal '..' in the request line, and a dropped connection."""

from __future__ import annotations

import http.client
import socket
import time
from urllib.parse import urlsplit

import httpx

from labbook.settings import Settings
from tests.conftest import ADMIN_TOKEN
from tests.packages.conftest import BASE, stored_files

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def _raw(live_server: str, method: str, path: str, body: bytes = b"") -> int:
    """A request sent exactly as written (http.client does not normalize '..')."""
    url = urlsplit(live_server)
    conn = http.client.HTTPConnection(url.hostname or "", url.port, timeout=10)
    try:
        conn.request(method, path, body=body, headers=AUTH)
        return conn.getresponse().status
    finally:
        conn.close()


def test_literal_dot_dot_is_refused(live_server: str, settings: Settings) -> None:
    for path in ("a/../../../escape.txt", "../escape.txt", "a/..", "a/./../b"):
        assert _raw(live_server, "PUT", f"{BASE}/p/1/{path}", b"evil") == 400, path
        assert _raw(live_server, "GET", f"{BASE}/p/1/{path}") == 400, path
    assert _raw(live_server, "PUT", f"{BASE}/../1/x.txt", b"evil") in (400, 404)
    assert stored_files(settings) == []


def test_dropped_upload_leaves_no_file(live_server: str, settings: Settings) -> None:
    url = urlsplit(live_server)
    head = (
        f"PUT {BASE}/p/1/broken.bin HTTP/1.1\r\nHost: {url.netloc}\r\n"
        f"Authorization: Bearer {ADMIN_TOKEN}\r\nContent-Length: 100000\r\n\r\n"
    )
    with socket.create_connection((url.hostname or "", url.port or 80)) as sock:
        sock.sendall(head.encode() + b"x" * 50_000)
        time.sleep(0.3)  # let the server start streaming to a temporary file
    deadline = time.monotonic() + 10
    while stored_files(settings) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert stored_files(settings) == []
    with httpx.Client(base_url=live_server, headers=AUTH) as client:
        assert client.get(f"{BASE}/p/1/broken.bin").status_code == 404
        assert client.get(f"{BASE}/p/1/").status_code == 404
        # the server is fine afterwards
        assert client.put(f"{BASE}/p/1/ok.bin", content=b"ok").status_code == 201
        assert client.get(f"{BASE}/p/1/ok.bin").content == b"ok"
