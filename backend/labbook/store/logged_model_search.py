"""Searching logged models (MLflow `logged-models/search`) with the shared filter language.

Filter fields: `name`, `model_id`, `model_type`, `status` (`READY` or `LOGGED_MODEL_READY`),
`source_run_id`, `creation_timestamp` / `last_updated_timestamp` (epoch ms), `tags.<key>`,
`params.<key>` and `metrics.<key>` (the latest point, MLflow's order). Order fields: `name`,
`model_id`, `creation_timestamp`, `last_updated_timestamp`, `metrics.<key>` (models without the
metric last); newest first by default. Pages are offsets in an opaque token.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import ColumnElement, exists, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.errors import InvalidParameterError
from labbook.store.entities import LoggedModel
from labbook.store.logged_models import M, load_models, model_query
from labbook.store.search import Comparison, parse_filter
from labbook.store.search_sql import compare, compile_filter, unsupported
from labbook.store.sql import dialect_name

MAX_RESULTS = 1000
TIMES = {
    "creation_timestamp": M.created_at,
    "creation_time": M.created_at,
    "last_updated_timestamp": M.updated_at,
}
TEXTS = {"name": M.name, "model_id": M.model_id, "model_type": M.model_type}
ORDER = {**TIMES, **TEXTS}


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelOrder:
    field: str
    ascending: bool = False


def _status(value: Any) -> Any:
    return str(value).lower().removeprefix("logged_model_")


def _millis(value: Any) -> datetime:
    return datetime.fromtimestamp(value / 1000, UTC)


def _attribute(c: Comparison, dialect: str) -> ColumnElement[bool]:
    key = c.field.key
    if key in TEXTS:
        return compare(TEXTS[key], c, kind="string", dialect=dialect)
    if key == "status":
        return compare(M.status, c, kind="string", dialect=dialect, convert=_status)
    if key == "source_run_id":
        return compare(t.Candidate.eid, c, kind="string", dialect=dialect)
    if key in TIMES:
        return compare(TIMES[key], c, kind="number", dialect=dialect, convert=_millis)
    raise unsupported(c, "filtering (unknown attribute)")


def _key_value(table: Any, c: Comparison, dialect: str) -> ColumnElement[bool]:
    match = (table.logged_model_id == M.id) & (table.name == c.field.key)
    if c.op == "IS NULL":
        return ~exists().where(match)
    return exists().where(match, compare(table.value, c, kind="string", dialect=dialect))


def latest_metric(key: str) -> Any:
    """The value of a model's latest point of metric `key` (NULL when none, or NaN)."""
    m = t.LoggedModelMetric
    stmt = select(m.value).where(m.logged_model_id == M.id, m.name == key)
    return stmt.order_by(m.step.desc(), m.timestamp.desc(), m.id.desc()).limit(1).scalar_subquery()


def _leaf(dialect: str) -> Any:
    def leaf(c: Comparison) -> ColumnElement[bool]:
        if c.field.kind == "attribute":
            return _attribute(c, dialect)
        if c.field.kind == "tag":
            return _key_value(t.LoggedModelTag, c, dialect)
        if c.field.kind == "param":
            return _key_value(t.LoggedModelParam, c, dialect)
        if c.field.summary != "last":
            raise unsupported(c, "summaries (only the latest value)")
        return compare(latest_metric(c.field.key), c, kind="number", dialect=dialect)

    return leaf


def decode_token(token: str) -> int:
    try:
        offset = json.loads(base64.urlsafe_b64decode(token.encode()))["offset"]
    except (ValueError, KeyError, TypeError):
        raise InvalidParameterError(f"Invalid page_token {token!r}") from None
    if not isinstance(offset, int) or offset < 0:
        raise InvalidParameterError(f"Invalid page_token {token!r}")
    return offset


def encode_token(offset: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"offset": offset}).encode()).decode()


def _ordering(order: list[ModelOrder]) -> list[Any]:
    keys = []
    for item in order or [ModelOrder(field="creation_timestamp")]:
        if item.field.startswith("metrics."):
            value = latest_metric(item.field.removeprefix("metrics."))
            keys.append((value.asc() if item.ascending else value.desc()).nulls_last())
            continue
        column = ORDER.get(item.field)
        if column is None:
            raise InvalidParameterError(f"Invalid order_by field '{item.field}' for logged models")
        keys.append(column.asc() if item.ascending else column.desc())
    return [*keys, M.id.desc()]


async def search_logged_models(
    session: AsyncSession,
    *,
    project_id: int,
    experiment_ids: list[int],
    filter_string: str = "",
    order: list[ModelOrder] | None = None,
    max_results: int = 100,
    page_token: str | None = None,
) -> tuple[list[LoggedModel], str | None]:
    """A page of the project's live logged models in these experiments, and the next token."""
    if not 1 <= max_results <= MAX_RESULTS:
        raise InvalidParameterError(f"max_results must be between 1 and {MAX_RESULTS}")
    stmt = model_query().where(M.project_id == project_id, M.experiment_id.in_(experiment_ids))
    tree = parse_filter(filter_string)
    if tree is not None:
        stmt = stmt.where(compile_filter(tree, _leaf(dialect_name(session))))
    offset = decode_token(page_token) if page_token else 0
    stmt = stmt.order_by(*_ordering(order or [])).offset(offset).limit(max_results + 1)
    rows = (await session.execute(stmt)).all()
    models = await load_models(session, rows[:max_results])
    more = len(rows) > max_results
    return models, encode_token(offset + max_results) if more else None


async def experiment_ids_of(
    session: AsyncSession, *, project_id: int, iids: list[int]
) -> list[int]:
    stmt = select(t.Experiment.id).where(
        t.Experiment.project_id == project_id, t.Experiment.iid.in_(iids)
    )
    return list((await session.scalars(stmt)).all())
