"""Bulk reads for pages of many runs (MLflow `runs/search` answers 1,000 runs a page).

Params come back as one JSON array per candidate, built by the database: a page of 1,000
runs carries 20,000 of them, and assembling them in SQL spares Python a row, an object and
a dict per param. Strings only: SQLite prints floats with 15 significant digits, so metric
summaries come back as plain rows, their values formatted in Python.
"""

from __future__ import annotations

from functools import cache, partial

from sqlalchemy import Select, String, Text, bindparam, cast, func, select
from sqlalchemy.dialects.postgresql import aggregate_order_by
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.store.driver_sql import fetch_rows
from labbook.store.entities import KeyValue
from labbook.store.id_lists import in_ids
from labbook.store.sql import dialect_name

# (name, last value or None for NaN, last timestamp, last step)
SummaryRow = tuple[str, float | None, int, int]


def _params_json(dialect: str) -> Select[int, str]:
    p = t.CandidateParam
    if dialect == "postgresql":
        pair = func.json_build_object("key", p.name, "value", p.value)
        agg = cast(func.json_agg(aggregate_order_by(pair, p.name)), Text)  # text, not decoded
        stmt = select(p.candidate_id, agg.label("params"))
        return stmt.where(in_ids(p.candidate_id, dialect)).group_by(p.candidate_id)
    # SQLite aggregates in the order of its input, here the (candidate_id, name) index.
    rows = select(p.candidate_id, p.name, p.value).where(in_ids(p.candidate_id, dialect))
    ordered = rows.order_by(p.candidate_id, p.name).subquery()
    pair = func.json_object("key", ordered.c.name, "value", ordered.c.value)
    array = func.json_group_array(pair, type_=String).label("params")
    return select(ordered.c.candidate_id, array).group_by(ordered.c.candidate_id)


async def params_json(session: AsyncSession, *, candidate_ids: list[int]) -> dict[int, str]:
    """Each candidate's params as the JSON text `[{"key": …, "value": …}, …]`, by name."""
    build = partial(_params_json, dialect_name(session))
    rows = await fetch_rows(session, "params_json", build, {"ids": candidate_ids})
    found = {cid: str(text) for cid, text in rows}
    return {i: found.get(i, "[]") for i in candidate_ids}


def _summaries(dialect: str) -> Select[int, str, float | None, int, int]:
    s = t.CandidateMetricSummary
    stmt = select(s.candidate_id, s.name, s.last_value, s.last_timestamp, s.last_step)
    return stmt.where(in_ids(s.candidate_id, dialect)).order_by(s.candidate_id, s.name)


async def summary_rows(
    session: AsyncSession, *, candidate_ids: list[int]
) -> dict[int, list[SummaryRow]]:
    """Each candidate's latest metric values (`SummaryRow`), by name."""
    build = partial(_summaries, dialect_name(session))
    result: dict[int, list[SummaryRow]] = {i: [] for i in candidate_ids}
    for cid, *row in await fetch_rows(session, "summary_rows", build, {"ids": candidate_ids}):
        result[cid].append(tuple(row))
    return result


def _tags(dialect: str) -> Select[int, str, str]:
    m = t.CandidateMetadata
    stmt = select(m.candidate_id, m.name, m.value).where(in_ids(m.candidate_id, dialect))
    return stmt.order_by(m.candidate_id, m.name)


async def tags_of(session: AsyncSession, *, candidate_ids: list[int]) -> dict[int, list[KeyValue]]:
    """Each candidate's metadata (MLflow tags), by name."""
    build = partial(_tags, dialect_name(session))
    result: dict[int, list[KeyValue]] = {i: [] for i in candidate_ids}
    for cid, name, value in await fetch_rows(session, "tags_of", build, {"ids": candidate_ids}):
        result[cid].append(KeyValue(name=name, value=value))
    return result


@cache
def _run_user() -> Select[str | None, str | None]:
    m, u = t.CandidateMetadata, t.User
    tagged = select(m.value).where(m.candidate_id == bindparam("candidate_id"))
    tagged = tagged.where(m.name == bindparam("tag"))
    creator = select(u.username).where(u.id == bindparam("creator_id"))
    return select(tagged.scalar_subquery().label("tagged"), creator.scalar_subquery().label("name"))


async def run_user(
    session: AsyncSession, *, candidate_id: int, creator_id: int | None, tag: str
) -> str:
    """The run's user: its `tag` (MLflow's `mlflow.user`) if set, else its creator's name."""
    params = {"candidate_id": candidate_id, "creator_id": creator_id, "tag": tag}
    tagged, name = (await fetch_rows(session, "run_user", _run_user, params))[0]
    return str(tagged if tagged is not None else name or "")
