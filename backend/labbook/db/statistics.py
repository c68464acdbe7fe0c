"""Planner statistics for SQLite, refreshed in the background while the server runs.

Without `sqlite_stat1`, SQLite guesses how selective each index is, and for searches it
guesses badly in one direction or the other: sorting a small experiment by a metric by
walking every candidate of every experiment that has the metric, or sorting a large one in
full instead of walking the metric index. `ANALYZE` lets it choose. Statistics gathered on an
empty or small database mislead it just as much once a workload has loaded thousands of
runs (a search page took 30 ms instead of 10), so besides the hourly refresh the loop checks
every half minute whether the number of candidates has doubled since the last one.
PostgreSQL's autovacuum keeps its own statistics, so there this does nothing.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import text

from labbook.db.database import Database

INTERVAL = 3600.0  # seconds; ANALYZE reads every index, about a second per few hundred MB
CHECK = 30.0  # seconds between checks of how much the data has grown
GROWTH = 500  # candidates: below this many new ones, doubling does not count
logger = logging.getLogger(__name__)


async def refresh_statistics(db: Database) -> None:
    if db.is_sqlite:
        async with db.write() as session:
            await session.execute(text("ANALYZE"))


async def candidates_high_water(db: Database) -> int:
    async with db.read() as session:
        return int(await session.scalar(text("SELECT coalesce(max(id), 0) FROM candidates")))


def grown(before: int, now: int) -> bool:
    """Enough new candidates since the last refresh to change the planner's choices."""
    return now >= max(2 * before, before + GROWTH)


async def keep_statistics_fresh(
    db: Database, *, interval: float = INTERVAL, check: float = CHECK
) -> None:
    """Refresh now, then every `interval` seconds or sooner when the candidates have doubled
    (looked at every `check` seconds), until cancelled."""
    clock = asyncio.get_running_loop().time
    refreshed_at, size = -interval, -GROWTH
    while True:
        try:
            now = await candidates_high_water(db)
            if clock() - refreshed_at >= interval or grown(size, now):
                await refresh_statistics(db)
                refreshed_at, size = clock(), now
        except Exception:  # a failed refresh must never take the server down
            logger.exception("Refreshing the database statistics failed")
        await asyncio.sleep(check)
