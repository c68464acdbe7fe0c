"""Error handling for the GraphQL surface.

Our domain errors reach the client with their message and an `extensions.code`; any other
exception is masked ("Unexpected error.") so internals never leak. Bad explicit credentials
fail the whole operation with `UNAUTHENTICATED` and HTTP 200, as GraphQL over HTTP does for
execution errors (a stale session cookie is not an error: the caller is simply signed out).
"""

from __future__ import annotations

from collections.abc import Iterator

from strawberry.extensions import MaskErrors, SchemaExtension
from strawberry.types import ExecutionContext, ExecutionResult
from strawberry.utils.logging import StrawberryLogger

from graphql import GraphQLError
from labbook import errors
from labbook.graphql.context import Context

CODES: dict[type[errors.LabbookError], str] = {
    errors.AuthenticationError: "UNAUTHENTICATED",
    errors.PermissionDeniedError: "FORBIDDEN",
    errors.NotFoundError: "NOT_FOUND",
    errors.InvalidParameterError: "BAD_USER_INPUT",
    errors.AlreadyExistsError: "ALREADY_EXISTS",
    errors.InvalidStateError: "INVALID_STATE",
}


def error_code(exc: errors.LabbookError) -> str:
    return next((code for kind, code in CODES.items() if isinstance(exc, kind)), "BAD_REQUEST")


def is_unexpected(error: GraphQLError) -> bool:
    """Errors raised by code that are not ours; syntax and validation errors pass, and so do
    GraphQL errors wrapped by graphql-core (a variable a scalar refused: its message says why)."""
    original = error.original_error
    return original is not None and not isinstance(original, errors.LabbookError | GraphQLError)


def masking() -> MaskErrors:
    return MaskErrors(should_mask_error=is_unexpected)


def log_unexpected(errors_: list[GraphQLError], context: ExecutionContext | None) -> None:
    """Only errors that are not ours are worth a traceback in the log (not a bad filter)."""
    for error in errors_:
        if is_unexpected(error):
            StrawberryLogger.error(error, context)


class ErrorCodes(SchemaExtension):
    """Adds `extensions.code` to errors raised from our domain errors."""

    def on_operation(self) -> Iterator[None]:
        yield
        result = self.execution_context.result
        for error in (result.errors if result else None) or []:
            if isinstance(error.original_error, errors.LabbookError):
                error.extensions = {
                    **(error.extensions or {}),
                    "code": error_code(error.original_error),
                }


class RejectBadCredentials(SchemaExtension):
    """Credentials that were sent but are wrong fail the operation before it runs."""

    def on_execute(self) -> Iterator[None]:
        context = self.execution_context.context
        if isinstance(context, Context) and context.auth_error is not None:
            error = GraphQLError(context.auth_error.message, extensions={"code": "UNAUTHENTICATED"})
            self.execution_context.result = ExecutionResult(data=None, errors=[error])
        yield
