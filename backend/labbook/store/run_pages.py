"""Bulk reads for pages of many runs (MLflow `runs/search` answers 1,000 runs a page).

Params come back as one JSON array per candidate, built by the database: a page of 1,000
runs carries 20,000 of them, and assembling them in SQL spares Python a row, an object and
a dict per param. Strings only: SQLite prints floats with 15 significant digits, so metric
summaries come back as plain rows, their values formatted in Python.
"""

from __future__ import annotations

from sqlalchemy import Select, String, Text, cast, func, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.store.plain_rows import plain_rows
from labbook.store.sql import dialect_name

# (name, last value or None for NaN, last timestamp, last step)
SummaryRow = tuple[str, float | None, int, int]


def _params_json(dialect: str, candidate_ids: list[int]) -> Select[int, str]:
    p = t.CandidateParam
    if dialect == "postgresql":
        pair = func.json_build_object("key", p.name, "value", p.value)
        array = cast(func.json_agg(aggregate_order_by(pair, p.name)), Text)  # text, not decoded
        stmt = select(p.candidate_id, array)
        return stmt.where(p.candidate_id.in_(candidate_ids)).group_by(p.candidate_id)
    # SQLite aggregates in the order of its input, here the (candidate_id, name) index.
    rows = select(p.candidate_id, p.name, p.value).where(p.candidate_id.in_(candidate_ids))
    ordered = rows.order_by(p.candidate_id, p.name).subquery()
    pair = func.json_object("key", ordered.c.name, "value", ordered.c.value)
    stmt = select(ordered.c.candidate_id, func.json_group_array(pair, type_=String))
    return stmt.group_by(ordered.c.candidate_id)


async def params_json(session: AsyncSession, *, candidate_ids: list[int]) -> dict[int, str]:
    """Each candidate's params as the JSON text `[{"key": …, "value": …}, …]`, by name."""
    stmt = _params_json(dialect_name(session), candidate_ids)
    found = {cid: str(text) for cid, text in await plain_rows(session, stmt)}
    return {i: found.get(i, "[]") for i in candidate_ids}


async def summary_rows(
    session: AsyncSession, *, candidate_ids: list[int]
) -> dict[int, list[SummaryRow]]:
    """Each candidate's latest metric values (`SummaryRow`), by name."""
    s = t.CandidateMetricSummary
    stmt = select(s.candidate_id, s.name, s.last_value, s.last_timestamp, s.last_step)
    stmt = stmt.where(s.candidate_id.in_(candidate_ids)).order_by(s.candidate_id, s.name)
    result: dict[int, list[SummaryRow]] = {i: [] for i in candidate_ids}
    for cid, name, value, timestamp, step in await plain_rows(session, stmt):
        result[cid].append((name, value, timestamp, step))
    return result
