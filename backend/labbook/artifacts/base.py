"""The artifact store protocol (bytes by key, written atomically) and artifact path safety."""

from __future__ import annotations

from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from labbook.errors import InvalidParameterError

MAX_PATH = 1024


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredBlob:
    size: int
    sha256: str


class ArtifactStore(Protocol):
    """Where artifact bytes live. Keys are chosen by the caller and never reused for new bytes."""

    async def write(
        self, key: str, chunks: AsyncIterable[bytes], *, max_bytes: int | None = None
    ) -> StoredBlob:
        """Stream `chunks` to `key`; the key becomes visible only once every byte is stored.

        Raises `TooLargeError` past `max_bytes`; on any error nothing is left behind.
        """
        ...

    async def open(self, key: str, *, chunk_size: int = 1024 * 1024) -> AsyncIterator[bytes]:
        """The bytes at `key`, in chunks; `NotFoundError` at once if missing.

        Opened before returning, so a concurrent replace or delete cannot cut a download short.
        """
        ...

    async def delete(self, key: str) -> None:
        """Remove `key`; a missing key is not an error."""
        ...

    async def exists(self, key: str) -> bool: ...

    def keys(self, *, before: datetime) -> AsyncIterator[str]:
        """Keys of complete objects last written before `before` (for garbage collection)."""
        ...

    async def purge_incomplete(self, *, before: datetime) -> int:
        """Remove what uploads begun before `before` left unfinished (a crash mid-write)."""
        ...

    async def close(self) -> None:
        """Release connections (called once, when the app stops)."""
        ...


def _reject(path: str, why: str) -> InvalidParameterError:
    return InvalidParameterError(f"Invalid artifact path {path!r}: {why}", field="path")


def _check_chars(path: str) -> None:
    if any(ord(c) < 32 or ord(c) == 127 for c in path):
        raise _reject(path, "control characters (such as NUL) are not allowed")
    if "\\" in path:
        raise _reject(path, "backslashes are not allowed; use '/'")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":"):
        raise _reject(path, "absolute paths are not allowed")


def safe_path(path: str, *, allow_empty: bool = False) -> str:
    """`path` normalized (no empty or '.' segments) and confined: relative, no '..'.

    Normalizing only removes segments that cannot name anything, so two spellings of one file
    map to one row; anything that could escape (`..`, absolute, drive letters) is refused.
    """
    _check_chars(path)
    segments = [s for s in path.split("/") if s not in ("", ".")]
    if ".." in segments:
        raise _reject(path, "'..' segments are not allowed")
    normalized = "/".join(segments)
    if not normalized and not allow_empty:
        raise _reject(path, "a file path is required")
    if len(normalized) > MAX_PATH:
        raise _reject(path, f"longer than {MAX_PATH} characters")
    return normalized
