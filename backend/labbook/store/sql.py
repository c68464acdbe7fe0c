"""Dialect helpers shared by the store: INSERT … ON CONFLICT and scalar min/max."""

from __future__ import annotations

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
