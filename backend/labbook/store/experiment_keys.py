"""The param and metric names an experiment's candidates have logged (table columns).

Read from `experiment_keys`, which triggers keep (migration 0007): one index range per
experiment instead of a DISTINCT over every param and summary row. A name stays once logged,
also when its candidates are deleted (a restore brings them back).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t


async def _keys(session: AsyncSession, kind: str, experiment_id: int) -> list[str]:
    k = t.ExperimentKey
    stmt = select(k.name).where(k.experiment_id == experiment_id, k.kind == kind).order_by(k.name)
    return list(await session.scalars(stmt))


async def param_keys(session: AsyncSession, *, experiment_id: int) -> list[str]:
    return await _keys(session, "param", experiment_id)


async def metric_keys(session: AsyncSession, *, experiment_id: int) -> list[str]:
    return await _keys(session, "metric", experiment_id)
