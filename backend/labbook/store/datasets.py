"""What a candidate consumed and produced: dataset inputs (with tags), model inputs and outputs.

A dataset is identified per experiment by (name, digest), as in MLflow, so logging the same
dataset from many runs stores it once. Every write here is idempotent, because the client
retries POSTs: logging an input or output again changes nothing (input tags are overwritten).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from sqlalchemy import BigInteger, String, cast, literal, null, select, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.errors import InvalidParameterError, NotFoundError
from labbook.store.candidates import ensure_live
from labbook.store.driver_sql import fetch_rows
from labbook.store.entities import (
    Candidate,
    DatasetInputRecord,
    DatasetRecord,
    KeyValue,
    ModelOutputRecord,
    RunInputsOutputs,
)
from labbook.store.id_lists import in_ids
from labbook.store.sql import dialect_name, insert

# MLflow's limits for datasets and input tags.
LIMITS = {"name": 500, "digest": 36, "source_type": 36, "source": 65535, "schema": 1048575}
LIMITS |= {"profile": 16384, "tag_key": 255, "tag_value": 500}


def _check(value: str | None, what: str) -> str | None:
    if value is not None and len(value) > LIMITS[what]:
        raise InvalidParameterError(
            f"Dataset {what} is {len(value)} characters long; the limit is {LIMITS[what]}",
            field=what,
        )
    return value


def check_dataset(d: DatasetRecord) -> DatasetRecord:
    for what in ("name", "digest", "source_type", "source"):
        if not getattr(d, what):
            raise InvalidParameterError(f"Dataset {what} is required", field=what)
        _check(getattr(d, what), what)
    _check(d.schema, "schema")
    _check(d.profile, "profile")
    return d


async def _dataset_id(session: AsyncSession, *, experiment_id: int, d: DatasetRecord) -> int:
    values = {
        "experiment_id": experiment_id,
        "name": d.name,
        "digest": d.digest,
        "source_type": d.source_type,
        "source": d.source,
        "schema_json": d.schema,
        "profile_json": d.profile,
    }
    await session.execute(insert(session, t.Dataset).values(values).on_conflict_do_nothing())
    stmt = select(t.Dataset.id).where(
        t.Dataset.experiment_id == experiment_id,
        t.Dataset.name == d.name,
        t.Dataset.digest == d.digest,
    )
    return int((await session.scalar(stmt)) or 0)


async def _input_id(session: AsyncSession, *, candidate_id: int, dataset_id: int) -> int:
    values = {"candidate_id": candidate_id, "dataset_id": dataset_id}
    await session.execute(insert(session, t.DatasetInput).values(values).on_conflict_do_nothing())
    stmt = select(t.DatasetInput.id).where(
        t.DatasetInput.candidate_id == candidate_id, t.DatasetInput.dataset_id == dataset_id
    )
    return int((await session.scalar(stmt)) or 0)


async def _set_input_tags(
    session: AsyncSession, *, input_id: int, tags: Sequence[KeyValue]
) -> None:
    for tag in tags:
        _check(tag.name, "tag_key")
        _check(tag.value, "tag_value")
        values = {"dataset_input_id": input_id, "name": tag.name, "value": tag.value}
        stmt = insert(session, t.DatasetInputTag).values(values)
        stmt = stmt.on_conflict_do_update(
            index_elements=["dataset_input_id", "name"], set_={"value": tag.value}
        )
        await session.execute(stmt)


async def _model_ids(
    session: AsyncSession, *, project_id: int, model_ids: Sequence[str]
) -> dict[str, int]:
    stmt = select(t.LoggedModel.model_id, t.LoggedModel.id).where(
        t.LoggedModel.project_id == project_id,
        t.LoggedModel.model_id.in_(model_ids),
        t.LoggedModel.deleted_at.is_(None),
    )
    found: dict[str, int] = {str(m): int(i) for m, i in (await session.execute(stmt)).all()}
    for model_id in model_ids:
        if model_id not in found:
            raise NotFoundError(f"Logged model with ID '{model_id}' not found.")
    return found


async def log_inputs(
    session: AsyncSession,
    *,
    candidate: Candidate,
    datasets: Sequence[DatasetInputRecord] = (),
    model_ids: Sequence[str] = (),
) -> None:
    """Link datasets (created on first use) and logged models to the candidate as inputs."""
    ensure_live(candidate)
    for item in datasets:
        dataset_id = await _dataset_id(
            session, experiment_id=candidate.experiment_id, d=check_dataset(item.dataset)
        )
        input_id = await _input_id(session, candidate_id=candidate.id, dataset_id=dataset_id)
        await _set_input_tags(session, input_id=input_id, tags=item.tags)
    models = await _model_ids(session, project_id=candidate.project_id, model_ids=model_ids)
    for logged_model_id in models.values():
        values = {"candidate_id": candidate.id, "logged_model_id": logged_model_id}
        await session.execute(insert(session, t.ModelInput).values(values).on_conflict_do_nothing())


async def log_outputs(
    session: AsyncSession, *, candidate: Candidate, outputs: Sequence[ModelOutputRecord]
) -> None:
    """Link logged models to the candidate as outputs, each at a step."""
    ensure_live(candidate)
    ids = [o.model_id for o in outputs]
    models = await _model_ids(session, project_id=candidate.project_id, model_ids=ids)
    for output in outputs:
        values = {
            "candidate_id": candidate.id,
            "logged_model_id": models[output.model_id],
            "step": output.step,
        }
        await session.execute(
            insert(session, t.ModelOutput).values(values).on_conflict_do_nothing()
        )


async def _dataset_inputs(
    session: AsyncSession, ids: list[int]
) -> dict[int, list[DatasetInputRecord]]:
    stmt = (
        select(t.DatasetInput.id, t.DatasetInput.candidate_id, t.Dataset)
        .join(t.Dataset, t.Dataset.id == t.DatasetInput.dataset_id)
        .where(t.DatasetInput.candidate_id.in_(ids))
        .order_by(t.DatasetInput.id)
    )
    rows = (await session.execute(stmt)).all()
    tags = await _input_tags(session, [input_id for input_id, _, _ in rows])
    found: dict[int, list[DatasetInputRecord]] = {i: [] for i in ids}
    for input_id, candidate_id, d in rows:
        record = DatasetRecord(
            name=d.name,
            digest=d.digest,
            source_type=d.source_type,
            source=d.source,
            schema=d.schema_json,
            profile=d.profile_json,
        )
        found[candidate_id].append(DatasetInputRecord(dataset=record, tags=tuple(tags[input_id])))
    return found


async def _input_tags(session: AsyncSession, input_ids: list[int]) -> dict[int, list[KeyValue]]:
    if not input_ids:  # the common case (runs/get is the most called endpoint): skip the query
        return {}
    stmt = select(t.DatasetInputTag).where(t.DatasetInputTag.dataset_input_id.in_(input_ids))
    found: dict[int, list[KeyValue]] = {i: [] for i in input_ids}
    for row in await session.scalars(stmt.order_by(t.DatasetInputTag.name)):
        found[row.dataset_input_id].append(KeyValue(name=row.name, value=row.value))
    return found


def _io_rows(dialect: str) -> Any:
    """(kind, candidate, row id, model id, step) of every input and output: kind "d" for a
    dataset input, "i" for a model input, "o" for a model output."""
    d, i, o, m = t.DatasetInput, t.ModelInput, t.ModelOutput, t.LoggedModel
    no_model, no_step = cast(null(), String).label("model_id"), cast(null(), BigInteger)
    datasets = select(literal("d").label("kind"), d.candidate_id, d.id, no_model, no_step)
    inputs = select(literal("i"), i.candidate_id, i.id, m.model_id, no_step).join(
        m, m.id == i.logged_model_id
    )
    outputs = select(literal("o"), o.candidate_id, o.id, m.model_id, o.step).join(
        m, m.id == o.logged_model_id
    )
    parts = [
        datasets.where(in_ids(d.candidate_id, dialect)),
        inputs.where(in_ids(i.candidate_id, dialect)),
        outputs.where(in_ids(o.candidate_id, dialect)),
    ]
    return union_all(*parts).order_by("kind", "id")


async def inputs_outputs_of(
    session: AsyncSession, *, candidate_ids: list[int]
) -> dict[int, RunInputsOutputs]:
    """Inputs and outputs of many candidates: one statement, two more for datasets if any."""
    build = partial(_io_rows, dialect_name(session))
    rows = await fetch_rows(session, "inputs_outputs", build, {"ids": candidate_ids})
    found: dict[str, dict[int, list[Any]]] = {k: {i: [] for i in candidate_ids} for k in "dio"}
    for kind, candidate_id, _, model_id, step in rows:
        found[kind][candidate_id].append(
            ModelOutputRecord(model_id=model_id, step=step) if kind == "o" else model_id
        )
    has_datasets = any(found["d"].values())
    datasets = await _dataset_inputs(session, candidate_ids) if has_datasets else found["d"]
    return {
        i: RunInputsOutputs(
            dataset_inputs=tuple(datasets[i]),
            model_inputs=tuple(found["i"][i]),
            model_outputs=tuple(found["o"][i]),
        )
        for i in candidate_ids
    }


async def run_inputs_outputs(session: AsyncSession, *, candidate_id: int) -> RunInputsOutputs:
    return (await inputs_outputs_of(session, candidate_ids=[candidate_id]))[candidate_id]
