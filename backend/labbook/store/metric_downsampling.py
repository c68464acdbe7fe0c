"""A metric's history reduced on the server to at most `max_points` points, keeping its shape.

M4 downsampling: the step range is cut into at most `max_points // 4` buckets and each bucket
keeps its first, last, smallest and largest point, so spikes survive, and so do the global
minimum, maximum and the last point. Buckets follow the step even when the chart's x axis is
time: time grows with the step in practice, and every index orders by step.

A series of at most `max_points` points is read whole. A longer series shorter than
`metric_rollups.ROLLUP_FROM` points (its summary's count) has no rollups: M4 over its history
(`metric_m4`) answers it, a scan of fewer than ROLLUP_FROM points. A series of at least
ROLLUP_FROM points reads the rollup pyramid kept on write (`metric_rollups`): the finest level
whose buckets over the series' step range (its lowest step, by one index seek, and the
summary's last step) number at most `max_points // 4`. Power-of-two levels mean between 1/8 and
1/4 of `max_points` buckets, so a long series answers with one index range scan of about
`max_points / 4` rows, never a scan of its points. The pyramid is sparse around step 0: the
same statement seeks the rows of buckets -1 and 0 at every lower level (at most 2 per level),
which rebuild that level's buckets -1 and 0 whole (`metric_rollups.complete`). M4 over the
history also remains for a series with rollups in two cases: a step range too wide for the
coarsest level, and a series of at most 4 x `max_points` points whose level 0 (16 steps a
bucket) is coarser than asked. A series with many points per step (e.g. all at step 0) gets few
buckets: buckets follow steps. Several series cost a fixed number of statements (plans, whole
series, rollups) plus one per fallback.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.store.driver_sql import fetch_all
from labbook.store.entities import MetricPoint
from labbook.store.metric_m4 import m4_points
from labbook.store.metric_rollups import (
    BASE,
    LEVELS,
    ROLLED_COLUMNS,
    Point,
    Rolled,
    complete,
    has_rollups,
    order_key,
)
from labbook.store.sql import dialect_name

MAX_POINTS = 10_000  # a chart needs no more; it bounds what one request can pull
Key = tuple[int, str]  # candidate id, metric name


@dataclass(frozen=True, slots=True)
class _Plan:
    key: Key
    whole: bool  # few enough points to return them all
    steps: tuple[int, int]  # lowest and highest step
    level: int | None  # the rollup level to read, None when none fits


def _matching(columns: tuple[Any, ...], keys: list[tuple[Any, ...]]) -> ColumnElement[bool]:
    """`columns` equal one of `keys`: OR of ANDs, which SQLite (unlike a row-value IN, which
    it matches on the first column only) and PostgreSQL both answer with an index seek each."""
    return or_(*(and_(*(c == v for c, v in zip(columns, key, strict=True))) for key in keys))


def level_for(steps: tuple[int, int], buckets: int) -> int | None:
    """The finest rollup level cutting `steps` into at most `buckets` buckets."""
    for level in range(LEVELS):
        if _spans(steps, BASE + level) <= buckets:
            return level
    return None


def _spans(steps: tuple[int, int], shift: int) -> int:
    """How many buckets of 2 ** shift steps `steps` (lowest, highest) touches."""
    return (steps[1] >> shift) - (steps[0] >> shift) + 1


async def _plans(session: AsyncSession, keys: list[Key], max_points: int) -> list[_Plan]:
    s, m = t.CandidateMetricSummary, t.CandidateMetric
    where = (m.candidate_id == s.candidate_id, m.name == s.name)
    lowest = select(func.min(m.step)).where(*where).scalar_subquery()
    stmt = select(s.candidate_id, s.name, s.count, lowest, s.last_step)
    stmt = stmt.where(_matching((s.candidate_id, s.name), keys))
    return [
        _plan((c, n), count, (lo, hi), max_points)
        for c, n, count, lo, hi in (await session.execute(stmt)).all()
        if lo is not None  # a summary without points (bulk-loaded data): an empty series
    ]


def _plan(key: Key, count: int, steps: tuple[int, int], max_points: int) -> _Plan:
    whole = count <= max_points
    if whole or not has_rollups(count):
        return _Plan(key, whole, steps, None)  # a short series: whole, or M4 over it
    level = level_for(steps, max_points // 4)
    if level == 0 and count <= 4 * max_points and _spans(steps, BASE - 1) <= max_points // 4:
        level = None  # level 0 is coarser than asked; M4 over a few thousand points is cheap
    return _Plan(key, whole, steps, level)


def as_point(name: str, p: Point) -> MetricPoint:
    value = math.nan if p[2] is None else p[2]
    return MetricPoint(name=name, value=value, step=p[0], timestamp=p[1])


async def _whole(session: AsyncSession, keys: list[Key]) -> dict[Key, list[Point]]:
    m = t.CandidateMetric
    stmt = select(m.candidate_id, m.name, m.step, m.timestamp, m.value)
    stmt = stmt.where(_matching((m.candidate_id, m.name), keys))
    stmt = stmt.order_by(m.candidate_id, m.name, m.step, m.timestamp, m.id)
    found: dict[Key, list[Point]] = {}
    for c, n, step, ts, value in (await (await session.connection()).execute(stmt)).all():
        found.setdefault((c, n), []).append((step, ts, value))
    return found


def bucket_picks(row: Rolled) -> list[Point]:
    """A bucket's first, smallest, largest and last point, once each, in order. The first and
    last bound the bucket in MLflow's order, so only the two extremes need ordering (this runs
    for every bucket row: some 6,000 in a comparison)."""
    first, last = (row[2], row[3], row[4]), (row[5], row[6], row[7])
    picks = [first]
    if row[8] is not None:
        low, high = (row[9], row[10], row[8]), (row[12], row[13], row[11])
        if order_key(high) < order_key(low):
            low, high = high, low
        picks += [p for p in (low, high) if p != first and p != last]
        if len(picks) == 3 and picks[1] == picks[2]:
            picks.pop()
    if last != first:
        picks.append(last)
    return picks


_COLUMNS = ", ".join(("level", "bucket", *ROLLED_COLUMNS, "candidate_id", "name"))
# PostgreSQL rechecks a 30-way OR for every row of a bitmap scan (20 ms for a comparison's
# 6,000 rows); one ordered index range scan per series, driven by arrays, takes 4 ms. The
# rows of each lateral scan come out in its order: an append and a nested loop do not
# reorder them. The second branch seeks buckets -1 and 0 at each lower level (`complete`):
# an index scan on all four key columns (levels as an array: joined to generate_series, the
# planner hashes a scan of every level instead).
_ROLLED_POSTGRESQL = f"""
SELECT r.* FROM unnest(CAST($1 AS integer[]), CAST($2 AS varchar[]),
  CAST($3 AS integer[])) AS k(c, n, l)
