"""MLflow 3 logged models: create, find, finalize, tags, params, delete.

A model logged inside a run keeps its files in the run's package, under `models/<model id>`;
one logged outside a run gets a package of its own, `ml_logged_model` version `<model id>`.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.db.tables import utcnow
from labbook.errors import NotFoundError
from labbook.store.entities import (
    Candidate,
    Experiment,
    KeyValue,
    LoggedModel,
    LoggedModelStatus,
    ModelMetric,
)
from labbook.store.limits import MAX_TAG_VALUE, check_key, check_name, check_value
from labbook.store.logged_model_metrics import metrics_of
from labbook.store.packages import candidate_package
from labbook.store.sql import insert

OWN_PACKAGE = "ml_logged_model"
MAX_MODEL_NAME = 500
M = t.LoggedModel


def new_model_id() -> str:
    """MLflow's shape, `m-` and 32 hex digits: the client recognises `models:/m-…` by it."""
    return "m-" + secrets.token_hex(16)


def artifact_path_for(model_id: str, candidate: Candidate | None) -> str:
    if candidate is None:
        return f"{OWN_PACKAGE}/{model_id}"
    name, version = candidate_package(candidate)
    return f"{name}/{version}/models/{model_id}"


def model_query() -> Select[t.LoggedModel, int, str]:
    """Logged models with their experiment's iid and source run id (for the MLflow JSON)."""
    return (
        select(M, t.Experiment.iid, t.Candidate.eid)
        .join(t.Experiment, t.Experiment.id == M.experiment_id)
        .outerjoin(t.Candidate, t.Candidate.id == M.candidate_id)
        .where(M.deleted_at.is_(None))
    )


def to_logged_model(
    row: t.LoggedModel,
    experiment_iid: int,
    run_id: str | None,
    tags: list[KeyValue],
    params: list[KeyValue],
    metrics: list[ModelMetric] | None = None,
) -> LoggedModel:
    return LoggedModel(
        id=row.id,
        project_id=row.project_id,
        experiment_id=row.experiment_id,
        experiment_iid=experiment_iid,
        candidate_id=row.candidate_id,
        source_run_id=run_id,
        model_id=row.model_id,
        name=row.name,
        model_type=row.model_type,
        status=LoggedModelStatus(row.status),
        status_message=row.status_message,
        artifact_path=row.artifact_path,
        creator_id=row.creator_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        tags=tuple(tags),
        params=tuple(params),
        metrics=tuple(metrics or ()),
    )


async def _key_values(
    session: AsyncSession, table: Any, ids: list[int]
) -> dict[int, list[KeyValue]]:
    """Tags or params (the two tables share their shape) of many models, by model."""
    stmt = select(table).where(table.logged_model_id.in_(ids)).order_by(table.name)
    found: dict[int, list[KeyValue]] = {i: [] for i in ids}
    for row in await session.scalars(stmt):
        found[row.logged_model_id].append(KeyValue(name=row.name, value=row.value))
    return found


async def load_models(session: AsyncSession, rows: Sequence[Any]) -> list[LoggedModel]:
    """Entities for `model_query()` rows, with tags, params and metrics in three statements."""
    ids = [row[0].id for row in rows]
    tags = await _key_values(session, t.LoggedModelTag, ids)
    params = await _key_values(session, t.LoggedModelParam, ids)
    metrics = await metrics_of(session, logged_model_ids=ids)
    return [
        to_logged_model(row, iid, run_id, tags[row.id], params[row.id], metrics[row.id])
        for row, iid, run_id in rows
    ]


async def get_logged_model(session: AsyncSession, *, project_id: int, model_id: str) -> LoggedModel:
    stmt = model_query().where(M.project_id == project_id, M.model_id == model_id)
    rows = (await session.execute(stmt)).all()
    if not rows:
        raise NotFoundError(f"Logged model with ID '{model_id}' not found.")
    return (await load_models(session, rows))[0]


async def create_logged_model(
    session: AsyncSession,
    *,
    experiment: Experiment,
    candidate: Candidate | None,
    name: str,
    model_type: str = "",
    creator_id: int | None = None,
    params: Sequence[KeyValue] = (),
    tags: Sequence[KeyValue] = (),
) -> LoggedModel:
    model_id = new_model_id()
    row = M(
        project_id=experiment.project_id,
        experiment_id=experiment.id,
        candidate_id=candidate.id if candidate else None,
        model_id=model_id,
        name=check_name(name or model_id, limit=MAX_MODEL_NAME, what="Model"),
        model_type=check_value(model_type, limit=MAX_MODEL_NAME, what="model_type"),
        artifact_path=artifact_path_for(model_id, candidate),
        creator_id=creator_id,
    )
    session.add(row)
    await session.flush()
    await log_model_params(session, logged_model_id=row.id, params=params)
    await set_model_tags(session, logged_model_id=row.id, tags=tags)
    return await get_logged_model(session, project_id=experiment.project_id, model_id=model_id)


async def _row(session: AsyncSession, logged_model_id: int) -> t.LoggedModel:
    row = await session.get(M, logged_model_id)
    if row is None or row.deleted_at is not None:
        raise NotFoundError(f"Logged model {logged_model_id} not found.")
    return row


async def finalize_logged_model(
    session: AsyncSession, *, model: LoggedModel, status: LoggedModelStatus
) -> LoggedModel:
    row = await _row(session, model.id)
    row.status = status.value
    row.updated_at = utcnow()
    await session.flush()
    return await get_logged_model(session, project_id=model.project_id, model_id=model.model_id)


async def set_model_tags(
    session: AsyncSession, *, logged_model_id: int, tags: Sequence[KeyValue]
) -> None:
    """Set overwrites, as for run tags; values are stored as given (MLflow §11.15)."""
    for tag in tags:
        values = {
            "logged_model_id": logged_model_id,
            "name": check_key(tag.name, what="Tag"),
            "value": check_value(tag.value, limit=MAX_TAG_VALUE, what="Tag"),
        }
        stmt = insert(session, t.LoggedModelTag).values(values)
        stmt = stmt.on_conflict_do_update(
            index_elements=["logged_model_id", "name"], set_={"value": values["value"]}
        )
        await session.execute(stmt)


async def delete_model_tag(session: AsyncSession, *, logged_model_id: int, key: str) -> None:
    stmt = delete(t.LoggedModelTag).where(
        t.LoggedModelTag.logged_model_id == logged_model_id, t.LoggedModelTag.name == key
    )
    if (await session.execute(stmt)).rowcount == 0:  # type: ignore[attr-defined]
        raise NotFoundError(f"No tag with key '{key}' on this logged model.")


async def log_model_params(
    session: AsyncSession, *, logged_model_id: int, params: Sequence[KeyValue]
) -> None:
    """A model's params are written once; logging a key again keeps the first value."""
    for param in params:
        values = {
            "logged_model_id": logged_model_id,
            "name": check_key(param.name, what="Param"),
            "value": check_value(param.value, limit=MAX_TAG_VALUE, what="Param"),
        }
        stmt = insert(session, t.LoggedModelParam).values(values)
        await session.execute(stmt.on_conflict_do_nothing())


async def delete_logged_model(session: AsyncSession, *, logged_model_id: int) -> None:
    row = await _row(session, logged_model_id)
    row.deleted_at = utcnow()
    await session.flush()
