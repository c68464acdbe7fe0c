"""Typed errors returned as members of mutation payload unions."""

from __future__ import annotations

import strawberry

from labbook import errors


@strawberry.interface(description="Errors returned as members of mutation payload unions.")
class UserError:
    message: str = strawberry.field(description="What went wrong, safe to show.")


@strawberry.type(description="The input is malformed or out of range.")
class ValidationError(UserError):
    field: str | None = strawberry.field(default=None, description="The offending input.")


@strawberry.type(description="The object does not exist or is not visible to you.")
class NotFoundError(UserError):
    pass


@strawberry.type(description="You are signed in but your role or token scope is not enough.")
class PermissionDeniedError(UserError):
    pass


@strawberry.type(description="A unique name is already taken.")
class AlreadyExistsError(UserError):
    pass


@strawberry.type(description="Sign-in failed, or the request needs an authenticated user.")
class AuthenticationError(UserError):
    pass


@strawberry.type(description="The object's state forbids this (e.g. restoring onto a live name).")
class InvalidStateError(UserError):
    pass


# Every mutation payload offers all of these; a missing sign-in is a top-level error instead.
ErrorMember = (
    ValidationError | NotFoundError | PermissionDeniedError | AlreadyExistsError | InvalidStateError
)


def user_error(exc: errors.LabbookError) -> ErrorMember:
    """The payload member for a domain error."""
    if isinstance(exc, errors.InvalidParameterError):
        return ValidationError(message=exc.message, field=exc.field)
    simple: dict[type[errors.LabbookError], type[ErrorMember]] = {
        errors.NotFoundError: NotFoundError,
        errors.PermissionDeniedError: PermissionDeniedError,
        errors.AlreadyExistsError: AlreadyExistsError,
        errors.InvalidStateError: InvalidStateError,
    }
    return simple.get(type(exc), ValidationError)(message=exc.message)
