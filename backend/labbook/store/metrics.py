"""Metric history (append-only, retried points ignored) and per-key summaries kept on write."""

from __future__ import annotations

import math
from collections import Counter
from itertools import repeat
from operator import attrgetter
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.errors import InvalidParameterError
from labbook.events.model import MetricsLogged
from labbook.events.record import record
from labbook.store.driver_sql import driver_statement, execute_many
from labbook.store.entities import MetricPoint, MetricSummary
from labbook.store.events import metrics_logged
from labbook.store.limits import check_key
from labbook.store.metric_rollup_writes import log_rollups
from labbook.store.point_inserts import insert_points
from labbook.store.sql import greatest, insert, least

LOWEST = -1.7976931348623157e308  # orders NaN (stored as NULL) below every number
_FIELD_GETTERS = tuple(map(attrgetter, ("name", "step", "timestamp", "value")))


def _stored(value: float) -> float | None:
    return None if math.isnan(value) else value


def _loaded(value: float | None) -> float:
    return math.nan if value is None else value


def _order_key(p: MetricPoint) -> tuple[int, int, float]:
    """MLflow's "latest": highest step, then latest timestamp, then largest value."""
    return (p.step, p.timestamp, LOWEST if math.isnan(p.value) else p.value)


def _check(points: list[MetricPoint]) -> bool:
    """Refuse bad names and values; whether every value is a float and none is NaN."""
    for name in set(map(_NAME, points)):  # a batch repeats a few keys a thousand times
        check_key(name, what="Metric")
    values = list(map(_VALUE, points))
    if set(map(type, values)) <= {float}:  # the usual batch: one pass in C
        return not any(map(math.isnan, values))
    for p in points:
        if not isinstance(p.value, (float, int)) or isinstance(p.value, bool):
            raise InvalidParameterError(f"Metric '{p.name}' value must be a number")
    return False


def _index_key(p: MetricPoint) -> tuple[str, int, int, float]:
    return (p.name, *_order_key(p))


def _stored_key(p: MetricPoint) -> tuple[str, int, int, float | None]:
    return (p.name, p.step, p.timestamp, _stored(float(p.value)))


_POINT_ORDER = attrgetter("step", "timestamp", "value")
_NAME, _VALUE = attrgetter("name"), attrgetter("value")
Columns = tuple[list[str], list[int], list[int], list[float]]


def _sort(points: list[MetricPoint], plain: bool) -> None:
    """Index order, in place. `plain` (float values, no NaN): a point's fields are already its
    index key, read in C, instead of a Python key function per point; sorted in two stable
    passes: a client's batch is usually in step order, so the first costs little and the
    second compares only names."""
    if not plain:
        points.sort(key=_index_key)
        return
    points.sort(key=_POINT_ORDER)
    points.sort(key=_NAME)


def _columns(points: list[MetricPoint]) -> Columns:
    """(names, steps, timestamps, values) of `points`, each read in one pass in C."""
    names, steps, stamps, values = (list(map(get, points)) for get in _FIELD_GETTERS)
    return names, steps, stamps, values


def _rows(candidate_id: int, columns: Columns, plain: bool) -> list[tuple[Any, ...]]:
    """History rows (candidate_id, name, step, timestamp, stored value)."""
    names, steps, stamps, values = columns
    stored = values if plain else [_stored(float(v)) for v in values]
    return list(zip(repeat(candidate_id), names, steps, stamps, stored))


def _inserted(ordered: list[MetricPoint], returned: list[Any] | None) -> list[MetricPoint]:
    """The points the insert kept (`returned` lists them; None: all), in the same order."""
    if returned is None or len(returned) == len(ordered):
        return ordered  # the usual case: nothing was a repeat
    left = Counter(tuple(row) for row in returned)
    kept = []
    for p in ordered:
        if left[key := _stored_key(p)] > 0:
            left[key] -= 1
            kept.append(p)
    return kept


async def log_metrics(
    session: AsyncSession,
    *,
    candidate_id: int,
    points: list[MetricPoint],
    experiment_id: int | None = None,
) -> int:
    """Append points; return how many were new (repeats are skipped).

    Summaries, rollups and the live event take only the new points. Give `experiment_id`
    when it is known: the event needs it, and looking it up costs a query.
    """
    plain = _check(points)
    if not points:
        return 0
    # In index order, so that two writers of overlapping batches lock rows in the same order
    # (PostgreSQL would otherwise deadlock them).
    ordered = list(points)
    _sort(ordered, plain)
    columns = _columns(ordered)
    new = _inserted(ordered, await insert_points(session, _rows(candidate_id, columns, plain)))
    new_columns = columns if new is ordered else _columns(new)
    await _update_summaries(session, candidate_id, new_columns, plain)
    # after the summaries: the rollups read their counts, locked by the upsert on PostgreSQL
    await log_rollups(session, candidate_id=candidate_id, points=new)
    await _announce(session, candidate_id, experiment_id, new)
    return len(new)


async def _announce(
    session: AsyncSession, candidate_id: int, experiment_id: int | None, new: list[MetricPoint]
) -> None:
    if not new:
        return
    if experiment_id is None:
        await metrics_logged(session, candidate_id=candidate_id, points=new)
    else:
        record(session, MetricsLogged(candidate_id, experiment_id, tuple(new)))


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


SUMMARY_COLUMNS = (
    "candidate_id",
    "name",
    "last_value",
    "last_step",
    "last_timestamp",
    "min_value",
    "max_value",
    "count",
)


def _summary_rows(candidate_id: int, columns: Columns, plain: bool) -> list[tuple[Any, ...]]:
    """The summary of each key's new points (`columns` in index order: a key's last point is
    its latest), in the order of `SUMMARY_COLUMNS`; NaN counts but is neither min nor max."""
    names, steps, stamps, values = columns
    rows, start = [], 0
    for name, count in Counter(names).items():  # in order of first sight: the keys' order
        end = start + count
        own = values[start:end] if plain else [v for v in values[start:end] if not math.isnan(v)]
        latest = (_stored(values[end - 1]), steps[end - 1], stamps[end - 1])
        rows.append(
            (candidate_id, name, *latest, min(own, default=None), max(own, default=None), count)
        )
        start = end
    return rows


async def _update_summaries(
    session: AsyncSession, candidate_id: int, columns: Columns, plain: bool
) -> None:
    if not columns[0]:
        return
    stmt = driver_statement(session, "metric_summaries_upsert", _summaries_upsert, SUMMARY_COLUMNS)
    await execute_many(session, stmt, _summary_rows(candidate_id, columns, plain))


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
