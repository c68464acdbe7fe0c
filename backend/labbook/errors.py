"""Domain errors raised by the core; each surface translates them once."""

from __future__ import annotations


class LabbookError(Exception):
    """Base of every domain error. `message` is safe to show to the caller."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NotFoundError(LabbookError):
    """The thing does not exist, or the caller may not know that it does."""


class AlreadyExistsError(LabbookError):
    """A unique name or key is already taken."""


class InvalidParameterError(LabbookError):
    """The input is malformed, out of range or inconsistent with stored data."""

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class AuthenticationError(LabbookError):
    """Credentials are missing, wrong, expired or revoked."""


class PermissionDeniedError(LabbookError):
    """The caller is known but lacks the role or token scope for this action."""


class InvalidStateError(LabbookError):
    """The action conflicts with the resource's state (e.g. writing to a deleted run)."""


class TooLargeError(LabbookError):
    """An upload exceeds a configured size limit (HTTP 413 where the surface allows it)."""
