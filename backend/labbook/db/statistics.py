"""Planner statistics for SQLite, refreshed in the background while the server runs.

Without `sqlite_stat1`, SQLite guesses how selective each index is, and for searches it
guesses badly in one direction or the other: sorting a small experiment by a metric by
walking every candidate of every experiment that has the metric, or sorting a large one in
full instead of walking the metric index. `ANALYZE` lets it choose. PostgreSQL's autovacuum
keeps its own statistics, so there this does nothing.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import text

from labbook.db.database import Database

INTERVAL = 3600.0  # seconds; ANALYZE reads every index, about a second per few hundred MB
logger = logging.getLogger(__name__)


async def refresh_statistics(db: Database) -> None:
    if db.is_sqlite:
        async with db.write() as session:
            await session.execute(text("ANALYZE"))


async def keep_statistics_fresh(db: Database, *, interval: float = INTERVAL) -> None:
    """Refresh now and then every `interval` seconds, until cancelled."""
    while True:
        try:
            await refresh_statistics(db)
        except Exception:  # a failed refresh must never take the server down
            logger.exception("Refreshing the database statistics failed")
        await asyncio.sleep(interval)
