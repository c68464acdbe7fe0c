"""Domain errors → MLflow's `{"error_code", "message"}` bodies with MLflow's HTTP statuses.

The MLflow client drives control flow from `error_code` (a 404 `RESOURCE_DOES_NOT_EXIST` on
get-by-name means "create it"), and retries 5xx answers for minutes, so every client mistake
must end here as a 4xx, never as a 500.
"""

from __future__ import annotations

import json

from starlette.responses import Response

from labbook.errors import (
    AlreadyExistsError,
    AuthenticationError,
    InvalidParameterError,
    InvalidStateError,
    LabbookError,
    NotFoundError,
    PermissionDeniedError,
    TooLargeError,
)

STATUS = {
    "INVALID_PARAMETER_VALUE": 400,
    "BAD_REQUEST": 400,
    "RESOURCE_ALREADY_EXISTS": 400,
    "RESOURCE_DOES_NOT_EXIST": 404,
    "ENDPOINT_NOT_FOUND": 404,
    "PERMISSION_DENIED": 403,
    "UNAUTHENTICATED": 401,
    "INTERNAL_ERROR": 500,
    "NOT_IMPLEMENTED": 501,
}

CODES: list[tuple[type[LabbookError], str]] = [
    (NotFoundError, "RESOURCE_DOES_NOT_EXIST"),
    (AlreadyExistsError, "RESOURCE_ALREADY_EXISTS"),
    (InvalidParameterError, "INVALID_PARAMETER_VALUE"),
    (InvalidStateError, "INVALID_PARAMETER_VALUE"),
    (AuthenticationError, "UNAUTHENTICATED"),
    (PermissionDeniedError, "PERMISSION_DENIED"),
    (TooLargeError, "INVALID_PARAMETER_VALUE"),
]


class MlflowApiError(LabbookError):
    """An error raised by the shim itself with an explicit MLflow error code."""

    def __init__(self, error_code: str, message: str) -> None:
        super().__init__(message)
        self.error_code = error_code


def error_code_of(exc: LabbookError) -> str:
    if isinstance(exc, MlflowApiError):
        return exc.error_code
    for kind, code in CODES:
        if isinstance(exc, kind):
            return code
    return "INVALID_PARAMETER_VALUE"


def error_response(error_code: str, message: str, *, status: int | None = None) -> Response:
    status = status or STATUS.get(error_code, 400)
    body = json.dumps({"error_code": error_code, "message": message})
    headers = {"WWW-Authenticate": 'Bearer realm="labbook"'} if status == 401 else None
    return Response(body, status_code=status, media_type="application/json", headers=headers)


def response_for(exc: LabbookError) -> Response:
    # 413 is not retried by the client, and says what went wrong better than a 400.
    status = 413 if isinstance(exc, TooLargeError) else None
    return error_response(error_code_of(exc), exc.message, status=status)


def invalid(message: str) -> MlflowApiError:
    return MlflowApiError("INVALID_PARAMETER_VALUE", message)


def missing(field: str) -> MlflowApiError:
    return invalid(
        f"Missing value for required parameter '{field}'. "
        "See the API docs for more information about request parameters."
    )
