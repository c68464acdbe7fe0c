"""Planner statistics: SQLite gets `sqlite_stat1`, refreshed by a loop that stops cleanly."""

from __future__ import annotations

import asyncio

from sqlalchemy import text

from labbook.db.database import Database
from labbook.db.statistics import keep_statistics_fresh, refresh_statistics
from labbook.store import experiments, projects


async def _stat_tables(db: Database) -> set[str]:
    async with db.read() as s:
        exists = "SELECT name FROM sqlite_master WHERE name = 'sqlite_stat1'"
        if await s.scalar(text(exists)) is None:
            return set()
        return set((await s.scalars(text("SELECT tbl FROM sqlite_stat1"))).all())


async def test_refresh_writes_sqlite_statistics(db: Database) -> None:
    async with db.write() as s:
        p = await projects.create_project(s, path="stats")
        await experiments.create_experiment(s, project_id=p.id, name="e", creator_id=None)
    await refresh_statistics(db)  # PostgreSQL: nothing to do, and no error
    if db.is_sqlite:
        assert "experiments" in await _stat_tables(db)


async def test_the_loop_refreshes_until_cancelled(db: Database) -> None:
    async with db.write() as s:
        await projects.create_project(s, path="loop")
    task = asyncio.create_task(keep_statistics_fresh(db, interval=0.01))
    await asyncio.sleep(0.2)
    assert not task.done()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    assert task.cancelled()
    if db.is_sqlite:
        assert "projects" in await _stat_tables(db)
