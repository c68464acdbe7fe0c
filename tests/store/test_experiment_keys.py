"""An experiment's param and metric names (its table columns), kept by triggers on every write."""

from __future__ import annotations

import pytest

from labbook.db.database import Database
from labbook.errors import InvalidParameterError
from labbook.store import candidates, experiment_keys, experiments, params_metadata, projects
from labbook.store.entities import Experiment, KeyValue, MetricPoint
from labbook.store.metrics import log_metrics


async def _candidate(db: Database, experiment: Experiment, name: str) -> int:
    async with db.write() as s:
        made = await candidates.create_candidate(
            s, experiment=experiment, name=name, creator_id=None, start_time=0
        )
    return made.id


async def _log(db: Database, candidate_id: int, params: list[str], metrics: list[str]) -> None:
    async with db.write() as s:
        await params_metadata.log_params(
            s, candidate_id=candidate_id, params=[KeyValue(name=k, value="1") for k in params]
        )
        points = [MetricPoint(name=k, value=1.0, step=0, timestamp=0) for k in metrics]
        await log_metrics(s, candidate_id=candidate_id, points=points)


async def _keys(db: Database, experiment_id: int) -> tuple[list[str], list[str]]:
    async with db.read() as s:
        params = await experiment_keys.param_keys(s, experiment_id=experiment_id)
        metrics = await experiment_keys.metric_keys(s, experiment_id=experiment_id)
    return params, metrics


async def test_keys_follow_what_candidates_log_in_each_experiment(db: Database) -> None:
    async with db.write() as s:
        project = await projects.create_project(s, path="p")
        e = await experiments.create_experiment(s, project_id=project.id, name="e", creator_id=None)
        f = await experiments.create_experiment(s, project_id=project.id, name="f", creator_id=None)
    assert await _keys(db, e.id) == ([], [])
    a, b = await _candidate(db, e, "a"), await _candidate(db, e, "b")
    await _log(db, a, ["lr", "layers"], ["loss"])
    await _log(db, b, ["lr", "optimizer"], ["loss", "acc"])
    await _log(db, b, ["lr"], ["acc", "loss"])  # repeats: nothing new
    await _log(db, await _candidate(db, f, "c"), ["other"], ["f1"])
    assert await _keys(db, e.id) == (["layers", "lr", "optimizer"], ["acc", "loss"])
    assert await _keys(db, f.id) == (["other"], ["f1"])


async def refused_param_batch(db: Database) -> tuple[int, int]:
    """(experiment id, candidate id) of a run holding param lr=1, after a refused batch of
    lr=2 and a new param: the changed "lr" refuses the whole batch."""
    async with db.write() as s:
        project = await projects.create_project(s, path="p")
        e = await experiments.create_experiment(s, project_id=project.id, name="e", creator_id=None)
    a = await _candidate(db, e, "a")
    await _log(db, a, ["lr"], [])
    changed = [KeyValue(name="new", value="1"), KeyValue(name="lr", value="2")]
    with pytest.raises(InvalidParameterError, match="Changing param values"):
        async with db.write() as s:
            await params_metadata.log_params(s, candidate_id=a, params=changed)
    return e.id, a


async def test_a_failed_write_leaves_no_key(db: Database) -> None:
    experiment_id, _ = await refused_param_batch(db)
    assert await _keys(db, experiment_id) == (["lr"], [])
