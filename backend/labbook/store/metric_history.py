"""Reading one metric's history: points in (step, timestamp, id) order, keyset-paged."""

from __future__ import annotations

import math
from collections.abc import Sequence

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.store.entities import MetricPoint
from labbook.store.plain_rows import plain_rows

# (id, value or None for NaN, step, timestamp)
HistoryRow = tuple[int, float | None, int, int]


async def history_rows(
    session: AsyncSession,
    *,
    candidate_id: int,
    name: str,
    limit: int | None = None,
    after: tuple[int, int, int] | None = None,
) -> Sequence[HistoryRow]:
    """Points ordered by (step, timestamp, id) as plain tuples (NaN is None): histories run
    to hundreds of thousands of points. `after` is the last (step, timestamp, id) seen."""
    m = t.CandidateMetric
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
    return await plain_rows(session, stmt)


async def metric_history(
    session: AsyncSession,
    *,
    candidate_id: int,
    name: str,
    limit: int | None = None,
    after: tuple[int, int, int] | None = None,
) -> list[tuple[int, MetricPoint]]:
    """`history_rows` as (id, point) pairs."""
    rows = await history_rows(
        session, candidate_id=candidate_id, name=name, limit=limit, after=after
    )
    return [
        (i, MetricPoint(name=name, value=math.nan if v is None else v, step=s, timestamp=ts))
        for i, v, s, ts in rows
    ]
