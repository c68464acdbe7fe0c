"""Pages of experiments and candidates, over the store's keyset search functions."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, Literal, TypeVar

from labbook.graphql.context import Context
from labbook.graphql.pagination import Listing, PageArgs
from labbook.store.candidate_search import count_candidates, search_candidates
from labbook.store.entities import Candidate, CandidateStatus, Experiment, Project
from labbook.store.experiment_search import count_experiments, search_experiments
from labbook.store.pages import Page

T = TypeVar("T")


def lifecycle(include_deleted: bool) -> Literal["active", "all"]:
    return "all" if include_deleted else "active"


def name_contains(search: str | None) -> str | None:
    """`search` as a filter: a case-insensitive substring of the name, wildcards escaped."""
    if not search:
        return None
    pattern = "".join("\\" + ch if ch in "%_\\" else ch for ch in search)
    literal = pattern.replace("\\", "\\\\").replace("'", "\\'")
    return f"name ILIKE '%{literal}%'"


def _counter(
    context: Context, count: Callable[..., Awaitable[int]], **kw: Any
) -> Callable[[], Awaitable[int]]:
    """`totalCount` runs only when asked for."""

    async def run() -> int:
        async with context.read() as session:
            return await count(session, **kw)

    return run


def _listing(page: Page[T], args: PageArgs, count: Callable[[], Awaitable[int]]) -> Listing[T]:
    """Relay's flags: the store knows whether more rows lie in the paging direction."""
    if args.backwards:
        has_next, has_previous = args.before is not None, page.has_more
    else:
        has_next, has_previous = page.has_more, args.after is not None
    return Listing(
        items=page.items,
        cursors=page.cursors,
        has_next=has_next,
        has_previous=has_previous,
        count=count,
    )


async def experiment_listing(
    context: Context,
    project: Project,
    *,
    search: str | None,
    sort: str,
    deleted: bool,
    args: PageArgs,
) -> Listing[Experiment]:
    where: dict[str, Any] = {
        "project_id": project.id,
        "filter": name_contains(search),
        "lifecycle": lifecycle(deleted),
    }
    async with context.read() as session:
        page = await search_experiments(
            session,
            **where,
            order_by=[sort],
            limit=args.limit,
            after=args.after,
            before=args.before,
        )
    return _listing(page, args, _counter(context, count_experiments, **where))


async def candidate_listing(
    context: Context,
    experiment: Experiment,
    *,
    filter: str | None,
    sort: str | None,
    status: CandidateStatus | None,
    deleted: bool,
    args: PageArgs,
) -> Listing[Candidate]:
    where: dict[str, Any] = {
        "experiment_ids": [experiment.id],
        "filter": filter,
        "lifecycle": lifecycle(deleted),
        "status": status,
    }
    async with context.read() as session:
        page = await search_candidates(
            session,
            **where,
            order_by=[sort] if sort else None,
            limit=args.limit,
            after=args.after,
            before=args.before,
        )
    return _listing(page, args, _counter(context, count_candidates, **where))
