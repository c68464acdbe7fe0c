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

import time
from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.db.tables import VALUE_PREFIX
from labbook.store.candidate_fields import C, attribute, attribute_type, keyed
from labbook.store.candidate_order import candidate_keyset, order_keys
from labbook.store.entities import Candidate, CandidateStatus
from labbook.store.keyset import AnySelect, Expr, Narrow, fetch_page, unchanged
from labbook.store.pages import Page
from labbook.store.search import Comparison, FilterExpr, parse_filter
from labbook.store.search_sql import compare, compile_filter
from labbook.store.sql import dialect_name
from labbook.store.summary_names import resolve_summaries

Lifecycle = Literal["active", "deleted", "all"]
WALK_THRESHOLD = 5000
PLAN_TTL = 30.0
MAX_PLANS = 1024


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
class _Plan:
    """How to shape the SQL: SQLite's planner needs the help, PostgreSQL's does not."""

    segmented: bool = True  # cut the order at its first key, so its index can be walked
    walk: bool = False  # hide the experiment index: walk the sort key's index instead
    probe: bool = False  # keyed filters as a correlated EXISTS, checked per candidate


_PLANS: dict[tuple[Any, ...], tuple[float, _Plan]] = {}


def _filtered(
    stmt: AnySelect,
    dialect: str,
    *,
    experiment_ids: list[int],
    tree: FilterExpr | None,
    lifecycle: Lifecycle,
    status: CandidateStatus | None,
    plan: _Plan = _Plan(),
) -> AnySelect:
    if not plan.walk:  # (walking: scoped per segment, see `_scope`)
        stmt = stmt.where(C.experiment_id.in_(experiment_ids))
    if lifecycle != "all":
        live = lifecycle == "active"
        stmt = stmt.where(C.deleted_at.is_(None) if live else C.deleted_at.is_not(None))
    if status is not None:
        stmt = stmt.where(C.status == status.value)
    if tree is not None:
        stmt = stmt.where(compile_filter(tree, lambda c: _leaf(c, dialect, plan.probe)))
    return stmt


def _matching_ids(session: AsyncSession, **where: Any) -> AnySelect:
    stmt = select(C.id).join(t.Experiment, t.Experiment.id == C.experiment_id)
    return _filtered(stmt, dialect_name(session), **where)


async def _at_least(session: AsyncSession, n: int, **where: Any) -> bool:
    """Whether `n` candidates match, counting no further."""
    some = _matching_ids(session, **where).limit(n).subquery()
    return (await session.scalar(select(func.count()).select_from(some)) or 0) >= n


async def _plan(session: AsyncSession, keyed_order: bool, **where: Any) -> _Plan:
    """The plan of `_counted_plan`, remembered for `PLAN_TTL` seconds: its counts cost as
    much as a page (a large experiment's first page is asked for again and again), and a
    stale plan is only slower, never wrong."""
    if dialect_name(session) != "sqlite":
        return _Plan()
    ids, rest = tuple(where["experiment_ids"]), (where["tree"], where["lifecycle"], where["status"])
    key = (id(session.get_bind()), WALK_THRESHOLD, keyed_order, ids, *rest)
    now = time.monotonic()
    if (cached := _PLANS.get(key)) is not None and now - cached[0] < PLAN_TTL:
        return cached[1]
    plan = await _counted_plan(session, keyed_order, **where)
    if len(_PLANS) >= MAX_PLANS:
        _PLANS.clear()
    _PLANS[key] = (now, plan)
    return plan


async def _counted_plan(session: AsyncSession, keyed_order: bool, **where: Any) -> _Plan:
    """SQLite's planner does not count on LIMIT stopping an index walk early, and judges a
    param filter by the average value's frequency; it may sort every match of a large
    experiment, or walk a metric's index through every other experiment for a small one.
    Counting up to a threshold decides instead: a small experiment is visited candidate by
    candidate; with many matches a keyed order walks its index (a page after a few hundred
    rows); otherwise the planner sorts the matches it finds from the filter's index.
    """
    if not await _at_least(session, WALK_THRESHOLD, **{**where, "tree": None}):
        return _Plan(segmented=False, probe=True)
    if keyed_order and await _at_least(session, WALK_THRESHOLD, **where):
        return _Plan(walk=True, probe=True)
    return _Plan(segmented=False)


def _scope(experiment_ids: list[int], plan: _Plan) -> tuple[Narrow, Narrow]:
    """When walking, the segment with the key hides the experiment index from the planner
    (`+ 0`), so that it walks the key's index; the others (NaN, without the key) use it."""
    if not plan.walk:
        return unchanged, unchanged
    hidden = (C.experiment_id + 0).in_(experiment_ids)
    shown = C.experiment_id.in_(experiment_ids)
    return (lambda s: s.where(hidden)), (lambda s: s.where(shown))


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
    tree, keys = await resolve_summaries(session, parse_filter(filter or ""), order_keys(order_by))
    where: dict[str, Any] = {
        "experiment_ids": experiment_ids,
        "tree": tree,
        "lifecycle": lifecycle,
        "status": status,
    }
    plan = await _plan(session, keys[0].field.kind != "attribute", **where)
    stmt = _filtered(_candidate_columns(), dialect_name(session), plan=plan, **where)
    return await fetch_page(
        session,
        stmt,
        candidate_keyset(keys, segmented=plan.segmented, scope=_scope(experiment_ids, plan)),
        _candidate,
        limit=limit,
        after=after,
        before=before,
        plain=True,
    )


# The fields of `entities.Candidate` in the order `_candidate_columns` selects them.
FIELDS = (
    *("id", "project_id", "experiment_id", "iid", "eid", "name", "description", "status"),
    *("start_time", "end_time", "creator_id", "parent_id", "created_at", "updated_at"),
    *("deleted_at", "experiment_iid"),
)
STATUSES = {status.value: status for status in CandidateStatus}


def _candidate_columns() -> AnySelect:
    """Columns, not ORM entities: a page may hold 50,000 candidates (`keyset.fetch_page`)."""
    columns = [getattr(C, name) for name in FIELDS[:-1]]
    stmt = select(*columns, t.Experiment.iid.label("experiment_iid"))
    return stmt.join(t.Experiment, t.Experiment.id == C.experiment_id)


def _candidate(row: Any) -> Candidate:
    """By position: a row's attributes by name cost a microsecond each."""
    values = dict(zip(FIELDS, row, strict=False))  # (the sort values follow)
    values["status"] = STATUSES[values["status"]]
    return Candidate(**values)


async def count_candidates(
    session: AsyncSession,
    *,
    experiment_ids: list[int],
    filter: str | None = None,
    lifecycle: Lifecycle = "active",
    status: CandidateStatus | None = None,
) -> int:
    tree, _ = await resolve_summaries(session, parse_filter(filter or ""), [])
    ids = _matching_ids(
        session,
        experiment_ids=experiment_ids,
        tree=tree,
        lifecycle=lifecycle,
        status=status,
    )
    return int(await session.scalar(select(func.count()).select_from(ids.subquery())) or 0)
