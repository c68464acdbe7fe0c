"""Registered models (the model registry): create, find by name, rename, describe, delete;
their tags and aliases. Names are unique per project; versions live in `model_versions`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.db.tables import utcnow
from labbook.errors import AlreadyExistsError, InvalidParameterError, NotFoundError
from labbook.store.entities import KeyValue, ModelVersion, RegisteredModel
from labbook.store.model_versions import (
    find_model_row,
    get_version,
    latest_versions_of,
    load_versions,
    upsert_tag,
    version_query,
)
from labbook.store.sql import insert

R, A = t.RegisteredModel, t.RegisteredModelAlias
MAX_NAME = 256
MAX_ALIAS = 255
_ALIAS = re.compile(r"^[\w\-]+$")
_VERSION_ALIAS = re.compile(r"^[vV]\d+$")


def check_model_name(name: str) -> str:
    if not name.strip():
        raise InvalidParameterError("Registered model name must not be empty", field="name")
    if "/" in name or ":" in name:
        raise InvalidParameterError(
            f"Invalid model name '{name}'. Names cannot contain '/' or ':'.", field="name"
        )
    if len(name) > MAX_NAME:
        raise InvalidParameterError(f"Model name exceeds {MAX_NAME} characters", field="name")
    return name


def check_alias(alias: str) -> str:
    """MLflow's rules: word characters and dashes; `latest` and `v<digits>` are reserved."""
    if not _ALIAS.match(alias) or len(alias) > MAX_ALIAS:
        raise InvalidParameterError(
            f"Invalid alias name: '{alias}'. Names may only contain alphanumerics, underscores"
            f" (_), and dashes (-), up to {MAX_ALIAS} characters.",
            field="alias",
        )
    if alias.lower() == "latest" or _VERSION_ALIAS.match(alias):
        raise InvalidParameterError(f"Alias name '{alias}' is reserved.", field="alias")
    return alias


async def _tags(session: AsyncSession, ids: list[int]) -> dict[int, list[KeyValue]]:
    tag = t.RegisteredModelTag
    stmt = select(tag).where(tag.registered_model_id.in_(ids)).order_by(tag.name)
    found: dict[int, list[KeyValue]] = {i: [] for i in ids}
    for row in await session.scalars(stmt):
        found[row.registered_model_id].append(KeyValue(name=row.name, value=row.value))
    return found


async def _aliases(session: AsyncSession, ids: list[int]) -> dict[int, list[tuple[str, int]]]:
    stmt = select(A.registered_model_id, A.alias, t.ModelVersion.version)
    stmt = stmt.join(t.ModelVersion, t.ModelVersion.id == A.model_version_id)
    found: dict[int, list[tuple[str, int]]] = {i: [] for i in ids}
    for model_id, alias, version in await session.execute(
        stmt.where(A.registered_model_id.in_(ids)).order_by(A.alias)
    ):
        found[model_id].append((alias, version))
    return found


async def load_models(
    session: AsyncSession, rows: Sequence[t.RegisteredModel]
) -> list[RegisteredModel]:
    """Entities with tags, aliases and latest versions, in a fixed few statements."""
    ids = [row.id for row in rows]
    tags, aliases = await _tags(session, ids), await _aliases(session, ids)
    latest = await latest_versions_of(session, registered_model_ids=ids)
    return [
        RegisteredModel(
            id=row.id,
            project_id=row.project_id,
            name=row.name,
            description=row.description,
            created_at=row.created_at,
            updated_at=row.updated_at,
            tags=tuple(tags[row.id]),
            aliases=tuple(aliases[row.id]),
            latest_versions=tuple(latest[row.id]),
        )
        for row in rows
    ]


async def _name_taken(session: AsyncSession, project_id: int, name: str) -> bool:
    stmt = select(R.id).where(R.project_id == project_id, R.name == name)
    return await session.scalar(stmt) is not None


