"""Packages and their files through the store, with bytes in a real local artifact folder."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from labbook.artifacts.base import StoredBlob
from labbook.artifacts.local import LocalArtifactStore
from labbook.db.database import Database
from labbook.errors import InvalidParameterError, NotFoundError, TooLargeError
from labbook.store import packages, projects
from labbook.store.artifact_files import FileRef, open_file, remove_files, upload_file
from labbook.store.entities import ArtifactEntry


async def _project(db: Database) -> int:
    async with db.write() as s:
        return (await projects.create_project(s, path="p")).id


async def _chunks(*parts: bytes) -> AsyncIterator[bytes]:
    for part in parts:
        yield part


def _files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


async def test_package_is_created_once(db: Database) -> None:
    project_id = await _project(db)
    async with db.write() as s:
        first = await packages.get_or_create_package(
            s, project_id=project_id, name="a", version="1"
        )
        again = await packages.get_or_create_package(
            s, project_id=project_id, name="a", version="1"
        )
        other = await packages.get_or_create_package(
            s, project_id=project_id, name="a", version="2"
        )
    assert first.id == again.id != other.id
    async with db.write() as s:
        for name, version in (("..", "1"), ("a", ""), ("a/b", "1"), ("a", "1 2"), ("-a", "1")):
            with pytest.raises(InvalidParameterError):
                await packages.get_or_create_package(
                    s, project_id=project_id, name=name, version=version
                )


async def test_listing_is_mlflow_shaped(db: Database) -> None:
    project_id = await _project(db)
    async with db.write() as s:
        package = await packages.get_or_create_package(
            s, project_id=project_id, name="a", version="1"
        )
        for i, path in enumerate(["z.txt", "dir/a.txt", "dir/sub/b.txt", "dir_x/c.txt", "d%/e"]):
            blob = StoredBlob(size=i, sha256="0" * 64)
            await packages.record_file(
                s, package_id=package.id, path=path, blob=blob, storage_key=f"k{i}"
            )
    async with db.read() as s:
        root = await packages.list_entries(s, package_id=package.id)
        folder = await packages.list_entries(s, package_id=package.id, directory="dir")
        percent = await packages.list_entries(s, package_id=package.id, directory="d%")
        as_file = await packages.list_entries(s, package_id=package.id, directory="z.txt")
        missing = await packages.list_folder(s, project_id=project_id, name="b", version="1")
    assert root == [
        ArtifactEntry(path="d%", is_dir=True, file_size=None),
        ArtifactEntry(path="dir", is_dir=True, file_size=None),
        ArtifactEntry(path="dir_x", is_dir=True, file_size=None),
        ArtifactEntry(path="z.txt", is_dir=False, file_size=0),
    ]
    assert folder == [  # `dir_x` does not leak in: the prefix is a folder, not a string
        ArtifactEntry(path="dir/a.txt", is_dir=False, file_size=1),
        ArtifactEntry(path="dir/sub", is_dir=True, file_size=None),
    ]
    assert percent == [ArtifactEntry(path="d%/e", is_dir=False, file_size=4)]
    assert as_file == missing == []


async def test_record_replaces_and_refuses_clashes(db: Database) -> None:
    project_id = await _project(db)
    blob = StoredBlob(size=1, sha256="0" * 64)
    async with db.write() as s:
        package = await packages.get_or_create_package(
            s, project_id=project_id, name="a", version="1"
        )
        _, replaced = await packages.record_file(
            s, package_id=package.id, path="f", blob=blob, storage_key="k1"
        )
        assert replaced is None
        file, replaced = await packages.record_file(
            s, package_id=package.id, path="f", blob=blob, storage_key="k2"
        )
        assert (file.storage_key, replaced) == ("k2", "k1")
        with pytest.raises(InvalidParameterError, match="clash"):
            await packages.record_file(
                s, package_id=package.id, path="f/g", blob=blob, storage_key="k3"
            )
    async with db.write() as s:
        assert await packages.delete_files(s, package_id=package.id, path="f") == ["k2"]
        with pytest.raises(NotFoundError):
            await packages.delete_files(s, package_id=package.id, path="f")


async def test_upload_open_remove(db: Database, tmp_path: Path) -> None:
    project_id = await _project(db)
    root = tmp_path / "blobs"
    blobs = LocalArtifactStore(root)
    ref = FileRef.parse(project_id=project_id, name="a", version="1", path="d/f.bin")
    file = await upload_file(db, blobs, ref=ref, chunks=_chunks(b"ab", b"c"), max_bytes=10)
    assert (file.path, file.size) == ("d/f.bin", 3)
    download = await open_file(db, blobs, ref=ref)
    assert b"".join([c async for c in download.chunks]) == b"abc"
    await upload_file(db, blobs, ref=ref, chunks=_chunks(b"xyz!"), max_bytes=10)
    assert len(_files(root)) == 1
    folder = FileRef.parse(project_id=project_id, name="a", version="1", path="d")
    assert await remove_files(db, blobs, ref=folder) == 1
    assert _files(root) == []
    with pytest.raises(NotFoundError):
        await open_file(db, blobs, ref=ref)


async def test_failed_uploads_leave_nothing(db: Database, tmp_path: Path) -> None:
    project_id = await _project(db)
    root = tmp_path / "blobs"
    blobs = LocalArtifactStore(root)
    ref = FileRef.parse(project_id=project_id, name="a", version="1", path="big")
    with pytest.raises(TooLargeError):
        await upload_file(db, blobs, ref=ref, chunks=_chunks(b"x" * 11), max_bytes=10)

    async def clash_mid_stream() -> AsyncIterator[bytes]:
        # A concurrent upload makes `dir` a file while `dir/f` is still streaming.
        yield b"first half"
        other = FileRef.parse(project_id=project_id, name="a", version="1", path="dir")
        await upload_file(db, blobs, ref=other, chunks=_chunks(b"winner"), max_bytes=100)
        yield b"second half"

    late = FileRef.parse(project_id=project_id, name="a", version="1", path="dir/f")
    with pytest.raises(InvalidParameterError, match="clash"):
        await upload_file(db, blobs, ref=late, chunks=clash_mid_stream(), max_bytes=100)
    assert [p.read_bytes() for p in _files(root)] == [b"winner"]
    async with db.read() as s:
        entries = await packages.list_folder(s, project_id=project_id, name="a", version="1")
    assert entries == [ArtifactEntry(path="dir", is_dir=False, file_size=6)]


async def test_concurrent_uploads_of_one_path(db: Database, tmp_path: Path) -> None:
    project_id = await _project(db)
    root = tmp_path / "blobs"
    blobs = LocalArtifactStore(root)
    ref = FileRef.parse(project_id=project_id, name="a", version="1", path="same.bin")
    bodies = [bytes([i]) * 1000 for i in range(8)]
    await asyncio.gather(
        *(upload_file(db, blobs, ref=ref, chunks=_chunks(b), max_bytes=10_000) for b in bodies)
    )
    stored = [p.read_bytes() for p in _files(root)]
    assert len(stored) == 1 and stored[0] in bodies  # one winner, no orphaned bytes
    download = await open_file(db, blobs, ref=ref)
    assert b"".join([c async for c in download.chunks]) == stored[0]
