"""Logged models, their search, and run inputs/outputs through the store."""

from __future__ import annotations

import math

import pytest
from sqlalchemy import func, select

from labbook.db import tables as t
from labbook.db.database import Database
from labbook.errors import InvalidParameterError, InvalidStateError, NotFoundError
from labbook.store import candidates, experiments, logged_models, projects
from labbook.store.datasets import LIMITS, log_inputs, log_outputs, run_inputs_outputs
from labbook.store.entities import (
    Candidate,
    DatasetInputRecord,
    DatasetRecord,
    Experiment,
    KeyValue,
    LoggedModelStatus,
    ModelMetric,
    ModelOutputRecord,
)
from labbook.store.logged_model_metrics import log_model_metrics
from labbook.store.logged_model_search import ModelOrder, search_logged_models


async def _setup(db: Database) -> tuple[Experiment, Candidate]:
    async with db.write() as s:
        project = await projects.create_project(s, path="p")
        experiment = await experiments.create_experiment(
            s, project_id=project.id, name="e", creator_id=None
        )
        run = await candidates.create_candidate(
            s, experiment=experiment, name="r", creator_id=None, start_time=0
        )
    return experiment, run


def _kv(**pairs: str) -> list[KeyValue]:
    return [KeyValue(name=k, value=v) for k, v in pairs.items()]


async def test_create_in_and_outside_a_run(db: Database) -> None:
    experiment, run = await _setup(db)
    async with db.write() as s:
        inside = await logged_models.create_logged_model(
            s,
            experiment=experiment,
            candidate=run,
            name="clf",
            params=_kv(C="1.0"),
            tags=_kv(team="ml"),
        )
        outside = await logged_models.create_logged_model(
            s, experiment=experiment, candidate=None, name=""
        )
    assert (
        inside.artifact_path == f"ml_experiment_{experiment.iid}/{run.iid}/models/{inside.model_id}"
    )
    assert inside.source_run_id == run.eid
    assert inside.status is LoggedModelStatus.PENDING
    assert (inside.params, inside.tags) == (tuple(_kv(C="1.0")), tuple(_kv(team="ml")))
    assert outside.artifact_path == f"ml_logged_model/{outside.model_id}"
    assert outside.name == outside.model_id  # a name is invented when none is given
    assert outside.source_run_id is None


async def test_tags_params_finalize_delete(db: Database) -> None:
    experiment, run = await _setup(db)
    async with db.write() as s:
        model = await logged_models.create_logged_model(
            s, experiment=experiment, candidate=run, name="m"
        )
        await logged_models.set_model_tags(s, logged_model_id=model.id, tags=_kv(a="1", b="2"))
        await logged_models.set_model_tags(s, logged_model_id=model.id, tags=_kv(a="3"))
        await logged_models.log_model_params(s, logged_model_id=model.id, params=_kv(p="x"))
        await logged_models.log_model_params(s, logged_model_id=model.id, params=_kv(p="y"))
        await logged_models.delete_model_tag(s, logged_model_id=model.id, key="b")
        with pytest.raises(NotFoundError):
            await logged_models.delete_model_tag(s, logged_model_id=model.id, key="b")
        with pytest.raises(InvalidParameterError):
            await logged_models.set_model_tags(s, logged_model_id=model.id, tags=_kv(**{"": "v"}))
        ready = await logged_models.finalize_logged_model(
            s, model=model, status=LoggedModelStatus.READY
        )
    assert ready.tags == tuple(_kv(a="3"))
    assert ready.params == tuple(_kv(p="x"))
    assert ready.status is LoggedModelStatus.READY
    async with db.write() as s:
        await logged_models.delete_logged_model(s, logged_model_id=model.id)
        with pytest.raises(NotFoundError):
            await logged_models.get_logged_model(
                s, project_id=experiment.project_id, model_id=model.model_id
            )


async def test_search_filters_order_and_pages(db: Database) -> None:
    experiment, run = await _setup(db)
    async with db.write() as s:
        made = [
            await logged_models.create_logged_model(
                s,
                experiment=experiment,
                candidate=run if i % 2 else None,
                name=f"model-{i}",
                tags=_kv(parity="odd" if i % 2 else "even"),
                params=_kv(i=str(i)),
            )
            for i in range(5)
        ]
    ids = [m.model_id for m in made]

    async def search(filter_string: str = "", **kw: object) -> list[str]:
        async with db.read() as s:
            found, _ = await search_logged_models(
                s,
                project_id=experiment.project_id,
                experiment_ids=[experiment.id],
                filter_string=filter_string,
                **kw,  # type: ignore[arg-type]
            )
        return [m.model_id for m in found]

    assert await search() == ids[::-1]
    assert await search("name = 'model-2'") == [ids[2]]
    assert await search("name LIKE 'model-%' AND tags.parity = 'odd'") == [ids[3], ids[1]]
    assert await search("params.i IN ('0', '4')") == [ids[4], ids[0]]
    assert await search(f"source_run_id = '{run.eid}'") == [ids[3], ids[1]]
    assert await search("status = 'LOGGED_MODEL_PENDING'") == ids[::-1]
    assert await search("status = 'READY'") == []
    assert await search(order=[ModelOrder(field="name", ascending=True)]) == ids
    with pytest.raises(InvalidParameterError):
        await search("metrics.`acc`.min > 1")  # summaries are for candidates
    with pytest.raises(InvalidParameterError):
        await search("colour = 'red'")
    with pytest.raises(InvalidParameterError):
        await search(order=[ModelOrder(field="colour")])

    async with db.read() as s:
        page, token = await search_logged_models(
            s, project_id=experiment.project_id, experiment_ids=[experiment.id], max_results=3
        )
        rest, end = await search_logged_models(
            s,
            project_id=experiment.project_id,
            experiment_ids=[experiment.id],
            max_results=3,
            page_token=token,
        )
        with pytest.raises(InvalidParameterError):
            await search_logged_models(
                s, project_id=experiment.project_id, experiment_ids=[], page_token="garbage"
            )
    assert [m.model_id for m in page + rest] == ids[::-1]
    assert token and end is None


