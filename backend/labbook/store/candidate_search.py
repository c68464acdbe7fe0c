"""Searching candidates (MLflow `runs/search`, GraphQL `Experiment.candidates`): filters and
order keys from `store.search` compiled to SQL, one keyset page at a time.

- Filters: see `candidate_filters`; order: see `candidate_order`; how SQLite should run
  them: see `candidate_plans`.
- A search's statement and keyset are built once per search (filter, order, experiments,
  plan: `_shaped`), and each page's SQL compiled once per request (the same with its cursor
  and size, `compiled_queries`): the first page of an experiment is asked for again and
  again, and building and compiling it costs more than the database takes to answer.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.store.candidate_fields import C
from labbook.store.candidate_filters import Lifecycle, Plan, filtered, matching_ids
from labbook.store.candidate_order import candidate_keyset, order_keys
from labbook.store.candidate_plans import plan_search, scope
from labbook.store.compiled_queries import QueryMemo
from labbook.store.entities import Candidate, CandidateStatus
from labbook.store.keyset import AnySelect, Keyset, fetch_page
from labbook.store.pages import Page
from labbook.store.search import OrderKey, parse_filter
from labbook.store.sql import dialect_name
from labbook.store.summary_names import resolve_summaries

__all__ = ["Lifecycle", "count_candidates", "search_candidates"]
MAX_SHAPES = 1024


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
        "experiment_ids": tuple(experiment_ids),
        "tree": tree,
        "lifecycle": lifecycle,
        "status": status,
    }
    plan = await plan_search(session, keys[0], limit, **where)
    shape = (dialect_name(session), plan, tuple(keys), *where.values())
    stmt, keyset = _shaped(shape, session, plan, keys, where)
    request = (*shape, limit, after, before)
    return await fetch_page(
        session,
        stmt,
        keyset,
        _candidate,
        limit=limit,
        after=after,
        before=before,
        plain=True,
        rows=lambda key, build: _QUERIES.rows(session, (request, key), build),
    )


_QUERIES = QueryMemo(MAX_SHAPES)
_SHAPES: dict[tuple[Any, ...], tuple[AnySelect, Keyset]] = {}


def _shaped(
    shape: tuple[Any, ...],
    session: AsyncSession,
    plan: Plan,
    keys: list[OrderKey],
    where: dict[str, Any],
) -> tuple[AnySelect, Keyset]:
    """The search's statement and keyset, built once (SQLAlchemy statements are immutable,
    so one serves every page of the search)."""
    if (found := _SHAPES.get(shape)) is None:
        if len(_SHAPES) >= MAX_SHAPES:
            _SHAPES.clear()
        stmt = filtered(_candidate_columns(), shape[0], plan=plan, **where)
        scoped = scope(where["experiment_ids"], plan)
        keyset = candidate_keyset(keys, segmented=plan.segmented, scope=scoped)
        found = _SHAPES[shape] = (stmt, keyset)
    return found


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
    ids = matching_ids(
        session,
        experiment_ids=experiment_ids,
        tree=tree,
        lifecycle=lifecycle,
        status=status,
    )
    return int(await session.scalar(select(func.count()).select_from(ids.subquery())) or 0)
