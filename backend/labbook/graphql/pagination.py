"""Relay connections: page arguments, `PageInfo`, and pages built from store results.

Page sizes are clamped to `MAX_PAGE_SIZE` (the client sees `hasNextPage` and keeps paging),
rather than refused, so a generous client still works.
"""

from __future__ import annotations

import base64
import binascii
import bisect
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import strawberry

from labbook.errors import InvalidParameterError

MAX_PAGE_SIZE = 100
T = TypeVar("T")
E = TypeVar("E")


@strawberry.type(description="Where a page sits in its connection.")
class PageInfo:
    has_next_page: bool = strawberry.field(description="More nodes follow this page.")
    has_previous_page: bool = strawberry.field(description="More nodes precede this page.")
    start_cursor: str | None = strawberry.field(description="Pass as `before` to go back.")
    end_cursor: str | None = strawberry.field(description="Pass as `after` to go on.")


@strawberry.type(description="A node and the cursor to page after or before it.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description="Opaque; pass as `after` or `before`.")
    node: T = strawberry.field(description="The object at this position.")


@strawberry.type(description="A page of results.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The nodes with their cursors.")
    page_info: PageInfo = strawberry.field(description="Cursors and whether more pages exist.")
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="The nodes of this page (the edges without cursors).")
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]

    @strawberry.field(description="How many nodes match, across all pages.")
    async def total_count(self) -> int:
        return await self.count()


@dataclass(frozen=True, slots=True)
class PageArgs:
    """One page request: `limit` rows after `after`, or the `limit` rows before `before`."""

    limit: int
    after: str | None
    before: str | None
    backwards: bool


def page_args(
    first: int | None, after: str | None, last: int | None, before: str | None
) -> PageArgs:
    if first is not None and last is not None:
        raise InvalidParameterError("Pass either first or last, not both", field="first")
    size = last if last is not None else first
    if size is not None and size < 0:
        raise InvalidParameterError("Page size must not be negative", field="first")
    limit = min(size if size is not None else MAX_PAGE_SIZE, MAX_PAGE_SIZE)
    return PageArgs(limit=limit, after=after, before=before, backwards=last is not None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Listing(Generic[E]):
    """One page of store entities with their cursors, before wrapping into GraphQL types."""

    items: Sequence[E]
    cursors: Sequence[str]
    has_next: bool
    has_previous: bool
    count: Callable[[], Awaitable[int]]


C = TypeVar("C", bound=Connection[Any])


def connection(listing: Listing[E], wrap: Callable[[E], Any], cls: type[C]) -> C:
    nodes = [wrap(item) for item in listing.items]
    cursors = listing.cursors
    edges = [Edge(cursor=c, node=n) for c, n in zip(cursors, nodes, strict=True)]
    info = PageInfo(
        has_next_page=listing.has_next,
        has_previous_page=listing.has_previous,
        start_cursor=cursors[0] if cursors else None,
        end_cursor=cursors[-1] if cursors else None,
    )
    return cls(edges=edges, page_info=info, count=listing.count)


def encode_cursor(key: str) -> str:
    return base64.urlsafe_b64encode(key.encode()).decode()


def decode_cursor(cursor: str) -> str:
    try:
        return base64.urlsafe_b64decode(cursor.encode()).decode()
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise InvalidParameterError("Malformed cursor", field="after") from exc


def slice_sorted(
    items: Sequence[E], key: Callable[[E], str], args: PageArgs
) -> tuple[list[E], bool, bool]:
    """A page of a short list, ordered by a unique `key`: (items, has_next, has_previous)."""
    ordered = sorted(items, key=key)
    keys = [key(i) for i in ordered]
    start = bisect.bisect_right(keys, decode_cursor(args.after)) if args.after else 0
    stop = bisect.bisect_left(keys, decode_cursor(args.before)) if args.before else len(keys)
    if args.backwards:
        page = ordered[max(start, stop - args.limit) : stop]
        return page, stop < len(keys), stop - len(page) > 0
    page = ordered[start : min(stop, start + args.limit)]
    return page, start + len(page) < len(keys), start > 0


def constant(n: int) -> Callable[[], Awaitable[int]]:
    """A `totalCount` already known."""

    async def count() -> int:
        return n

    return count
