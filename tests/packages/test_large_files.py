"""A large file streams through upload and download without being held in memory."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Iterator

import httpx

from tests.conftest import ADMIN_TOKEN
from tests.packages.conftest import BASE

SIZE = 256 * 1024 * 1024
BLOCK = os.urandom(1024 * 1024)
PAGE = os.sysconf("SC_PAGE_SIZE")


def _rss() -> int:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * PAGE


class PeakRss:
    """The process's resident memory above where it started, sampled in a thread."""

    def __init__(self) -> None:
        self.start = _rss()
        self.peak = self.start
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._done.wait(0.005):
            self.peak = max(self.peak, _rss())

    def __enter__(self) -> PeakRss:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._done.set()
        self._thread.join()

    @property
    def growth(self) -> int:
        return self.peak - self.start


def _body(digest: hashlib._Hash) -> Iterator[bytes]:
    for i in range(SIZE // len(BLOCK)):
        block = BLOCK[i % 7 :] + BLOCK[: i % 7]  # not one repeated block: order matters
        digest.update(block)
        yield block


def test_large_upload_and_download_stream(live_server: str) -> None:
    url = f"{BASE}/big/1/weights.bin"
    sent = hashlib.sha256()
    received = hashlib.sha256()
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    with (
        httpx.Client(base_url=live_server, headers=headers, timeout=120) as client,
        PeakRss() as rss,
    ):
        started = time.monotonic()
        put = client.put(url, content=_body(sent), headers={"Content-Length": str(SIZE)})
        assert put.status_code == 201, put.text
        assert put.json()["file"]["sha256"] == sent.hexdigest()
        with client.stream("GET", url) as response:
            assert response.headers["content-length"] == str(SIZE)
            for chunk in response.iter_bytes():
                received.update(chunk)
    assert received.hexdigest() == sent.hexdigest()
    # Client and server share this process: 256 MiB went each way, far less stayed resident.
    assert rss.growth < 64 * 1024 * 1024, (rss.growth, time.monotonic() - started)
