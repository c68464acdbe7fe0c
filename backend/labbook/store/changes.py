"""What changed since a moment or a row: polled by live subscriptions, on any backend.

Polling the tables (rather than a notification hooked into every write path) sees writes of
every surface and every server process alike, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import math
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.store.candidates import candidate_query, to_candidates
from labbook.store.entities import Candidate, MetricPoint


def _point(row: t.CandidateMetric) -> MetricPoint:
    value = math.nan if row.value is None else row.value  # NULL stores NaN
    return MetricPoint(name=row.name, value=value, step=row.step, timestamp=row.timestamp)


async def candidates_changed(
    session: AsyncSession, *, experiment_id: int, since: datetime, limit: int = 500
) -> list[Candidate]:
    """Candidates created, updated or (soft-)deleted at or after `since`, oldest change first."""
    stmt = (
        candidate_query()
        .where(t.Candidate.experiment_id == experiment_id, t.Candidate.updated_at >= since)
        .order_by(t.Candidate.updated_at, t.Candidate.id)
        .limit(limit)
    )
    return to_candidates((await session.execute(stmt)).all())


async def last_metric_row(session: AsyncSession) -> int:
    """The newest history row id: a subscription's starting point."""
    return int(await session.scalar(select(func.max(t.CandidateMetric.id))) or 0)


async def metric_points_after(
    session: AsyncSession,
    *,
    candidate_id: int,
    names: list[str] | None,
    after_row: int,
    limit: int = 5000,
) -> list[tuple[int, MetricPoint]]:
    """Points logged after the row `after_row`, in logging order, with their row ids."""
    m = t.CandidateMetric
    stmt = select(m).where(m.id > after_row, m.candidate_id == candidate_id)
    if names:
        stmt = stmt.where(m.name.in_(names))
    rows = await session.scalars(stmt.order_by(m.id).limit(limit))
    return [(row.id, _point(row)) for row in rows]
