"""Metric history and summaries: latest as MLflow defines it, NaN/inf, retries, concurrency."""

from __future__ import annotations

import asyncio
import math

from labbook.db.database import Database
from labbook.store import candidates, experiments, metric_history, metrics, projects
from labbook.store.entities import Candidate, MetricPoint


async def _candidate(db: Database) -> Candidate:
    async with db.write() as s:
        p = await projects.create_project(s, path="m")
        e = await experiments.create_experiment(s, project_id=p.id, name="e", creator_id=None)
        return await candidates.create_candidate(
            s, experiment=e, name="r", creator_id=None, start_time=0
        )


def pt(value: float, step: int, ts: int, name: str = "loss") -> MetricPoint:
    return MetricPoint(name=name, value=value, step=step, timestamp=ts)


async def _summary(db: Database, c: Candidate) -> dict[str, metrics.MetricSummary]:
    async with db.read() as s:
        found = await metrics.summaries_of(s, candidate_ids=[c.id])
    return {m.name: m for m in found[c.id]}


async def test_latest_is_highest_step_then_timestamp_then_value(db: Database) -> None:
    c = await _candidate(db)
    async with db.write() as s:
        await metrics.log_metrics(s, candidate_id=c.id, points=[pt(5.0, 3, 10), pt(1.0, 1, 99)])
    async with db.write() as s:
        await metrics.log_metrics(s, candidate_id=c.id, points=[pt(2.0, 3, 10), pt(0.5, 2, 200)])
    loss = (await _summary(db, c))["loss"]
    assert (loss.last_value, loss.last_step, loss.last_timestamp) == (5.0, 3, 10)
    assert (loss.min_value, loss.max_value, loss.count) == (0.5, 5.0, 4)


async def test_nan_and_infinity_round_trip(db: Database) -> None:
    c = await _candidate(db)
    points = [pt(math.nan, 0, 1), pt(math.inf, 1, 2), pt(-math.inf, 2, 3, name="acc")]
    async with db.write() as s:
        await metrics.log_metrics(s, candidate_id=c.id, points=points)
    async with db.read() as s:
        history = await metric_history.metric_history(s, candidate_id=c.id, name="loss")
    values = [p.value for _, p in history]
    assert math.isnan(values[0]) and values[1] == math.inf
    summary = await _summary(db, c)
    assert summary["loss"].last_value == math.inf and summary["acc"].last_value == -math.inf


async def test_repeated_batch_is_not_stored_twice(db: Database) -> None:
    c = await _candidate(db)
    batch = [pt(float(i), i, 1000 + i) for i in range(10)]
    for _ in range(2):
        async with db.write() as s:
            await metrics.log_metrics(s, candidate_id=c.id, points=batch)
    async with db.read() as s:
        history = await metric_history.metric_history(s, candidate_id=c.id, name="loss")
    assert len(history) == 10
    assert (await _summary(db, c))["loss"].count == 10


async def test_partly_repeated_batch_counts_only_new_points(db: Database) -> None:
    c = await _candidate(db)
    first = [pt(float(i), i, 1000 + i) for i in range(10)]
    # steps 5..9 repeat, 10..14 are new, and one new point comes twice in the batch
    second = [pt(float(i), i, 1000 + i) for i in range(5, 15)] + [pt(14.0, 14, 1014)]
    async with db.write() as s:
        assert await metrics.log_metrics(s, candidate_id=c.id, points=first) == 10
    async with db.write() as s:
        assert await metrics.log_metrics(s, candidate_id=c.id, points=second) == 5
    loss = (await _summary(db, c))["loss"]
    assert (loss.count, loss.min_value, loss.max_value, loss.last_step) == (15, 0.0, 14.0, 14)


async def test_batch_larger_than_one_statement(db: Database) -> None:
    c = await _candidate(db)
    points = [pt(i * 0.25, i, 7, name=f"m{i % 3}") for i in range(2500)]
    async with db.write() as s:
        assert await metrics.log_metrics(s, candidate_id=c.id, points=points) == 2500
    async with db.read() as s:
        history = await metric_history.metric_history(s, candidate_id=c.id, name="m1")
    assert [p.step for _, p in history] == list(range(1, 2500, 3))
    assert {m.name: m.count for m in (await _summary(db, c)).values()} == {
        "m0": 834,
        "m1": 833,
        "m2": 833,
    }


