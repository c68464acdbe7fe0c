"""Metric rollups agree with a brute-force computation over the stored history: random series
with NaN, infinities, steps out of order, negative steps, retried batches and concurrent
writers. The stored pyramid is sparse (a point stops at the first level where it is in bucket
0 or -1); what the readers rebuild from it is the dense pyramid (every point at every level).
Only a series of at least ROLLUP_FROM points has one: these tests lower it (`rollup_from`) to
keep series small; `test_metric_rollup_writes` crosses it. The migrations fold histories
logged before them."""

from __future__ import annotations

import asyncio
import math
import random
from typing import Any

import pytest
from alembic import command
from sqlalchemy import delete, insert, select

from labbook.db import migrations
from labbook.db import tables as t
from labbook.db.database import Database
from labbook.store import metric_downsampling, metric_history, metric_rollups, metrics
from labbook.store.entities import MetricPoint
from labbook.store.metric_rollups import BASE, LEVELS, LOWEST, ROW_COLUMNS
from tests.store.test_metrics import _candidate

SPECIAL = [math.nan, math.inf, -math.inf, 0.0, -0.0]


def rollup_from(monkeypatch: pytest.MonkeyPatch, points: int) -> None:
    """Series of at least `points` points have a pyramid (for this test)."""
    monkeypatch.setattr(metric_rollups, "ROLLUP_FROM", points)


@pytest.fixture
def low_threshold(monkeypatch: pytest.MonkeyPatch) -> None:
    rollup_from(monkeypatch, 200)


def random_points(
    rng: random.Random, n: int, names: tuple[str, ...], writer: int = 0
) -> list[MetricPoint]:
    """Steps out of order, clustered and sparse, repeated steps, special values; each writer
    its own timestamps (two requests racing on the same points in different orders is not
    what the client does: a retry repeats its batch in order)."""
    points = []
    for _ in range(n):
        step = rng.choice(
            [
                rng.randrange(64),
                rng.randrange(5000),
                rng.randrange(-50, 10**7),
                -rng.randrange(10**6),
            ]
        )
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


def top(step: int) -> int:
    """The first level at which `step` is in bucket 0 or -1: the last level holding it."""
    return min(LEVELS - 1, max(0, (step if step >= 0 else ~step).bit_length() - BASE))


def brute_force(
    history: list[MetricPoint], *, dense: bool = False
) -> dict[tuple[int, int], dict[str, Any]]:
    """The rows stored (a point at levels 0 to `top`), or with `dense` the whole buckets of
    every level (every point at every level), which readers rebuild."""
    buckets: dict[tuple[int, int], list[MetricPoint]] = {}
    for level in range(LEVELS):
        for p in history:
            if dense or level <= top(p.step):
                buckets.setdefault((level, p.step >> (BASE + level)), []).append(p)
    return {key: brute_bucket(points) for key, points in buckets.items()}


def expected_rows(history: list[MetricPoint]) -> dict[tuple[int, int], dict[str, Any]]:
    """The rows stored for a series: none below ROLLUP_FROM points."""
    return brute_force(history) if len(history) >= metric_rollups.ROLLUP_FROM else {}


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
        assert await stored_rollups(db, candidate_id, name) == expected_rows(history)


async def write_randomly(db: Database, candidate_id: int, names: tuple[str, ...]) -> None:
    """Four concurrent writers of random batches, each retrying two of them."""
    rng = random.Random(20261127)

    async def writer(w: int) -> None:
        mine = [random_points(rng, rng.randrange(1, 300), names, w) for _ in range(6)]
        for batch in mine + mine[:2]:  # the first two again: retried requests
            async with db.write() as s:
                await metrics.log_metrics(s, candidate_id=candidate_id, points=batch)

    await asyncio.gather(*(writer(w) for w in range(4)))


