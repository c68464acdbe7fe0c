"""Garbage collection of artifact bytes that no package file points at.

Uploads write bytes first and record them after, and delete records first and bytes after, so a
crash in between leaves unreferenced bytes (never a record without bytes). Those are found here
and removed, together with unfinished temporary uploads. A grace period protects uploads that
are still between their last byte and their commit.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.artifacts.base import ArtifactStore
from labbook.db import tables as t
from labbook.db.database import Database

BATCH = 500


@dataclass(frozen=True, slots=True, kw_only=True)
class GarbageReport:
    orphans: int
    incomplete: int


async def referenced_keys(session: AsyncSession, *, keys: list[str]) -> set[str]:
    stmt = select(t.PackageFile.storage_key).where(t.PackageFile.storage_key.in_(keys))
    return set((await session.scalars(stmt)).all())


async def _batches(keys: AsyncIterator[str]) -> AsyncIterator[list[str]]:
    batch: list[str] = []
    async for key in keys:
        batch.append(key)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


async def collect_garbage(db: Database, blobs: ArtifactStore, *, before: datetime) -> GarbageReport:
    """Delete bytes written before `before` that no package file references."""
    incomplete = await blobs.purge_incomplete(before=before)
    orphans = 0
    async for batch in _batches(blobs.keys(before=before)):
        async with db.read() as session:
            keep = await referenced_keys(session, keys=batch)
        for key in batch:
            if key not in keep:
                await blobs.delete(key)
                orphans += 1
    return GarbageReport(orphans=orphans, incomplete=incomplete)
