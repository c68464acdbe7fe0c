"""Domain errors → GitLab-style `{"message": ...}` answers for the packages API."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

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

log = logging.getLogger(__name__)
Endpoint = Callable[[Request], Awaitable[Response]]

STATUS: list[tuple[type[LabbookError], int]] = [
    (NotFoundError, 404),
    (AlreadyExistsError, 409),
    (InvalidParameterError, 400),
    (InvalidStateError, 409),
    (AuthenticationError, 401),
    (PermissionDeniedError, 403),
    (TooLargeError, 413),
]


def error_response(exc: LabbookError) -> Response:
    status = next((code for kind, code in STATUS if isinstance(exc, kind)), 400)
    headers = {"WWW-Authenticate": 'Bearer realm="labbook"'} if status == 401 else None
    return JSONResponse({"message": exc.message}, status_code=status, headers=headers)


def gitlab_endpoint(handler: Endpoint) -> Endpoint:
    """Translate domain errors; anything else is a bug: logged, answered 500 without details."""

    async def endpoint(request: Request) -> Response:
        try:
            return await handler(request)
        except LabbookError as exc:
            return error_response(exc)
        except Exception:
            log.exception("packages endpoint %s %s failed", request.method, request.url.path)
            return JSONResponse({"message": "500 Internal Server Error"}, status_code=500)

    endpoint.__name__ = handler.__name__
    return endpoint
