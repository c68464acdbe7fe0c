"""Metric rollups agree with a brute-force computation over the stored history: random series
with NaN, infinities, steps out of order, retried batches and concurrent writers; and the
migration folds histories logged before it."""

from __future__ import annotations

import asyncio
import math
import random
from typing import Any

from alembic import command
from sqlalchemy import select

from labbook.db import migrations
from labbook.db import tables as t
from labbook.db.database import Database
from labbook.store import metric_history, metrics
from labbook.store.entities import MetricPoint
from labbook.store.metric_rollups import BASE, LEVELS, LOWEST
from tests.store.test_metrics import _candidate

SPECIAL = [math.nan, math.inf, -math.inf, 0.0, -0.0]


def random_points(
    rng: random.Random, n: int, names: tuple[str, ...], writer: int = 0
) -> list[MetricPoint]:
    """Steps out of order, clustered and sparse, repeated steps, special values; each writer
    its own timestamps (two requests racing on the same points in different orders is not
    what the client does: a retry repeats its batch in order)."""
    points = []
    for _ in range(n):
        step = rng.choice([rng.randrange(64), rng.randrange(5000), rng.randrange(-50, 10**7)])
        value = rng.choice(SPECIAL) if rng.random() < 0.1 else rng.choice([1.0, 2.5, rng.random()])
        points.append(
            MetricPoint(
                name=rng.choice(names),
                value=value,
                step=step,
                timestamp=writer * 10 + rng.randrange(5),
            )
        )
    return points


def order(p: MetricPoint) -> tuple[int, int, float]:
    return (p.step, p.timestamp, LOWEST if math.isnan(p.value) else p.value)


def stored(p: MetricPoint) -> tuple[int, int, float | None]:
    return (p.step, p.timestamp, None if math.isnan(p.value) else p.value)


def brute_bucket(points: list[MetricPoint]) -> dict[str, Any]:
    finite = [(p.value, p.step, p.timestamp) for p in points if not math.isnan(p.value)]
    low, high = (min(finite), max(finite)) if finite else ((None,) * 3, (None,) * 3)
    return {
        "count": len(points),
        "first": stored(min(points, key=order)),
        "last": stored(max(points, key=order)),
        "min": low,
        "max": high,
    }


def brute_force(history: list[MetricPoint]) -> dict[tuple[int, int], dict[str, Any]]:
    buckets: dict[tuple[int, int], list[MetricPoint]] = {}
    for level in range(LEVELS):
        for p in history:
            buckets.setdefault((level, p.step >> (BASE + level)), []).append(p)
    return {key: brute_bucket(points) for key, points in buckets.items()}


def as_bucket(r: t.CandidateMetricRollup) -> dict[str, Any]:
    return {
        "count": r.count,
        "first": (r.first_step, r.first_timestamp, r.first_value),
        "last": (r.last_step, r.last_timestamp, r.last_value),
        "min": (r.min_value, r.min_step, r.min_timestamp),
        "max": (r.max_value, r.max_step, r.max_timestamp),
    }


async def stored_rollups(db: Database, candidate_id: int, name: str) -> dict[Any, Any]:
    r = t.CandidateMetricRollup
    async with db.read() as s:
        rows = await s.scalars(select(r).where(r.candidate_id == candidate_id, r.name == name))
        return {(row.level, row.bucket): as_bucket(row) for row in rows.all()}


async def history_of(db: Database, candidate_id: int, name: str) -> list[MetricPoint]:
    async with db.read() as s:
        found = await metric_history.metric_history(s, candidate_id=candidate_id, name=name)
    return [p for _, p in found]


async def assert_agree(db: Database, candidate_id: int, names: tuple[str, ...]) -> None:
    for name in names:
        history = await history_of(db, candidate_id, name)
        assert history, name
        assert await stored_rollups(db, candidate_id, name) == brute_force(history)


async def test_rollups_match_brute_force_under_retries_and_writers(db: Database) -> None:
    c = await _candidate(db)
    rng = random.Random(20261127)
    names = ("loss", "acc")

    async def writer(w: int) -> None:
        mine = [random_points(rng, rng.randrange(1, 300), names, w) for _ in range(6)]
        for batch in mine + mine[:2]:  # the first two again: retried requests
            async with db.write() as s:
                await metrics.log_metrics(s, candidate_id=c.id, points=batch)

    await asyncio.gather(*(writer(w) for w in range(4)))
    await assert_agree(db, c.id, names)


async def test_points_at_the_same_step_and_time_pick_by_value(db: Database) -> None:
    c = await _candidate(db)
    points = [MetricPoint(name="x", value=v, step=7, timestamp=1) for v in (2.0, math.nan, -3.0)]
    for p in points:  # one at a time: each merge goes through the upsert
        async with db.write() as s:
            await metrics.log_metrics(s, candidate_id=c.id, points=[p])
    level0 = (await stored_rollups(db, c.id, "x"))[(0, 0)]
    assert level0["first"] == (7, 1, None) and level0["last"] == (7, 1, 2.0)  # NaN lowest
    assert level0["min"] == (-3.0, 7, 1) and level0["max"] == (2.0, 7, 1)
    await assert_agree(db, c.id, ("x",))


async def test_migration_folds_existing_histories(db: Database) -> None:
    c = await _candidate(db)
    points = random_points(random.Random(5), 500, ("loss",))
    async with db.write() as s:
        await metrics.log_metrics(s, candidate_id=c.id, points=points)
    before = await stored_rollups(db, c.id, "loss")
    config = migrations.alembic_config(db.url)
    await asyncio.to_thread(command.downgrade, config, "0004")
    await asyncio.to_thread(command.upgrade, config, "head")
    assert before and await stored_rollups(db, c.id, "loss") == before


async def test_a_partly_repeated_batch_over_several_statements(db: Database) -> None:
    """Repeats spread over a batch larger than one SQLite INSERT: exactly the new points count,
    in the history, the summaries and the rollups."""
    c = await _candidate(db)
    points = [
        MetricPoint(name=f"k{i % 3}", value=i * 0.5, step=i, timestamp=7) for i in range(2500)
    ]
    async with db.write() as s:
        assert await metrics.log_metrics(s, candidate_id=c.id, points=points[::2]) == 1250
    async with db.write() as s:
        assert await metrics.log_metrics(s, candidate_id=c.id, points=points) == 1250
    async with db.write() as s:
        assert await metrics.log_metrics(s, candidate_id=c.id, points=points) == 0
    async with db.read() as s:
        found = await metrics.summaries_of(s, candidate_ids=[c.id])
    assert sorted((m.name, m.count, m.last_step) for m in found[c.id]) == [
        ("k0", 834, 2499),
        ("k1", 833, 2497),
        ("k2", 833, 2498),
    ]
    await assert_agree(db, c.id, ("k0", "k1", "k2"))
