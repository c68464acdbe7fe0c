"""Experiment search: MLflow's filter fields, order keys, lifecycle and keyset pages."""

from __future__ import annotations

import pytest

from labbook.db.database import Database
from labbook.errors import InvalidParameterError
from labbook.store import candidates, experiments, projects
from labbook.store.entities import Experiment, KeyValue
from labbook.store.experiment_search import count_experiments, search_experiments


@pytest.fixture
async def made(db: Database) -> dict[str, Experiment]:
    """alpha (team ml, 1 live + 1 deleted candidate), beta (team vision), gamma-exp (3
    candidates, no tags), Delta (deleted); created in that order."""
    found: dict[str, Experiment] = {}
    async with db.write() as s:
        p = await projects.create_project(s, path="exps")
        for name, team in [
            ("alpha", "ml"),
            ("beta", "vision"),
            ("gamma-exp", None),
            ("Delta", None),
        ]:
            tags = [KeyValue(name="team", value=team)] if team else []
            found[name] = await experiments.create_experiment(
                s, project_id=p.id, name=name, creator_id=None, metadata=tags
            )
        for name, n in [("alpha", 2), ("gamma-exp", 3)]:
            for _ in range(n):
                c = await candidates.create_candidate(
                    s, experiment=found[name], name="r", creator_id=None, start_time=0
                )
        await candidates.delete_candidate(s, candidate_id=c.id - 3)  # alpha's second
        await experiments.delete_experiment(s, experiment_id=found["Delta"].id)
    return found


async def names(db: Database, e: Experiment, filter: str = "", **kw: object) -> list[str]:
    async with db.read() as s:
        page = await search_experiments(
            s,
            project_id=e.project_id,
            filter=filter,
            limit=50,
            **kw,  # type: ignore[arg-type]
        )
        if "order_by" not in kw:
            lifecycle = kw.get("lifecycle", "active")
            n = await count_experiments(
                s,
                project_id=e.project_id,
                filter=filter,
                lifecycle=lifecycle,  # type: ignore[arg-type]
            )
            assert n == len(page.items)
    return [x.name for x in page.items]


def ms(e: Experiment) -> int:
    return int(e.created_at.timestamp() * 1000)


async def test_filters(db: Database, made: dict[str, Experiment]) -> None:
    a = made["alpha"]
    assert await names(db, a) == ["gamma-exp", "beta", "alpha"]
    assert await names(db, a, lifecycle="deleted") == ["Delta"]
    assert await names(db, a, lifecycle="all") == ["Delta", "gamma-exp", "beta", "alpha"]
    assert await names(db, a, "name LIKE 'a%'") == ["alpha"]
    assert await names(db, a, "name LIKE 'd%'", lifecycle="all") == []
    assert await names(db, a, "attributes.name ILIKE 'd%'", lifecycle="all") == ["Delta"]
    assert await names(db, a, "name != 'beta'") == ["gamma-exp", "alpha"]
    assert await names(db, a, "tags.team = 'ml'") == ["alpha"]
    assert await names(db, a, "tags.team LIKE '%i%'") == ["beta"]
    assert await names(db, a, "tags.team IS NULL") == ["gamma-exp"]
    assert await names(db, a, "name = 'beta' OR tags.team = 'ml'") == ["beta", "alpha"]
    assert await names(db, a, f"creation_time >= {ms(made['beta'])}") == ["gamma-exp", "beta"]
    recent = f"attributes.last_update_time > {ms(made['alpha']) - 60_000}"
    assert await names(db, a, recent) == ["gamma-exp", "beta", "alpha"]


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        (["name"], ["alpha", "beta", "gamma-exp"]),
        (["attributes.name DESC"], ["gamma-exp", "beta", "alpha"]),
        (["creation_time ASC"], ["alpha", "beta", "gamma-exp"]),
        (["candidate_count DESC"], ["gamma-exp", "alpha", "beta"]),
        (["candidate_count"], ["beta", "alpha", "gamma-exp"]),
        (["experiment_id DESC"], ["gamma-exp", "beta", "alpha"]),
        (["tags.team DESC"], ["beta", "alpha", "gamma-exp"]),
        (["tags.team"], ["alpha", "beta", "gamma-exp"]),
        (["last_activity_at", "id DESC"], ["beta", "gamma-exp", "alpha"]),  # by candidate activity
    ],
)
async def test_order(
    db: Database, made: dict[str, Experiment], order: list[str], expected: list[str]
) -> None:
    assert await names(db, made["alpha"], order_by=order) == expected


@pytest.mark.parametrize(
    ("kw", "message"),
    [
        ({"filter": "metrics.x > 1"}, "metric 'x' does not support experiment search"),
        ({"filter": "attributes.status = 'x'"}, "attribute 'status' at position 0"),
        ({"filter": "candidate_count > 1"}, "unknown experiment attribute 'candidate_count'"),
        ({"filter": "name = 1"}, "1 is not quoted"),
        ({"filter": "creation_time > 'x'"}, "'x' is a string"),
        ({"order_by": ["params.lr"]}, "not param 'lr'"),
        ({"order_by": ["colour"]}, "unknown experiment attribute 'colour'"),
    ],
)  # fmt: skip
async def test_errors(
    db: Database, made: dict[str, Experiment], kw: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        async with db.read() as s:
            await search_experiments(s, project_id=made["alpha"].project_id, limit=5, **kw)  # type: ignore[arg-type]


async def test_pages_by_name_forwards_and_backwards(db: Database) -> None:
    async with db.write() as s:
        p = await projects.create_project(s, path="many")
        for i in range(13):
            await experiments.create_experiment(
                s, project_id=p.id, name=f"e{i % 5}-{i}", creator_id=None
            )
    async with db.read() as s:
        everything = await search_experiments(s, project_id=p.id, order_by=["name"], limit=50)
        seen, after = [], None
        while True:
            page = await search_experiments(
                s, project_id=p.id, order_by=["name"], limit=5, after=after
            )
            seen += page.items
            if not page.has_more:
                break
            after = page.cursors[-1]
        assert [e.name for e in seen] == sorted(e.name for e in everything.items)
        back = await search_experiments(
            s, project_id=p.id, order_by=["name"], limit=5, before=everything.cursors[7]
        )
        assert back.items == everything.items[2:7] and back.has_more
        with pytest.raises(InvalidParameterError, match="Invalid page token"):
            await search_experiments(
                s, project_id=p.id, order_by=["name DESC"], limit=5, after=everything.cursors[0]
            )
