"""Candidates (MLflow runs): create, find, update, soft delete, restore, purge."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.db.tables import UTCDateTime, utcnow
from labbook.errors import InvalidParameterError, InvalidStateError, NotFoundError
from labbook.events.model import CandidateChange, CandidateChanged
from labbook.events.record import record
from labbook.store.driver_sql import fetch_rows
from labbook.store.entities import Candidate, CandidateStatus, Experiment
from labbook.store.iids import new_eid, next_iid
from labbook.store.limits import MAX_RUN_NAME


def to_candidate(row: Any, experiment_iid: int) -> Candidate:
    """From the ORM row, or any row with the table's columns as attributes."""
    return Candidate(
        id=row.id,
        project_id=row.project_id,
        experiment_id=row.experiment_id,
        experiment_iid=experiment_iid,
        iid=row.iid,
        eid=row.eid,
        name=row.name,
        description=row.description,
        status=CandidateStatus(row.status),
        start_time=row.start_time,
        end_time=row.end_time,
        creator_id=row.creator_id,
        parent_id=row.parent_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        deleted_at=row.deleted_at,
    )


def candidate_query() -> Select[t.Candidate, int]:
    """Candidates with their experiment's iid (needed for artifact URIs and links)."""
    return select(t.Candidate, t.Experiment.iid).join(
        t.Experiment, t.Experiment.id == t.Candidate.experiment_id
    )


def to_candidates(rows: Sequence[Any]) -> list[Candidate]:
    return [to_candidate(row, iid) for row, iid in rows]


def check_run_name(name: str) -> str:
    if len(name) > MAX_RUN_NAME:
        raise InvalidParameterError(f"Run name exceeds {MAX_RUN_NAME} characters", field="name")
    return name


async def create_candidate(
    session: AsyncSession,
    *,
    experiment: Experiment,
    name: str,
    creator_id: int | None,
    start_time: int | None,
    status: CandidateStatus = CandidateStatus.RUNNING,
    parent_id: int | None = None,
) -> Candidate:
    if experiment.deleted_at is not None:
        raise InvalidStateError(f"Experiment '{experiment.name}' is deleted.")
    iid = await next_iid(session, project_id=experiment.project_id, kind="candidate")
    values = {
        "experiment_id": experiment.id,
        "project_id": experiment.project_id,
        "iid": iid,
        "eid": new_eid(),
        "name": check_run_name(name),
        "status": status.value,
        "start_time": start_time,
        "creator_id": creator_id,
        "parent_id": parent_id,
    }
    params = {f"new_{k}": v for k, v in values.items()}
    row = (await fetch_rows(session, "insert_candidate", _insert_statement, params))[0]
    await touch_experiment(session, experiment.id)
    return changed(session, CandidateChange.CREATED, to_candidate(row, experiment.iid))


@cache
def _insert_statement() -> Any:
    """INSERT … RETURNING, compiled once: every MLflow run starts here."""
    c = t.Candidate.__table__.c
    names = ["experiment_id", "project_id", "iid", "eid", "name", "status", "start_time"]
    names += ["creator_id", "parent_id"]
    values = {k: bindparam(f"new_{k}", type_=c[k].type) for k in names}
    return insert(t.Candidate).values(values).returning(*c)


async def _one(session: AsyncSession, stmt: Select[t.Candidate, int], what: str) -> Candidate:
    found = (await session.execute(stmt)).first()
    if found is None:
        raise NotFoundError(f"{what} not found")
    return to_candidate(found[0], found[1])


@cache
def _by_eid(scoped: bool) -> Select[Any]:
    """Columns, not an ORM entity, run by the driver: every MLflow write looks its run up."""
    columns = [*t.Candidate.__table__.columns, t.Experiment.iid.label("experiment_iid")]
    stmt = select(*columns).join(t.Experiment, t.Experiment.id == t.Candidate.experiment_id)
    stmt = stmt.where(t.Candidate.eid == bindparam("eid"))
    return stmt.where(t.Candidate.project_id == bindparam("project_id")) if scoped else stmt


async def get_candidate(
    session: AsyncSession, *, eid: str, project_id: int | None = None
) -> Candidate:
    """A candidate by MLflow run id; with `project_id`, only within that project."""
    scoped = project_id is not None
    params = {"eid": eid, "project_id": project_id}
    rows = await fetch_rows(session, f"candidate_by_eid_{scoped}", lambda: _by_eid(scoped), params)
    if not rows:
        raise NotFoundError(f"Run with id={eid} not found")
    return to_candidate(rows[0], rows[0].experiment_iid)


async def get_candidate_by_iid(session: AsyncSession, *, project_id: int, iid: int) -> Candidate:
    stmt = candidate_query().where(t.Candidate.project_id == project_id, t.Candidate.iid == iid)
    return await _one(session, stmt, f"Candidate {iid}")


async def get_candidates(
    session: AsyncSession, *, candidate_ids: list[int]
) -> dict[int, Candidate]:
    rows = (await session.execute(candidate_query().where(t.Candidate.id.in_(candidate_ids)))).all()
    return {c.id: c for c in to_candidates(rows)}


