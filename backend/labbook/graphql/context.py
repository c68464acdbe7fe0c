"""The per-request context: app state, who is asking, the response to set cookies on, loaders."""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy.ext.asyncio import AsyncSession
from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from labbook.auth.backend import SESSION_COOKIE, authenticate
from labbook.auth.roles import Principal
from labbook.db.database import Database
from labbook.errors import AuthenticationError
from labbook.graphql.loaders import Loaders
from labbook.graphql.reads import SharedReads
from labbook.settings import Settings
from labbook.state import AppState, app_state


@dataclass(slots=True, kw_only=True)
class Context:
    state: AppState
    request: Request | WebSocket
    response: Response | WebSocket
    principal: Principal | None
    auth_error: AuthenticationError | None = None
    loaders: Loaders = field(init=False)
    # Project id -> may read experiments; filled by `permissions` once per project and request.
    readable: dict[int, bool] = field(default_factory=dict)
    # A websocket's `connection_init` payload (strawberry fills it in).
    connection_params: dict[str, Any] | None = None
    # Set by `reads.ShareReads` while a query operation runs.
    shared_reads: SharedReads | None = None

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.read)

    def read(self) -> AbstractAsyncContextManager[AsyncSession]:
        """A read session: the query's shared one, else a transaction of its own."""
        shared = self.shared_reads
        return shared.read() if shared is not None else self.state.db.read()

    @property
    def db(self) -> Database:
        return self.state.db

    @property
    def settings(self) -> Settings:
        return self.state.settings


Info = StrawberryInfo[Context, None]


def _cookies(request: Request | WebSocket) -> Mapping[str, str]:
    """No session cookie for a websocket opened by another origin's page: browsers send cookies
    with cross-origin websockets and CORS does not apply, so the origin is checked here."""
    origin = request.headers.get("origin")
    if isinstance(request, WebSocket) and origin is not None:
        hosts = {request.headers.get("host"), request.headers.get("x-forwarded-host")}
        if urlsplit(origin).netloc not in hosts:
            return {}
    return request.cookies


async def _principal(
    db: Database, request: Request | WebSocket
) -> tuple[Principal | None, AuthenticationError | None]:
    """Bad explicit credentials are an error; a stale session cookie just means signed out."""
    try:
        return await authenticate(db, request.headers, _cookies(request)), None
    except AuthenticationError as exc:
        headers = request.headers
        if "authorization" in headers or "private-token" in headers:
            return None, exc
        return None, None


async def build_context(request: Request | WebSocket, response: Response | WebSocket) -> Context:
    state = app_state(request)
    principal, error = await _principal(state.db, request)
    stale = principal is None and error is None and SESSION_COOKIE in request.cookies
    if stale and isinstance(response, Response):
        response.delete_cookie(SESSION_COOKIE, path="/")
    return Context(
        state=state, request=request, response=response, principal=principal, auth_error=error
    )


async def authenticate_connection(context: Context) -> None:
    """A websocket may authenticate in `connection_init`: {"authorization": "Bearer <token>"}.

    Bad credentials there raise `AuthenticationError` (the connection is refused)."""
    value = (context.connection_params or {}).get("authorization")
    if isinstance(value, str):
        headers = {"authorization": value}
        context.principal = await authenticate(context.db, headers, {})
        context.auth_error = None