async def test_history_pages_by_keyset(db: Database) -> None:
    c = await _candidate(db)
    async with db.write() as s:
        await metrics.log_metrics(
            s, candidate_id=c.id, points=[pt(float(i), i // 2, i) for i in range(7)]
        )
    seen: list[int] = []
    after = None
    while True:
        async with db.read() as s:
            page = await metric_history.metric_history(
                s, candidate_id=c.id, name="loss", limit=3, after=after
            )
        if not page:
            break
        seen += [p.timestamp for _, p in page]
        row_id, last = page[-1]
        after = (last.step, last.timestamp, None if math.isnan(last.value) else last.value, row_id)
    assert seen == list(range(7))


async def test_history_pages_through_ties_of_step_and_timestamp(db: Database) -> None:
    """Points of one step and timestamp by value, NaN first, then by id; one per page."""
    c = await _candidate(db)
    values = [2.0, math.nan, -math.inf, 1.0, math.inf]
    async with db.write() as s:
        await metrics.log_metrics(s, candidate_id=c.id, points=[pt(v, 1, 5) for v in values])
        await metrics.log_metrics(s, candidate_id=c.id, points=[pt(0.0, 0, 9), pt(0.0, 2, 0)])
    seen: list[float] = []
    after: metric_history.HistoryCursor | None = None
    while True:
        async with db.read() as s:
            rows = await metric_history.history_rows(
                s, candidate_id=c.id, name="loss", limit=1, after=after
            )
        if not rows:
            break
        seen.append(math.nan if rows[0][1] is None else rows[0][1])
        after = metric_history.cursor_of(rows[0])
    assert str(seen) == str([0.0, math.nan, -math.inf, 1.0, 2.0, math.inf, 0.0])


async def test_eight_concurrent_writers_lose_nothing(db: Database) -> None:
    c = await _candidate(db)

    async def writer(w: int) -> None:
        for batch in range(5):
            points = [pt(float(w * 1000 + batch * 50 + i), batch * 50 + i, w) for i in range(50)]
            async with db.write() as s:
                await metrics.log_metrics(s, candidate_id=c.id, points=points)

    await asyncio.gather(*(writer(w) for w in range(8)))
    async with db.read() as s:
        history = await metric_history.metric_history(s, candidate_id=c.id, name="loss")
    assert len(history) == 8 * 250
    loss = (await _summary(db, c))["loss"]
    assert loss.count == 2000 and loss.min_value == 0.0 and loss.max_value == 7249.0
    # highest step is 249, logged by all writers; then latest timestamp (writer 7) wins
    assert (loss.last_step, loss.last_timestamp, loss.last_value) == (249, 7, 7249.0)


async def test_a_batch_in_step_order_with_and_without_plain_floats(db: Database) -> None:
    """The client's shape (every key at each step) sorts by key; an int value or a NaN takes
    the general path, which stores the same rows."""
    c = await _candidate(db)
    steps = range(5, -1, -1)  # descending: the sort cannot rely on the client's order
    floats = [pt(s * 0.5 + k, s, 100, name=f"f{k}") for s in steps for k in range(3)]
    mixed = [pt(s + k if s % 2 else s * 0.5, s, 100, name=f"i{k}") for s in steps for k in range(3)]
    async with db.write() as s:
        assert await metrics.log_metrics(s, candidate_id=c.id, points=floats) == 18
        assert await metrics.log_metrics(s, candidate_id=c.id, points=mixed) == 18
    async with db.write() as s:  # a retry, partly new
        extra = [pt(9.0, 9, 100, name="f0")]
        assert await metrics.log_metrics(s, candidate_id=c.id, points=floats + extra) == 1
    async with db.read() as s:
        f1 = await metric_history.metric_history(s, candidate_id=c.id, name="f1")
        i2 = await metric_history.metric_history(s, candidate_id=c.id, name="i2")
    assert [(p.step, p.value) for _, p in f1] == [(s, s * 0.5 + 1) for s in range(6)]
    assert [(p.step, p.value) for _, p in i2] == [
        (s, s + 2 if s % 2 else s * 0.5) for s in range(6)
    ]
    summary = await _summary(db, c)
    assert (summary["f0"].count, summary["f0"].last_step, summary["i2"].max_value) == (7, 9, 7)


async def test_summaries_of_several_keys_skip_nan_in_min_and_max(db: Database) -> None:
    """Summaries are computed per key over the batch's columns: NaN counts, may be the latest
    value, and is neither min nor max; a key of only NaN has neither; a partly repeated
    batch summarizes only its new points."""
    c = await _candidate(db)
    batch = [
        pt(math.nan, 3, 5, name="b"),
        pt(2, 1, 5, name="b"),
        pt(-1.5, 2, 5, name="b"),
        pt(math.nan, 0, 5, name="c"),
        pt(4.0, 0, 5, name="a"),
        pt(math.inf, 1, 5, name="a"),
    ]
    async with db.write() as s:
        assert await metrics.log_metrics(s, candidate_id=c.id, points=batch) == 6
    async with db.write() as s:  # a repeat of one point of "a", and a new latest one
        retry = [pt(4.0, 0, 5, name="a"), pt(0.25, 7, 5, name="a")]
        assert await metrics.log_metrics(s, candidate_id=c.id, points=retry) == 1
    got = {
        name: (
            m.count,
            m.min_value,
            m.max_value,
            "nan" if math.isnan(m.last_value) else m.last_value,
            m.last_step,
        )
        for name, m in (await _summary(db, c)).items()
    }
    c_summary = got.pop("c")
    assert c_summary[0] == 1 and math.isnan(c_summary[1]) and math.isnan(c_summary[2])
    assert got == {"a": (3, 0.25, math.inf, 0.25, 7), "b": (3, -1.5, 2.0, "nan", 3)}
