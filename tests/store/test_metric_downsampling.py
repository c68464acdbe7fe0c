"""Downsampled histories: never more than asked, always the global min, max and last point,
whether read from the rollups, whole, or by the M4 fallback; many series at once; on both sides
of the threshold below which a series has no rollups."""

from __future__ import annotations

import itertools
import math
import random

from sqlalchemy import insert

from labbook.db import tables as t
from labbook.db.database import Database
from labbook.store import candidates, experiments, metric_downsampling, metric_rollups, metrics
from labbook.store.entities import Candidate, MetricPoint
from labbook.store.metric_rollups import BASE, Point, order_key
from tests.store.test_metric_rollups import history_of, order, stored
from tests.store.test_metrics import _candidate

SIZES = (4, 7, 100, 1000, 9999, 10**6)


def pt(name: str, value: float, step: int, timestamp: int) -> MetricPoint:
    return MetricPoint(name=name, value=value, step=step, timestamp=timestamp)


async def two_candidates(db: Database) -> tuple[Candidate, Candidate]:
    a = await _candidate(db)
    async with db.write() as s:
        e = await experiments.get_experiment_by_id(s, experiment_id=a.experiment_id)
        b = await candidates.create_candidate(
            s, experiment=e, name="b", creator_id=None, start_time=0
        )
    return a, b


async def log(db: Database, candidate_id: int, points: list[MetricPoint]) -> None:
    for start in range(0, len(points), 20_000):
        async with db.write() as s:
            await metrics.log_metrics(s, candidate_id=candidate_id, points=points[start:][:20_000])


async def sample(db: Database, candidate_id: int, name: str, n: int) -> list[MetricPoint]:
    async with db.read() as s:
        return await metric_downsampling.downsampled_history(
            s, candidate_id=candidate_id, name=name, max_points=n
        )


def assert_keeps_shape(points: list[MetricPoint], history: list[MetricPoint], n: int) -> None:
    limit = min(max(n, 4), metric_downsampling.MAX_POINTS)
    assert 0 < len(points) <= limit
    assert [(p.step, p.timestamp) for p in points] == sorted((p.step, p.timestamp) for p in points)
    finite = [p.value for p in history if not math.isnan(p.value)]
    assert min(finite) in [p.value for p in points] and max(finite) in [p.value for p in points]
    latest = max(history, key=order)
    assert (points[-1].step, points[-1].timestamp) == (latest.step, latest.timestamp)
    assert points[-1].value == latest.value or math.isnan(latest.value)
    known = {(p.step, p.timestamp, p.value) for p in history}
    assert all((p.step, p.timestamp, p.value) in known for p in points if not math.isnan(p.value))


async def test_long_series_keeps_min_max_and_last(db: Database) -> None:
    c = await _candidate(db)
    rng = random.Random(7)
    steps = list(range(100_000))
    rng.shuffle(steps)  # logged out of order
    points = [pt("loss", rng.gauss(0, 1), s, 1_000 + s) for s in steps]
    points[123] = pt("loss", -40.0, steps[123], 1_000 + steps[123])
    points[456] = pt("loss", math.nan, steps[456], 1_000 + steps[456])
    points[789] = pt("loss", math.inf, steps[789], 1_000 + steps[789])
    await log(db, c.id, points)
    history = await history_of(db, c.id, "loss")
    for n in SIZES:
        found = await sample(db, c.id, "loss", n)
        assert_keeps_shape(found, history, n)
        assert n < 1000 or len(found) >= min(n, 10_000) // 2  # power-of-two levels: >= half
    assert -40.0 in [p.value for p in await sample(db, c.id, "loss", 4)]


