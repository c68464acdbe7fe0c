"""`/graphql` over HTTP (GraphiQL on a browser GET) and WebSocket, with our per-request context."""

from __future__ import annotations

from collections.abc import Mapping

import orjson
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter, GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.types.unset import UNSET, UnsetType

from labbook.errors import AuthenticationError
from labbook.graphql.context import Context, authenticate_connection, build_context
from labbook.graphql.schema import schema


class TextWebSocketAdapter(ASGIWebSocketAdapter):
    """graphql-transport-ws messages as text frames: given encode_json's bytes, Strawberry
    would send binary frames, which the browser's graphql-ws client rejects (4004)."""

    async def send_json(self, message: Mapping[str, object]) -> None:
        try:
            await self.ws.send_text(orjson.dumps(message).decode())
        except WebSocketDisconnect as exc:
            raise WebSocketDisconnected from exc


class GraphQLView(GraphQL[Context, None]):
    websocket_adapter_class = TextWebSocketAdapter

    def encode_json(self, data: object) -> str | bytes:
        """orjson: a page of candidates is some 100 KB of JSON, several times faster. What it
        refuses (an integer past 64 bits inside a `JSON` value) the standard library writes."""
        try:
            return orjson.dumps(data)
        except TypeError:
            return super().encode_json(data)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        return await build_context(request, response)

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        try:
            await authenticate_connection(context)
        except AuthenticationError as exc:
            raise ConnectionRejectionError from exc
        unset: UnsetType = UNSET
        return unset


def graphql_routes() -> list[BaseRoute]:
    view = GraphQLView(schema)
    return [Route("/graphql", view, methods=["GET", "POST"]), WebSocketRoute("/graphql", view)]
