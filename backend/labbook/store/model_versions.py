"""Model versions of the registry: create, find, describe, move between stages, tag, delete,
and load in bulk (with tags and aliases) for a page of versions or of registered models.

Versions are numbered 1, 2, … per registered model and never reuse a deleted number. Files are
never copied: a version points at the folder its source resolved to (`model_version_sources`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.db.tables import utcnow
from labbook.errors import InvalidParameterError, NotFoundError
from labbook.store.entities import KeyValue, ModelVersion
from labbook.store.limits import check_key, check_value
from labbook.store.sql import insert

V, R = t.ModelVersion, t.RegisteredModel
STAGES = ("None", "Staging", "Production", "Archived")
ACTIVE_STAGES = ("Staging", "Production")
MAX_REGISTRY_TAG_VALUE = 100_000  # MLflow's limit for registry tags
CHUNK = 10_000


@dataclass(frozen=True, slots=True, kw_only=True)
class VersionSource:
    """What a version's source resolved to (`model_version_sources`)."""

    run_id: str | None
    logged_model_id: int | None
    artifact_path: str


def canonical_stage(stage: str) -> str:
    """MLflow's stage names, matched without regard to case."""
    for name in STAGES:
        if name.lower() == stage.lower():
            return name
    raise InvalidParameterError(
        f"Invalid Model Version stage: {stage}. Value must be one of {', '.join(STAGES)}.",
        field="stage",
    )


async def find_model_row(session: AsyncSession, *, project_id: int, name: str) -> t.RegisteredModel:
    row = await session.scalar(select(R).where(R.project_id == project_id, R.name == name))
    if row is None:
        raise NotFoundError(f"Registered Model with name={name} not found")
    return row


def version_query() -> Select[t.ModelVersion, str, str | None]:
    """Versions with their registered model's name and their logged model's id."""
    return (
        select(V, R.name, t.LoggedModel.model_id)
        .join(R, R.id == V.registered_model_id)
        .outerjoin(t.LoggedModel, t.LoggedModel.id == V.logged_model_id)
    )


async def _tags(session: AsyncSession, ids: list[int]) -> dict[int, list[KeyValue]]:
    stmt = select(t.ModelVersionTag).where(t.ModelVersionTag.model_version_id.in_(ids))
    found: dict[int, list[KeyValue]] = {i: [] for i in ids}
    for row in await session.scalars(stmt.order_by(t.ModelVersionTag.name)):
        found[row.model_version_id].append(KeyValue(name=row.name, value=row.value))
    return found


async def _aliases(session: AsyncSession, ids: list[int]) -> dict[int, list[str]]:
    a = t.RegisteredModelAlias
    stmt = select(a.model_version_id, a.alias).where(a.model_version_id.in_(ids))
    found: dict[int, list[str]] = {i: [] for i in ids}
    for version_id, alias in (await session.execute(stmt.order_by(a.alias))).all():
        found[version_id].append(alias)
    return found


async def load_versions(session: AsyncSession, rows: Sequence[Any]) -> list[ModelVersion]:
    """Entities for `version_query()` rows, with tags and aliases in two statements per chunk
    (a page may hold 200,000 versions; a statement takes at most 32,767 bound values)."""
    found: list[ModelVersion] = []
    for start in range(0, len(rows), CHUNK):
        found += await _load_chunk(session, rows[start : start + CHUNK])
    return found


async def _load_chunk(session: AsyncSession, rows: Sequence[Any]) -> list[ModelVersion]:
    ids = [row[0].id for row in rows]
    tags, aliases = await _tags(session, ids), await _aliases(session, ids)
    return [
        ModelVersion(
            id=row.id,
            registered_model_id=row.registered_model_id,
            name=name,
            version=row.version,
            description=row.description,
            source=row.source,
            run_id=row.run_id,
            model_id=model_id,
            stage=row.stage,
            run_link=row.run_link,
            artifact_path=row.artifact_path,
            created_at=row.created_at,
            updated_at=row.updated_at,
            tags=tuple(tags[row.id]),
            aliases=tuple(aliases[row.id]),
        )
        for row, name, model_id in rows
    ]


async def get_version(
    session: AsyncSession, *, project_id: int, name: str, version: int
) -> ModelVersion:
    stmt = version_query().where(R.project_id == project_id, R.name == name, V.version == version)
    rows = (await session.execute(stmt)).all()
    if not rows:
        raise NotFoundError(f"Model Version (name={name}, version={version}) not found")
    return (await load_versions(session, rows))[0]


async def _version_row(
    session: AsyncSession, *, project_id: int, name: str, version: int
) -> t.ModelVersion:
    stmt = select(V).join(R, R.id == V.registered_model_id)
    stmt = stmt.where(R.project_id == project_id, R.name == name, V.version == version)
    row = await session.scalar(stmt)
    if row is None:
        raise NotFoundError(f"Model Version (name={name}, version={version}) not found")
    return row


