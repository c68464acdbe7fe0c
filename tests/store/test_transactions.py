"""A write transaction is all or nothing, also for statements run on the driver's connection."""

from __future__ import annotations

import pytest

from labbook.db.database import Database
from labbook.errors import InvalidParameterError
from labbook.store import experiments, params_metadata, projects
from labbook.store.entities import KeyValue
from tests.store.test_experiment_keys import _candidate, _log


async def test_a_refused_param_batch_keeps_none_of_its_rows(db: Database) -> None:
    async with db.write() as s:
        project = await projects.create_project(s, path="p")
        e = await experiments.create_experiment(s, project_id=project.id, name="e", creator_id=None)
    a = await _candidate(db, e, "a")
    await _log(db, a, ["lr"], [])
    changed = [KeyValue(name="new", value="1"), KeyValue(name="lr", value="2")]
    with pytest.raises(InvalidParameterError):
        async with db.write() as s:
            await params_metadata.log_params(s, candidate_id=a, params=changed)
    async with db.read() as s:
        kept = await params_metadata.params_of(s, candidate_ids=[a])
    assert kept == {a: [KeyValue(name="lr", value="1")]}
