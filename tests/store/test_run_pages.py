"""Bulk reads for pages of runs: params as database-built JSON, metric summaries as rows."""

from __future__ import annotations

import json
import math

from labbook.db.database import Database
from labbook.store import (
    candidates,
    experiments,
    metrics,
    params_metadata,
    projects,
    run_pages,
    users,
)
from labbook.store.entities import KeyValue, MetricPoint
from tests.store.test_metrics import _candidate

AWKWARD = ['say "hi"', "back\\slash", "ünïcødé ✓", "line\nbreak\ttab", "", "x" * 6000]


async def _documents(db: Database, ids: list[int]) -> dict[int, run_pages.RunDocument]:
    async with db.read() as s:
        return await run_pages.run_documents(s, candidate_ids=ids, user_tag="mlflow.user")


async def test_params_and_tags_are_exact_and_ordered_by_name(db: Database) -> None:
    c = await _candidate(db)
    async with db.write() as s:
        experiment = await experiments.get_experiment_by_id(s, experiment_id=c.experiment_id)
        bare = await candidates.create_candidate(
            s, experiment=experiment, name="bare", creator_id=None, start_time=0
        )
    entries = [KeyValue(name=f"k{i}", value=v) for i, v in reversed(list(enumerate(AWKWARD)))]
    async with db.write() as s:
        await params_metadata.log_params(s, candidate_id=c.id, params=entries)
        await params_metadata.set_metadata(s, candidate_id=c.id, entries=entries)
    found = await _documents(db, [c.id, bare.id, 10**9])
    expected = [{"key": f"k{i}", "value": v} for i, v in enumerate(AWKWARD)]
    assert json.loads(found[c.id].params) == expected
    assert json.loads(found[c.id].tags) == expected
    assert found[bare.id][:3] == ("[]", "[]", "[]") and 10**9 not in found


async def test_metrics_are_the_latest_values_exactly(db: Database) -> None:
    c = await _candidate(db)
    values = [0.1 + 0.2, 1e-308, 5e-324, 1e300, 2.0, 123456789.125, -7.5, 1 / 3]
    points = [
        MetricPoint(name=f"v{i}", value=v, step=1, timestamp=10) for i, v in enumerate(values)
    ]
    points += [
        MetricPoint(name="nan", value=math.nan, step=3, timestamp=30),
        MetricPoint(name="inf", value=math.inf, step=2, timestamp=20),
        MetricPoint(name="neg", value=-math.inf, step=2, timestamp=20),
        MetricPoint(name="v0", value=9.0, step=0, timestamp=99),  # an older step: not the latest
    ]
    async with db.write() as s:
        await metrics.log_metrics(s, candidate_id=c.id, points=points)
    found = {m["key"]: m for m in json.loads((await _documents(db, [c.id]))[c.id].metrics)}
    assert [found[f"v{i}"]["value"] for i in range(len(values))] == values
    assert (found["nan"]["value"], found["inf"]["value"]) == ("NaN", "Infinity")
    assert found["neg"] == {"key": "neg", "value": "-Infinity", "timestamp": 20, "step": 2}
    assert list(found) == sorted(found)


async def test_documents_of_many_ids_in_one_parameter(db: Database) -> None:
    c = await _candidate(db)
    ids = [*range(10**9, 10**9 + 5000), c.id]  # beyond SQLite's 999 bound parameters
    assert list(await _documents(db, ids)) == [c.id]
    assert await _documents(db, []) == {}


async def test_the_user_is_the_tag_else_the_creator(db: Database) -> None:
    async with db.write() as s:
        ada = await users.create_user(s, username="ada", password="long-enough-pw")
        p = await projects.create_project(s, path="u")
        e = await experiments.create_experiment(s, project_id=p.id, name="e", creator_id=None)
        made = [
            await candidates.create_candidate(
                s, experiment=e, name=n, creator_id=creator, start_time=0
            )
            for n, creator in (("mine", ada.id), ("tagged", ada.id), ("nobody", None))
        ]
        tag = [KeyValue(name="mlflow.user", value="bob")]
        await params_metadata.set_metadata(s, candidate_id=made[1].id, entries=tag)
        direct = await run_pages.run_user(s, candidate_id=made[1].id, tag="u")
    found = await _documents(db, [c.id for c in made])
    assert [found[c.id].user for c in made] == ["ada", "bob", ""] and direct == "ada"
