"""Running a mutation: domain errors become typed payload members, except "who are you?"."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TypeVar

from labbook.errors import AuthenticationError, LabbookError
from labbook.graphql.types.errors import ErrorMember, user_error

T = TypeVar("T")


async def outcome(work: Awaitable[T]) -> T | ErrorMember:
    """Missing credentials stay a top-level UNAUTHENTICATED error; the rest are members."""
    try:
        return await work
    except AuthenticationError:
        raise
    except LabbookError as exc:
        return user_error(exc)
