"""Package files together with their bytes: upload, download, delete.

These span a transaction and the artifact store, so they take the `Database` rather than a
session. The order is what keeps a broken upload invisible: bytes are streamed to a fresh storage
key with no transaction open, the row is written only once they are complete, and replaced or
deleted bytes are removed only after the row change has committed.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterable, AsyncIterator
from dataclasses import dataclass

import anyio

from labbook.artifacts.base import ArtifactStore, StoredBlob, safe_path
from labbook.db.database import Database
from labbook.errors import NotFoundError
from labbook.store.entities import PackageFile
from labbook.store.packages import (
    check_package_ref,
    check_path_free,
    delete_files,
    find_package,
    get_file,
    get_or_create_package,
    get_package,
    record_file,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class FileRef:
    """Where a package file lives: project, package name and version, path inside it."""

    project_id: int
    name: str
    version: str
    path: str

    @classmethod
    def parse(cls, *, project_id: int, name: str, version: str, path: str) -> FileRef:
        """Validated and normalized; `InvalidParameterError` for unsafe names or paths."""
        name, version = check_package_ref(name, version)
        return cls(project_id=project_id, name=name, version=version, path=safe_path(path))


@dataclass(frozen=True, slots=True, kw_only=True)
class Download:
    """A file's record and its bytes; no bytes when the caller already has them."""

    file: PackageFile
    chunks: AsyncIterator[bytes] | None


def new_storage_key(project_id: int) -> str:
    """Fresh per upload, so a re-upload never overwrites bytes a reader may be streaming."""
    token = secrets.token_hex(16)
    return f"projects/{project_id}/{token[:2]}/{token}"


async def _precheck(db: Database, ref: FileRef) -> None:
    """Refuse a path clash before streaming gigabytes; checked again when recording."""
    async with db.read() as session:
        package = await find_package(
            session, project_id=ref.project_id, name=ref.name, version=ref.version
        )
        if package is not None:
            await check_path_free(session, package_id=package.id, path=ref.path)


async def _record(
    db: Database, ref: FileRef, key: str, blob: StoredBlob
) -> tuple[PackageFile, str | None]:
    async with db.write() as session:
        package = await get_or_create_package(
            session, project_id=ref.project_id, name=ref.name, version=ref.version
        )
        return await record_file(
            session, package_id=package.id, path=ref.path, blob=blob, storage_key=key
        )


async def upload_file(
    db: Database,
    blobs: ArtifactStore,
    *,
    ref: FileRef,
    chunks: AsyncIterable[bytes],
    max_bytes: int,
) -> PackageFile:
    """Store the bytes, then record them; re-uploading a path replaces its file."""
    await _precheck(db, ref)
    key = new_storage_key(ref.project_id)
    blob = await blobs.write(key, chunks, max_bytes=max_bytes)
    try:
        file, replaced = await _record(db, ref, key, blob)
    except BaseException:
        with anyio.CancelScope(shield=True):
            await blobs.delete(key)
        raise
    if replaced is not None:
        await blobs.delete(replaced)
    return file


async def open_file(
    db: Database, blobs: ArtifactStore, *, ref: FileRef, unless_sha256: str | None = None
) -> Download:
    """The file's record and its bytes (none if they hash to `unless_sha256`: a cache hit).

    `NotFoundError` for a missing package or path.
    """
    async with db.read() as session:
        package = await get_package(
            session, project_id=ref.project_id, name=ref.name, version=ref.version
        )
        file = await get_file(session, package_id=package.id, path=ref.path)
    if unless_sha256 == file.sha256:
        return Download(file=file, chunks=None)
    try:
        chunks = await blobs.open(file.storage_key)
    except NotFoundError:
        raise NotFoundError(
            f"The bytes of artifact {ref.path!r} are missing from storage"
        ) from None
    return Download(file=file, chunks=chunks)


async def remove_files(db: Database, blobs: ArtifactStore, *, ref: FileRef) -> int:
    """Delete a file, or a whole folder; returns how many files went."""
    async with db.write() as session:
        package = await get_package(
            session, project_id=ref.project_id, name=ref.name, version=ref.version
        )
        keys = await delete_files(session, package_id=package.id, path=ref.path)
    for key in keys:
        await blobs.delete(key)
    return len(keys)