def _dataset(name: str = "toy", digest: str = "abc", **extra: str) -> DatasetRecord:
    fields = {
        "source_type": "s3",
        "source": '{"uri": "s3://b/d.csv"}',
        "schema": None,
        "profile": None,
    } | extra
    return DatasetRecord(name=name, digest=digest, **fields)  # type: ignore[arg-type]


async def test_inputs_and_outputs(db: Database) -> None:
    experiment, run = await _setup(db)
    async with db.write() as s:
        other = await candidates.create_candidate(
            s, experiment=experiment, name="r2", creator_id=None, start_time=0
        )
        model = await logged_models.create_logged_model(
            s, experiment=experiment, candidate=run, name="m"
        )
        item = DatasetInputRecord(dataset=_dataset(), tags=tuple(_kv(context="train")))
        for _ in range(2):  # retried: stored once
            await log_inputs(s, candidate=run, datasets=[item], model_ids=[model.model_id])
            await log_outputs(
                s, candidate=run, outputs=[ModelOutputRecord(model_id=model.model_id, step=3)]
            )
        retagged = DatasetInputRecord(dataset=_dataset(), tags=tuple(_kv(context="eval")))
        await log_inputs(s, candidate=other, datasets=[retagged])
    async with db.read() as s:
        io = await run_inputs_outputs(s, candidate_id=run.id)
        other_io = await run_inputs_outputs(s, candidate_id=other.id)
        datasets = await s.scalar(select(func.count()).select_from(t.Dataset))
    assert io.dataset_inputs == (item,)
    assert io.model_inputs == (model.model_id,)
    assert io.model_outputs == (ModelOutputRecord(model_id=model.model_id, step=3),)
    assert other_io.dataset_inputs == (retagged,)
    assert datasets == 1  # one dataset per (experiment, name, digest)


async def test_input_refusals_change_nothing(db: Database) -> None:
    _, run = await _setup(db)
    long_digest = DatasetInputRecord(dataset=_dataset(digest="x" * 37), tags=())
    no_source = DatasetInputRecord(dataset=_dataset(source=""), tags=())
    long_tag = DatasetInputRecord(
        dataset=_dataset(), tags=tuple(_kv(k="v" * (LIMITS["tag_value"] + 1)))
    )
    for bad in (long_digest, no_source, long_tag):
        with pytest.raises(InvalidParameterError):
            async with db.write() as s:
                await log_inputs(s, candidate=run, datasets=[bad])
    with pytest.raises(NotFoundError):
        async with db.write() as s:
            await log_outputs(s, candidate=run, outputs=[ModelOutputRecord(model_id="m-0", step=0)])
    async with db.write() as s:
        deleted = await candidates.delete_candidate(s, candidate_id=run.id)
    with pytest.raises(InvalidStateError):
        async with db.write() as s:
            await log_inputs(s, candidate=deleted, datasets=[])
    async with db.read() as s:
        io = await run_inputs_outputs(s, candidate_id=run.id)
    assert io.dataset_inputs == io.model_outputs == ()


async def test_model_metrics(db: Database) -> None:
    experiment, run = await _setup(db)
    async with db.write() as s:
        a = await logged_models.create_logged_model(
            s, experiment=experiment, candidate=run, name="a"
        )
        b = await logged_models.create_logged_model(
            s, experiment=experiment, candidate=None, name="b"
        )
        await logged_models.create_logged_model(s, experiment=experiment, candidate=None, name="c")
        points = [
            ModelMetric(model_id=a.model_id, name="acc", value=0.5, step=0, timestamp=1),
            ModelMetric(model_id=a.model_id, name="acc", value=0.9, step=1, timestamp=2),
            ModelMetric(model_id=b.model_id, name="acc", value=0.7, step=0, timestamp=1),
            ModelMetric(model_id=b.model_id, name="loss", value=math.nan, step=0, timestamp=1),
        ]
        for _ in range(2):  # a retried request adds nothing
            await log_model_metrics(
                s, project_id=experiment.project_id, candidate=run, points=points
            )
        bad = ModelMetric(model_id="m-nope", name="acc", value=1, step=0, timestamp=1)
        with pytest.raises(NotFoundError):
            await log_model_metrics(
                s, project_id=experiment.project_id, candidate=None, points=[bad]
            )
        got = await logged_models.get_logged_model(
            s, project_id=experiment.project_id, model_id=b.model_id
        )
    assert [(m.name, m.run_id) for m in got.metrics] == [("acc", run.eid), ("loss", run.eid)]
    assert math.isnan(got.metrics[1].value)

    async def search(filter_string: str = "", order: list[ModelOrder] | None = None) -> list[str]:
        async with db.read() as s:
            found, _ = await search_logged_models(
                s,
                project_id=experiment.project_id,
                experiment_ids=[experiment.id],
                filter_string=filter_string,
                order=order,
            )
        return [m.name for m in found]

    assert await search("metrics.acc > 0.8") == ["a"]  # a's latest point, not its first
    assert await search("metrics.acc >= 0.5 AND metrics.acc < 0.8") == ["b"]
    assert await search(order=[ModelOrder(field="metrics.acc")]) == ["a", "b", "c"]
    assert await search(order=[ModelOrder(field="metrics.acc", ascending=True)]) == ["b", "a", "c"]
