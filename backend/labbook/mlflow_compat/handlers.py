"""The shim's endpoint contract: turn `handler(fields, ctx) -> dict` into an HTTP endpoint.

Use it for every MLflow endpoint (tracking, artifacts, models):

    @api_handler
    async def get_run(fields: Fields, ctx: Context) -> dict[str, Any]:
        async with ctx.read() as tx:                  # authenticates + authorizes READ
            run = await get_candidate(tx.session, eid=fields.run_id(), project_id=tx.project.id)
            return {"run": ...}

* `fields` is the JSON body (POST/PATCH/DELETE) or the query string (GET), see `requests.Fields`.
  With `@api_handler(body=False)` the body is left unread: use `ctx.request` to stream it
  (artifact uploads) and `ctx.query` for the query string.
* `ctx.read()` / `ctx.write(action)` open ONE transaction, authorize the caller on the project
  (`Action.READ`, `Action.WRITE`, `Action.DELETE_EXPERIMENT`) and yield `tx.session`,
  `tx.project`. `ctx.principal` is the caller (None when anonymous on a public project).
* Return a dict (sent as JSON with status 200, MLflow's only success status) or any Starlette
  `Response` (file downloads). Raise `labbook.errors` domain errors or
  `errors.MlflowApiError`; they become MLflow error bodies. Anything else is logged and
  answered 500 INTERNAL_ERROR.
* A JSON handler is run a second time, in a new transaction, when the first one loses a race
  on a unique row (IntegrityError); so keep its side effects inside the transaction.
* Successful authentication and authorization are remembered for a few seconds
  (`access_cache`), so repeated calls with one token cost no extra queries.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any, overload

import orjson
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response

from labbook.auth.backend import authenticate
from labbook.auth.roles import Action, Principal, authorize
from labbook.errors import LabbookError
from labbook.mlflow_compat.access_cache import AccessCache, credentials_key
from labbook.mlflow_compat.errors import error_response, response_for
from labbook.mlflow_compat.requests import Fields, query_fields, request_fields
from labbook.state import AppState, app_state
from labbook.store.entities import Project

log = logging.getLogger(__name__)

DEFAULT_PROJECT = "default"  # the project served at the bare `/api/2.0/mlflow/...` root
Endpoint = Callable[[Request], Awaitable[Response]]
Result = dict[str, Any] | Response
Handler = Callable[[Fields, "Context"], Awaitable[Result]]


@dataclass(frozen=True, slots=True)
class Tx:
    session: AsyncSession
    project: Project


@dataclass(slots=True)
class Context:
    """Who asks, about which project, and how to open the request's one transaction."""

    request: Request
    state: AppState
    principal: Principal | None
    project_ref: str
    cache: AccessCache

    @property
    def query(self) -> Fields:
        return query_fields(self.request)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[Tx]:
        async with self.state.db.read() as session:
            yield Tx(session, await self._authorize(session, Action.READ))

    @asynccontextmanager
    async def write(self, action: Action = Action.WRITE) -> AsyncIterator[Tx]:
        async with self.state.db.write() as session:
            yield Tx(session, await self._authorize(session, action))

    async def _authorize(self, session: AsyncSession, action: Action) -> Project:
        ref, principal = self.project_ref, self.principal
        if (project := self.cache.project(principal, ref, action)) is not None:
            return project
        project = await authorize(session, principal=principal, project_ref=ref, action=action)
        self.cache.remember_project(principal, ref, action, project)
        return project


def json_response(result: dict[str, Any]) -> Response:
    """orjson: search pages and metric histories are large, and float formatting dominates.

    It writes a float NaN as null, so NaN and infinities must already be the strings MLflow
    uses (`serialize.wire_float`); integers beyond 64 bits fall back to the standard library.
    """
    try:
        body = orjson.dumps(result)
    except TypeError:
        body = json.dumps(result, separators=(",", ":")).encode()
    return Response(body, media_type="application/json")


def _access_cache(request: Request) -> AccessCache:
    cache: AccessCache | None = getattr(request.app.state, "mlflow_access_cache", None)
    if cache is None:
        cache = request.app.state.mlflow_access_cache = AccessCache()
    return cache


async def _principal(request: Request, state: AppState, cache: AccessCache) -> Principal | None:
    key = credentials_key(request.headers, request.cookies)
    if key is None:
        return None
    if (principal := cache.principal(key)) is None:
        principal = await authenticate(state.db, request.headers, request.cookies)
        if principal is not None:
            cache.remember_principal(key, principal)
    return principal


async def _context(request: Request) -> Context:
    state, cache = app_state(request), _access_cache(request)
    principal = await _principal(request, state, cache)
    project = request.path_params.get("project") or DEFAULT_PROJECT
    return Context(
        request=request, state=state, principal=principal, project_ref=project, cache=cache
    )


async def _retrying(handler: Handler, fields: Fields, ctx: Context) -> Result:
    try:
        return await handler(fields, ctx)
    except IntegrityError:
        # A concurrent request inserted the same unique row first (e.g. two runs racing to
        # create the Default experiment); run once more in a new transaction that sees it.
        return await handler(fields, ctx)


async def _run(handler: Handler, request: Request, body: bool) -> Response:
    try:
        ctx = await _context(request)
        if body:
            result = await _retrying(handler, await request_fields(request), ctx)
        else:
            result = await handler(ctx.query, ctx)
    except LabbookError as exc:
        return response_for(exc)
    except IntegrityError:
        # Still conflicting on the second attempt: someone else holds the unique name.
        message = "The resource was created concurrently by another request"
        return error_response("RESOURCE_ALREADY_EXISTS", message)
    except Exception:  # a bug, not a client mistake: log it, hide the traceback
        log.exception("MLflow endpoint %s %s failed", request.method, request.url.path)
        return error_response("INTERNAL_ERROR", "Internal server error")
    return result if isinstance(result, Response) else json_response(result)


@overload
def api_handler(handler: Handler, /) -> Endpoint: ...
@overload
def api_handler(*, body: bool = True) -> Callable[[Handler], Endpoint]: ...


def api_handler(
    handler: Handler | None = None, /, *, body: bool = True
) -> Endpoint | Callable[[Handler], Endpoint]:
    """Decorate a handler into an endpoint with auth, parsing and error translation."""

    def wrap(fn: Handler) -> Endpoint:
        async def endpoint(request: Request) -> Response:
            return await _run(fn, request, body)

        endpoint.__name__ = fn.__name__
        endpoint.__doc__ = fn.__doc__
        return endpoint

    return wrap(handler) if handler is not None else wrap
