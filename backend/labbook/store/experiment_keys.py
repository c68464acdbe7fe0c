"""The param and metric keys used by an experiment's live candidates (table columns)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t


async def _keys(session: AsyncSession, table: Any, experiment_id: int) -> list[str]:
    stmt = (
        select(table.name)
        .distinct()
        .join(t.Candidate, t.Candidate.id == table.candidate_id)
        .where(t.Candidate.experiment_id == experiment_id, t.Candidate.deleted_at.is_(None))
        .order_by(table.name)
    )
    return list(await session.scalars(stmt))


async def param_keys(session: AsyncSession, *, experiment_id: int) -> list[str]:
    return await _keys(session, t.CandidateParam, experiment_id)


async def metric_keys(session: AsyncSession, *, experiment_id: int) -> list[str]:
    return await _keys(session, t.CandidateMetricSummary, experiment_id)
