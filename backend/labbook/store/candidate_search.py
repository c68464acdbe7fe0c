"""Searching candidates (MLflow `runs/search`, GraphQL `Experiment.candidates`): filters and
order keys from `store.search` compiled to SQL, one keyset page at a time.

- params → `candidate_params`, tags → `candidate_metadata`, metrics → the summaries (never the
  history). A comparison on a key holds only for candidates that have the key (as in MLflow,
  `params.lr != '0.1'` excludes candidates without `lr`); `IS NULL` asks for the key's absence.
- Param and tag values are strings and compare as strings (MLflow); metrics compare as
  numbers, NaN matching only `!=` and `NOT IN`.
- Attributes: `run_id` (the eid), `run_name`, `status` (case-insensitive: `'FINISHED'`),
  `user_id` (creator's username), `artifact_uri`, `start_time`/`created`, `end_time`.
- Order: the given keys, then `start_time DESC`, then `id DESC` (MLflow's default is the same
  without keys). Metric order puts numbers first in either direction, then NaN, then candidates
  without the metric (MLflow's placement); params, tags and a missing start/end time go last.
"""

from __future__ import annotations

import hashlib
from typing import Any, Literal

from sqlalchemy import ColumnElement, String, case, cast, func, literal, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from labbook.db import tables as t
from labbook.errors import InvalidParameterError
from labbook.store.candidates import candidate_query, to_candidate
from labbook.store.entities import Candidate, CandidateStatus
from labbook.store.keyset import AnySelect, Expr, Keyset, SortColumn, fetch_page
from labbook.store.pages import Page
from labbook.store.search import Comparison, Field, OrderKey, parse_filter, parse_order_by
from labbook.store.search_sql import ValueType, compare, compile_filter
from labbook.store.sql import dialect_name

Lifecycle = Literal["active", "deleted", "all"]
C = t.Candidate
NUMERIC_ATTRIBUTES = {"start_time", "end_time", "created", "Created"}
STRING_ATTRIBUTES = {"run_id", "run_name", "status", "user_id", "artifact_uri"}
NULLABLE_ATTRIBUTES = {"start_time", "end_time", "created", "Created", "user_id"}


def _attribute(field: Field) -> Expr:
    key = field.key
    if key in ("start_time", "created", "Created"):
        return C.start_time
    expressions: dict[str, Any] = {
        "end_time": C.end_time,
        "run_id": C.eid,
        "run_name": C.name,
        "status": func.upper(C.status),
        "user_id": select(t.User.username).where(t.User.id == C.creator_id).scalar_subquery(),
        "artifact_uri": literal("mlflow-artifacts:/ml_experiment_", String)
        + cast(t.Experiment.iid, String)
        + "/"
        + cast(C.iid, String),
    }
    if key not in expressions:
        valid = ", ".join(sorted(NUMERIC_ATTRIBUTES | STRING_ATTRIBUTES))
        raise InvalidParameterError(
            f"Invalid search: unknown attribute '{key}' at position {field.position}"
            f" (valid: {valid})"
        )
    return expressions[key]  # type: ignore[no-any-return]


def _keyed(field: Field) -> tuple[Any, str, ValueType]:
    """The table of a param, tag or metric field, its value column's name and value type."""
    if field.kind == "param":
        return t.CandidateParam, "value", "string"
    if field.kind == "tag":
        return t.CandidateMetadata, "value", "string"
    column = {"last": "last_value", "min": "min_value", "max": "max_value", "count": "count"}
    return t.CandidateMetricSummary, column[field.summary], "number"


def _leaf(c: Comparison, dialect: str) -> ColumnElement[bool]:
    field = c.field
    if field.kind == "attribute":
        expr = _attribute(field)
        kind: ValueType = "number" if field.key in NUMERIC_ATTRIBUTES else "string"
        upper = str.upper if field.key == "status" else None
        return compare(expr, c, kind=kind, dialect=dialect, convert=upper)
    table, name, kind = _keyed(field)
    column: Expr = getattr(table, name)
    # IN (subquery) rather than a correlated EXISTS: the planner may then start from the
    # (name, value) index instead of visiting every candidate of the experiment.
    rows = select(table.candidate_id).where(table.name == field.key)
    if c.op in ("IS NULL", "IS NOT NULL"):
        return C.id.not_in(rows) if c.op == "IS NULL" else C.id.in_(rows)
    holds = compare(column, c, kind=kind, dialect=dialect)
    if kind == "number" and field.summary != "count" and c.op in ("!=", "NOT IN"):
        holds = or_(holds, column.is_(None))  # NaN (stored as NULL) differs from every number
    return C.id.in_(rows.where(holds))


