"""Live events recorded by store functions that know a candidate only by its id.

The candidate's row is almost always in the session already (the caller found the run
first), so looking up its experiment usually costs no query.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.events.model import CandidateChange, CandidateChanged, MetricsLogged
from labbook.events.record import record
from labbook.store.entities import MetricPoint


async def _experiment_of(session: AsyncSession, candidate_id: int) -> int:
    row = await session.get(t.Candidate, candidate_id)
    return row.experiment_id if row is not None else 0


async def candidate_updated(session: AsyncSession, *, candidate_id: int) -> None:
    """Params or metadata changed: the candidate's row on an open page is stale."""
    experiment_id = await _experiment_of(session, candidate_id)
    kind = CandidateChange.UPDATED
    record(session, CandidateChanged(kind, candidate_id, experiment_id))


async def metrics_logged(
    session: AsyncSession, *, candidate_id: int, points: list[MetricPoint]
) -> None:
    experiment_id = await _experiment_of(session, candidate_id)
    record(session, MetricsLogged(candidate_id, experiment_id, tuple(points)))
