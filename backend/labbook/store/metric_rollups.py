"""Metric rollups: a pyramid of step buckets per long metric, read by downsampling.

Level L cuts a metric's steps into buckets of 2 ** (BASE + L) steps (`step >> (BASE + L)`);
each bucket row holds the bucket's first and last point (MLflow's order: step, timestamp,
value), its smallest and largest value with their point, and its point count. A downsampled
read of any length then reads one level's rows, about `maxPoints / 4` of them, instead of
scanning every point (see `metric_downsampling`, `metric_zoom`).

Only a series of at least ROLLUP_FROM points (its summary's `count`) has a pyramid
(`has_rollups`); a shorter one has no rows, and readers read its points (whole, or M4 over
them, `metric_m4`). Most series are short (a training run logs some hundreds of steps per
key): for them the pyramid was the largest single cost of a write (a W1 run's first batch:
4.05 to 3.3 ms on SQLite without it) and saved a read little. A write crossing the threshold
builds the series' pyramid from its whole history once (`metric_rollup_writes`); later ones
fold their points in. ROLLUP_FROM = 4,096 by measurement, 1,000 points asked: below it, M4 over
the history costs 1.6 to 2.5 ms on SQLite (3.5 to 5.8 ms on PostgreSQL) against 0.7 (1.5) ms
for the rolled read, its 250 bucket probes costing more than the few thousand points; above
it the scan grows (3 to 7.7 ms on SQLite, 8 to 13 ms on PostgreSQL, at 8,192 to 32,768
points). The build at the crossing costs about 1.3 ms per 1,000 points on SQLite (2.5 on
PostgreSQL): 5 (11) ms once at 4,096; a higher threshold would put tens of milliseconds into
one write, and a batch crossing for 10 keys at once pays it 10 times.

The pyramid is sparse around step 0: a point goes into levels 0 to the first level at which it
falls in bucket 0 (steps >= 0) or -1 (steps < 0), at most LEVELS - 1, not into every level.
Every other bucket row is whole. The row of bucket 0 at level L >= 1 holds only the steps
2 ** (BASE + L - 1) to 2 ** (BASE + L) - 1 (level 0: 0 to 15), that of bucket -1 only
-2 ** (BASE + L) to -2 ** (BASE + L - 1) - 1 (level 0: -16 to -1); so a reader rebuilds the
whole bucket 0 or -1 of level L from its rows at levels 0 to L (`complete`). A single point
thus writes about log2(|step|) - 2 rows (1 for steps below 16) instead of LEVELS.

A batch's rows are aggregated here first (`rollup_values`): its finest level from the points,
each coarser level from the one below without buckets 0 and -1: a batch of 1,000 consecutive
steps writes about 130 rows. NaN is stored as NULL and ignored by min and max, as in the
summaries. Changing BASE, LEVELS, ROLLUP_FROM or which rows are kept needs a migration that
rebuilds the table (`history_rollups`, as 0005 and 0008 fill it and 0009 trims it).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from functools import reduce
from itertools import groupby
from operator import itemgetter
from typing import Any, NamedTuple

from sqlalchemy import Connection, text

BASE = 4  # level 0 buckets span 16 steps (8 would double the rows a batch writes)
LEVELS = 20  # the coarsest buckets span 2 ** 23 steps; wider step ranges are not rolled up
LOWEST = -1.7976931348623157e308  # orders NaN (NULL) below every number, as the summaries do
NEAR = (-1, 0)  # the buckets around step 0: their rows hold only the points that stop there
ROLLUP_FROM = 4096  # a series of fewer points has no pyramid (see the module docstring)

Point = tuple[int, int, float | None]  # step, timestamp, stored value (None is NaN)
Extreme = tuple[float, int, int]  # value, step, timestamp: ordered by value first


def has_rollups(count: int) -> bool:
    """Whether a series of `count` points (its summary's) has a pyramid."""
    return count >= ROLLUP_FROM


def order_key(p: Point) -> tuple[int, int, float]:
    """MLflow's order of points: step, then timestamp, then value (NaN lowest)."""
    return (p[0], p[1], LOWEST if p[2] is None else p[2])


class Bucket(NamedTuple):
    first: Point
    last: Point
    low: Extreme | None
    high: Extreme | None
    size: int  # points (not `count`: a tuple has that method)

    def followed_by(self, other: Bucket) -> Bucket:
        """Both buckets as one, `other` holding only later steps (a neighbour to the right)."""
        low, high = self.low, self.high  # both None when every value is NaN
        if low is None or high is None:
            low, high = other.low, other.high
        elif other.low is not None and other.high is not None:
            low, high = min(low, other.low), max(high, other.high)
        return Bucket(self.first, other.last, low, high, self.size + other.size)


def _bucket(points: list[Point]) -> Bucket:
    """The bucket of points already in order."""
    values = [(v, s, ts) for s, ts, v in points if v is not None]
    low, high = (min(values), max(values)) if values else (None, None)
    return Bucket(points[0], points[-1], low, high, len(points))


_BY_VALUE = itemgetter(2, 0, 1)  # a point as its Extreme


def _numbers_bucket(points: list[Point]) -> Bucket:
    """`_bucket` of points without NaN: min and max by a C key, no tuple per point."""
    low, high = _BY_VALUE(min(points, key=_BY_VALUE)), _BY_VALUE(max(points, key=_BY_VALUE))
    return Bucket(points[0], points[-1], low, high, len(points))


def _cut(points: list[Point]) -> dict[int, Bucket]:
    """Level 0 of points in order, none NaN: each bucket's points found by bisection."""
    steps = [p[0] for p in points]
    buckets, i = {}, 0
    while i < len(points):
        key = steps[i] >> BASE
        end = bisect_left(steps, (key + 1) << BASE, i)
        buckets[key], i = _numbers_bucket(points[i:end]), end
    return buckets


def finest(points: list[Point], *, ordered: bool = False) -> dict[int, Bucket]:
    """Level 0 of a batch of one metric's points (`ordered`: already in MLflow's order)."""
    if not ordered:
        points = sorted(points, key=order_key)
    if None not in [p[2] for p in points]:
        return _cut(points)
    grouped = groupby(points, key=lambda p: p[0] >> BASE)
    return {key: _bucket(list(group)) for key, group in grouped}


def coarser(buckets: dict[int, Bucket]) -> dict[int, Bucket]:
    """The next level: pairs of neighbouring buckets merged (`buckets` in key order)."""
    found: dict[int, Bucket] = {}
    for key, b in buckets.items():
        parent = found.get(key >> 1)
        found[key >> 1] = b if parent is None else parent.followed_by(b)
    return found


ROLLED_COLUMNS = (  # a bucket as the readers read it, after its level and number (`Rolled`)
    *("first_step", "first_timestamp", "first_value", "last_step", "last_timestamp"),
    *("last_value", "min_value", "min_step", "min_timestamp", "max_value", "max_step"),
    "max_timestamp",
)
# the order of the rows of `rollup_values`
ROW_COLUMNS = ("candidate_id", "name", "level", "bucket", "count", *ROLLED_COLUMNS)


def _content(b: Bucket) -> tuple[Any, ...]:
    """A bucket's columns after (candidate_id, name, level, bucket)."""
    low, high = b.low or (None, None, None), b.high or (None, None, None)
    return (b.size, *b.first, *b.last, *low, *high)


def _series_rows(head: tuple[int, str], buckets: dict[int, Bucket]) -> list[tuple[Any, ...]]:
    """Every level's rows of one metric, from its finest level, in key order: each coarser
    level from the one below without buckets 0 and -1, whose points stop there (sparse)."""
    rows: list[tuple[Any, ...]] = []
    level = 0
    while buckets and level < LEVELS:
        if len(buckets) == 1:  # a single point, or a batch's upper levels
            return rows + _chain(head, level, *next(iter(buckets.items())))
        rows += [(*head, level, key, *_content(b)) for key, b in sorted(buckets.items())]
        buckets = coarser({k: b for k, b in buckets.items() if k not in NEAR})
        level += 1
    return rows


def _chain(head: tuple[int, str], level: int, key: int, b: Bucket) -> list[tuple[Any, ...]]:
    """A lone bucket up the levels: the same points, its number halved each level, until
    it is 0 or -1 (the last level holding them); no merging."""
    content, rows = _content(b), []
    while level < LEVELS:
        rows.append((*head, level, key, *content))
        if key in NEAR:
            break
        key, level = key >> 1, level + 1
    return rows


def rollup_values(
    candidate_id: int, series: dict[str, list[Point]], *, ordered: bool = False
) -> list[tuple[Any, ...]]:
    """The rows that fold these points into the pyramid, in key order (`ordered`: each
    series is already in MLflow's order)."""
    return [
        row
        for name in sorted(series)
        for row in _series_rows((candidate_id, name), finest(series[name], ordered=ordered))
    ]


def rollup_rows(candidate_id: int, series: dict[str, list[Point]]) -> list[dict[str, Any]]:
    """`rollup_values` as dicts by column (for the migrations that fill the table)."""
    values = rollup_values(candidate_id, series)
    return [dict(zip(ROW_COLUMNS, row, strict=True)) for row in values]


_HISTORIES = text(
    "SELECT candidate_id, name, step, timestamp, value FROM candidate_metrics "
    "ORDER BY candidate_id, name"
)


def history_rollups(
    connection: Connection, *, short: bool = False
) -> Iterator[list[dict[str, Any]]]:
    """The rows of every stored history that has a pyramid (`short`: of every one that has
    none), one metric at a time (the migrations that fill the table insert them)."""
    found = connection.execute(_HISTORIES)
    for (candidate_id, name), rows in groupby(found, key=itemgetter(0, 1)):
        points = [(s, ts, v) for _, _, s, ts, v in rows]
        if has_rollups(len(points)) != short:
            yield rollup_rows(candidate_id, {name: points})


Rolled = tuple[Any, ...]  # (level, bucket, *ROLLED_COLUMNS, ...): a stored row as read


def _read(row: Rolled) -> Bucket:
    low = None if row[8] is None else (row[8], row[9], row[10])
    high = None if row[11] is None else (row[11], row[12], row[13])
    return Bucket((row[2], row[3], row[4]), (row[5], row[6], row[7]), low, high, 0)


def _near(rows: list[Rolled], level: int, bucket: int) -> Rolled:
    """Bucket 0 or -1 of `level` whole, from its rows at levels up to it: each level's row
    holds the steps further from 0 than the level below (so -1 in step order from the top)."""
    rows = sorted(rows, key=itemgetter(0), reverse=bucket < 0)
    merged = reduce(Bucket.followed_by, map(_read, rows))
    return (level, bucket, *_content(merged)[1:])


def complete(rows: Iterable[Rolled], level: int) -> list[Rolled]:
    """The buckets of `level` whole, in bucket order, from its rows (in bucket order) and, in
    any place among them, the rows of buckets -1 and 0 at every lower level (for some 6,000
    rows a comparison: rows pass through as they are)."""
    near: dict[int, list[Rolled]] = {}
    before: list[Rolled] = []
    after: list[Rolled] = []
    for row in rows:
        if row[1] > 0:
            after.append(row)
        elif row[1] < -1:
            before.append(row)
        else:
            near.setdefault(row[1], []).append(row)
    return [*before, *(_near(near[b], level, b) for b in NEAR if b in near), *after]
