"""`Database.write` and `read`: commit on success, roll back on error or cancellation, and
give the connection back to the pool in every case."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.db.database import Database
from labbook.store.driver_sql import fetch_all


def _checked_out(db: Database) -> int:
    return int(db.engine.sync_engine.pool.checkedout())  # type: ignore[attr-defined]


async def _project_names(db: Database) -> set[str]:
    """The names of the projects the driver's statements reached."""
    async with db.read() as s:
        stmt = select(t.Project.name).where(t.Project.description == "driver")
        return set(await s.scalars(stmt))


async def _insert(db: Database, s: AsyncSession, name: str) -> None:
    """A row through the ORM, then a change to it on the driver's connection."""
    s.add(t.Project(path=name, name=name))
    await s.flush()
    sql = "UPDATE projects SET description = 'driver' WHERE path = " + (
        "?" if db.is_sqlite else "$1"
    )
    await fetch_all(s, sql, [name])


async def test_a_write_commits_and_returns_its_connection(db: Database) -> None:
    async with db.write() as s:
        await _insert(db, s, "kept")
    assert "kept" in await _project_names(db)
    assert _checked_out(db) == 0


async def test_a_failed_write_keeps_nothing_and_returns_its_connection(db: Database) -> None:
    async def refused() -> None:
        async with db.write() as s:
            await _insert(db, s, "dropped")
            raise RuntimeError("refused")

    with pytest.raises(RuntimeError):
        await refused()
    assert "dropped" not in await _project_names(db)
    assert _checked_out(db) == 0


async def test_a_cancelled_write_keeps_nothing_and_returns_its_connection(db: Database) -> None:
    started = asyncio.Event()

    async def writer() -> None:
        async with db.write() as s:
            await _insert(db, s, "cancelled")
            started.set()
            await asyncio.sleep(10)

    task = asyncio.create_task(writer())
    await started.wait()
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert "cancelled" not in await _project_names(db)
    assert _checked_out(db) == 0


async def test_rows_read_in_a_transaction_are_detached_after_it(db: Database) -> None:
    async with db.write() as s:
        await _insert(db, s, "read")
    async with db.read() as s:
        row = (await s.scalars(select(t.Project))).first()
    assert row is not None and inspect(row).detached
    assert _checked_out(db) == 0
