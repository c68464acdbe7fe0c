"""The local artifact store on a real folder: atomic streaming writes, reads, deletes."""

from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from labbook.artifacts.local import TMP_DIR, LocalArtifactStore
from labbook.errors import InvalidParameterError, NotFoundError, TooLargeError


async def _chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


async def _failing(after: bytes) -> AsyncIterator[bytes]:
    yield after
    raise ConnectionError("client went away")


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


async def _read(store: LocalArtifactStore, key: str, chunk_size: int = 1024 * 1024) -> bytes:
    return b"".join([c async for c in await store.open(key, chunk_size=chunk_size)])


async def test_write_then_read_is_byte_exact(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path)
    data = os.urandom(3 * 1024 * 1024 + 17)
    parts = [data[i : i + 65536] for i in range(0, len(data), 65536)]
    blob = await store.write("p/1/key", _chunks(*parts))
    assert (blob.size, blob.sha256) == (len(data), hashlib.sha256(data).hexdigest())
    assert await store.exists("p/1/key")
    assert await _read(store, "p/1/key", chunk_size=1000) == data
    assert _files(tmp_path) == [tmp_path / "p/1/key"]


async def test_failed_write_leaves_nothing(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path)
    with pytest.raises(ConnectionError):
        await store.write("k", _failing(b"partial"))
    assert not await store.exists("k")
    assert _files(tmp_path) == []


async def test_size_limit_stops_the_write(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path)
    with pytest.raises(TooLargeError):
        await store.write("k", _chunks(b"12345", b"678901"), max_bytes=10)
    assert _files(tmp_path) == []
    blob = await store.write("k", _chunks(b"12345", b"67890"), max_bytes=10)
    assert blob.size == 10


async def test_failed_rewrite_keeps_the_old_bytes(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path)
    await store.write("k", _chunks(b"old"))
    with pytest.raises(ConnectionError):
        await store.write("k", _failing(b"new"))
    assert await _read(store, "k") == b"old"


async def test_open_survives_a_concurrent_delete(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path)
    await store.write("k", _chunks(b"a" * 10_000))
    chunks = await store.open("k", chunk_size=100)
    await store.delete("k")
    assert b"".join([c async for c in chunks]) == b"a" * 10_000


async def test_missing_and_unsafe_keys(tmp_path: Path) -> None:
    store = LocalArtifactStore(tmp_path)
    with pytest.raises(NotFoundError):
        await store.open("nope")
    await store.delete("nope")  # deleting what is not there is fine
    assert not await store.exists("nope")
    with pytest.raises(InvalidParameterError):
        await store.open("../outside")
    with pytest.raises(NotFoundError):
        await store.open(f"{TMP_DIR}/whatever")
