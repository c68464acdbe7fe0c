"""Bulk reads for pages of runs: params as database-built JSON, metric summaries as rows."""

from __future__ import annotations

import json
import math

from labbook.db.database import Database
from labbook.store import candidates, experiments, metrics, params_metadata, run_pages, users
from labbook.store.entities import KeyValue, MetricPoint
from tests.store.test_metrics import _candidate

AWKWARD = ['say "hi"', "back\\slash", "ünïcødé ✓", "line\nbreak\ttab", "", "x" * 6000]


async def test_params_json_is_exact_and_ordered_by_name(db: Database) -> None:
    c = await _candidate(db)
    async with db.write() as s:
        experiment = await experiments.get_experiment_by_id(s, experiment_id=c.experiment_id)
        bare = await candidates.create_candidate(
            s, experiment=experiment, name="bare", creator_id=None, start_time=0
        )
    params = [KeyValue(name=f"k{i}", value=v) for i, v in reversed(list(enumerate(AWKWARD)))]
    async with db.write() as s:
        await params_metadata.log_params(s, candidate_id=c.id, params=params)
    async with db.read() as s:
        found = await run_pages.params_json(s, candidate_ids=[c.id, bare.id, 10**9])
    decoded = json.loads(found[c.id])
    assert decoded == [{"key": f"k{i}", "value": v} for i, v in enumerate(AWKWARD)]
    assert found[bare.id] == "[]" and found[10**9] == "[]"


async def test_summary_rows_latest_values_with_nan_as_none(db: Database) -> None:
    c = await _candidate(db)
    points = [
        MetricPoint(name="b", value=math.nan, step=3, timestamp=30),
        MetricPoint(name="a", value=0.1 + 0.2, step=1, timestamp=10),
        MetricPoint(name="a", value=-math.inf, step=2, timestamp=20),
        MetricPoint(name="c", value=1e-308, step=0, timestamp=5),
    ]
    async with db.write() as s:
        await metrics.log_metrics(s, candidate_id=c.id, points=points)
    async with db.read() as s:
        found = await run_pages.summary_rows(s, candidate_ids=[c.id, 10**9])
    assert found[c.id] == [("a", -math.inf, 20, 2), ("b", None, 30, 3), ("c", 1e-308, 5, 0)]
    assert found[10**9] == []


async def test_tags_of_many_ids_in_one_parameter(db: Database) -> None:
    c = await _candidate(db)
    tags = [KeyValue(name="b", value="2"), KeyValue(name="a", value="1")]
    async with db.write() as s:
        await params_metadata.set_metadata(s, candidate_id=c.id, entries=tags)
    ids = [*range(10**9, 10**9 + 5000), c.id]  # beyond SQLite's 999 bound parameters
    async with db.read() as s:
        found = await run_pages.tags_of(s, candidate_ids=ids)
        empty = await run_pages.tags_of(s, candidate_ids=[])
    assert found[c.id] == [KeyValue(name="a", value="1"), KeyValue(name="b", value="2")]
    assert len(found) == 5001 and found[10**9] == [] and empty == {}


async def test_run_user_is_the_tag_else_the_creator(db: Database) -> None:
    c = await _candidate(db)
    async with db.write() as s:
        admin = await users.create_user(s, username="ada", password="long-enough-pw")
    async with db.read() as s:
        creator = await run_pages.run_user(s, candidate_id=c.id, creator_id=admin.id, tag="u")
        nobody = await run_pages.run_user(s, candidate_id=c.id, creator_id=None, tag="u")
    async with db.write() as s:
        await params_metadata.set_metadata(
            s, candidate_id=c.id, entries=[KeyValue(name="u", value="bob")]
        )
    async with db.read() as s:
        tagged = await run_pages.run_user(s, candidate_id=c.id, creator_id=admin.id, tag="u")
    assert (creator, nobody, tagged) == ("ada", "", "bob")
