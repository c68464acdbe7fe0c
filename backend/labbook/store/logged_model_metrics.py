"""Metrics of logged models: points logged with `model_id` (MLflow 3), stored per model.

The run's own metric history keeps the same points (the tracking store writes those); these
rows let a model carry its metrics after its run is gone, and let models be searched by them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.errors import InvalidParameterError, NotFoundError
from labbook.store.entities import Candidate, ModelMetric
from labbook.store.limits import check_key
from labbook.store.sql import insert

MAX_DATASET_NAME, MAX_DATASET_DIGEST = 500, 36


def _row(point: ModelMetric, logged_model_id: int, candidate_id: int | None) -> dict[str, object]:
    if len(point.dataset_name or "") > MAX_DATASET_NAME:
        raise InvalidParameterError("dataset_name exceeds 500 characters", field="dataset_name")
    if len(point.dataset_digest or "") > MAX_DATASET_DIGEST:
        raise InvalidParameterError("dataset_digest exceeds 36 characters", field="dataset_digest")
    return {
        "logged_model_id": logged_model_id,
        "candidate_id": candidate_id,
        "name": check_key(point.name, what="Metric"),
        "value": None if math.isnan(point.value) else point.value,
        "step": point.step,
        "timestamp": point.timestamp,
        "dataset_name": point.dataset_name,
        "dataset_digest": point.dataset_digest,
    }


async def _model_ids(
    session: AsyncSession, *, project_id: int, model_ids: set[str]
) -> dict[str, int]:
    stmt = select(t.LoggedModel.model_id, t.LoggedModel.id).where(
        t.LoggedModel.project_id == project_id,
        t.LoggedModel.model_id.in_(model_ids),
        t.LoggedModel.deleted_at.is_(None),
    )
    found = {str(m): int(i) for m, i in (await session.execute(stmt)).all()}
    if missing := sorted(model_ids - found.keys()):
        raise NotFoundError(f"Logged model with ID '{missing[0]}' not found.")
    return found


async def log_model_metrics(
    session: AsyncSession,
    *,
    project_id: int,
    candidate: Candidate | None,
    points: Sequence[ModelMetric],
) -> None:
    """Record points against their models; a repeated point (a client retry) is a no-op."""
    ids = await _model_ids(session, project_id=project_id, model_ids={p.model_id for p in points})
    for point in points:
        values = _row(point, ids[point.model_id], candidate.id if candidate else None)
        if values["value"] is None and await _has_nan(session, values):
            continue
        stmt = insert(session, t.LoggedModelMetric).values(values).on_conflict_do_nothing()
        await session.execute(stmt)


async def _has_nan(session: AsyncSession, values: dict[str, object]) -> bool:
    """NaN is stored as NULL, which a unique index never matches: look for the retry here."""
    m = t.LoggedModelMetric
    stmt = select(m.id).where(
        m.logged_model_id == values["logged_model_id"],
        m.name == values["name"],
        m.step == values["step"],
        m.timestamp == values["timestamp"],
        m.value.is_(None),
    )
    return await session.scalar(stmt.limit(1)) is not None


async def metrics_of(
    session: AsyncSession, *, logged_model_ids: list[int]
) -> dict[int, list[ModelMetric]]:
    """Every point of many models, by name then step."""
    m = t.LoggedModelMetric
    stmt = (
        select(m, t.LoggedModel.model_id, t.Candidate.eid)
        .join(t.LoggedModel, t.LoggedModel.id == m.logged_model_id)
        .outerjoin(t.Candidate, t.Candidate.id == m.candidate_id)
        .where(m.logged_model_id.in_(logged_model_ids))
        .order_by(m.name, m.step, m.timestamp, m.id)
    )
    found: dict[int, list[ModelMetric]] = {i: [] for i in logged_model_ids}
    for row, model_id, run_id in (await session.execute(stmt)).all():
        found[row.logged_model_id].append(
            ModelMetric(
                model_id=model_id,
                name=row.name,
                value=math.nan if row.value is None else row.value,
                step=row.step,
                timestamp=row.timestamp,
                run_id=run_id,
                dataset_name=row.dataset_name,
                dataset_digest=row.dataset_digest,
            )
        )
    return found
