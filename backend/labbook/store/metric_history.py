"""Reading one metric's history, keyset-paged, in (step, timestamp, value, id) order.

That is the order of the `(candidate_id, name, step, timestamp, value)` index (and its row
id): the database walks it without sorting. NaN is stored as NULL and comes first among
points of one step and timestamp, as SQLite's index has it (PostgreSQL sorts those ties).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from sqlalchemy import BindParameter, ColumnElement, Float, Select, and_, bindparam, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.store.driver_sql import fetch_all
from labbook.store.entities import MetricPoint
from labbook.store.sql import dialect_name

# (id, value or None for NaN, step, timestamp)
HistoryRow = tuple[int, float | None, int, int]
# The last point seen: (step, timestamp, value or None, id)
HistoryCursor = tuple[int, int, float | None, int]
NO_LIMIT = 2**62


def history_order() -> tuple[Any, ...]:
    """ORDER BY of a history in MLflow's order: the unique index's, then the row id."""
    m = t.CandidateMetric
    return (m.step, m.timestamp, m.value.asc().nulls_first(), m.id)


def _history_select(after: bool) -> Select[int, float | None, int, int]:
    m = t.CandidateMetric
    stmt = select(m.id, m.value, m.step, m.timestamp)
    stmt = stmt.where(m.candidate_id == bindparam("candidate_id"), m.name == bindparam("name"))
    if after:
        step: BindParameter[int] = bindparam("step")
        ts: BindParameter[int] = bindparam("ts")
        later = or_(m.timestamp > ts, and_(m.timestamp == ts, _later_value()))
        # (the range first: it lets the database seek its index to the cursor)
        stmt = stmt.where(m.step >= step, or_(m.step > step, and_(m.step == step, later)))
    return stmt.order_by(*history_order()).limit(bindparam("limit"))


def _later_value() -> ColumnElement[bool]:
    """After the cursor's (value, id) with NULL (NaN) first; one statement for a cursor on
    NaN and on a number (`value > NULL` holds for no row)."""
    m = t.CandidateMetric
    value: BindParameter[float | None] = bindparam("value", type_=Float)
    row_id: BindParameter[int] = bindparam("row_id")
    after_nan = and_(value.is_(None), or_(m.value.is_not(None), m.id > row_id))
    return or_(after_nan, m.value > value, and_(m.value == value, m.id > row_id))


_SQL: dict[tuple[str, bool], tuple[str, tuple[str, ...], dict[str, Any]]] = {}


def _history_sql(session: AsyncSession, after: bool) -> tuple[str, tuple[str, ...], dict[str, Any]]:
    """The SELECT in the driver's parameter style, its parameters' names in order, and the
    values of those it binds itself (SQLite's OFFSET)."""
    key = (dialect_name(session), after)
    if key not in _SQL:
        compiled = _history_select(after).compile(dialect=session.get_bind().dialect)
        _SQL[key] = (compiled.string, tuple(compiled.positiontup or ()), compiled.params)
    return _SQL[key]


async def history_rows(
    session: AsyncSession,
    *,
    candidate_id: int,
    name: str,
    limit: int | None = None,
    after: HistoryCursor | None = None,
) -> Sequence[HistoryRow]:
    """Points in order as plain tuples (NaN is None), read by the driver in one call
    (`driver_sql`): histories run to hundreds of thousands of points. `after` is the last
    point seen (`cursor_of`)."""
    sql, names, constants = _history_sql(session, after is not None)
    step, ts, value, row_id = after or (0, 0, None, 0)
    params = {**constants, "candidate_id": candidate_id, "name": name, "step": step, "ts": ts}
    params |= {"value": value, "row_id": row_id, "limit": NO_LIMIT if limit is None else limit}
    return await fetch_all(session, sql, [params[n] for n in names])


def cursor_of(row: HistoryRow) -> HistoryCursor:
    row_id, value, step, ts = row
    return (step, ts, value, row_id)


async def metric_history(
    session: AsyncSession,
    *,
    candidate_id: int,
    name: str,
    limit: int | None = None,
    after: HistoryCursor | None = None,
) -> list[tuple[int, MetricPoint]]:
    """`history_rows` as (id, point) pairs."""
    rows = await history_rows(
        session, candidate_id=candidate_id, name=name, limit=limit, after=after
    )
    return [
        (i, MetricPoint(name=name, value=math.nan if v is None else v, step=s, timestamp=ts))
        for i, v, s, ts in rows
    ]
