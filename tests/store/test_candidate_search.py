"""Candidate search on real databases: every kind of field, absent keys, order, keyset pages."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field

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
    users,
)
from labbook.store.candidate_order import order_keys
from labbook.store.candidate_search import count_candidates, search_candidates
from labbook.store.entities import Candidate, CandidateStatus, Experiment, KeyValue, MetricPoint
from labbook.store.pages import Page
from labbook.store.search import parse_filter


@dataclass
class Run:
    name: str
    start: int
    status: CandidateStatus
    params: dict[str, str] = field(default_factory=dict)
    metrics: dict[str, list[float]] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)


RUNS = [
    Run("run-a", 1000, CandidateStatus.FINISHED, {"lr": "0.1", "opt": "adam"},
        {"loss": [0.5, 0.3], "acc": [0.9]}, {"team": "ml"}),
    Run("run-b", 2000, CandidateStatus.FAILED, {"lr": "0.01", "opt": "sgd"},
        {"loss": [0.2, 0.4]}, {"team": "ML"}),
    Run("run-c", 3000, CandidateStatus.RUNNING, {"lr": "0.001"},
        {"loss": [math.nan]}, {"team": "vision"}),
    Run("run-d", 4000, CandidateStatus.FINISHED, {"opt": "Adam"},
        {"acc": [0.7], "acc.max": [5.0]}),
    Run("RUN-E", 5000, CandidateStatus.KILLED, {"lr": "0.1", "opt": "adamw"},
        {"loss": [0.1], "val.loss": [9.0]}, {"team": "ml-ops", "mlflow.runName": "e"}),
]  # fmt: skip


async def add_run(db: Database, experiment: Experiment, run: Run, creator: int | None) -> Candidate:
    async with db.write() as s:
        c = await candidates.create_candidate(
            s, experiment=experiment, name=run.name, creator_id=creator, start_time=run.start,
            status=run.status,
        )  # fmt: skip
        kv = [KeyValue(name=k, value=v) for k, v in run.params.items()]
        await params_metadata.log_params(s, candidate_id=c.id, params=kv)
        tags = [KeyValue(name=k, value=v) for k, v in run.tags.items()]
        await params_metadata.set_metadata(s, candidate_id=c.id, entries=tags)
        points = [
            MetricPoint(name=k, value=v, step=i, timestamp=run.start + i)
            for k, values in run.metrics.items()
            for i, v in enumerate(values)
        ]
        await metrics.log_metrics(s, candidate_id=c.id, points=points)
        return c


@pytest.fixture
async def world(db: Database) -> tuple[Experiment, dict[str, Candidate]]:
    async with db.write() as s:
        alice = await users.create_user(s, username="alice", password="password1")
        p = await projects.create_project(s, path="search")
        e = await experiments.create_experiment(s, project_id=p.id, name="e", creator_id=None)
    made = {r.name[-1].lower(): await add_run(db, e, r, alice.id) for r in RUNS}
    return e, made


async def found(db: Database, e: Experiment, filter: str, **kw: object) -> str:
    """The one-letter names of the matching candidates, in result order."""
    async with db.read() as s:
        page: Page[Candidate] = await search_candidates(
            s,
            experiment_ids=[e.id],
            filter=filter,
            limit=100,
            **kw,  # type: ignore[arg-type]
        )
        count = await count_candidates(s, experiment_ids=[e.id], filter=filter)
    if not kw:
        assert count == len(page.items)
    return "".join(c.name[-1].lower() for c in page.items)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "edcba"),
        ("params.opt = 'adam'", "a"),
        ("params.opt != 'adam'", "edb"),
        ("params.opt LIKE 'adam%'", "ea"),
        ("params.opt ILIKE 'adam%'", "eda"),
        ("params.lr > '0.01'", "ea"),
        ("params.lr IN ('0.1', '0.001')", "eca"),
        ("params.lr IS NULL", "d"),
        ("metrics.loss < 0.35", "ea"),
        ("metrics.loss = 0.4", "b"),
        ("metrics.`loss`.last >= 0.4", "b"),
        ("metrics.`loss`.min < 0.25", "eb"),
        ("metrics.`loss`.max > 0.45", "a"),
        ("metrics.`loss`.count = 2", "ba"),
        ("metrics.loss.min < 0.25", "eb"),  # no metric is named loss.min: the summary
        ("metrics.LOSS.Max > 0.45", ""),  # keys are case-sensitive, summaries are not
        ("metrics.loss.count = 2 AND metrics.loss.last < 0.35", "a"),
        ("metrics.acc.max > 1", "d"),  # d logged a metric named acc.max: MLflow's reading
        ("metrics.`acc`.max > 0.8", "a"),
        ("metrics.loss != 0.3", "ecb"),
        ("metrics.loss IS NOT NULL", "ecba"),
        ("metrics.val.loss > 1", "e"),
        ('metrics."val.loss" > 1', "e"),
        ("metrics.`val`.last > 1", ""),
        ("tags.team = 'ml'", "a"),
        ("tags.team LIKE 'ml%'", "ea"),
        ("tags.team ILIKE 'ml%'", "eba"),
        ("tags.team IN ('ml', 'vision')", "ca"),
        ("tags.team NOT IN ('ml')", "ecb"),
        ("tags.team IS NULL", "d"),
        ("tags.`mlflow.runName` = 'e'", "e"),
        ("tags.mlflow.runName = 'e'", "e"),
        ("attributes.status = 'FINISHED'", "da"),
        ("status = 'finished'", "da"),
        ("attributes.status != 'FINISHED'", "ecb"),
        ("attributes.status IN ('FAILED', 'KILLED')", "eb"),
        ("attributes.run_name = 'run-a'", "a"),
        ("attributes.name = 'run-a'", "a"),
        ("attributes.run_name LIKE 'run-%'", "dcba"),
        ("attributes.run_name ILIKE '%RUN-%'", "edcba"),
        ("attributes.start_time > 2500", "edc"),
        ("attributes.created <= 2000", "ba"),
        ("attributes.start_time >= 1000 AND attributes.end_time IS NULL", "edcba"),
        ("attributes.user_id = 'alice'", "edcba"),
        ("attributes.artifact_uri LIKE 'mlflow-artifacts:/ml_experiment_1/%'", "edcba"),
        ("params.opt = 'sgd' OR (metrics.acc > 0.8 AND tags.team = 'ml')", "ba"),
        ("(params.opt = 'sgd' OR metrics.acc > 0.8) AND tags.team = 'ml'", "a"),
        ("NOT params.lr = '0.1'", "dcb"),
        ("not (params.lr = '0.1' or params.lr = '0.01')", "dc"),
        ("PARAMS.lr = '0.1' And METRIC.loss < 1", "ea"),
    ],
)
async def test_filters(
    db: Database, world: tuple[Experiment, dict[str, Candidate]], text: str, expected: str
) -> None:
    assert await found(db, world[0], text) == expected


async def test_run_id_filter_and_status_lifecycle_options(
    db: Database, world: tuple[Experiment, dict[str, Candidate]]
) -> None:
    e, made = world
    ids = f"('{made['a'].eid}', '{made['c'].eid}')"
    assert await found(db, e, f"attributes.run_id IN {ids}") == "ca"
    assert await found(db, e, f"attributes.run_id = '{made['b'].eid}'") == "b"
    async with db.write() as s:
        await candidates.delete_candidate(s, candidate_id=made["d"].id)
    assert await found(db, e, "") == "ecba"
    assert await found(db, e, "", lifecycle="deleted") == "d"
    assert await found(db, e, "", lifecycle="all") == "edcba"
    assert await found(db, e, "", status=CandidateStatus.FINISHED) == "a"
    async with db.read() as s:
        n = await count_candidates(s, experiment_ids=[e.id], lifecycle="all", status=None)
        assert n == 5
        assert await count_candidates(s, experiment_ids=[], filter="") == 0


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ([], "edcba"),
        (["metrics.loss ASC"], "eabcd"),  # numbers, then NaN (c), then missing (d)
        (["metrics.loss DESC"], "baecd"),
        (["metrics.`loss`.min"], "ebacd"),
        (["metrics.`loss`.count DESC"], "baecd"),
        (["metrics.loss.min"], "ebacd"),
        (["metrics.acc.max DESC"], "decba"),  # the metric named acc.max; d alone has it
        (["params.lr"], "cbead"),  # string order; tie on '0.1' → newest first; missing last
        (["params.lr DESC"], "eabcd"),
        (["tags.team ASC"], "baecd"),  # 'ML' < 'ml' < 'ml-ops' < 'vision'; d has none
        (["attributes.start_time ASC"], "abcde"),
        (["created"], "abcde"),
        (["attributes.run_name DESC"], "dcbae"),
        (["attributes.status", "params.opt DESC"], "badec"),
        (["params.opt", "metrics.acc DESC"], "daebc"),
    ],
)
async def test_order(
    db: Database, world: tuple[Experiment, dict[str, Candidate]], order: list[str], expected: str
) -> None:
    assert await found(db, world[0], "", order_by=order) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("attributes.colour = 'red'", "unknown attribute 'colour' at position 0"),
        ("params.lr = 0.1", "0.1 is not quoted (at position 10)"),
        ("metrics.loss > 'x'", "'x' is a string (at position 13)"),
        ("metrics.loss LIKE 'x%'", "does not support LIKE (at position 13)"),
        ("params.lr = '0.1' AND run.foo = 'x'", "unknown attribute 'foo' at position 22"),
    ],
)
async def test_invalid_filters_name_the_token(
    db: Database, world: tuple[Experiment, dict[str, Candidate]], text: str, message: str
) -> None:
    with pytest.raises(
        InvalidParameterError, match=message.replace("(", r"\(").replace(")", r"\)")
    ):
        await found(db, world[0], text)
    with pytest.raises(InvalidParameterError, match="unknown attribute 'nope'"):
        await found(db, world[0], "", order_by=["attributes.nope"])


async def test_long_values_are_stored_and_found(db: Database) -> None:
    """Values far beyond a btree entry's size (PostgreSQL refused them before 0003)."""
    long_a, long_b = os.urandom(5000).hex(), os.urandom(5000).hex()
    same_prefix = long_a[:300] + "tail"
    async with db.write() as s:
        p = await projects.create_project(s, path="long")
        e = await experiments.create_experiment(s, project_id=p.id, name="e", creator_id=None)
    for name, value in [("run-x", long_a), ("run-y", long_b), ("run-z", same_prefix)]:
        await add_run(db, e, Run(name, 1, CandidateStatus.RUNNING, {"blob": value},
                                 tags={"note": value}), None)  # fmt: skip
    assert await found(db, e, f"params.blob = '{long_a}'") == "x"
    assert await found(db, e, f"tags.note = '{same_prefix}'") == "z"
    assert await found(db, e, f"tags.note IN ('{long_b}', '{same_prefix}')") == "zy"
    assert await found(db, e, f"params.blob LIKE '{long_a[:300]}%'") == "zx"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "params.opt LIKE 'adam%'",
        "params.lr IS NULL OR tags.team IN ('ml', 'vision')",
        "NOT metrics.acc > 0.8 AND attributes.status != 'FAILED'",
    ],
)
async def test_walking_the_sort_index_finds_the_same(
    db: Database,
    world: tuple[Experiment, dict[str, Candidate]],
    text: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Large experiments walk the sort key's index on SQLite (see `candidate_plans`)."""
    e = world[0]
    for order in (["metrics.loss DESC"], ["params.lr"], ["metrics.`loss`.min"]):
        planned = await found(db, e, text, order_by=order)
        monkeypatch.setattr(candidate_plans, "WALK_THRESHOLD", 1)
        assert await found(db, e, text, order_by=order) == planned
        monkeypatch.undo()


async def test_a_middling_filter_walks_when_a_page_is_near(
    db: Database, world: tuple[Experiment, dict[str, Candidate]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a large experiment (here: 5 candidates), a filter with fewer matches than the
    threshold walks the sort key's index if a page should lie within `WALK_ROWS` rows of
    it (2 matches among the 4 candidates with `loss`), and sorts the matches otherwise."""
    e = world[0]
    monkeypatch.setattr(candidate_plans, "WALK_THRESHOLD", 5)
    where = {"experiment_ids": [e.id], "lifecycle": "active", "status": None}
    tree = parse_filter("params.lr = '0.1'")

    async def walks(limit: int, order: str = "metrics.loss DESC") -> bool:
        async with db.read() as s:
            key = order_keys([order])[0]
            counts = await candidate_plans._counted(s, key.field, tree=tree, **where)
        return candidate_plans._plan_of(counts, key, limit).walk

    assert await walks(10) and await walks(10, "params.opt")
    assert not await walks(10, "attributes.start_time")
    monkeypatch.setattr(candidate_plans, "WALK_ROWS", 20)  # a page of 11 within 20 rows of 4
    assert not await walks(10)
    planned = await found(db, e, "params.lr = '0.1'", order_by=["metrics.loss DESC"])
    monkeypatch.setattr(candidate_plans, "WALK_ROWS", 1000)
    assert await found(db, e, "params.lr = '0.1'", order_by=["metrics.loss DESC"]) == planned