async def test_steps_too_wide_for_the_rollups_fall_back_to_m4(db: Database) -> None:
    c = await _candidate(db)
    rng = random.Random(8)
    points = [pt("acc", rng.random(), i * 10**9, i) for i in range(3000)]
    points[1500] = pt("acc", 7.0, 1500 * 10**9, 1500)
    await log(db, c.id, points)
    history = await history_of(db, c.id, "acc")
    assert metric_downsampling.level_for((0, 2999 * 10**9), 4 // 4) is None
    assert metric_downsampling.level_for((0, 2999 * 10**9), 2999 // 4) is None
    for n in (4, 100, 2999):
        found = await sample(db, c.id, "acc", n)
        assert_keeps_shape(found, history, n)
    assert len(await sample(db, c.id, "acc", 3000)) == 3000  # whole


async def test_many_series_at_once_match_one_at_a_time(db: Database) -> None:
    a, b = await two_candidates(db)
    rng = random.Random(9)
    await log(db, a.id, [pt("x", rng.random(), i, i) for i in range(5000)])
    await log(db, b.id, [pt("x", rng.random(), i, i) for i in range(50)])
    await log(db, b.id, [pt("y", rng.random(), i * 10**9, i) for i in range(500)])
    keys = [(a.id, "x"), (b.id, "x"), (b.id, "y"), (a.id, "missing")]
    async with db.read() as s:
        together = await metric_downsampling.downsampled_histories(s, series=keys, max_points=100)
    for cid, name in keys:
        assert together[(cid, name)] == await sample(db, cid, name, 100)
    assert [len(together[k]) for k in keys[1:]] == [50, len(together[keys[2]]), 0]
    assert 50 <= len(together[keys[0]]) <= 100 and len(together[keys[2]]) <= 100


async def test_a_few_thousand_points_keep_the_asked_resolution(db: Database) -> None:
    c = await _candidate(db)
    rng = random.Random(10)
    await log(db, c.id, [pt("x", rng.random(), i, i) for i in range(2000)])
    history = await history_of(db, c.id, "x")
    found = await sample(db, c.id, "x", 1000)
    assert_keeps_shape(found, history, 1000)
    assert len(found) > 800  # 250 buckets of 8 steps: level 0's 16-step buckets give < 500


async def test_a_summary_without_points_is_an_empty_series(db: Database) -> None:
    """Bulk-loaded data may carry a summary but no history: that series is empty, not an
    error, and the other series of the request still come back."""
    a, b = await two_candidates(db)
    await log(db, a.id, [pt("loss", 1.0, 0, 0), pt("loss", 0.5, 1, 1)])
    async with db.write() as s:
        summary = {"last_value": 2.0, "last_step": 9, "last_timestamp": 9, "count": 10}
        await s.execute(
            insert(t.CandidateMetricSummary).values(candidate_id=b.id, name="loss", **summary)
        )
    async with db.read() as s:
        found = await metric_downsampling.downsampled_points(
            s, series=[(a.id, "loss"), (b.id, "loss")], max_points=100
        )
    assert found == {(a.id, "loss"): [(0, 0, 1.0), (1, 1, 0.5)], (b.id, "loss"): []}


def m4_brute_force(history: list[MetricPoint], level: int) -> list[Point]:
    """Each whole bucket of `level`: its first, smallest, largest and last point, in order."""
    buckets: dict[int, list[Point]] = {}
    for p in sorted(history, key=order):
        buckets.setdefault(p.step >> (BASE + level), []).append(stored(p))
    picks: list[Point] = []
    for _, points in sorted(buckets.items()):
        finite = [(v, s, ts) for s, ts, v in points if v is not None]
        extremes = [(s, ts, v) for v, s, ts in (min(finite), max(finite))] if finite else []
        picks += sorted({points[0], points[-1], *extremes}, key=order_key)
    return picks


def around_zero(rng: random.Random) -> list[MetricPoint]:
    """Steps -40,000 to 39,999 with spikes, NaN and infinities near 0, where the stored rows
    of buckets -1 and 0 hold only part of them at coarse levels."""
    points = [pt("loss", rng.random(), s, 50_000 + s) for s in range(-40_000, 40_000)]
    for step, value in [(3, 50.0), (-2, -50.0), (20, math.nan), (-17, math.inf), (40, -7.0)]:
        points[40_000 + step] = pt("loss", value, step, 50_000 + step)
    rng.shuffle(points)
    return [*points, pt("loss", -60.0, 0, 1), pt("loss", 60.0, -1, 99_999)]


async def test_rolled_levels_across_step_zero_match_brute_force(db: Database) -> None:
    c = await _candidate(db)
    await log(db, c.id, around_zero(random.Random(11)))
    history = await history_of(db, c.id, "loss")
    for n in (40, 100, 1000, 10_000):
        level = metric_downsampling.level_for((-40_000, 39_999), n // 4)
        async with db.read() as s:
            found = await metric_downsampling.downsampled_points(
                s, series=[(c.id, "loss")], max_points=n
            )
        assert level and found[(c.id, "loss")] == m4_brute_force(history, level), n


def m4_equal_brute_force(history: list[MetricPoint], steps: tuple[int, int], n: int) -> list[Point]:
    """M4 over the history (`metric_m4`): the step range cut into `n` equal buckets (integer
    bounds), each keeping its first, last, smallest and largest point (no ties in values)."""
    low, high = steps
    span = high - low + 1
    n = min(n, span)
    bounds = [low + i * span // n for i in range(n + 1)]
    picks: set[Point] = set()
    for lo, hi in itertools.pairwise(bounds):
        inside = sorted((p for p in history if lo <= p.step < hi), key=order)
        finite = [p for p in inside if not math.isnan(p.value)]
        picks |= {stored(p) for p in inside[:1] + inside[-1:]}
        if finite:
            by_value = sorted(finite, key=lambda p: p.value)
            picks |= {stored(by_value[0]), stored(by_value[-1])}
    return sorted(picks, key=order_key)


def distinct(start: int, stop: int, stride: int = 1) -> list[MetricPoint]:
    """One point a step (`stride` steps apart), no two values alike, a spike at step 2,000."""
    return [
        pt("loss", 10.0**6 if s == 2000 else s * 7919 % 1_000_003 / 7, s * stride, 9 + s)
        for s in range(start, stop)
    ]


async def test_both_sides_of_the_real_threshold_match_brute_force(db: Database) -> None:
    """4,095 points: M4 over the history; the 4,096th builds the pyramid: its level 1."""
    assert metric_rollups.ROLLUP_FROM == 4096
    c = await _candidate(db)
    await log(db, c.id, distinct(0, 4095))
    history = await history_of(db, c.id, "loss")
    short = [stored(p) for p in await sample(db, c.id, "loss", 1000)]
    assert short == m4_equal_brute_force(history, (0, 4094), 250)
    assert [stored(p) for p in await sample(db, c.id, "loss", 5000)] == list(map(stored, history))
    await log(db, c.id, distinct(4095, 4096))
    history = await history_of(db, c.id, "loss")
    assert metric_downsampling.level_for((0, 4095), 250) == 1
    rolled = [stored(p) for p in await sample(db, c.id, "loss", 1000)]
    assert rolled == m4_brute_force(history, 1) != m4_equal_brute_force(history, (0, 4095), 250)
