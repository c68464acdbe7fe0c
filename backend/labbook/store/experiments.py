"""Experiments: create, find, rename, soft delete, restore, purge; their metadata."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.db.tables import utcnow
from labbook.errors import AlreadyExistsError, InvalidStateError, NotFoundError
from labbook.store.candidates import delete_experiment_candidates, restore_experiment_candidates
from labbook.store.driver_sql import fetch_rows
from labbook.store.entities import Experiment, KeyValue
from labbook.store.iids import next_iid
from labbook.store.limits import MAX_EXPERIMENT_NAME, MAX_TAG_VALUE, check_key, check_name
from labbook.store.limits import check_value as check_text

DEFAULT_NAME = "Default"


def to_experiment(row: Any) -> Experiment:
    """From the ORM row, or any row with the table's columns as attributes."""
    return Experiment(
        id=row.id,
        project_id=row.project_id,
        iid=row.iid,
        name=row.name,
        creator_id=row.creator_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
        last_activity_at=row.last_activity_at,
        deleted_at=row.deleted_at,
    )


async def _live_name_taken(session: AsyncSession, project_id: int, name: str) -> bool:
    stmt = select(t.Experiment.id).where(
        t.Experiment.project_id == project_id,
        t.Experiment.name == name,
        t.Experiment.deleted_at.is_(None),
    )
    return await session.scalar(stmt) is not None


async def create_experiment(
    session: AsyncSession,
    *,
    project_id: int,
    name: str,
    creator_id: int | None,
    metadata: list[KeyValue] | None = None,
) -> Experiment:
    name = check_name(name, limit=MAX_EXPERIMENT_NAME, what="Experiment")
    if await _live_name_taken(session, project_id, name):
        raise AlreadyExistsError(f"Experiment '{name}' already exists.")
    iid = await next_iid(session, project_id=project_id, kind="experiment")
    row = t.Experiment(project_id=project_id, iid=iid, name=name, creator_id=creator_id)
    session.add(row)
    await session.flush()
    for entry in metadata or []:
        await set_experiment_metadata(
            session, experiment_id=row.id, name=entry.name, value=entry.value
        )
    return to_experiment(row)


async def _one(session: AsyncSession, stmt: Select[t.Experiment], what: str) -> Experiment:
    row = await session.scalar(stmt)
    if row is None:
        raise NotFoundError(f"{what} does not exist.")
    return to_experiment(row)


@cache
def _by_iid() -> Select[Any]:
    e = t.Experiment
    stmt = select(*e.__table__.columns).where(e.project_id == bindparam("project_id"))
    return stmt.where(e.iid == bindparam("iid"))


async def get_experiment(session: AsyncSession, *, project_id: int, iid: int) -> Experiment:
    """By iid (the MLflow experiment id): compiled once, as every run created looks it up."""
    params = {"project_id": project_id, "iid": iid}
    rows = await fetch_rows(session, "experiment_by_iid", _by_iid, params)
    if not rows:
        raise NotFoundError(f"Experiment with id '{iid}' does not exist.")
    return to_experiment(rows[0])


async def get_experiment_by_id(session: AsyncSession, *, experiment_id: int) -> Experiment:
    stmt = select(t.Experiment).where(t.Experiment.id == experiment_id)
    return await _one(session, stmt, f"Experiment {experiment_id}")


async def get_experiments(
    session: AsyncSession, *, experiment_ids: list[int]
) -> dict[int, Experiment]:
    rows = await session.scalars(select(t.Experiment).where(t.Experiment.id.in_(experiment_ids)))
    return {row.id: to_experiment(row) for row in rows}


@cache
def _live_by_name() -> Select[Any]:
    e = t.Experiment
    stmt = select(*e.__table__.columns).where(e.project_id == bindparam("project_id"))
    return stmt.where(e.name == bindparam("name"), e.deleted_at.is_(None))


async def find_experiment_by_name(
    session: AsyncSession, *, project_id: int, name: str
) -> Experiment | None:
    """The live experiment with this name, or None: compiled once, as every run created in
    experiment "0" looks up `Default`."""
    params = {"project_id": project_id, "name": name}
    rows = await fetch_rows(session, "live_experiment_by_name", _live_by_name, params)
    return to_experiment(rows[0]) if rows else None


async def get_or_create_default(
    session: AsyncSession, *, project_id: int, creator_id: int | None
) -> Experiment:
    """MLflow's experiment "0": the project's experiment named `Default`."""
    found = await find_experiment_by_name(session, project_id=project_id, name=DEFAULT_NAME)
    if found is not None:
        return found
    try:
        return await create_experiment(
            session, project_id=project_id, name=DEFAULT_NAME, creator_id=creator_id
        )
    except AlreadyExistsError:  # a concurrent request committed it since the lookup
        found = await find_experiment_by_name(session, project_id=project_id, name=DEFAULT_NAME)
        if found is None:
            raise
        return found


