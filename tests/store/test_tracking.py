"""store.tracking: the MLflow run rules (names, runName and parent tags, batches, deleted runs)."""

from __future__ import annotations

import re

import pytest

from labbook.db.database import Database
from labbook.errors import InvalidParameterError, InvalidStateError
from labbook.store import candidates, experiments, params_metadata, projects, tracking
from labbook.store.entities import Candidate, CandidateStatus, Experiment, KeyValue, MetricPoint


async def _experiment(db: Database, path: str = "p") -> Experiment:
    async with db.write() as s:
        project = await projects.create_project(s, path=path)
        return await experiments.create_experiment(
            s, project_id=project.id, name="e", creator_id=None
        )


async def _start(db: Database, experiment: Experiment, **kw: object) -> Candidate:
    args: dict[str, object] = {"name": None, "creator_id": None, "start_time": 1, "tags": []}
    args.update(kw)
    async with db.write() as s:
        return await tracking.start_run(s, experiment=experiment, **args)  # type: ignore[arg-type]


async def _tags(db: Database, candidate: Candidate) -> dict[str, str]:
    async with db.read() as s:
        entries = (await params_metadata.metadata_of(s, candidate_ids=[candidate.id]))[candidate.id]
    return {e.name: e.value for e in entries}


async def _reload(db: Database, candidate: Candidate) -> Candidate:
    async with db.read() as s:
        return await candidates.get_candidate(s, eid=candidate.eid)


async def test_unnamed_run_gets_generated_name_and_tag(db: Database) -> None:
    run = await _start(db, await _experiment(db))
    assert re.fullmatch(r"[a-z]+-[a-z]+-\d{1,3}", run.name)
    assert await _tags(db, run) == {"mlflow.runName": run.name}


async def test_name_from_tag_and_conflict(db: Database) -> None:
    experiment = await _experiment(db)
    tagged = await _start(db, experiment, tags=[KeyValue(name="mlflow.runName", value="t")])
    assert tagged.name == "t"
    with pytest.raises(InvalidParameterError):
        await _start(db, experiment, name="a", tags=[KeyValue(name="mlflow.runName", value="b")])


async def test_parent_from_tag_same_project_only(db: Database) -> None:
    experiment = await _experiment(db)
    parent = await _start(db, experiment, name="parent")
    tag = [KeyValue(name="mlflow.parentRunId", value=parent.eid)]
    child = await _start(db, experiment, tags=tag)
    assert child.parent_id == parent.id
    stranger = await _start(db, await _experiment(db, "other"), tags=tag)
    assert stranger.parent_id is None  # a run of another project is not a parent
    async with db.write() as s:
        await tracking.delete_run_tag(s, candidate=child, name="mlflow.parentRunId")
    assert (await _reload(db, child)).parent_id is None
    async with db.write() as s:
        await tracking.set_run_tags(s, candidate=child, tags=tag)
    assert (await _reload(db, child)).parent_id == parent.id


async def test_run_cannot_be_its_own_parent(db: Database) -> None:
    run = await _start(db, await _experiment(db))
    async with db.write() as s:
        tag = KeyValue(name="mlflow.parentRunId", value=run.eid)
        await tracking.set_run_tags(s, candidate=run, tags=[tag])
    assert (await _reload(db, run)).parent_id is None


async def test_rename_by_tag_and_by_update(db: Database) -> None:
    run = await _start(db, await _experiment(db), name="a")
    async with db.write() as s:
        await tracking.set_run_tags(
            s, candidate=run, tags=[KeyValue(name="mlflow.runName", value="b")]
        )
    assert (await _reload(db, run)).name == "b"
    async with db.write() as s:
        updated = await tracking.update_run(
            s, candidate=run, status=CandidateStatus.FINISHED, end_time=5, name="c"
        )
    assert (updated.name, updated.status, updated.end_time) == ("c", CandidateStatus.FINISHED, 5)
    assert (await _tags(db, run))["mlflow.runName"] == "c"


async def test_note_tag_is_the_description(db: Database) -> None:
    note = [KeyValue(name="mlflow.note.content", value="hello")]
    run = await _start(db, await _experiment(db), tags=note)
    assert run.description == "hello"


async def test_batch_limits_and_deleted_run(db: Database) -> None:
    run = await _start(db, await _experiment(db))
    point = MetricPoint(name="m", value=1.0, step=0, timestamp=1)
    with pytest.raises(InvalidParameterError, match="at most 1000 metrics"):
        async with db.write() as s:
            await tracking.log_batch(s, candidate=run, metrics=[point] * 1001, params=[], tags=[])
    params = [KeyValue(name=f"p{i}", value="v") for i in range(101)]
    with pytest.raises(InvalidParameterError, match="at most 100 params"):
        async with db.write() as s:
            await tracking.log_batch(s, candidate=run, metrics=[], params=params, tags=[])
    async with db.write() as s:
        deleted = await candidates.delete_candidate(s, candidate_id=run.id)
    with pytest.raises(InvalidStateError, match="must be in the 'active' state"):
        async with db.write() as s:
            await tracking.log_batch(s, candidate=deleted, metrics=[point], params=[], tags=[])
