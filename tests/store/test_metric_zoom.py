"""`history_between`: a step range of a history, downsampled; brute force says which points,
on both sides of the threshold below which a series has no rollups."""

from __future__ import annotations

import math
import random

import pytest

from labbook.db.database import Database
from labbook.store import metrics
from labbook.store.entities import MetricPoint
from labbook.store.metric_downsampling import level_for
from labbook.store.metric_zoom import history_between
from tests.store.test_metric_downsampling import (
    around_zero,
    distinct,
    m4_brute_force,
    m4_equal_brute_force,
)
from tests.store.test_metric_rollups import history_of, rollup_from
from tests.store.test_metrics import _candidate


async def _log(db: Database, candidate_id: int, points: list[MetricPoint]) -> None:
    for start in range(0, len(points), 20_000):
        async with db.write() as s:
            await metrics.log_metrics(
                s, candidate_id=candidate_id, points=points[start : start + 20_000]
            )


async def _between(
    db: Database, candidate_id: int, steps: tuple[int, int], max_points: int
) -> list[MetricPoint]:
    async with db.read() as s:
        return await history_between(
            s, candidate_id=candidate_id, name="loss", steps=steps, max_points=max_points
        )


def _key(p: MetricPoint) -> tuple[int, int, float | None]:
    return (p.step, p.timestamp, None if math.isnan(p.value) else p.value)


async def test_wide_and_narrow_ranges_agree_with_brute_force(db: Database) -> None:
    c = await _candidate(db)
    rng = random.Random(7)
    logged = [
        MetricPoint(name="loss", value=rng.random(), step=step, timestamp=step)
        for step in range(60_000)
    ]
    logged[3_000] = MetricPoint(name="loss", value=math.nan, step=3_000, timestamp=3_000)
    await _log(db, c.id, logged)
    known = {_key(p) for p in logged}
    for steps, max_points in [((10_000, 50_000), 200), ((0, 59_999), 400), ((123, 456), 1000)]:
        got = await _between(db, c.id, steps, max_points)
        inside = [p for p in logged if steps[0] <= p.step <= steps[1]]
        assert {_key(p) for p in got} <= known, "only logged points"
        assert all(steps[0] <= p.step <= steps[1] for p in got)
        assert [p.step for p in got] == sorted(p.step for p in got)
        assert 0 < len(got) <= max_points
        if len(inside) <= max_points:
            assert [_key(p) for p in got] == [_key(p) for p in inside]


async def test_a_wide_range_reads_its_rollups_and_keeps_a_spike(db: Database) -> None:
    c = await _candidate(db)
    logged = [MetricPoint(name="loss", value=0.0, step=s, timestamp=s) for s in range(100_000)]
    logged[77_777] = MetricPoint(name="loss", value=9.0, step=77_777, timestamp=77_777)
    logged[1_000] = MetricPoint(name="loss", value=-9.0, step=1_000, timestamp=1_000)
    await _log(db, c.id, logged)
    got = await _between(db, c.id, (20_000, 90_000), 100)
    assert (77_777, 9.0) in [(p.step, p.value) for p in got]
    assert -9.0 not in [p.value for p in got]
    assert len(got) <= 100


async def test_wide_ranges_at_and_across_step_zero_match_brute_force(db: Database) -> None:
    """Buckets -1 and 0, rebuilt from their rows at lower levels, whole or cut by the range."""
    c = await _candidate(db)
    await _log(db, c.id, around_zero(random.Random(12)))
    history = await history_of(db, c.id, "loss")
    ranges = [(-20_000, 30_000), (1_000, 39_999), (-39_000, -5_000), (-3, 39_000), (-40_000, 0)]
    for steps in ranges:
        level = level_for(steps, 100 // 4)
        assert level is not None and level > 0
        expected = [p for p in m4_brute_force(history, level) if steps[0] <= p[0] <= steps[1]]
        assert [_key(p) for p in await _between(db, c.id, steps, 100)] == expected, steps


async def test_reversed_or_empty_ranges(db: Database) -> None:
    c = await _candidate(db)
    await _log(
        db, c.id, [MetricPoint(name="loss", value=1.0, step=s, timestamp=s) for s in range(5)]
    )
    assert await _between(db, c.id, (3, 1), 100) == []
    assert await _between(db, c.id, (100, 200_000), 100) == []
    assert [p.step for p in await _between(db, c.id, (2, 2), 100)] == [2]


async def test_both_sides_of_the_threshold_match_brute_force(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """999 points 3 steps apart: M4 over the range's points; the 1,000th builds the pyramid,
    whose level 5 then answers (brute force of each: different picks)."""
    rollup_from(monkeypatch, 1000)
    c = await _candidate(db)
    await _log(db, c.id, distinct(0, 999, stride=3))
    steps = (100, 2_800)
    history = await history_of(db, c.id, "loss")
    short = [_key(p) for p in await _between(db, c.id, steps, 40)]
    assert short == m4_equal_brute_force(history, steps, 10)
    await _log(db, c.id, distinct(999, 1000, stride=3))
    history = await history_of(db, c.id, "loss")
    assert level_for(steps, 10) == 5
    expected = [p for p in m4_brute_force(history, 5) if steps[0] <= p[0] <= steps[1]]
    rolled = [_key(p) for p in await _between(db, c.id, steps, 40)]
    assert rolled == expected != m4_equal_brute_force(history, steps, 10)


async def test_a_series_of_at_most_max_points_is_read_whole(db: Database) -> None:
    """Every point inside the range, several at one step (M4 would keep 4 of them)."""
    c = await _candidate(db)
    logged = [MetricPoint(name="loss", value=v, step=2, timestamp=9 - v) for v in range(6)]
    logged += [MetricPoint(name="loss", value=math.nan, step=s, timestamp=s) for s in (1, 3)]
    await _log(db, c.id, logged)
    expected = sorted(map(_key, logged), key=lambda k: (k[0], k[1]))
    assert [_key(p) for p in await _between(db, c.id, (2, 2), 8)] == expected[1:-1]
    assert [_key(p) for p in await _between(db, c.id, (0, 10), 8)] == expected
    # more than asked: M4, whose first point is the largest and last the smallest
    assert [_key(p) for p in await _between(db, c.id, (2, 2), 7)] == [(2, 4, 5.0), (2, 9, 0.0)]
