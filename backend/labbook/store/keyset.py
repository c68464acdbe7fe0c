"""Keyset pagination over any sorted SELECT: sort columns, ORDER BY and cursor predicates.

A sort column is a value plus, when the value can be missing, a *rank*: 0 for a present
value and larger numbers for kinds of absence (NaN, missing key). Ranks always sort
ascending, so absent values come last in both directions, as in MLflow, and the same order
holds on SQLite and PostgreSQL whatever their NULL ordering. Within a rank above 0 the values
are all NULL and tie, so the cursor predicate skips them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Row, Select, SQLColumnExpression, and_, false, or_
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.errors import InvalidParameterError
from labbook.store.pages import CursorValue, Page, decode_cursor, encode_cursor

T = TypeVar("T")
AnySelect = Select[*tuple[Any, ...]]
Expr = SQLColumnExpression[Any]


@dataclass(frozen=True, slots=True)
class SortColumn:
    value: Expr
    ascending: bool
    rank: Expr | None = None


@dataclass(frozen=True, slots=True)
class Keyset:
    """The full sort order of a search (its last column must be unique, e.g. the id)."""

    columns: tuple[SortColumn, ...]
    signature: str

    def expressions(self) -> list[Expr]:
        """What each row must carry to build its cursor: rank (if any) and value per column."""
        found: list[Expr] = []
        for column in self.columns:
            found.extend([column.value] if column.rank is None else [column.rank, column.value])
        return found

    def order_by(self, *, reverse: bool) -> list[Expr]:
        clauses: list[Expr] = []
        for column in self.columns:
            if column.rank is not None:
                clauses.append(column.rank.desc() if reverse else column.rank.asc())
            up = column.ascending != reverse
            clauses.append(column.value.asc() if up else column.value.desc())
        return clauses

    def _atoms(self, values: list[CursorValue]) -> list[tuple[Expr, bool, Any]]:
        """(expression, ascending, cursor value) in priority order, ties within ranks dropped."""
        atoms: list[tuple[Expr, bool, Any]] = []
        it = iter(values)
        for column in self.columns:
            if column.rank is not None:
                rank = next(it)
                atoms.append((column.rank, True, rank))
                value = next(it)
                if rank != 0:
                    continue
            else:
                value = next(it)
            atoms.append((column.value, column.ascending, value))
        return atoms

    def beyond(self, cursor: str, *, forward: bool) -> ColumnElement[bool]:
        """Rows strictly after (`forward`) or before the cursor's row in this order."""
        values = decode_cursor(cursor, signature=self.signature, length=len(self.expressions()))
        clauses: list[ColumnElement[bool]] = []
        ties: list[ColumnElement[bool]] = []
        for expr, ascending, value in self._atoms(values):
            if value is None:  # a NULL tie-breaker (rank 0 with NULL cannot happen) → invalid
                raise InvalidParameterError("Invalid page token", field="page_token")
            later = expr > value if ascending == forward else expr < value
            clauses.append(and_(*ties, later))
            ties.append(expr == value)
        return or_(false(), *clauses)


async def fetch_page(
    session: AsyncSession,
    stmt: AnySelect,
    keyset: Keyset,
    build: Callable[[tuple[Any, ...]], T],
    *,
    limit: int,
    after: str | None,
    before: str | None,
) -> Page[T]:
    """One page of `stmt` in `keyset` order; `build` turns a row (without the sort values)
    into an item."""
    if limit < 0:
        raise InvalidParameterError("Page size must not be negative", field="limit")
    if after is not None:
        stmt = stmt.where(keyset.beyond(after, forward=True))
    if before is not None:
        stmt = stmt.where(keyset.beyond(before, forward=False))
    backwards = before is not None
    extra = keyset.expressions()
    stmt = stmt.add_columns(*extra).order_by(*keyset.order_by(reverse=backwards))
    rows: Sequence[Row[Any]] = (await session.execute(stmt.limit(limit + 1))).all()
    has_more, rows = len(rows) > limit, rows[:limit]
    if backwards:
        rows = list(reversed(rows))
    width = len(rows[0]) - len(extra) if rows else 0
    return Page(
        items=[build(tuple(row[:width])) for row in rows],
        cursors=[encode_cursor(keyset.signature, list(row[width:])) for row in rows],
        has_more=has_more,
    )
