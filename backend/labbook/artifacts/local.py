"""`LocalArtifactStore`: artifact bytes as files under one folder, written off the event loop."""

from __future__ import annotations

import hashlib
import os
import secrets
from collections.abc import AsyncIterable, AsyncIterator
from datetime import datetime
from pathlib import Path

import anyio
import anyio.to_thread
from anyio import AsyncFile

from labbook.artifacts.base import StoredBlob, safe_path
from labbook.errors import NotFoundError, TooLargeError

# Chunks from the network are small (~64 KB); coalescing them saves a thread hop per chunk.
WRITE_BUFFER = 1024 * 1024
TMP_DIR = ".tmp"


class LocalArtifactStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def _path(self, key: str) -> Path:
        key = safe_path(key)
        if key.split("/")[0] == TMP_DIR:
            raise NotFoundError(f"No artifact stored at {key!r}")
        return self.root / key

    async def write(
        self, key: str, chunks: AsyncIterable[bytes], *, max_bytes: int | None = None
    ) -> StoredBlob:
        final = self._path(key)
        tmp = self.root / TMP_DIR / secrets.token_hex(16)
        await anyio.Path(tmp.parent).mkdir(parents=True, exist_ok=True)
        try:
            blob = await _stream_to(tmp, chunks, max_bytes)
            await anyio.Path(final.parent).mkdir(parents=True, exist_ok=True)
            await anyio.Path(tmp).replace(final)
        except BaseException:
            # Also on cancellation (client gone): never leave a partial file behind.
            with anyio.CancelScope(shield=True):
                await anyio.Path(tmp).unlink(missing_ok=True)
            raise
        return blob

    async def open(self, key: str, *, chunk_size: int = 1024 * 1024) -> AsyncIterator[bytes]:
        try:
            handle = await anyio.open_file(self._path(key), "rb")
        except FileNotFoundError as exc:
            raise NotFoundError(f"No artifact stored at {key!r}") from exc
        return _chunks(handle, chunk_size)

    async def delete(self, key: str) -> None:
        await anyio.Path(self._path(key)).unlink(missing_ok=True)

    async def exists(self, key: str) -> bool:
        return await anyio.Path(self._path(key)).is_file()

    async def close(self) -> None:
        """Nothing to release: files are opened per call."""

    async def keys(self, *, before: datetime) -> AsyncIterator[str]:
        found = await anyio.to_thread.run_sync(_older_files, self.root, before.timestamp())
        for path in found:
            key = path.relative_to(self.root).as_posix()
            if not key.startswith(f"{TMP_DIR}/"):
                yield key

    async def purge_incomplete(self, *, before: datetime) -> int:
        stale = await anyio.to_thread.run_sync(
            _older_files, self.root / TMP_DIR, before.timestamp()
        )
        for path in stale:
            await anyio.Path(path).unlink(missing_ok=True)
        return len(stale)


def _older_files(root: Path, cutoff: float) -> list[Path]:
    """Files under `root` last modified before `cutoff` (a thread: the walk blocks)."""
    found: list[Path] = []
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            try:
                if path.stat().st_mtime < cutoff:
                    found.append(path)
            except FileNotFoundError:  # removed while we walked
                continue
    return found


async def _stream_to(path: Path, chunks: AsyncIterable[bytes], max_bytes: int | None) -> StoredBlob:
    digest = hashlib.sha256()
    size = 0
    buffer = bytearray()
    async with await anyio.open_file(path, "xb") as handle:
        async for chunk in chunks:
            size += len(chunk)
            if max_bytes is not None and size > max_bytes:
                raise TooLargeError(f"Artifact file is too large: the limit is {max_bytes} bytes")
            digest.update(chunk)
            buffer += chunk
            if len(buffer) >= WRITE_BUFFER:
                await _flush(handle, buffer)
        await _flush(handle, buffer)
        await anyio.to_thread.run_sync(os.fsync, handle.wrapped.fileno())
    return StoredBlob(size=size, sha256=digest.hexdigest())


async def _flush(handle: AsyncFile[bytes], buffer: bytearray) -> None:
    if buffer:
        await handle.write(bytes(buffer))
        buffer.clear()


async def _chunks(handle: AsyncFile[bytes], chunk_size: int) -> AsyncIterator[bytes]:
    async with handle:
        while chunk := await handle.read(chunk_size):
            yield chunk
