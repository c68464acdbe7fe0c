"""Candidate params (write-once) and metadata (MLflow tags; set overwrites)."""

from __future__ import annotations

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.errors import InvalidParameterError, NotFoundError
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


async def log_params(
    session: AsyncSession, *, candidate_id: int, params: list[KeyValue], run: str = ""
) -> None:
    """Insert new params; the same value again is a no-op, a different one an error."""
    wanted = _unique_params(params, run)
    if not wanted:
        return
    stmt = select(t.CandidateParam.name, t.CandidateParam.value).where(
        t.CandidateParam.candidate_id == candidate_id, t.CandidateParam.name.in_(wanted)
    )
    for name, old in (await session.execute(stmt)).all():
        if old != wanted.pop(name):
            raise InvalidParameterError(
                f"Changing param values is not allowed. Param with key='{name}' was already logged"
                f" with value='{old}' for run ID='{run}'. Attempted logging new value"
                f" '{ {p.name: p.value for p in params}[name] }'."
            )
    if wanted:
        rows = [{"candidate_id": candidate_id, "name": k, "value": v} for k, v in wanted.items()]
        await session.execute(insert(session, t.CandidateParam).on_conflict_do_nothing(), rows)
        await candidate_updated(session, candidate_id=candidate_id)


async def set_metadata(
    session: AsyncSession, *, candidate_id: int, entries: list[KeyValue]
) -> None:
    """Upsert tags (last one wins within a batch); the note tag is also the description."""
    latest = {}
    for e in entries:
        check_key(e.name, what="Tag")
        latest[e.name] = check_value(e.value, limit=MAX_TAG_VALUE, what="Tag")
    if not latest:
        return
    rows = [{"candidate_id": candidate_id, "name": k, "value": v} for k, v in latest.items()]
    stmt = insert(session, t.CandidateMetadata)
    stmt = stmt.on_conflict_do_update(
        index_elements=["candidate_id", "name"], set_={"value": stmt.excluded.value}
    )
    await session.execute(stmt, rows)
    await candidate_updated(session, candidate_id=candidate_id)
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
