"""Keyset pagination over any sorted SELECT: sort columns, ORDER BY and cursor predicates.

A sort column may be *nullable*: NULLs then sort last in both directions (`NULLS LAST`), as
MLflow places runs without the key, and the same on SQLite and PostgreSQL whatever their
default NULL order. A nullable column may also carry a *missing* flag (0/1), ordering among
its NULLs: a metric that is NaN (stored as NULL) comes before a metric that is absent.
`NULLS LAST` rather than a computed rank keeps the ORDER BY index-friendly (a descending
walk of an index on SQLite).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, Row, Select, SQLColumnExpression, and_, false, or_
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.errors import InvalidParameterError
from labbook.store.pages import Page, decode_cursor, encode_cursor

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


@dataclass(frozen=True, slots=True)
class Keyset:
    """The full sort order of a search (its last column must be unique, e.g. the id)."""

    columns: tuple[SortColumn, ...]
    signature: str

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

    def beyond(self, cursor: str, *, forward: bool) -> ColumnElement[bool]:
        """Rows strictly after (`forward`) or before the cursor's row in this order."""
        values = decode_cursor(cursor, signature=self.signature, length=len(self.expressions()))
        it = iter(values)
        clauses: list[ColumnElement[bool]] = []
        ties: list[ColumnElement[bool]] = []
        for column in self.columns:
            value = next(it)
            missing = next(it) if column.missing is not None else None
            for beyond, tied in _atoms(column, value, missing, forward):
                clauses.append(and_(*ties, beyond))
                ties.append(tied)
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
