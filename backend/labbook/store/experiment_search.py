"""Searching a project's experiments (MLflow `experiments/search`, GraphQL
`Project.experiments`): filters and order keys from `store.search`, keyset pages.

- Filter fields, as MLflow's: `name` (also `attributes.name`), `creation_time` and
  `last_update_time` (epoch milliseconds; also `created_at`, `updated_at`,
  `last_activity_at`), and `tags.<key>` (experiment metadata, strings).
- Order keys: those attributes, `candidate_count` (live candidates), `id`, `experiment_id`
  (the iid, MLflow's experiment id) and `tags.<key>`. Default: MLflow's, `creation_time DESC`;
  the id (ascending, as MLflow's `experiment_id ASC`) always breaks ties.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from labbook.db import tables as t
from labbook.errors import InvalidParameterError
from labbook.store.entities import Experiment
from labbook.store.experiments import to_experiment
from labbook.store.keyset import AnySelect, Expr, Keyset, Segment, SortColumn, fetch_page
from labbook.store.pages import Page
from labbook.store.search import Comparison, Field, OrderKey, parse_filter, parse_order_by
from labbook.store.search_sql import compare, compile_filter, unsupported
from labbook.store.sql import dialect_name

Lifecycle = Literal["active", "deleted", "all"]
E = t.Experiment
TIMES = {
    "creation_time": E.created_at,
    "created_at": E.created_at,
    "last_update_time": E.updated_at,
    "updated_at": E.updated_at,
    "last_activity_at": E.last_activity_at,
}


def _as_datetime(value: Any) -> datetime:
    return datetime.fromtimestamp(value / 1000, UTC)


def _candidate_count() -> Expr:
    live = (t.Candidate.experiment_id == E.id) & t.Candidate.deleted_at.is_(None)
    return select(func.count(t.Candidate.id)).where(live).scalar_subquery()


def _attribute(field: Field, *, sorting: bool) -> Expr:
    if field.key == "name":
        return E.name
    if field.key in TIMES:
        return TIMES[field.key]
    if sorting and field.key == "candidate_count":
        return _candidate_count()
    if sorting and field.key in ("id", "experiment_id"):
        return E.id if field.key == "id" else E.iid
    keys = ["name", *TIMES] + (["candidate_count", "experiment_id", "id"] if sorting else [])
    raise InvalidParameterError(
        f"Invalid search: unknown experiment attribute '{field.key}' at position"
        f" {field.position} (valid: {', '.join(keys)})"
    )


def _leaf(c: Comparison, dialect: str) -> Any:
    field = c.field
    if field.kind == "attribute":
        expr = _attribute(field, sorting=False)
        if field.key == "name":
            return compare(expr, c, kind="string", dialect=dialect)
        return compare(expr, c, kind="number", dialect=dialect, convert=_as_datetime)
    if field.kind != "tag":
        raise unsupported(c, "experiment search (only name, times and tags)")
    m = t.ExperimentMetadata
    rows = select(m.experiment_id).where(m.name == field.key)
    if c.op in ("IS NULL", "IS NOT NULL"):
        return E.id.not_in(rows) if c.op == "IS NULL" else E.id.in_(rows)
    return E.id.in_(rows.where(compare(m.value, c, kind="string", dialect=dialect)))


def _sort_column(stmt: AnySelect, key: OrderKey) -> tuple[AnySelect, SortColumn]:
    field = key.field
    if field.kind == "attribute":
        return stmt, SortColumn(_attribute(field, sorting=True), key.ascending)
    if field.kind != "tag":
        raise InvalidParameterError(
            f"Invalid order: experiments sort by attributes and tags, not {field.describe()}"
        )
    m = aliased(t.ExperimentMetadata)
    stmt = stmt.outerjoin(m, (m.experiment_id == E.id) & (m.name == field.key))
    return stmt, SortColumn(m.value, key.ascending, nullable=True)


def _ordered(stmt: AnySelect, order_by: list[str] | None) -> tuple[AnySelect, Keyset]:
    keys = parse_order_by(order_by or []) or [
        OrderKey(Field("attribute", "creation_time"), ascending=False)
    ]
    columns: list[SortColumn] = []
    signature = hashlib.sha256()
    for key in keys:
        stmt, column = _sort_column(stmt, key)
        columns.append(column)
        f = key.field
        signature.update(repr((f.kind, f.key, key.ascending)).encode())
    columns.append(SortColumn(E.id, ascending=True))
    return stmt, Keyset((Segment(tuple(columns)),), signature.hexdigest()[:12])


def _filtered(
    stmt: AnySelect, dialect: str, *, project_id: int, filter: str | None, lifecycle: Lifecycle
) -> AnySelect:
    stmt = stmt.where(E.project_id == project_id)
    if lifecycle != "all":
        stmt = stmt.where(
            E.deleted_at.is_(None) if lifecycle == "active" else E.deleted_at.is_not(None)
        )
    tree = parse_filter(filter or "")
    if tree is not None:
        stmt = stmt.where(compile_filter(tree, lambda c: _leaf(c, dialect)))
    return stmt


def _build(row: tuple[Any, ...]) -> Experiment:
    return to_experiment(row[0])


async def search_experiments(
    session: AsyncSession,
    *,
    project_id: int,
    filter: str | None = None,
    order_by: list[str] | None = None,
    lifecycle: Lifecycle = "active",
    limit: int,
    after: str | None = None,
    before: str | None = None,
) -> Page[Experiment]:
    """One page of the project's experiments that match, in `order_by` order."""
    dialect = dialect_name(session)
    stmt = _filtered(select(E), dialect, project_id=project_id, filter=filter, lifecycle=lifecycle)
    stmt, keyset = _ordered(stmt, order_by)
    return await fetch_page(session, stmt, keyset, _build, limit=limit, after=after, before=before)


async def count_experiments(
    session: AsyncSession,
    *,
    project_id: int,
    filter: str | None = None,
    lifecycle: Lifecycle = "active",
) -> int:
    stmt = _filtered(
        select(func.count(E.id)),
        dialect_name(session),
        project_id=project_id,
        filter=filter,
        lifecycle=lifecycle,
    )
    return int(await session.scalar(stmt) or 0)
