"""Garbage collection of unreferenced artifact bytes, on local files and on S3."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

from labbook.artifacts.local import TMP_DIR, LocalArtifactStore
from labbook.artifacts.s3 import S3ArtifactStore
from labbook.db.database import Database
from labbook.db.tables import utcnow
from labbook.store import projects
from labbook.store.artifact_files import FileRef, open_file, upload_file
from labbook.store.artifact_gc import collect_garbage

HOUR = 3600


async def _chunks(data: bytes) -> AsyncIterator[bytes]:
    yield data


def _age(path: Path, seconds: int) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


async def _referenced(db: Database, blobs: LocalArtifactStore | S3ArtifactStore) -> FileRef:
    async with db.write() as s:
        project = await projects.create_project(s, path="p")
    ref = FileRef.parse(project_id=project.id, name="a", version="1", path="kept.bin")
    await upload_file(db, blobs, ref=ref, chunks=_chunks(b"kept"), max_bytes=100)
    return ref


async def _read(db: Database, blobs: LocalArtifactStore | S3ArtifactStore, ref: FileRef) -> bytes:
    download = await open_file(db, blobs, ref=ref)
    return b"".join([c async for c in download.chunks])


async def test_local_orphans_and_stale_temp_files(db: Database, tmp_path: Path) -> None:
    root = tmp_path / "blobs"
    blobs = LocalArtifactStore(root)
    ref = await _referenced(db, blobs)
    await blobs.write("projects/1/zz/orphan-old", _chunks(b"old"))
    await blobs.write("projects/1/zz/orphan-new", _chunks(b"new"))
    (root / TMP_DIR / "stale").write_bytes(b"partial")
    (root / TMP_DIR / "in-flight").write_bytes(b"partial")
    for path in root.rglob("*"):
        if path.is_file() and path.name not in ("orphan-new", "in-flight"):
            _age(path, 2 * HOUR)

    report = await collect_garbage(db, blobs, before=utcnow() - timedelta(hours=1))
    assert (report.orphans, report.incomplete) == (1, 1)
    left = sorted(p.name for p in root.rglob("*") if p.is_file())
    assert len(left) == 3 and {"orphan-new", "in-flight"} <= set(left)
    assert await _read(db, blobs, ref) == b"kept"  # the old but referenced file stays


async def test_s3_orphans_and_unfinished_uploads(db: Database, s3_store: S3ArtifactStore) -> None:
    ref = await _referenced(db, s3_store)
    await s3_store.write("projects/1/zz/orphan", _chunks(b"orphan"))
    client = await s3_store._s3()
    await client.create_multipart_upload(Bucket=s3_store.bucket, Key="lab/projects/1/zz/partial")

    report = await collect_garbage(db, s3_store, before=utcnow() + timedelta(minutes=1))
    assert (report.orphans, report.incomplete) == (1, 1)
    assert not await s3_store.exists("projects/1/zz/orphan")
    assert await _read(db, s3_store, ref) == b"kept"
    uploads = await client.list_multipart_uploads(Bucket=s3_store.bucket)
    assert uploads.get("Uploads", []) == []


def test_gc_command(tmp_path: Path) -> None:
    data = tmp_path / "data"
    orphan = data / "artifacts" / "projects" / "1" / "ab" / "orphan"
    orphan.parent.mkdir(parents=True)
    orphan.write_bytes(b"x")
    _age(orphan, 2 * HOUR)
    env = {**os.environ, "LABBOOK_DATA_DIR": str(data)}
    env.pop("LABBOOK_DATABASE_URL", None)
    env.pop("LABBOOK_ARTIFACTS_URL", None)
    done = subprocess.run(
        [sys.executable, "-m", "labbook", "artifacts", "gc"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "removed 1 unreferenced file(s) and 0 unfinished upload(s)" in done.stdout
    assert not orphan.exists()
