"""Rollups only for long series: none below ROLLUP_FROM points, the whole pyramid once a write
crosses it (in one batch, one point at a time, racing writers), never by a retried batch; the
migration 0009 deletes and its downgrade rebuilds the short series' rows. Brute force says
which rows."""

from __future__ import annotations

import asyncio
import random

import pytest
from alembic import command

from labbook.db import migrations
from labbook.db.database import Database
from labbook.store import metric_rollups, metrics
from labbook.store.entities import MetricPoint
from tests.store.test_metric_rollups import (
    assert_agree,
    brute_force,
    history_of,
    random_points,
    rollup_from,
    stored_rollups,
)
from tests.store.test_metrics import _candidate


def steps(start: int, stop: int, name: str = "loss") -> list[MetricPoint]:
    """Steps `start` to `stop - 1`, the same point for a step each time (a retry repeats it)."""
    return [
        MetricPoint(name=name, value=(s * 7919 % 1000) / 7, step=s, timestamp=s)
        for s in range(start, stop)
    ]


async def log(db: Database, candidate_id: int, points: list[MetricPoint]) -> int:
    async with db.write() as s:
        return await metrics.log_metrics(s, candidate_id=candidate_id, points=points)


async def test_a_series_below_the_threshold_has_no_rows(db: Database) -> None:
    c = await _candidate(db)
    assert metric_rollups.ROLLUP_FROM == 4096
    await log(db, c.id, steps(0, 970) + steps(0, 100, "acc"))
    assert await stored_rollups(db, c.id, "loss") == {}
    assert await stored_rollups(db, c.id, "acc") == {}


async def test_crossing_the_real_threshold_builds_the_whole_pyramid(db: Database) -> None:
    c = await _candidate(db)
    await log(db, c.id, steps(0, 4095))
    assert await stored_rollups(db, c.id, "loss") == {}
    await log(db, c.id, steps(4095, 4096))
    rows = await stored_rollups(db, c.id, "loss")
    assert rows == brute_force(await history_of(db, c.id, "loss")) and rows[(0, 0)]["count"] == 16
    await log(db, c.id, steps(4096, 5000))  # folded in from now on
    await assert_agree(db, c.id, ("loss",))


async def test_crossing_in_one_batch_then_folding(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    rollup_from(monkeypatch, 100)
    c = await _candidate(db)
    await log(db, c.id, steps(-30, 20) + steps(0, 99, "acc"))
    await assert_agree(db, c.id, ("loss", "acc"))
    assert await stored_rollups(db, c.id, "loss") == {}
    await log(db, c.id, steps(20, 120) + steps(99, 100, "acc") + steps(0, 5, "new"))
    assert await stored_rollups(db, c.id, "acc") != {}
    await log(db, c.id, steps(120, 200) + steps(100, 300, "acc"))
    await assert_agree(db, c.id, ("loss", "acc", "new"))


async def test_crossing_one_point_at_a_time(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    rollup_from(monkeypatch, 20)
    c = await _candidate(db)
    points = random_points(random.Random(3), 40, ("loss",))
    for p in points:
        await log(db, c.id, [p])
        await assert_agree(db, c.id, ("loss",))
    assert len(await stored_rollups(db, c.id, "loss")) > 20


async def test_a_retried_batch_does_not_cross(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """99 points and the last batch of 30 again: nothing new, so still no pyramid (a count of
    the points sent, not those inserted, would cross); then one new point among repeats does."""
    rollup_from(monkeypatch, 100)
    c = await _candidate(db)
    await log(db, c.id, steps(0, 69))
    await log(db, c.id, steps(69, 99))
    assert await log(db, c.id, steps(69, 99)) == 0
    assert await stored_rollups(db, c.id, "loss") == {}
    assert await log(db, c.id, steps(69, 100)) == 1
    await assert_agree(db, c.id, ("loss",))
    before = await stored_rollups(db, c.id, "loss")
    assert before and await log(db, c.id, steps(0, 100)) == 0
    assert await stored_rollups(db, c.id, "loss") == before


async def race(db: Database, candidate_id: int, name: str, seed: int) -> None:
    """Eight writers of five small batches each (with their own timestamps), at once."""
    rng = random.Random(seed)

    async def writer(w: int) -> None:
        for _ in range(5):
            await log(db, candidate_id, random_points(rng, rng.randrange(1, 12), (name,), w))

    await asyncio.gather(*(writer(w) for w in range(8)))


async def test_racing_writers_cross_the_threshold_of_one_series(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On PostgreSQL in concurrent transactions: each crossing, at any point of the race,
    ends with exactly the brute-force pyramid."""
    c = await _candidate(db)
    for seed, threshold in enumerate((30, 64, 100, 150)):
        rollup_from(monkeypatch, threshold)
        await race(db, c.id, f"loss{seed}", seed)
        history = await history_of(db, c.id, f"loss{seed}")
        assert len(history) >= threshold, (threshold, len(history))
        await assert_agree(db, c.id, (f"loss{seed}",))


async def test_migration_0009_deletes_and_rebuilds_short_series(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    rollup_from(monkeypatch, 100)
    c = await _candidate(db)
    await log(db, c.id, steps(0, 150) + steps(0, 99, "short"))
    long = await stored_rollups(db, c.id, "loss")
    assert long and await stored_rollups(db, c.id, "short") == {}
    config = migrations.alembic_config(db.url)
    await asyncio.to_thread(command.downgrade, config, "0008")
    short = brute_force(await history_of(db, c.id, "short"))
    assert short and await stored_rollups(db, c.id, "short") == short  # as 0008 had it
    assert await stored_rollups(db, c.id, "loss") == long
    await asyncio.to_thread(command.upgrade, config, "head")
    assert await stored_rollups(db, c.id, "short") == {}
    assert await stored_rollups(db, c.id, "loss") == long