async def _next_version(session: AsyncSession, registered_model_id: int) -> int:
    """UPDATE … RETURNING: the row lock (or SQLite's write lock) serializes concurrent creates."""
    stmt = (
        update(R)
        .where(R.id == registered_model_id)
        .values(last_version=R.last_version + 1, updated_at=utcnow())
        .returning(R.last_version)
    )
    return int((await session.execute(stmt)).scalar_one())


async def create_version(
    session: AsyncSession,
    *,
    project_id: int,
    name: str,
    source: str,
    found: VersionSource,
    description: str = "",
    run_link: str = "",
    tags: Sequence[KeyValue] = (),
    creator_id: int | None = None,
) -> ModelVersion:
    """A new version of `name`, READY at once (its files exist already)."""
    model = await find_model_row(session, project_id=project_id, name=name)
    row = V(
        registered_model_id=model.id,
        version=await _next_version(session, model.id),
        description=description,
        source=source,
        run_id=found.run_id,
        logged_model_id=found.logged_model_id,
        run_link=run_link,
        artifact_path=found.artifact_path,
        creator_id=creator_id,
    )
    session.add(row)
    await session.flush()
    await set_version_tags(session, model_version_id=row.id, tags=tags)
    return await get_version(session, project_id=project_id, name=name, version=row.version)


async def update_version(
    session: AsyncSession, *, project_id: int, name: str, version: int, description: str
) -> ModelVersion:
    row = await _version_row(session, project_id=project_id, name=name, version=version)
    row.description = description
    row.updated_at = utcnow()
    await session.flush()
    return await get_version(session, project_id=project_id, name=name, version=version)


async def transition_stage(
    session: AsyncSession,
    *,
    project_id: int,
    name: str,
    version: int,
    stage: str,
    archive_existing: bool = False,
) -> ModelVersion:
    """Move a version to a stage; `archive_existing` archives the others in that stage."""
    stage = canonical_stage(stage)
    if archive_existing and stage not in ACTIVE_STAGES:
        raise InvalidParameterError(
            f"Model version transition cannot archive existing model versions because"
            f" '{stage}' is not an Active stage. Valid stages are {', '.join(ACTIVE_STAGES)}.",
            field="archive_existing_versions",
        )
    row = await _version_row(session, project_id=project_id, name=name, version=version)
    if archive_existing:
        others = update(V).where(
            V.registered_model_id == row.registered_model_id, V.stage == stage, V.id != row.id
        )
        await session.execute(others.values(stage="Archived", updated_at=utcnow()))
    row.stage, row.updated_at = stage, utcnow()
    await session.flush()
    return await get_version(session, project_id=project_id, name=name, version=version)


async def delete_version(
    session: AsyncSession, *, project_id: int, name: str, version: int
) -> None:
    """For good, with its tags and aliases (as MLflow); the number is not reused."""
    row = await _version_row(session, project_id=project_id, name=name, version=version)
    await session.execute(delete(V).where(V.id == row.id))


async def set_version_tags(
    session: AsyncSession, *, model_version_id: int, tags: Sequence[KeyValue]
) -> None:
    for tag in tags:
        await upsert_tag(session, t.ModelVersionTag, {"model_version_id": model_version_id}, tag)


async def upsert_tag(
    session: AsyncSession, table: Any, owner: dict[str, int], tag: KeyValue
) -> None:
    """Set overwrites; `owner` is the one owning column (`{"model_version_id": 3}`)."""
    value = check_value(tag.value, limit=MAX_REGISTRY_TAG_VALUE, what="Tag")
    values = {**owner, "name": check_key(tag.name, what="Tag"), "value": value}
    stmt = insert(session, table).values(values)
    stmt = stmt.on_conflict_do_update(index_elements=[*owner, "name"], set_={"value": value})
    await session.execute(stmt)


async def delete_version_tag(
    session: AsyncSession, *, project_id: int, name: str, version: int, key: str
) -> None:
    """Deleting a tag that is not there is no error, as in MLflow."""
    row = await _version_row(session, project_id=project_id, name=name, version=version)
    tag = t.ModelVersionTag
    await session.execute(delete(tag).where(tag.model_version_id == row.id, tag.name == key))


async def latest_versions_of(
    session: AsyncSession, *, registered_model_ids: list[int], stages: Sequence[str] = ()
) -> dict[int, list[ModelVersion]]:
    """Per registered model, its highest version in each stage (or in the given stages)."""
    newest = select(V.registered_model_id, V.stage, func.max(V.version).label("version"))
    newest = newest.where(V.registered_model_id.in_(registered_model_ids))
    if stages:
        newest = newest.where(V.stage.in_([canonical_stage(s) for s in stages]))
    picked = newest.group_by(V.registered_model_id, V.stage).subquery()
    stmt = version_query().join(
        picked,
        (picked.c.registered_model_id == V.registered_model_id) & (picked.c.version == V.version),
    )
    found: dict[int, list[ModelVersion]] = {i: [] for i in registered_model_ids}
    rows = (await session.execute(stmt.order_by(V.version))).all()
    for version in await load_versions(session, rows):
        found[version.registered_model_id].append(version)
    return found