async def list_children(
    session: AsyncSession, *, parent_ids: list[int]
) -> dict[int, list[Candidate]]:
    stmt = candidate_query().where(t.Candidate.parent_id.in_(parent_ids)).order_by(t.Candidate.iid)
    result: dict[int, list[Candidate]] = {i: [] for i in parent_ids}
    for child in to_candidates((await session.execute(stmt)).all()):
        result[child.parent_id or 0].append(child)
    return result


async def _row(session: AsyncSession, candidate_id: int) -> t.Candidate:
    row = await session.get(t.Candidate, candidate_id)
    if row is None:
        raise NotFoundError(f"Candidate {candidate_id} not found")
    return row


@cache
def _touch_statement() -> Any:
    e = t.Experiment
    stmt = update(e).where(e.id == bindparam("experiment_id"))
    return stmt.values(last_activity_at=bindparam("now", type_=UTCDateTime)).returning(e.iid)


async def touch_experiment(session: AsyncSession, experiment_id: int) -> int:
    """A candidate changed: that is the experiment's last activity. Returns the iid."""
    params = {"experiment_id": experiment_id, "now": utcnow()}
    rows = await fetch_rows(session, "touch_experiment", _touch_statement, params)
    return int(rows[0].iid)


async def _entity(session: AsyncSession, row: t.Candidate) -> Candidate:
    await session.flush()
    return to_candidate(row, await touch_experiment(session, row.experiment_id))


def changed(session: AsyncSession, kind: CandidateChange, candidate: Candidate) -> Candidate:
    """Record the change for live subscribers (published if the transaction commits)."""
    event = CandidateChanged(
        kind=kind, candidate_id=candidate.id, experiment_id=candidate.experiment_id
    )
    record(session, event)
    return candidate


def ensure_live(candidate: Candidate) -> None:
    """Writes to a deleted run are refused, as MLflow does."""
    if candidate.deleted_at is not None:
        raise InvalidStateError(
            f"The run {candidate.eid} must be in the 'active' state. Current state is deleted."
        )


def kept_unless_given(*names: str) -> dict[str, Any]:
    """An UPDATE's values for candidate columns `names`: the parameter `new_<name>`, or the
    column's own value when that parameter is NULL (absent)."""
    c = t.Candidate.__table__.c
    return {k: func.coalesce(bindparam(f"new_{k}", type_=c[k].type), c[k]) for k in names}


@cache
def _update_statement() -> Any:
    """One UPDATE … RETURNING for every change: an absent (NULL) value keeps the column."""
    c = t.Candidate
    keep = kept_unless_given("name", "status", "end_time", "description")
    stmt = update(c).where(c.id == bindparam("candidate_id")).values(**keep)
    return stmt.returning(*c.__table__.columns)


async def update_candidate(
    session: AsyncSession,
    *,
    candidate_id: int,
    name: str | None = None,
    status: CandidateStatus | None = None,
    end_time: int | None = None,
    description: str | None = None,
) -> Candidate:
    params = {
        "candidate_id": candidate_id,
        "new_name": None if name is None else check_run_name(name),
        "new_status": None if status is None else status.value,
        "new_end_time": end_time,
        "new_description": description,
    }
    rows = await fetch_rows(session, "update_candidate", _update_statement, params)
    if not rows:
        raise NotFoundError(f"Candidate {candidate_id} not found")
    row = rows[0]
    candidate = to_candidate(row, await touch_experiment(session, row.experiment_id))
    return changed(session, CandidateChange.UPDATED, candidate)


async def delete_candidate(session: AsyncSession, *, candidate_id: int) -> Candidate:
    row = await _row(session, candidate_id)
    row.deleted_at = row.deleted_at or utcnow()
    return changed(session, CandidateChange.DELETED, await _entity(session, row))


async def restore_candidate(session: AsyncSession, *, candidate_id: int) -> Candidate:
    row = await _row(session, candidate_id)
    row.deleted_at = None
    return changed(session, CandidateChange.UPDATED, await _entity(session, row))


async def delete_experiment_candidates(
    session: AsyncSession, *, experiment_id: int, at: datetime
) -> None:
    """The live candidates of an experiment being deleted, stamped with its deletion time."""
    stmt = update(t.Candidate).where(
        t.Candidate.experiment_id == experiment_id, t.Candidate.deleted_at.is_(None)
    )
    await session.execute(stmt.values(deleted_at=at).execution_options(synchronize_session=False))


async def restore_experiment_candidates(
    session: AsyncSession, *, experiment_id: int, at: datetime
) -> None:
    """The candidates deleted together with their experiment (same time stamp), live again."""
    stmt = update(t.Candidate).where(
        t.Candidate.experiment_id == experiment_id, t.Candidate.deleted_at == at
    )
    await session.execute(stmt.values(deleted_at=None).execution_options(synchronize_session=False))


async def purge_candidate(session: AsyncSession, *, candidate_id: int) -> None:
    await session.delete(await _row(session, candidate_id))
    await session.flush()


async def list_candidates(
    session: AsyncSession, *, experiment_id: int, include_deleted: bool = False
) -> list[Candidate]:
    """Every candidate of an experiment, newest first; search and pages live in `search`."""
    stmt = candidate_query().where(t.Candidate.experiment_id == experiment_id)
    if not include_deleted:
        stmt = stmt.where(t.Candidate.deleted_at.is_(None))
    rows = (await session.execute(stmt.order_by(t.Candidate.iid.desc()))).all()
    return to_candidates(rows)