async def _row(session: AsyncSession, experiment_id: int) -> t.Experiment:
    row = await session.get(t.Experiment, experiment_id)
    if row is None:
        raise NotFoundError(f"Experiment {experiment_id} does not exist.")
    return row


async def rename_experiment(session: AsyncSession, *, experiment_id: int, name: str) -> Experiment:
    row = await _row(session, experiment_id)
    name = check_name(name, limit=MAX_EXPERIMENT_NAME, what="Experiment")
    if name != row.name and await _live_name_taken(session, row.project_id, name):
        raise AlreadyExistsError(f"Experiment '{name}' already exists.")
    row.name = name
    await session.flush()
    return to_experiment(row)


async def delete_experiment(session: AsyncSession, *, experiment_id: int) -> Experiment:
    """Soft delete, as MLflow does: the experiment and its live candidates, all stamped with
    one time, so restoring brings back exactly those (not candidates deleted earlier)."""
    row = await _row(session, experiment_id)
    if row.deleted_at is None:
        row.deleted_at = utcnow()
        await session.flush()
        await delete_experiment_candidates(session, experiment_id=row.id, at=row.deleted_at)
    return to_experiment(row)


async def restore_experiment(session: AsyncSession, *, experiment_id: int) -> Experiment:
    row = await _row(session, experiment_id)
    if row.deleted_at is not None:
        if await _live_name_taken(session, row.project_id, row.name):
            raise InvalidStateError(
                f"Another live experiment is named '{row.name}'; rename it first."
            )
        await restore_experiment_candidates(session, experiment_id=row.id, at=row.deleted_at)
        row.deleted_at = None
        await session.flush()
    return to_experiment(row)


async def purge_experiment(session: AsyncSession, *, experiment_id: int) -> None:
    """Remove for good, with its candidates and their data (cascades)."""
    await session.delete(await _row(session, experiment_id))
    await session.flush()


async def set_experiment_metadata(
    session: AsyncSession, *, experiment_id: int, name: str, value: str
) -> None:
    check_key(name, what="Tag")
    check_text(value, limit=MAX_TAG_VALUE, what="Tag")
    stmt = select(t.ExperimentMetadata).where(
        t.ExperimentMetadata.experiment_id == experiment_id, t.ExperimentMetadata.name == name
    )
    row = await session.scalar(stmt)
    if row is None:
        session.add(t.ExperimentMetadata(experiment_id=experiment_id, name=name, value=value))
    else:
        row.value = value
    await session.flush()


async def delete_experiment_metadata(
    session: AsyncSession, *, experiment_id: int, name: str
) -> None:
    stmt = select(t.ExperimentMetadata).where(
        t.ExperimentMetadata.experiment_id == experiment_id, t.ExperimentMetadata.name == name
    )
    row = await session.scalar(stmt)
    if row is None:
        raise NotFoundError(f"No tag with name: {name} in experiment {experiment_id}.")
    await session.delete(row)


async def experiment_metadata(
    session: AsyncSession, *, experiment_ids: list[int]
) -> dict[int, list[KeyValue]]:
    stmt = (
        select(t.ExperimentMetadata)
        .where(t.ExperimentMetadata.experiment_id.in_(experiment_ids))
        .order_by(t.ExperimentMetadata.name)
    )
    result: dict[int, list[KeyValue]] = {i: [] for i in experiment_ids}
    for row in await session.scalars(stmt):
        result[row.experiment_id].append(KeyValue(name=row.name, value=row.value))
    return result


async def list_experiments(
    session: AsyncSession, *, project_id: int, include_deleted: bool = False, search: str = ""
) -> list[Experiment]:
    """All experiments of a project, newest first (adapters paginate with `store.pages`)."""
    stmt = select(t.Experiment).where(t.Experiment.project_id == project_id)
    if not include_deleted:
        stmt = stmt.where(t.Experiment.deleted_at.is_(None))
    if search:
        stmt = stmt.where(t.Experiment.name.icontains(search, autoescape=True))
    rows = await session.scalars(stmt.order_by(t.Experiment.id.desc()))
    return [to_experiment(row) for row in rows]


async def candidate_counts(session: AsyncSession, *, experiment_ids: list[int]) -> dict[int, int]:
    """Live candidates per experiment."""
    stmt = (
        select(t.Candidate.experiment_id, func.count())
        .where(t.Candidate.experiment_id.in_(experiment_ids), t.Candidate.deleted_at.is_(None))
        .group_by(t.Candidate.experiment_id)
    )
    counts: dict[int, int] = dict((await session.execute(stmt)).all())
    return {i: counts.get(i, 0) for i in experiment_ids}
