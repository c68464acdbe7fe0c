"""Reading one metric's history: points in (step, timestamp, id) order, keyset-paged."""

from __future__ import annotations

import math

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.store.entities import MetricPoint


def _loaded(value: float | None) -> float:
    return math.nan if value is None else value


async def metric_history(
    session: AsyncSession,
    *,
    candidate_id: int,
    name: str,
    limit: int | None = None,
    after: tuple[int, int, int] | None = None,
) -> list[tuple[int, MetricPoint]]:
    """Points ordered by (step, timestamp, id); `after` is the last (step, timestamp, id) seen."""
    m = t.CandidateMetric
    # Plain column rows, not ORM objects: histories run to hundreds of thousands of points.
    stmt = select(m.id, m.value, m.step, m.timestamp)
    stmt = stmt.where(m.candidate_id == candidate_id, m.name == name)
    if after is not None:
        step, ts, row_id = after
        stmt = stmt.where(
            or_(
                m.step > step,
                and_(m.step == step, or_(m.timestamp > ts, and_(m.timestamp == ts, m.id > row_id))),
            )
        )
    stmt = stmt.order_by(m.step, m.timestamp, m.id).limit(limit)
    rows = (await session.execute(stmt)).all()
    return [
        (i, MetricPoint(name=name, value=_loaded(v), step=s, timestamp=ts)) for i, v, s, ts in rows
    ]
