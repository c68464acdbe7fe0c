"""Keyset pagination over any sorted SELECT: sort columns, ORDER BY and cursor predicates.

A sort column may be *nullable*: NULLs then sort last in both directions (`NULLS LAST`), as
MLflow places runs without the key, and the same on SQLite and PostgreSQL whatever their
default NULL order. A nullable column may also carry a *missing* flag (0/1), ordering among
its NULLs: a metric that is NaN (stored as NULL) comes before a metric that is absent.
`NULLS LAST` rather than a computed rank keeps the ORDER BY index-friendly (a descending
walk of an index on SQLite).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from sqlalchemy import (
    ColumnElement,
    Select,
    SQLColumnExpression,
    and_,
    false,
    or_,
    text,
    true,
)
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.errors import InvalidParameterError
from labbook.store.pages import Cursors, Page, decode_cursor
from labbook.store.plain_rows import plain_rows
from labbook.store.sql import dialect_name

T = TypeVar("T")
AnySelect = Select[*tuple[Any, ...]]
Expr = SQLColumnExpression[Any]


@dataclass(frozen=True, slots=True)
class SortColumn:
    value: Expr
    ascending: bool
    nullable: bool = False
    missing: Expr | None = None


Atom = tuple[ColumnElement[bool], ColumnElement[bool]]


def _atoms(column: SortColumn, value: Any, missing: Any, forward: bool) -> list[Atom]:
    """(strictly beyond, tied) conditions of one column against the cursor's values."""
    expr = column.value
    if value is not None:
        beyond = expr > value if column.ascending == forward else expr < value
        if column.nullable and forward:
            beyond = or_(beyond, expr.is_(None))
        return [(beyond, expr == value)]
    if not column.nullable:
        raise InvalidParameterError("Invalid page token", field="page_token")
    atoms: list[Atom] = [(false() if forward else expr.is_not(None), expr.is_(None))]
    if column.missing is not None:
        flag = column.missing
        atoms.append((flag > missing if forward else flag < missing, flag == missing))
    return atoms


Narrow = Callable[[AnySelect], AnySelect]


def unchanged(stmt: AnySelect) -> AnySelect:
    return stmt


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of rows that all precede the next segment's: `narrow` turns the search into this
    segment's query, sorted by `columns`. Splitting "candidates with the metric, with NaN,
    without it" into segments lets each be a plain join the database can walk in index order,
    where one outer join would have to sort every candidate.

    Cursors hold the values of the unsegmented order (`fill` supplies those this segment's
    rows do not carry, e.g. "no value, key missing"), so they stay valid whichever way a
    search is cut."""

    columns: tuple[SortColumn, ...]
    narrow: Narrow = unchanged
    fill: tuple[Any, ...] = ()

    def expressions(self) -> list[Expr]:
        """What each row must carry to build its cursor: each value and missing flag."""
        found: list[Expr] = []
        for column in self.columns:
            found.append(column.value)
            if column.missing is not None:
                found.append(column.missing)
        return found

    def order_by(self, *, reverse: bool) -> list[Expr]:
        clauses: list[Expr] = []
        for column in self.columns:
            up = column.ascending != reverse
            clause = column.value.asc() if up else column.value.desc()
            if column.nullable:
                clause = clause.nulls_first() if reverse else clause.nulls_last()
            clauses.append(clause)
            if column.missing is not None:
                clauses.append(column.missing.desc() if reverse else column.missing.asc())
        return clauses

    def beyond(self, values: list[Any], *, forward: bool) -> ColumnElement[bool]:
        """Rows strictly after (`forward`) or before the cursor's row in this order."""
        it = iter(values)
        clauses: list[ColumnElement[bool]] = []
        ties: list[ColumnElement[bool]] = []
        for column in self.columns:
            value = next(it)
            missing = next(it) if column.missing is not None else None
            for beyond, tied in _atoms(column, value, missing, forward):
                clauses.append(and_(*ties, beyond))
                ties.append(tied)
        return and_(self._range(values[0], forward), or_(false(), *clauses))

    def _range(self, value: Any, forward: bool) -> ColumnElement[bool]:
        """The same bound as a plain range on the first column (implied by the OR above),
        which lets the database seek its index to the cursor instead of scanning to it."""
        first = self.columns[0]
        if first.nullable or value is None:
            return true()
        bound: ColumnElement[bool] = (
            first.value >= value if first.ascending == forward else first.value <= value
        )
        return bound


