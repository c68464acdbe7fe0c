"""Metric history inserts that skip stored points and tell which points were new.

PostgreSQL: one unnest INSERT … RETURNING (`insert_returning`). SQLite: RETURNING costs about
as much as the insert itself (every returned row is buffered, then converted in Python), so
the insert returns nothing and its change count says whether every point was new, as in the
usual batch. Only a partly repeated batch reads its new rows back, by rowid: SQLite gives an
inserted row the largest rowid plus one and writers are serialized, so one statement's new
rows hold the `changes` rowids that end at its last inserted rowid.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import chain
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from labbook.store.driver_sql import SQLITE_ROWS, driver_connection, insert_returning
from labbook.store.sql import dialect_name

Row = tuple[Any, ...]
_COLUMNS = (
    ("candidate_id", "integer"),
    ("name", "varchar"),
    ("step", "bigint"),
    ("timestamp", "bigint"),
    ("value", "float8"),
)
_KEPT = "name, step, timestamp, value"
_READ_BACK = f"SELECT {_KEPT} FROM candidate_metrics WHERE id > ? AND id <= ?"


@lru_cache(maxsize=16)
def _sqlite_insert(rows: int) -> str:
    values = ",".join(["(?,?,?,?,?)"] * rows)
    head = "INSERT INTO candidate_metrics (candidate_id, name, step, timestamp, value)"
    return f"{head} VALUES {values} ON CONFLICT DO NOTHING"


async def insert_points(session: AsyncSession, rows: list[Row]) -> list[Row] | None:
    """Insert history rows (candidate_id, name, step, timestamp, value), skipping points
    already stored; the (name, step, timestamp, value) inserted, None when every row was."""
    if dialect_name(session) == "sqlite":
        return await _sqlite_insert_points(session, rows)
    tail = f"ON CONFLICT DO NOTHING RETURNING {_KEPT}"
    found = await insert_returning(
        session, into="candidate_metrics", columns=_COLUMNS, rows=rows, tail=tail
    )
    return None if len(found) == len(rows) else found


async def _sqlite_insert_points(session: AsyncSession, rows: list[Row]) -> list[Row] | None:
    conn = await driver_connection(session)
    chunks = [rows[i : i + SQLITE_ROWS] for i in range(0, len(rows), SQLITE_ROWS)]
    counts = []
    for chunk in chunks:
        args = list(chain.from_iterable(chunk))
        cursor = await conn.execute(_sqlite_insert(len(chunk)), args)
        counts.append((cursor.rowcount, cursor.lastrowid))
    if sum(count for count, _ in counts) == len(rows):
        return None
    kept: list[Row] = []
    for chunk, (count, last) in zip(chunks, counts, strict=True):
        kept += (
            [row[1:] for row in chunk]
            if count == len(chunk)
            else await _read_back(conn, count, last)
        )
    return kept


async def _read_back(conn: Any, count: int, last: int) -> list[Row]:
    """The `count` rows one insert added, the last of them with rowid `last`."""
    if count == 0:
        return []
    found = [tuple(row) for row in await conn.execute_fetchall(_READ_BACK, (last - count, last))]
    if len(found) != count:  # rowids were not consecutive: refuse rather than miscount
        raise RuntimeError(f"expected {count} new metric rows, read back {len(found)}")
    return found
