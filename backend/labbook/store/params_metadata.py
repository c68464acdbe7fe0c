"""Candidate params (write-once) and metadata (MLflow tags; set overwrites)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.errors import InvalidParameterError, NotFoundError
from labbook.events.model import CandidateChange, CandidateChanged
from labbook.events.record import record
from labbook.store.driver_sql import driver_statement, execute_many, insert_returning
from labbook.store.entities import KeyValue
from labbook.store.events import candidate_updated
from labbook.store.limits import MAX_PARAM_VALUE, MAX_TAG_VALUE, check_key, check_value
from labbook.store.plain_rows import plain_rows
from labbook.store.sql import insert

KeyValueTable = type[t.CandidateParam] | type[t.CandidateMetadata]
NOTE_TAG = "mlflow.note.content"  # MLflow keeps a run's description in this tag


def _unique_params(params: list[KeyValue], run: str) -> dict[str, str]:
    seen: dict[str, str] = {}
    for p in params:
        check_key(p.name, what="Param")
        check_value(p.value, limit=MAX_PARAM_VALUE, what="Param")
        if seen.setdefault(p.name, p.value) != p.value:
            raise InvalidParameterError(
                f"Duplicate parameter keys with different values in the request for run {run}: "
                f"'{p.name}'"
            )
    return seen


async def _updated(session: AsyncSession, candidate_id: int, experiment_id: int | None) -> None:
    if experiment_id is None:  # looked up, at the cost of a query
        await candidate_updated(session, candidate_id=candidate_id)
    else:
        record(session, CandidateChanged(CandidateChange.UPDATED, candidate_id, experiment_id))


async def _check_unchanged(
    session: AsyncSession, candidate_id: int, kept: dict[str, str], run: str
) -> None:
    """Params the insert skipped were logged before: only with the same value."""
    p = t.CandidateParam
    stmt = select(p.name, p.value).where(p.candidate_id == candidate_id, p.name.in_(kept))
    for name, old in (await session.execute(stmt)).all():
        if old != kept[name]:
            raise InvalidParameterError(
                f"Changing param values is not allowed. Param with key='{name}' was already logged"
                f" with value='{old}' for run ID='{run}'. Attempted logging new value"
                f" '{kept[name]}'."
            )


_KEY_VALUE_COLUMNS = (("candidate_id", "integer"), ("name", "varchar"), ("value", "text"))


async def log_params(
    session: AsyncSession,
    *,
    candidate_id: int,
    params: list[KeyValue],
    run: str = "",
    experiment_id: int | None = None,
) -> None:
    """Insert new params; the same value again is a no-op, a different one an error (and the
    caller's transaction, holding the new ones, rolls back)."""
    wanted = _unique_params(params, run)
    if not wanted:
        return
    added = await insert_returning(
        session,
        into="candidate_params",
        columns=_KEY_VALUE_COLUMNS,
        rows=[(candidate_id, k, v) for k, v in sorted(wanted.items())],
        tail="ON CONFLICT DO NOTHING RETURNING name",
    )
    if len(added) < len(wanted):
        new = {name for (name,) in added}
        kept = {k: v for k, v in wanted.items() if k not in new}
        await _check_unchanged(session, candidate_id, kept, run)
    if added:
        await _updated(session, candidate_id, experiment_id)


def _metadata_upsert(session: AsyncSession) -> Any:
    stmt = insert(session, t.CandidateMetadata)
    return stmt.on_conflict_do_update(
        index_elements=["candidate_id", "name"], set_={"value": stmt.excluded.value}
    )


async def set_metadata(
    session: AsyncSession,
    *,
    candidate_id: int,
    entries: list[KeyValue],
    experiment_id: int | None = None,
) -> None:
    """Upsert tags (last one wins within a batch); the note tag is also the description."""
    latest = {}
    for e in entries:
        check_key(e.name, what="Tag")
        latest[e.name] = check_value(e.value, limit=MAX_TAG_VALUE, what="Tag")
    if not latest:
        return
    columns = ("candidate_id", "name", "value")
    rows = [(candidate_id, *kv) for kv in sorted(latest.items())]
    stmt = driver_statement(session, "candidate_metadata_upsert", _metadata_upsert, columns)
    await execute_many(session, stmt, rows)
    await _updated(session, candidate_id, experiment_id)
    if NOTE_TAG in latest:
        await _set_description(session, candidate_id, latest[NOTE_TAG])


async def _set_description(session: AsyncSession, candidate_id: int, text: str) -> None:
    stmt = update(t.Candidate).where(t.Candidate.id == candidate_id).values(description=text)
    await session.execute(stmt)


async def delete_metadata(session: AsyncSession, *, candidate_id: int, name: str) -> None:
    stmt = delete(t.CandidateMetadata).where(
        t.CandidateMetadata.candidate_id == candidate_id, t.CandidateMetadata.name == name
    )
    if (await session.execute(stmt)).rowcount == 0:  # type: ignore[attr-defined]
        raise NotFoundError(f"No tag with name: {name} in run")
    await candidate_updated(session, candidate_id=candidate_id)
    if name == NOTE_TAG:
        await _set_description(session, candidate_id, "")


async def _by_candidate(
    session: AsyncSession, table: KeyValueTable, ids: list[int]
) -> dict[int, list[KeyValue]]:
    stmt = (
        select(table.candidate_id, table.name, table.value)
        .where(table.candidate_id.in_(ids))
        .order_by(table.candidate_id, table.name)
    )
    result: dict[int, list[KeyValue]] = {i: [] for i in ids}
    for candidate_id, name, value in await plain_rows(session, stmt):
        result[candidate_id].append(KeyValue(name=name, value=value))
    return result


async def params_of(
    session: AsyncSession, *, candidate_ids: list[int]
) -> dict[int, list[KeyValue]]:
    return await _by_candidate(session, t.CandidateParam, candidate_ids)


async def metadata_of(
    session: AsyncSession, *, candidate_ids: list[int]
) -> dict[int, list[KeyValue]]:
    return await _by_candidate(session, t.CandidateMetadata, candidate_ids)
