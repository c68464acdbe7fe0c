"""Planner statistics: SQLite gets `sqlite_stat1`, refreshed by a loop that stops cleanly."""

from __future__ import annotations

import asyncio

from sqlalchemy import text

from labbook.db.database import Database
from labbook.db.statistics import GROWTH, grown, keep_statistics_fresh, refresh_statistics
from labbook.store import candidates, experiments, projects


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


def test_growth_that_calls_for_new_statistics() -> None:
    assert grown(-GROWTH, 0)  # the first check always refreshes
    assert not grown(0, GROWTH - 1) and grown(0, GROWTH)
    assert not grown(5000, 9999) and grown(5000, 10_000)


async def test_the_loop_refreshes_when_the_candidates_double(db: Database) -> None:
    if not db.is_sqlite:
        return
    async with db.write() as s:
        p = await projects.create_project(s, path="grow")
    task = asyncio.create_task(keep_statistics_fresh(db, interval=3600, check=0.01))
    await asyncio.sleep(0.1)
    assert "candidates" not in await _stat_tables(db)  # refreshed while there were none
    async with db.write() as s:
        e = await experiments.create_experiment(s, project_id=p.id, name="e", creator_id=None)
        for i in range(GROWTH):
            await candidates.create_candidate(
                s, experiment=e, name=f"r{i}", creator_id=None, start_time=0
            )
    await asyncio.sleep(0.3)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    assert "candidates" in await _stat_tables(db)
