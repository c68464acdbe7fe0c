"""Pages of experiments and candidates, over the store's keyset search functions."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from labbook.graphql.context import Context
from labbook.graphql.pagination import Listing, PageArgs, constant, encode_cursor, slice_sorted
from labbook.store import candidates, experiments
from labbook.store.entities import Candidate, Experiment, Project


def _counter(
    context: Context, count: Callable[..., Awaitable[int]], **kw: Any
) -> Callable[[], Awaitable[int]]:
    async def run() -> int:
        async with context.db.read() as session:
            return await count(session, **kw)

    return run


async def experiment_listing(
    context: Context,
    project: Project,
    *,
    search: str | None,
    sort: str,
    deleted: bool,
    args: PageArgs,
) -> Listing[Experiment]:
    async with context.db.read() as session:
        found = await experiments.list_experiments(
            session, project_id=project.id, include_deleted=deleted, search=search or ""
        )
    page, has_next, has_prev = slice_sorted(found, lambda e: f"{e.id:012d}", args)
    return Listing(
        items=page,
        cursors=[encode_cursor(f"{e.id:012d}") for e in page],
        has_next=has_next,
        has_previous=has_prev,
        count=constant(len(found)),
    )


async def candidate_listing(
    context: Context,
    experiment: Experiment,
    *,
    filter: str | None,
    sort: str | None,
    status: str | None,
    deleted: bool,
    args: PageArgs,
) -> Listing[Candidate]:
    async with context.db.read() as session:
        found = await candidates.list_candidates(
            session, experiment_id=experiment.id, include_deleted=deleted
        )
    page, has_next, has_prev = slice_sorted(found, lambda e: f"{e.id:012d}", args)
    return Listing(
        items=page,
        cursors=[encode_cursor(f"{e.id:012d}") for e in page],
        has_next=has_next,
        has_previous=has_prev,
        count=constant(len(found)),
    )