def _sort_column(stmt: AnySelect, key: OrderKey) -> tuple[AnySelect, SortColumn]:
    field = key.field
    if field.kind == "attribute":
        nullable = field.key in NULLABLE_ATTRIBUTES
        return stmt, SortColumn(_attribute(field), key.ascending, nullable=nullable)
    table, name, kind = _keyed(field)
    alias = aliased(table)
    value = getattr(alias, name)
    stmt = stmt.outerjoin(alias, (alias.candidate_id == C.id) & (alias.name == field.key))
    if kind == "string":
        return stmt, SortColumn(value, key.ascending, nullable=True)
    # NaN is stored as NULL: it sorts after numbers and before candidates without the metric.
    missing = case((alias.candidate_id.is_(None), 1), else_=0)
    return stmt, SortColumn(value, key.ascending, nullable=True, missing=missing)


def order_keys(order_by: list[str] | None) -> list[OrderKey]:
    """The requested keys plus the tie-breakers: start time (newest first), then id."""
    keys = parse_order_by(order_by or [])
    start = Field("attribute", "start_time")
    if not any(
        k.field.kind == "attribute" and k.field.key in ("start_time", "created", "Created")
        for k in keys
    ):
        keys.append(OrderKey(start, ascending=False))
    return keys


def _ordered(stmt: AnySelect, order_by: list[str] | None) -> tuple[AnySelect, Keyset]:
    columns: list[SortColumn] = []
    signature = hashlib.sha256()
    for key in order_keys(order_by):
        stmt, column = _sort_column(stmt, key)
        columns.append(column)
        f = key.field
        signature.update(repr((f.kind, f.key, f.summary, key.ascending)).encode())
    columns.append(SortColumn(C.id, ascending=False))
    return stmt, Keyset(tuple(columns), signature.hexdigest()[:12])


def _filtered(
    stmt: AnySelect,
    dialect: str,
    *,
    experiment_ids: list[int],
    filter: str | None,
    lifecycle: Lifecycle,
    status: CandidateStatus | None,
) -> AnySelect:
    stmt = stmt.where(C.experiment_id.in_(experiment_ids))
    if lifecycle != "all":
        live = lifecycle == "active"
        stmt = stmt.where(C.deleted_at.is_(None) if live else C.deleted_at.is_not(None))
    if status is not None:
        stmt = stmt.where(C.status == status.value)
    tree = parse_filter(filter or "")
    if tree is not None:
        stmt = stmt.where(compile_filter(tree, lambda c: _leaf(c, dialect)))
    return stmt


async def search_candidates(
    session: AsyncSession,
    *,
    experiment_ids: list[int],
    filter: str | None = None,
    order_by: list[str] | None = None,
    lifecycle: Lifecycle = "active",
    status: CandidateStatus | None = None,
    limit: int,
    after: str | None = None,
    before: str | None = None,
) -> Page[Candidate]:
    """One page of the candidates of these experiments that match, in `order_by` order."""
    stmt = _filtered(
        candidate_query(),
        dialect_name(session),
        experiment_ids=experiment_ids,
        filter=filter,
        lifecycle=lifecycle,
        status=status,
    )
    stmt, keyset = _ordered(stmt, order_by)
    return await fetch_page(
        session,
        stmt,
        keyset,
        lambda row: to_candidate(row[0], row[1]),
        limit=limit,
        after=after,
        before=before,
    )


async def count_candidates(
    session: AsyncSession,
    *,
    experiment_ids: list[int],
    filter: str | None = None,
    lifecycle: Lifecycle = "active",
    status: CandidateStatus | None = None,
) -> int:
    stmt = select(func.count(C.id)).join(t.Experiment, t.Experiment.id == C.experiment_id)
    stmt = _filtered(
        stmt,
        dialect_name(session),
        experiment_ids=experiment_ids,
        filter=filter,
        lifecycle=lifecycle,
        status=status,
    )
    return int(await session.scalar(stmt) or 0)
