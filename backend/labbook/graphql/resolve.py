"""Small helpers shared by resolvers."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

from labbook.errors import NotFoundError

T = TypeVar("T")


async def or_none(lookup: Awaitable[T]) -> T | None:
    """A store lookup where "not found" is a null field, not an error."""
    try:
        return await lookup
    except NotFoundError:
        return None
