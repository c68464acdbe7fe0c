"""Experiments' internal ids from their MLflow ids (iids), many in one statement compiled
once (`driver_sql.fetch_rows`): a search names its experiments on every request."""

from __future__ import annotations

from functools import partial

from sqlalchemy import Select, bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.store.driver_sql import fetch_rows
from labbook.store.id_lists import in_ids
from labbook.store.sql import dialect_name


def _by_iid(dialect: str) -> Select[int, int]:
    e = t.Experiment
    stmt = select(e.iid, e.id).where(e.project_id == bindparam("project_id"))
    return stmt.where(in_ids(e.iid, dialect))


async def experiment_ids_by_iid(
    session: AsyncSession, *, project_id: int, iids: list[int]
) -> dict[int, int]:
    """The internal id of each of the project's experiments with these iids, deleted or
    not, by iid; iids without an experiment are left out."""
    if not iids:
        return {}
    build = partial(_by_iid, dialect_name(session))
    params = {"project_id": project_id, "ids": iids}
    rows = await fetch_rows(session, "experiment_ids_by_iid", build, params)
    return dict(rows)
