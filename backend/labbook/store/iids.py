"""Per-project sequential iids, allocated by an atomic counter update on the project row."""

from __future__ import annotations

import secrets
from functools import cache, partial
from typing import Any, Literal

from sqlalchemy import bindparam, update
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.store.driver_sql import fetch_rows

Kind = Literal["experiment", "candidate"]


@cache
def _counter(kind: Kind) -> Any:
    column = t.Project.last_experiment_iid if kind == "experiment" else t.Project.last_candidate_iid
    stmt = update(t.Project).where(t.Project.id == bindparam("project_id"))
    return stmt.values({column: column + 1}).returning(column.label("iid"))


async def next_iid(session: AsyncSession, *, project_id: int, kind: Kind) -> int:
    """UPDATE … RETURNING: the row lock (PostgreSQL) or the write lock (SQLite) serializes it."""
    params = {"project_id": project_id}
    rows = await fetch_rows(session, f"next_{kind}_iid", partial(_counter, kind), params)
    return int(rows[0].iid)


def new_eid() -> str:
    """A candidate's MLflow run id: 32 random hex digits."""
    return secrets.token_hex(16)