async def test_rollups_match_brute_force_under_retries_and_writers(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writers cross the threshold while racing (their first batches hold ~300 points)."""
    rollup_from(monkeypatch, 300)
    c = await _candidate(db)
    await write_randomly(db, c.id, ("loss", "acc"))
    await assert_agree(db, c.id, ("loss", "acc"))
    for name in ("loss", "acc"):
        assert len(await history_of(db, c.id, name)) >= 300, name


def as_rolled(key: tuple[int, int], b: dict[str, Any]) -> tuple[Any, ...]:
    """A brute-force bucket as the readers read it (`metric_rollups.Rolled`)."""
    return (*key, *b["first"], *b["last"], *b["min"], *b["max"])


async def test_readers_rebuild_every_level_of_the_dense_pyramid(
    db: Database, low_threshold: None
) -> None:
    c = await _candidate(db)
    await write_randomly(db, c.id, ("loss", "acc"))
    for name in ("loss", "acc"):
        dense = brute_force(await history_of(db, c.id, name), dense=True)
        for level in range(LEVELS):
            async with db.read() as s:
                found = await metric_downsampling.rolled_buckets(s, {(c.id, name): level})
            expected = [as_rolled(k, b) for k, b in sorted(dense.items()) if k[0] == level]
            assert [tuple(row[:14]) for row in found[(c.id, name)]] == expected, (name, level)


async def test_points_at_the_same_step_and_time_pick_by_value(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    rollup_from(monkeypatch, 1)  # the first point builds the pyramid, the others fold in
    c = await _candidate(db)
    points = [MetricPoint(name="x", value=v, step=7, timestamp=1) for v in (2.0, math.nan, -3.0)]
    for p in points:  # one at a time: each merge goes through the upsert
        async with db.write() as s:
            await metrics.log_metrics(s, candidate_id=c.id, points=[p])
    level0 = (await stored_rollups(db, c.id, "x"))[(0, 0)]
    assert level0["first"] == (7, 1, None) and level0["last"] == (7, 1, 2.0)  # NaN lowest
    assert level0["min"] == (-3.0, 7, 1) and level0["max"] == (2.0, 7, 1)
    await assert_agree(db, c.id, ("x",))


async def test_migration_folds_existing_histories(db: Database, low_threshold: None) -> None:
    c = await _candidate(db)
    points = random_points(random.Random(5), 500, ("loss",))
    short = [MetricPoint(name="short", value=1.0, step=i, timestamp=i) for i in range(199)]
    async with db.write() as s:
        await metrics.log_metrics(s, candidate_id=c.id, points=points + short)
    before = await stored_rollups(db, c.id, "loss")
    config = migrations.alembic_config(db.url)
    await asyncio.to_thread(command.downgrade, config, "0004")
    await asyncio.to_thread(command.upgrade, config, "head")
    assert before and await stored_rollups(db, c.id, "loss") == before
    assert await stored_rollups(db, c.id, "short") == {}


def as_row(candidate_id: int, key: tuple[int, int], b: dict[str, Any]) -> dict[str, Any]:
    values = (candidate_id, "loss", *key, b["count"], *b["first"], *b["last"])
    return dict(zip(ROW_COLUMNS, (*values, *b["min"], *b["max"]), strict=True))


async def test_migration_0008_makes_dense_rows_sparse(db: Database, low_threshold: None) -> None:
    c = await _candidate(db)
    async with db.write() as s:
        await metrics.log_metrics(
            s, candidate_id=c.id, points=random_points(random.Random(6), 500, ("loss",))
        )
    before = await stored_rollups(db, c.id, "loss")
    config = migrations.alembic_config(db.url)
    await asyncio.to_thread(command.downgrade, config, "0007")
    dense = brute_force(await history_of(db, c.id, "loss"), dense=True)
    async with db.write() as s:
        await s.execute(delete(t.CandidateMetricRollup))
        await s.execute(
            insert(t.CandidateMetricRollup), [as_row(c.id, k, b) for k, b in dense.items()]
        )
    assert await stored_rollups(db, c.id, "loss") == dense
    await asyncio.to_thread(command.upgrade, config, "head")
    assert await stored_rollups(db, c.id, "loss") == before != dense


async def test_a_partly_repeated_batch_over_several_statements(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Repeats spread over a batch larger than one SQLite INSERT: exactly the new points count,
    in the history, the summaries and the rollups (the second batch takes each key from about
    417 points, below the threshold, to about 834, above it)."""
    rollup_from(monkeypatch, 500)
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