async def create_registered_model(
    session: AsyncSession,
    *,
    project_id: int,
    name: str,
    description: str = "",
    tags: Sequence[KeyValue] = (),
    creator_id: int | None = None,
) -> RegisteredModel:
    name = check_model_name(name)
    if await _name_taken(session, project_id, name):
        raise AlreadyExistsError(f"Registered Model (name={name}) already exists.")
    row = R(project_id=project_id, name=name, description=description, creator_id=creator_id)
    session.add(row)
    await session.flush()
    for tag in tags:
        await upsert_tag(session, t.RegisteredModelTag, {"registered_model_id": row.id}, tag)
    return (await load_models(session, [row]))[0]


async def get_registered_model(
    session: AsyncSession, *, project_id: int, name: str
) -> RegisteredModel:
    row = await find_model_row(session, project_id=project_id, name=name)
    return (await load_models(session, [row]))[0]


async def rename_registered_model(
    session: AsyncSession, *, project_id: int, name: str, new_name: str
) -> RegisteredModel:
    row = await find_model_row(session, project_id=project_id, name=name)
    new_name = check_model_name(new_name)
    if new_name != name and await _name_taken(session, project_id, new_name):
        raise AlreadyExistsError(f"Registered Model (name={new_name}) already exists.")
    row.name, row.updated_at = new_name, utcnow()
    await session.flush()
    return (await load_models(session, [row]))[0]


async def update_registered_model(
    session: AsyncSession, *, project_id: int, name: str, description: str
) -> RegisteredModel:
    row = await find_model_row(session, project_id=project_id, name=name)
    row.description, row.updated_at = description, utcnow()
    await session.flush()
    return (await load_models(session, [row]))[0]


async def delete_registered_model(session: AsyncSession, *, project_id: int, name: str) -> None:
    """For good, with its versions, tags and aliases; the versions' files stay where they are."""
    row = await find_model_row(session, project_id=project_id, name=name)
    await session.execute(delete(R).where(R.id == row.id))


async def set_registered_model_tag(
    session: AsyncSession, *, project_id: int, name: str, tag: KeyValue
) -> None:
    row = await find_model_row(session, project_id=project_id, name=name)
    await upsert_tag(session, t.RegisteredModelTag, {"registered_model_id": row.id}, tag)


async def delete_registered_model_tag(
    session: AsyncSession, *, project_id: int, name: str, key: str
) -> None:
    """Deleting a tag that is not there is no error, as in MLflow."""
    row = await find_model_row(session, project_id=project_id, name=name)
    tag = t.RegisteredModelTag
    await session.execute(delete(tag).where(tag.registered_model_id == row.id, tag.name == key))


async def set_alias(
    session: AsyncSession, *, project_id: int, name: str, alias: str, version: int
) -> None:
    """Point `alias` at a version (moving it if it pointed elsewhere)."""
    alias = check_alias(alias)
    target = await get_version(session, project_id=project_id, name=name, version=version)
    values = {
        "registered_model_id": target.registered_model_id,
        "alias": alias,
        "model_version_id": target.id,
    }
    stmt = insert(session, A).values(values)
    stmt = stmt.on_conflict_do_update(
        index_elements=["registered_model_id", "alias"], set_={"model_version_id": target.id}
    )
    await session.execute(stmt)


async def delete_alias(session: AsyncSession, *, project_id: int, name: str, alias: str) -> None:
    row = await find_model_row(session, project_id=project_id, name=name)
    await session.execute(delete(A).where(A.registered_model_id == row.id, A.alias == alias))


async def get_version_by_alias(
    session: AsyncSession, *, project_id: int, name: str, alias: str
) -> ModelVersion:
    row = await find_model_row(session, project_id=project_id, name=name)
    stmt = version_query().join(A, A.model_version_id == t.ModelVersion.id)
    rows = (
        await session.execute(stmt.where(A.registered_model_id == row.id, A.alias == alias))
    ).all()
    if not rows:
        raise NotFoundError(f"Registered model alias {alias} not found.")
    return (await load_versions(session, rows))[0]


async def latest_versions(
    session: AsyncSession, *, project_id: int, name: str, stages: Sequence[str] = ()
) -> list[ModelVersion]:
    row = await find_model_row(session, project_id=project_id, name=name)
    found = await latest_versions_of(session, registered_model_ids=[row.id], stages=stages)
    return found[row.id]