@dataclass(frozen=True, slots=True)
class Keyset:
    """The full order of a search: segments in order, each ending with a unique column."""

    segments: tuple[Segment, ...]
    signature: str

    def position(self, cursor: str) -> tuple[int, list[Any]]:
        """The segment and sort values of a cursor; `InvalidParameterError` if it is not ours."""
        values = decode_cursor(cursor, signature=self.signature)
        # The segment whose fill the cursor starts with; the one without a fill otherwise.
        ranked = sorted(enumerate(self.segments), key=lambda pair: not pair[1].fill)
        for index, segment in ranked:
            width = len(segment.fill)
            if values[:width] == list(segment.fill):
                rest = values[width:]
                if len(rest) == len(segment.expressions()):
                    return index, rest
                break
        raise InvalidParameterError("Invalid page token", field="page_token")


async def plan_per_query(session: AsyncSession) -> None:
    """On PostgreSQL, plan this transaction's statements for their actual values.

    Prepared statements otherwise switch to a generic plan after a few runs, which cannot
    know how selective `params.x = 'v'` is and may sort every match where walking an
    index in order and stopping after a page would touch a few hundred rows.
    """
    if dialect_name(session) == "postgresql":
        await session.execute(text("SET LOCAL plan_cache_mode = force_custom_plan"))


Bound = tuple[int, list[Any] | None]
# Runs the segment query `build` makes, by a key naming it within its page (see `fetch_page`).
SegmentRows = Callable[[Hashable, Callable[[], AnySelect]], Awaitable[Sequence[Any]]]


def _segment_query(
    stmt: AnySelect, keyset: Keyset, index: int, low: Bound, high: Bound, limit: int, reverse: bool
) -> AnySelect:
    """The query of one segment: its rows between the bounds, with their sort values."""
    segment = keyset.segments[index]
    query = segment.narrow(stmt)
    if low[1] is not None and index == low[0]:
        query = query.where(segment.beyond(low[1], forward=True))
    if high[1] is not None and index == high[0]:
        query = query.where(segment.beyond(high[1], forward=False))
    query = query.add_columns(*segment.expressions())
    return query.order_by(*segment.order_by(reverse=reverse)).limit(limit)


async def _segment_page(
    session: AsyncSession,
    build: Callable[[], AnySelect],
    segment: Segment,
    *,
    plain: bool,
    rows_of: Callable[[Callable[[], AnySelect]], Awaitable[Sequence[Any]]] | None,
) -> list[tuple[Any, list[Any]]]:
    """Up to `limit` (row, cursor values) pairs of one segment of an already bounded query."""
    extra = len(segment.expressions())
    if rows_of is not None:
        rows = await rows_of(build)
    else:
        stmt = build()
        rows = await plain_rows(session, stmt) if plain else (await session.execute(stmt)).all()
    width = len(rows[0]) - extra if rows else 0
    if not plain:
        return [(tuple(row[:width]), [*segment.fill, *row[width:]]) for row in rows]
    return [(row, [*segment.fill, *row[width:]]) for row in rows]


async def fetch_page(
    session: AsyncSession,
    stmt: AnySelect,
    keyset: Keyset,
    build: Callable[[Any], T],
    *,
    limit: int,
    after: str | None,
    before: str | None,
    plain: bool = False,
    rows: SegmentRows | None = None,
) -> Page[T]:
    """One page of `stmt` in `keyset` order; `build` turns a row (without the sort values)
    into an item. With `before`, the rows just before it, still in order.

    `plain`: `stmt` selects columns only; it runs on the connection (`plain_rows`) and
    `build` gets the whole row, named columns and sort values alike. `rows` (plain only)
    runs each segment's query instead, given a key that tells it from the page's other
    queries: `(segment index, row limit)`."""
    if limit < 0:
        raise InvalidParameterError("Page size must not be negative", field="limit")
    await plan_per_query(session)
    low = keyset.position(after) if after is not None else (0, None)
    high = keyset.position(before) if before is not None else (len(keyset.segments) - 1, None)
    indexes = list(range(low[0], high[0] + 1))
    found: list[tuple[Any, list[Any]]] = []
    for index in reversed(indexes) if before is not None else indexes:
        size, reverse = limit + 1 - len(found), before is not None
        query = partial(_segment_query, stmt, keyset, index, low, high, size, reverse)
        rows_of = partial(rows, (index, size)) if rows is not None and plain else None
        segment = keyset.segments[index]
        found += await _segment_page(session, query, segment, plain=plain, rows_of=rows_of)
        if len(found) > limit:
            break
    has_more, found = len(found) > limit, found[:limit]
    if before is not None:
        found.reverse()
    return Page(
        items=[build(row) for row, _ in found],
        cursors=Cursors(keyset.signature, [values for _, values in found]),
        has_more=has_more,
    )
