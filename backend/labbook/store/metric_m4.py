"""M4 downsampling straight over the history: the fallback for series the rollups do not fit.

The step range is cut into `n` equal buckets and each bucket keeps its first, last, smallest
and largest point. Every bucket is answered by index seeks and one range scan inside SQL, so
a million points never become Python objects, but every point is still scanned (twice):
`metric_downsampling` and `metric_zoom` come here for a series too short to have rollups
(fewer than `metric_rollups.ROLLUP_FROM` points) and when no rollup level fits the request
(a step range wider than the coarsest level allows, or a level 0 coarser than asked).
"""

from __future__ import annotations

import math

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.store.entities import MetricPoint
from labbook.store.sql import dialect_name

_RANGE = "candidate_id = :c AND name = :name AND step >= r.lo AND step < r.hi"
_BUCKETS = ":lo + (i * :span) / :n AS lo, :lo + ((i + 1) * :span) / :n AS hi"

# SQLite: the index holds the rowid, and with a single min() or max() SQLite takes the bare
# `id` from that row, so each pick is one index-only seek or range scan without sorting.
_SQLITE = f"""
WITH RECURSIVE b(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM b WHERE i + 1 < :n),
r AS (SELECT {_BUCKETS} FROM b),
picks AS (SELECT
  (SELECT id FROM candidate_metrics WHERE {_RANGE} ORDER BY step, timestamp LIMIT 1) AS a,
  (SELECT id FROM candidate_metrics WHERE {_RANGE} ORDER BY step DESC, timestamp DESC LIMIT 1)
    AS z,
  (SELECT id FROM (SELECT id, min(value) FROM candidate_metrics WHERE {_RANGE})) AS lo_id,
  (SELECT id FROM (SELECT id, max(value) FROM candidate_metrics WHERE {_RANGE})) AS hi_id
  FROM r)
SELECT step, timestamp, value FROM candidate_metrics WHERE id IN (
  SELECT a FROM picks UNION SELECT z FROM picks UNION SELECT lo_id FROM picks
  UNION SELECT hi_id FROM picks)
ORDER BY step, timestamp, id
"""

# PostgreSQL: one index-only pass finds each bucket's min and max, then LATERAL picks return
# the first, last and extreme points themselves (sorting each bucket by value costs more).
_PICK = "SELECT step, timestamp, value FROM candidate_metrics WHERE " + _RANGE.replace("r.", "a.")
_POSTGRESQL = f"""
WITH r AS (SELECT {_BUCKETS} FROM generate_series(0, CAST(:n AS bigint) - 1) AS i),
a AS (SELECT r.lo, r.hi, agg.low, agg.high FROM r CROSS JOIN LATERAL (
  SELECT min(value) AS low, max(value) AS high FROM candidate_metrics WHERE {_RANGE}) AS agg)
SELECT DISTINCT p.step, p.timestamp, p.value FROM a CROSS JOIN LATERAL (
  ({_PICK} ORDER BY step, timestamp LIMIT 1)
  UNION ALL ({_PICK} ORDER BY step DESC, timestamp DESC LIMIT 1)
  UNION ALL ({_PICK} AND value = a.low LIMIT 1)
  UNION ALL ({_PICK} AND value = a.high LIMIT 1)
) AS p
ORDER BY p.step, p.timestamp
"""


async def m4_history(
    session: AsyncSession, *, candidate_id: int, name: str, steps: tuple[int, int], buckets: int
) -> list[MetricPoint]:
    """At most 4 points per bucket of the step range `steps` (lowest, highest), in order."""
    found = await m4_points(
        session, candidate_id=candidate_id, name=name, steps=steps, buckets=buckets
    )
    nan = math.nan
    return [
        MetricPoint(name=name, value=nan if v is None else v, step=s, timestamp=ts)
        for s, ts, v in found
    ]


async def m4_points(
    session: AsyncSession, *, candidate_id: int, name: str, steps: tuple[int, int], buckets: int
) -> list[tuple[int, int, float | None]]:
    """`m4_history` as (step, timestamp, value) tuples, None for NaN."""
    low, high = steps
    n = min(buckets, high - low + 1)
    sql = _POSTGRESQL if dialect_name(session) == "postgresql" else _SQLITE
    params = {"c": candidate_id, "name": name, "lo": low, "span": high - low + 1, "n": n}
    rows = (await session.execute(text(sql), params)).all()
    return [(row[0], row[1], row[2]) for row in rows]
