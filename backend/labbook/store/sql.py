"""Dialect helpers shared by the store: INSERT … ON CONFLICT, scalar min/max, and
statements built once per dialect."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ColumnElement, func
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession


def dialect_name(session: AsyncSession) -> str:
    return session.get_bind().dialect.name


def insert(session: AsyncSession, table: Any) -> Any:
    """The dialect's INSERT, which has `on_conflict_do_nothing/update` on both backends."""
    if dialect_name(session) == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def least(session: AsyncSession, a: Any, b: Any) -> ColumnElement[Any]:
    """Smaller of two values, ignoring NULL (SQLite's 2-arg min() would return NULL)."""
    if dialect_name(session) == "postgresql":
        return func.least(a, b)
    return func.coalesce(func.min(a, b), a, b)


def greatest(session: AsyncSession, a: Any, b: Any) -> ColumnElement[Any]:
    if dialect_name(session) == "postgresql":
        return func.greatest(a, b)
    return func.coalesce(func.max(a, b), a, b)


_MEMO: dict[tuple[str, str], Any] = {}


def memoized(session: AsyncSession, key: str, build: Callable[[AsyncSession], Any]) -> Any:
    """The statement `build` makes for this dialect, built on first use and then reused.

    Statements are immutable; building a large upsert (and SQLAlchemy's cache key for it)
    costs more than executing it, on paths that run for every logged metric.
    """
    memo_key = (dialect_name(session), key)
    stmt = _MEMO.get(memo_key)
    if stmt is None:
        stmt = _MEMO[memo_key] = build(session)
    return stmt
