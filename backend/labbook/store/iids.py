"""Per-project sequential iids, allocated by an atomic counter update on the project row."""

from __future__ import annotations

import secrets
from typing import Literal

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t


async def next_iid(
    session: AsyncSession, *, project_id: int, kind: Literal["experiment", "candidate"]
) -> int:
    """UPDATE … RETURNING: the row lock (PostgreSQL) or the write lock (SQLite) serializes it."""
    column = t.Project.last_experiment_iid if kind == "experiment" else t.Project.last_candidate_iid
    stmt = (
        update(t.Project)
        .where(t.Project.id == project_id)
        .values({column: column + 1})
        .returning(column)
    )
    return int((await session.execute(stmt)).scalar_one())


def new_eid() -> str:
    """A candidate's MLflow run id: 32 random hex digits."""
    return secrets.token_hex(16)
