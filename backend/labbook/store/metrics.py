"""Metric history (append-only, retried points ignored) and per-key summaries kept on write."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.errors import InvalidParameterError
from labbook.store.entities import MetricPoint, MetricSummary
from labbook.store.events import metrics_logged
from labbook.store.limits import check_key
from labbook.store.metric_rollups import log_rollups
from labbook.store.sql import greatest, insert, least, memoized

LOWEST = -1.7976931348623157e308  # orders NaN (stored as NULL) below every number


def _stored(value: float) -> float | None:
    return None if math.isnan(value) else value


def _loaded(value: float | None) -> float:
    return math.nan if value is None else value


def _order_key(p: MetricPoint) -> tuple[int, int, float]:
    """MLflow's "latest": highest step, then latest timestamp, then largest value."""
    return (p.step, p.timestamp, LOWEST if math.isnan(p.value) else p.value)


@dataclass(slots=True)
class _Batch:
    """The summary of the points of one key that a batch actually inserted."""

    last: MetricPoint
    low: float | None
    high: float | None
    count: int

    def add(self, p: MetricPoint) -> None:
        self.count += 1
        if _order_key(p) >= _order_key(self.last):
            self.last = p
        if not math.isnan(p.value):
            self.low = p.value if self.low is None else min(self.low, p.value)
            self.high = p.value if self.high is None else max(self.high, p.value)


def _check(points: list[MetricPoint]) -> None:
    for p in points:
        check_key(p.name, what="Metric")
        if not isinstance(p.value, float | int) or isinstance(p.value, bool):
            raise InvalidParameterError(f"Metric '{p.name}' value must be a number")


def _summarize(points: list[MetricPoint]) -> dict[str, _Batch]:
    batches: dict[str, _Batch] = {}
    for p in points:
        if p.name not in batches:
            batches[p.name] = _Batch(last=p, low=None, high=None, count=0)
        batches[p.name].add(p)
    return batches


async def log_metrics(
    session: AsyncSession, *, candidate_id: int, points: list[MetricPoint]
) -> int:
    """Append points in one statement; return how many were new (repeats are skipped)."""
    _check(points)
    if not points:
        return 0
    rows = [
        {
            "candidate_id": candidate_id,
            "name": p.name,
            "value": _stored(float(p.value)),
            "step": p.step,
            "timestamp": p.timestamp,
        }
        # In index order, so that two writers of overlapping batches lock rows in the same order
        # (PostgreSQL would otherwise deadlock them).
        for p in sorted(points, key=lambda p: (p.name, *_order_key(p)))
    ]
    stmt = memoized(session, "metric_points_insert", _points_insert)
    inserted = (await session.execute(stmt, rows)).all()
    new = [MetricPoint(name=n, value=_loaded(v), step=s, timestamp=ts) for n, v, s, ts in inserted]
    await _update_summaries(session, candidate_id, _summarize(new))
    await log_rollups(session, candidate_id=candidate_id, points=new)
    if new:
        await metrics_logged(session, candidate_id=candidate_id, points=new)
    return len(new)


def _points_insert(session: AsyncSession) -> Any:
    table = t.CandidateMetric
    stmt = insert(session, table).on_conflict_do_nothing()
    return stmt.returning(table.name, table.value, table.step, table.timestamp)


def _newer(new: Any) -> Any:
    s = t.CandidateMetricSummary
    value, old_value = new.last_value, s.last_value
    return or_(
        new.last_step > s.last_step,
        and_(
            new.last_step == s.last_step,
            or_(
                new.last_timestamp > s.last_timestamp,
                and_(
                    new.last_timestamp == s.last_timestamp,
                    func.coalesce(value, LOWEST) >= func.coalesce(old_value, LOWEST),
                ),
            ),
        ),
    )


def _summaries_upsert(session: AsyncSession) -> Any:
    s = t.CandidateMetricSummary
    stmt = insert(session, s)
    new = stmt.excluded
    newer = _newer(new)
    return stmt.on_conflict_do_update(
        index_elements=["candidate_id", "name"],
        set_={
            "count": s.count + new.count,
            "min_value": least(session, s.min_value, new.min_value),
            "max_value": greatest(session, s.max_value, new.max_value),
            "last_value": case((newer, new.last_value), else_=s.last_value),
            "last_step": case((newer, new.last_step), else_=s.last_step),
            "last_timestamp": case((newer, new.last_timestamp), else_=s.last_timestamp),
        },
    )


async def _update_summaries(
    session: AsyncSession, candidate_id: int, batches: dict[str, _Batch]
) -> None:
    if not batches:
        return
    rows = [
        {
            "candidate_id": candidate_id,
            "name": name,
            "last_value": _stored(b.last.value),
            "last_step": b.last.step,
            "last_timestamp": b.last.timestamp,
            "min_value": b.low,
            "max_value": b.high,
            "count": b.count,
        }
        for name, b in sorted(batches.items())
    ]
    stmt = memoized(session, "metric_summaries_upsert", _summaries_upsert)
    await session.execute(stmt, rows)


def to_summary(row: t.CandidateMetricSummary) -> MetricSummary:
    return MetricSummary(
        candidate_id=row.candidate_id,
        name=row.name,
        last_value=_loaded(row.last_value),
        last_step=row.last_step,
        last_timestamp=row.last_timestamp,
        min_value=_loaded(row.min_value),
        max_value=_loaded(row.max_value),
        count=row.count,
    )


async def summaries_of(
    session: AsyncSession, *, candidate_ids: list[int]
) -> dict[int, list[MetricSummary]]:
    """Latest value, min, max and count per metric, for each candidate."""
    s = t.CandidateMetricSummary
    # Plain column rows, not ORM objects: a page of runs can carry thousands of summaries.
    columns = (s.candidate_id, s.name, s.last_value, s.last_step, s.last_timestamp)
    stmt = select(*columns, s.min_value, s.max_value, s.count)
    stmt = stmt.where(s.candidate_id.in_(candidate_ids)).order_by(s.candidate_id, s.name)
    result: dict[int, list[MetricSummary]] = {i: [] for i in candidate_ids}
    for cid, name, last, step, ts, low, high, count in (await session.execute(stmt)).all():
        result[cid].append(
            MetricSummary(
                candidate_id=cid,
                name=name,
                last_value=_loaded(last),
                last_step=step,
                last_timestamp=ts,
                min_value=_loaded(low),
                max_value=_loaded(high),
                count=count,
            )
        )
    return result
