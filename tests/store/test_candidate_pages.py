"""Keyset pages of candidates: forwards, backwards, under concurrent inserts, bad cursors."""

from __future__ import annotations

import math

import pytest

from labbook.db.database import Database
from labbook.errors import InvalidParameterError
from labbook.store import (
    candidate_plans,
    candidates,
    experiments,
    metrics,
    params_metadata,
    projects,
)
from labbook.store.candidate_search import search_candidates
from labbook.store.entities import Experiment, KeyValue, MetricPoint
from labbook.store.pages import encode_cursor

ORDER = ["metrics.loss DESC", "params.group"]


async def add(db: Database, e: Experiment, i: int, start: int) -> int:
    """Candidate `i`: loss ties in threes, every 7th NaN, every 5th without loss; a group."""
    async with db.write() as s:
        c = await candidates.create_candidate(
            s, experiment=e, name=f"c{i}", creator_id=None, start_time=start
        )
        if i % 5:
            value = math.nan if i % 7 == 0 else float(i // 3)
            point = MetricPoint(name="loss", value=value, step=0, timestamp=0)
            await metrics.log_metrics(s, candidate_id=c.id, points=[point])
        group = KeyValue(name="group", value=f"g{i % 4}")
        await params_metadata.log_params(s, candidate_id=c.id, params=[group])
        return c.id


@pytest.fixture(params=["planned", "walked"])
def plan(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """SQLite searches small experiments row by row and walks indexes for large ones."""
    if request.param == "walked":
        monkeypatch.setattr(candidate_plans, "WALK_THRESHOLD", 1)
    return str(request.param)


@pytest.fixture
async def experiment(db: Database, plan: str) -> Experiment:
    async with db.write() as s:
        p = await projects.create_project(s, path="pages")
        e = await experiments.create_experiment(s, project_id=p.id, name="e", creator_id=None)
    for i in range(30):
        await add(db, e, i, start=1000 + i % 6)  # equal start times: the id breaks ties
    return e


async def page(db: Database, e: Experiment, **kw: object) -> tuple[list[int], list[str], bool]:
    async with db.read() as s:
        found = await search_candidates(
            s,
            experiment_ids=[e.id],
            order_by=ORDER,
            **kw,  # type: ignore[arg-type]
        )
    return [c.id for c in found.items], found.cursors, found.has_more


async def test_forwards_and_backwards_cover_everything_once(
    db: Database, experiment: Experiment
) -> None:
    everything, _, more = await page(db, experiment, limit=100)
    assert len(everything) == 30 and not more
    seen: list[int] = []
    after = None
    while True:
        ids, cursors, more = await page(db, experiment, limit=7, after=after)
        seen += ids
        if not more:
            break
        after = cursors[-1]
    assert seen == everything

    last_ids, last_cursors, _ = await page(db, experiment, limit=100)
    back: list[int] = []
    before = last_cursors[-1]
    back = [last_ids[-1]]
    while True:
        ids, cursors, more = await page(db, experiment, limit=4, before=before)
        back = ids + back
        if not more:
            break
        before = cursors[0]
    assert back == everything


async def test_has_more_and_bounds(db: Database, experiment: Experiment) -> None:
    everything, cursors, _ = await page(db, experiment, limit=100)
    ids, _, more = await page(db, experiment, limit=30)
    assert ids == everything and not more
    ids, _, more = await page(db, experiment, limit=29)
    assert more
    ids, _, more = await page(db, experiment, limit=5, before=cursors[5])
    assert ids == everything[:5] and not more
    ids, _, more = await page(db, experiment, limit=5, before=cursors[6])
    assert ids == everything[1:6] and more
    ids, _, more = await page(db, experiment, limit=10, after=cursors[2], before=cursors[6])
    assert ids == everything[3:6]
    assert (await page(db, experiment, limit=0))[0] == []


async def test_pages_are_stable_while_candidates_are_added(
    db: Database, experiment: Experiment
) -> None:
    before_ids, _, _ = await page(db, experiment, limit=100)
    seen: list[int] = []
    after = None
    added = 0
    while True:
        ids, cursors, more = await page(db, experiment, limit=6, after=after)
        seen += ids
        if not more:
            break
        after = cursors[-1]
        for _ in range(3):  # new candidates land before, among and after the seen ones
            await add(db, experiment, 30 + added, start=1000 + added % 7)
            added += 1
    assert len(seen) == len(set(seen))
    assert set(before_ids) <= set(seen)
    old_order = [i for i in seen if i in set(before_ids)]
    assert old_order == before_ids


async def test_malformed_or_foreign_cursors_are_refused(
    db: Database, experiment: Experiment
) -> None:
    _, cursors, _ = await page(db, experiment, limit=3)
    for bad in ["", "x", "!!!", encode_cursor("other", [1, 2]), cursors[0][:-4]]:
        with pytest.raises(InvalidParameterError, match="Invalid page token"):
            await page(db, experiment, limit=3, after=bad)
    async with db.read() as s:
        with pytest.raises(InvalidParameterError, match="Invalid page token"):
            await search_candidates(
                s, experiment_ids=[experiment.id], order_by=["metrics.loss ASC"], limit=3,
                after=cursors[0],
            )  # fmt: skip
    with pytest.raises(InvalidParameterError):
        await page(db, experiment, limit=-1)


async def test_cursors_carry_over_between_plans(
    db: Database, experiment: Experiment, monkeypatch: pytest.MonkeyPatch
) -> None:
    everything, _, _ = await page(db, experiment, limit=100)
    for threshold in (1, 10**6):
        monkeypatch.setattr(candidate_plans, "WALK_THRESHOLD", threshold)
        first, cursors, _ = await page(db, experiment, limit=11)
        monkeypatch.setattr(candidate_plans, "WALK_THRESHOLD", 10**6 if threshold == 1 else 1)
        rest, _, more = await page(db, experiment, limit=100, after=cursors[-1])
        assert first + rest == everything and not more
        back, _, _ = await page(db, experiment, limit=3, before=cursors[-1])
        assert back == everything[7:10]
