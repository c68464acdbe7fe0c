"""Ending a live run in one statement that also reads the run's user.

MLflow clients end every run with `runs/update` (status and end time): looking the run up,
updating it and reading its user took three statements; this UPDATE … RETURNING takes one,
with the experiment's activity stamp after it. Anything else (a rename, a run not found,
a deleted run) is for `tracking.update_run` and its errors.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import bindparam, func, literal_column, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.events.model import CandidateChange
from labbook.store.candidates import changed, kept_unless_given, to_candidate, touch_experiment
from labbook.store.driver_sql import fetch_rows
from labbook.store.entities import Candidate, CandidateStatus


def _user() -> Any:
    """The run's user: its user tag (named by the `user_tag` parameter), else its creator's
    name, else "" (as `run_pages.RunDocument.user`). The run's columns are written out with
    their table: SQLite's RETURNING names its table's columns bare, which in a subquery
    would be the subquery's own (`candidate_metadata.id`)."""
    m, u = t.CandidateMetadata, t.User
    run: Any = literal_column("candidates.id")
    creator: Any = literal_column("candidates.creator_id")
    tag = select(m.value).where(m.candidate_id == run, m.name == bindparam("user_tag"))
    name = select(u.username).where(u.id == creator)
    return func.coalesce(tag.scalar_subquery(), name.scalar_subquery(), "").label("user")


@cache
def _end_statement() -> Any:
    """Status and end time of the live run `eid` in the project (an absent value keeps the
    column), RETURNING its columns and user."""
    c = t.Candidate.__table__.c
    keep = kept_unless_given("status", "end_time")
    live = (
        c.eid == bindparam("eid"),
        c.project_id == bindparam("project_id"),
        c.deleted_at.is_(None),
    )
    return update(t.Candidate).where(*live).values(**keep).returning(*c, _user())


async def end_live_run(
    session: AsyncSession,
    *,
    project_id: int,
    eid: str,
    status: CandidateStatus | None,
    end_time: int | None,
    user_tag: str,
) -> tuple[Candidate, str] | None:
    """The updated run and its user; None, changing nothing, if no live run has this id."""
    params = {"eid": eid, "project_id": project_id, "user_tag": user_tag, "new_end_time": end_time}
    params["new_status"] = None if status is None else status.value
    rows = await fetch_rows(session, "end_live_run", _end_statement, params)
    if not rows:
        return None
    candidate = to_candidate(rows[0], await touch_experiment(session, rows[0].experiment_id))
    return changed(session, CandidateChange.UPDATED, candidate), rows[0].user
