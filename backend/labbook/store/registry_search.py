"""Searching the registry (MLflow `registered-models/search`, `model-versions/search`) with the
shared filter language.

Registered models filter on `name` and `tags.<key>`, and order by `name` (the default),
`creation_timestamp` or `last_updated_timestamp`. Versions filter on `name`,
`version_number`, `run_id`, `source_path` and `tags.<key>`, and order by those names plus the
timestamps (default: last updated first, then name, then newest version). A tag compared with
`!=` also matches entities without the tag: the client appends
``tag.`mlflow.prompt.is_prompt` != 'true'`` to every model search, which must keep the models
never tagged so. Pages are offsets in an opaque token.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.errors import InvalidParameterError
from labbook.store.entities import ModelVersion, RegisteredModel
from labbook.store.logged_model_search import decode_token, encode_token
from labbook.store.model_versions import load_versions, version_query
from labbook.store.registered_models import load_models
from labbook.store.search import Comparison, parse_filter, parse_order_by
from labbook.store.search_sql import compare, compile_filter, unsupported
from labbook.store.sql import dialect_name

R, V = t.RegisteredModel, t.ModelVersion
MAX_MODELS, MAX_VERSIONS = 1000, 200_000
MODEL_ORDER = {"name": R.name, "creation_timestamp": R.created_at}
MODEL_ORDER |= {"last_updated_timestamp": R.updated_at, "timestamp": R.updated_at}
VERSION_ORDER = {"name": R.name, "version_number": V.version, "creation_timestamp": V.created_at}
VERSION_ORDER |= {"last_updated_timestamp": V.updated_at}
VERSION_DEFAULT = ["last_updated_timestamp DESC", "name ASC", "version_number DESC"]
TAG_OPERATORS = ("=", "!=", "LIKE", "ILIKE")
Leaf = Callable[[Comparison], ColumnElement[bool]]


def _tag(
    table: Any, owner: ColumnElement[bool], c: Comparison, dialect: str
) -> ColumnElement[bool]:
    if c.op not in TAG_OPERATORS:
        raise unsupported(c, c.op)
    match = owner & (table.name == c.field.key)
    if c.op == "!=":
        equal = compare(table.value, replace(c, op="="), kind="string", dialect=dialect)
        return ~exists().where(match, equal)
    return exists().where(match, compare(table.value, c, kind="string", dialect=dialect))


def _model_leaf(dialect: str) -> Leaf:
    def leaf(c: Comparison) -> ColumnElement[bool]:
        if c.field.kind == "tag":
            tag = t.RegisteredModelTag
            return _tag(tag, tag.registered_model_id == R.id, c, dialect)
        if c.field.kind == "attribute" and c.field.key == "name":
            return compare(R.name, c, kind="string", dialect=dialect)
        raise unsupported(c, "filtering: registered models filter on name and tags")

    return leaf


def _version_leaf(dialect: str) -> Leaf:
    texts = {"name": R.name, "run_id": V.run_id, "source_path": V.source}

    def leaf(c: Comparison) -> ColumnElement[bool]:
        key = c.field.key
        if c.field.kind == "tag":
            tag = t.ModelVersionTag
            return _tag(tag, tag.model_version_id == V.id, c, dialect)
        if c.field.kind == "attribute" and key in texts:
            return compare(texts[key], c, kind="string", dialect=dialect)
        if c.field.kind == "attribute" and key == "version_number":
            return compare(V.version, c, kind="number", dialect=dialect)
        raise unsupported(
            c, "filtering: versions filter on name, version_number, run_id, source_path and tags"
        )

    return leaf


def _ordering(items: list[str], columns: dict[str, Any], tiebreak: Any) -> list[Any]:
    keys = []
    for key in parse_order_by(items):
        column = columns.get(key.field.key) if key.field.kind == "attribute" else None
        if column is None:
            valid = ", ".join(sorted(columns))
            raise InvalidParameterError(
                f"Invalid order by key '{key.field.key}' specified. Valid keys are {valid}",
                field="order_by",
            )
        keys.append(column.asc() if key.ascending else column.desc())
    return [*keys, tiebreak]


def _check_size(max_results: int, limit: int) -> None:
    if not 1 <= max_results <= limit:
        raise InvalidParameterError(
            f"Invalid value {max_results} for parameter 'max_results' supplied."
            f" It must be between 1 and {limit}",
            field="max_results",
        )


def _filtered(stmt: Any, session: AsyncSession, filter_string: str, leaf: Any) -> Any:
    tree = parse_filter(filter_string)
    return stmt if tree is None else stmt.where(compile_filter(tree, leaf(dialect_name(session))))


async def search_registered_models(
    session: AsyncSession,
    *,
    project_id: int,
    filter_string: str = "",
    order_by: list[str] | None = None,
    max_results: int = 100,
    page_token: str | None = None,
) -> tuple[list[RegisteredModel], str | None]:
    """A page of the project's registered models, and the token of the next page."""
    _check_size(max_results, MAX_MODELS)
    stmt = _filtered(
        select(R).where(R.project_id == project_id), session, filter_string, _model_leaf
    )
    order = _ordering(order_by or ["name ASC"], MODEL_ORDER, R.id.asc())
    offset = decode_token(page_token) if page_token else 0
    rows = list(await session.scalars(stmt.order_by(*order).offset(offset).limit(max_results + 1)))
    models = await load_models(session, rows[:max_results])
    return models, encode_token(offset + max_results) if len(rows) > max_results else None


async def search_model_versions(
    session: AsyncSession,
    *,
    project_id: int,
    filter_string: str = "",
    order_by: list[str] | None = None,
    max_results: int = 10_000,
    page_token: str | None = None,
) -> tuple[list[ModelVersion], str | None]:
    """A page of the versions of the project's registered models, and the next page's token."""
    _check_size(max_results, MAX_VERSIONS)
    stmt = version_query().where(R.project_id == project_id)
    stmt = _filtered(stmt, session, filter_string, _version_leaf)
    order = _ordering(order_by or VERSION_DEFAULT, VERSION_ORDER, V.id.desc())
    offset = decode_token(page_token) if page_token else 0
    stmt = stmt.order_by(*order).offset(offset).limit(max_results + 1)
    rows = (await session.execute(stmt)).all()
    versions = await load_versions(session, rows[:max_results])
    return versions, encode_token(offset + max_results) if len(rows) > max_results else None