CROSS JOIN LATERAL ((SELECT {_COLUMNS} FROM candidate_metric_rollups
  WHERE candidate_id = k.c AND name = k.n AND level = k.l ORDER BY bucket)
  UNION ALL SELECT {_COLUMNS} FROM candidate_metric_rollups
  WHERE candidate_id = k.c AND name = k.n AND bucket IN (-1, 0)
  AND level = ANY(ARRAY(SELECT generate_series(0, k.l - 1)))) AS r
"""
_SQLITE_ROLLED = f"SELECT {_COLUMNS} FROM candidate_metric_rollups WHERE "
_SQLITE_AT = "(candidate_id = ? AND name = ? AND level = ?)"


def _sqlite_below(level: int) -> str:
    lower = ", ".join(map(str, range(level)))
    return f"(candidate_id = ? AND name = ? AND level IN ({lower}) AND bucket IN (-1, 0))"


def _rolled_sqlite(levels: dict[Key, int]) -> tuple[str, list[Any]]:
    """The rows at each series' level, then those of buckets -1 and 0 below it, as index
    seeks (an OR of ANDs, see `_matching`). A UNION ALL: in one OR a series' two branches
    share its key, by which SQLite without statistics would scan the whole series. SQL
    written here: SQLAlchemy took 10 ms to build and compile it for a comparison."""
    sql = _SQLITE_ROLLED + " OR ".join([_SQLITE_AT] * len(levels))
    args = [v for (c, n), level in levels.items() for v in (c, n, level)]
    if below := {key: level for key, level in levels.items() if level}:
        sql += " UNION ALL " + _SQLITE_ROLLED + " OR ".join(map(_sqlite_below, below.values()))
        args += [v for key in below for v in key]
    return sql + " ORDER BY candidate_id, name, level, bucket", args


async def _rolled_rows(session: AsyncSession, levels: dict[Key, int]) -> list[tuple[Any, ...]]:
    if dialect_name(session) == "postgresql":
        arrays = [[c for c, _ in levels], [n for _, n in levels], list(levels.values())]
        return await fetch_all(session, _ROLLED_POSTGRESQL, arrays)
    return await fetch_all(session, *_rolled_sqlite(levels))


async def rolled_buckets(session: AsyncSession, levels: dict[Key, int]) -> dict[Key, list[Rolled]]:
    """Each series' buckets at its level, whole, in bucket order (one statement). The rows
    end with their series' key, so they are kept as read, not sliced (some 6,000 in a
    comparison)."""
    rows: dict[Key, list[Rolled]] = {}
    for row in await _rolled_rows(session, levels):
        rows.setdefault((row[14], row[15]), []).append(row)
    return {key: complete(found, levels[key]) for key, found in rows.items()}


async def _rolled(session: AsyncSession, levels: dict[Key, int]) -> dict[Key, list[Point]]:
    found = await rolled_buckets(session, levels)
    return {key: [p for b in buckets for p in bucket_picks(b)] for key, buckets in found.items()}


async def _fallback(session: AsyncSession, plan: _Plan, buckets: int) -> list[Point]:
    candidate_id, name = plan.key
    return await m4_points(
        session, candidate_id=candidate_id, name=name, steps=plan.steps, buckets=buckets
    )


async def downsampled_points(
    session: AsyncSession, *, series: list[Key], max_points: int
) -> dict[Key, list[Point]]:
    """Each (candidate id, name) series in at most `max_points` (4 to `MAX_POINTS`) points, as
    (step, timestamp, value) tuples, None for NaN: the cheap form for many series at once."""
    max_points = min(max(max_points, 4), MAX_POINTS)
    plans = await _plans(session, series, max_points) if series else []
    found: dict[Key, list[Point]] = {key: [] for key in series}
    if whole := [p.key for p in plans if p.whole]:
        found.update(await _whole(session, whole))
    if levels := {p.key: p.level for p in plans if not p.whole and p.level is not None}:
        found.update(await _rolled(session, levels))
    for plan in plans:
        if not plan.whole and plan.level is None:
            found[plan.key] = await _fallback(session, plan, max_points // 4)
    return found


async def downsampled_histories(
    session: AsyncSession, *, series: list[Key], max_points: int
) -> dict[Key, list[MetricPoint]]:
    """`downsampled_points` as `MetricPoint`s."""
    found = await downsampled_points(session, series=series, max_points=max_points)
    return {key: [as_point(key[1], p) for p in points] for key, points in found.items()}


async def downsampled_history(
    session: AsyncSession, *, candidate_id: int, name: str, max_points: int
) -> list[MetricPoint]:
    """One series in at most `max_points` points, in step order."""
    key = (candidate_id, name)
    return (await downsampled_histories(session, series=[key], max_points=max_points))[key]
