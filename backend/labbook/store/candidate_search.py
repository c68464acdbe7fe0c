"""Searching candidates (MLflow `runs/search`, GraphQL `Experiment.candidates`): filters and
order keys from `store.search` compiled to SQL, one keyset page at a time.

- params → `candidate_params`, tags → `candidate_metadata`, metrics → the summaries (never the
  history). A comparison on a key holds only for candidates that have the key (as in MLflow,
  `params.lr != '0.1'` excludes candidates without `lr`); `IS NULL` asks for the key's absence.
- Param and tag values are strings and compare as strings (MLflow); metrics compare as
  numbers, NaN matching only `!=` and `NOT IN`.
- Attributes: `run_id` (the eid), `run_name`, `status` (case-insensitive: `'FINISHED'`),
  `user_id` (creator's username), `artifact_uri`, `start_time`/`created`, `end_time`.
- Order: see `candidate_order`.
"""

from __future__ import annotations

from typing import Literal

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.db.tables import VALUE_PREFIX
from labbook.store.candidate_fields import C, attribute, attribute_type, keyed
from labbook.store.candidate_order import candidate_keyset
from labbook.store.candidates import candidate_query, to_candidate
from labbook.store.entities import Candidate, CandidateStatus
from labbook.store.keyset import AnySelect, Expr, fetch_page
from labbook.store.pages import Page
from labbook.store.search import Comparison, parse_filter
from labbook.store.search_sql import compare, compile_filter
from labbook.store.sql import dialect_name

Lifecycle = Literal["active", "deleted", "all"]


def _leaf(c: Comparison, dialect: str) -> ColumnElement[bool]:
    field = c.field
    if field.kind == "attribute":
        upper = str.upper if field.key == "status" else None
        kind = attribute_type(field)
        return compare(attribute(field), c, kind=kind, dialect=dialect, convert=upper)
    table, name, kind = keyed(field)
    column: Expr = getattr(table, name)
    # IN (subquery) rather than a correlated EXISTS: the planner may then start from the
    # (name, value) index instead of visiting every candidate of the experiment.
    rows = select(table.candidate_id).where(table.name == field.key)
    if c.op in ("IS NULL", "IS NOT NULL"):
        return C.id.not_in(rows) if c.op == "IS NULL" else C.id.in_(rows)
    holds = compare(column, c, kind=kind, dialect=dialect)
    if kind == "number" and field.summary != "count" and c.op in ("!=", "NOT IN"):
        holds = or_(holds, column.is_(None))  # NaN (stored as NULL) differs from every number
    if kind == "string" and c.op in ("=", "IN"):
        holds = _by_prefix(column, c, holds)
    return C.id.in_(rows.where(holds))


def _by_prefix(column: Expr, c: Comparison, holds: ColumnElement[bool]) -> ColumnElement[bool]:
    """An equality on the indexed value prefix (`tables.VALUE_PREFIX`), which finds the
    candidates from the `(name, prefix, candidate_id)` index alone. For a value shorter than
    the prefix it is the whole test; a longer one needs the full comparison as well."""
    # Literal arguments: an index on an expression only matches the very same expression.
    prefix = func.substr(column, literal_column("1"), literal_column(str(VALUE_PREFIX)))
    values = [str(v) for v in (c.value if isinstance(c.value, tuple) else (c.value,))]
    wanted = [v[:VALUE_PREFIX] for v in values]
    hint = prefix == wanted[0] if c.op == "=" else prefix.in_(wanted)
    if all(len(v) < VALUE_PREFIX for v in values):
        return hint
    return and_(hint, holds)  # (SQLite then may not use the index: it folds `value = '…'` in)


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
    return await fetch_page(
        session,
        stmt,
        candidate_keyset(order_by),
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
