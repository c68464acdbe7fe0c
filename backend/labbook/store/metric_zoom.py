"""A metric's history inside a step range (a zoomed chart) in at most `max_points` points.

The series' summary count decides first, as in `metric_downsampling`: a series of at most
`max_points` points has its points inside the range read whole; a series shorter than
`metric_rollups.ROLLUP_FROM` has no rollups and is answered by M4 over the range's points
(`metric_m4`), fewer than ROLLUP_FROM. For a series with rollups, a narrow range (at most
4 x `max_points` steps) is answered by M4 too, which scans only its points. A wider one reads
the rollup level whose buckets cut the range into at most `max_points // 4`, and only the
buckets overlapping the range: about `max_points / 4` rows however many points lie inside,
instead of a scan of them all. When the range takes in bucket -1 or 0, which the pyramid keeps
sparse, the same statement also seeks their rows at every lower level and rebuilds them whole
(`metric_rollups.complete`). The picks of the two edge buckets that fall outside the range are
dropped, so the edges may show fewer points than the middle. A range too wide for any level
falls back to M4.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import column, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.store.entities import MetricPoint
from labbook.store.metric_downsampling import as_point, bucket_picks, level_for
from labbook.store.metric_history import history_order
from labbook.store.metric_m4 import m4_history
from labbook.store.metric_rollups import (
    BASE,
    NEAR,
    ROLLED_COLUMNS,
    complete,
    has_rollups,
)


async def history_between(
    session: AsyncSession, *, candidate_id: int, name: str, steps: tuple[int, int], max_points: int
) -> list[MetricPoint]:
    """The points of steps `steps` (both ends included), downsampled to `max_points`, in order."""
    low, high = steps
    count = await _count(session, candidate_id, name)
    if low > high or not count:
        return []
    if count <= max_points:
        return await _whole_between(session, candidate_id, name, steps)
    buckets = max(1, max_points // 4)
    level = level_for(steps, buckets)
    if not has_rollups(count) or high - low + 1 <= 4 * max_points or level is None:
        return await m4_history(
            session, candidate_id=candidate_id, name=name, steps=steps, buckets=buckets
        )
    return await _rolled_between(session, candidate_id, name, level, steps)


async def _count(session: AsyncSession, candidate_id: int, name: str) -> int | None:
    s = t.CandidateMetricSummary
    stmt = select(s.count).where(s.candidate_id == candidate_id, s.name == name)
    return (await session.execute(stmt)).scalar()


async def _whole_between(
    session: AsyncSession, candidate_id: int, name: str, steps: tuple[int, int]
) -> list[MetricPoint]:
    """Every point of the range, in MLflow's order (NaN, stored as NULL, lowest)."""
    m = t.CandidateMetric
    stmt = select(m.step, m.timestamp, m.value).where(
        m.candidate_id == candidate_id, m.name == name, m.step.between(*steps)
    )
    stmt = stmt.order_by(*history_order())
    return [as_point(name, (s, ts, v)) for s, ts, v in (await session.execute(stmt)).all()]


def _rows_between(candidate_id: int, name: str, level: int, buckets: tuple[int, int]) -> Any:
    """The series' rows of `buckets` at `level`, then the lower levels' rows of buckets -1
    and 0 among them (the rest of those two: `complete`), as index seeks (a UNION ALL: in one
    OR, SQLite without statistics would scan the series by the key both branches share)."""
    r = t.CandidateMetricRollup
    columns = [getattr(r, c) for c in ("level", "bucket", *ROLLED_COLUMNS)]
    series = (r.candidate_id == candidate_id, r.name == name)
    stmt: Any = select(*columns).where(*series, r.level == level, r.bucket.between(*buckets))
    if (near := [b for b in NEAR if buckets[0] <= b <= buckets[1]]) and level:
        lower = (r.level.in_(range(level)), r.bucket.in_(near))
        stmt = union_all(stmt, select(*columns).where(*series, *lower))
    return stmt.order_by(column("level"), column("bucket"))


async def _rolled_between(
    session: AsyncSession, candidate_id: int, name: str, level: int, steps: tuple[int, int]
) -> list[MetricPoint]:
    shift = BASE + level
    stmt = _rows_between(candidate_id, name, level, (steps[0] >> shift, steps[1] >> shift))
    buckets = complete((await session.execute(stmt)).all(), level)
    picks = [p for row in buckets for p in bucket_picks(row) if steps[0] <= p[0] <= steps[1]]
    return [as_point(name, p) for p in picks]
