"""The filter of a candidate search in SQL (see `candidate_search`), shaped by its plan.

- params → `candidate_params`, tags → `candidate_metadata`, metrics → the summaries (never the
  history). A comparison on a key holds only for candidates that have the key (as in MLflow,
  `params.lr != '0.1'` excludes candidates without `lr`); `IS NULL` asks for the key's absence.
- Param and tag values are strings and compare as strings (MLflow); metrics compare as
  numbers, NaN matching only `!=` and `NOT IN`.
- Attributes: `run_id` (the eid), `run_name`, `status` (case-insensitive: `'FINISHED'`),
  `user_id` (creator's username), `artifact_uri`, `start_time`/`created`, `end_time`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.db.tables import VALUE_PREFIX
from labbook.store.candidate_fields import C, attribute, attribute_type, keyed
from labbook.store.entities import CandidateStatus
from labbook.store.keyset import AnySelect, Expr
from labbook.store.search import Comparison, FilterExpr
from labbook.store.search_sql import compare, compile_filter
from labbook.store.sql import dialect_name

Lifecycle = Literal["active", "deleted", "all"]


def _leaf(c: Comparison, dialect: str, probe: bool) -> ColumnElement[bool]:
    field = c.field
    if field.kind == "attribute":
        upper = str.upper if field.key == "status" else None
        kind = attribute_type(field)
        return compare(attribute(field), c, kind=kind, dialect=dialect, convert=upper)
    table, name, kind = keyed(field)
    column: Expr = getattr(table, name)
    rows = select(table.candidate_id).where(table.name == field.key)
    if c.op in ("IS NULL", "IS NOT NULL"):
        return _member(rows, probe) if c.op == "IS NOT NULL" else ~_member(rows, probe)
    holds = compare(column, c, kind=kind, dialect=dialect)
    if kind == "number" and field.summary != "count" and c.op in ("!=", "NOT IN"):
        holds = or_(holds, column.is_(None))  # NaN (stored as NULL) differs from every number
    if kind == "string" and c.op in ("=", "IN"):
        holds = _by_prefix(column, c, holds)
    return _member(rows.where(holds), probe)


def _member(rows: AnySelect, probe: bool) -> ColumnElement[bool]:
    """The candidate is among `rows` (candidate ids): IN (subquery) lets the planner start
    from the `(name, value)` index instead of visiting every candidate of the experiment;
    a correlated EXISTS (`probe`) checks each candidate visited otherwise."""
    if probe:
        return rows.where(rows.selected_columns[0] == C.id).exists()
    return C.id.in_(rows)


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


@dataclass(frozen=True, slots=True)
class Plan:
    """How to shape the SQL: SQLite's planner needs the help, PostgreSQL's does not."""

    segmented: bool = True  # cut the order at its first key, so its index can be walked
    walk: bool = False  # hide the experiment index: walk the sort key's index instead
    probe: bool = False  # keyed filters as a correlated EXISTS, checked per candidate


def filtered(
    stmt: AnySelect,
    dialect: str,
    *,
    experiment_ids: Sequence[int],
    tree: FilterExpr | None,
    lifecycle: Lifecycle,
    status: CandidateStatus | None,
    plan: Plan = Plan(),
) -> AnySelect:
    if not plan.walk:  # (walking: scoped per segment, see `candidate_plans.scope`)
        stmt = stmt.where(C.experiment_id.in_(experiment_ids))
    if lifecycle != "all":
        live = lifecycle == "active"
        stmt = stmt.where(C.deleted_at.is_(None) if live else C.deleted_at.is_not(None))
    if status is not None:
        stmt = stmt.where(C.status == status.value)
    if tree is not None:
        stmt = stmt.where(compile_filter(tree, lambda c: _leaf(c, dialect, plan.probe)))
    return stmt


def matching_ids(session: AsyncSession, **where: Any) -> AnySelect:
    stmt = select(C.id).join(t.Experiment, t.Experiment.id == C.experiment_id)
    return filtered(stmt, dialect_name(session), **where)


async def count_rows(session: AsyncSession, rows: AnySelect, n: int) -> int:
    """How many rows `rows` selects, counting no further than `n`."""
    some = rows.limit(n).subquery()
    return int(await session.scalar(select(func.count()).select_from(some)) or 0)
