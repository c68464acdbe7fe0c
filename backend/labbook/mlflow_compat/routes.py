"""The shim's one route table, mounted per project and, for the default project, at the root.

`ROUTES` holds `(method, path, endpoint)` with paths as MLflow's client builds them
(`/api/2.0/mlflow/runs/get`). `MlflowRoutes` serves them under
`/api/v4/projects/<id or path>/ml/mlflow` (a path's `%2F` arrives decoded, so the project is
everything up to `/ml/mlflow/`) and at the bare root for the project with path `default`.
Static paths are found with one dict lookup; paths with `{params}` are matched in order.
Unknown endpoints and wrong methods get MLflow-shaped 404/405 answers, not HTML.
"""

from __future__ import annotations

import re
from typing import Any

from starlette.datastructures import URLPath
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Match, NoMatchFound, compile_path
from starlette.types import Receive, Scope, Send

from labbook.mlflow_compat import (
    artifacts,
    datasets,
    experiments,
    metrics,
    model_versions,
    models,
    registry,
    runs,
    search,
    server_info,
)
from labbook.mlflow_compat.errors import error_response
from labbook.mlflow_compat.handlers import Endpoint

RouteEntry = tuple[str, str, Endpoint]

ROUTES: list[RouteEntry] = [
    *experiments.ROUTES,
    *runs.ROUTES,
    *metrics.ROUTES,
    *search.ROUTES,
    *server_info.ROUTES,
    *artifacts.ROUTES,
    *models.ROUTES,
    *registry.ROUTES,
    *model_versions.ROUTES,
    *datasets.ROUTES,
]

PROJECT_PREFIX = "/api/v4/projects/"
PROJECT_SUFFIX = "/ml/mlflow/"
ROOT_PREFIXES = ("/api/2.0/", "/api/3.0/")


def split_path(path: str) -> tuple[str | None, str] | None:
    """(project ref or None for the default project, MLflow path), or None if not ours."""
    if path.startswith(PROJECT_PREFIX):
        end = path.find(PROJECT_SUFFIX, len(PROJECT_PREFIX))
        if end <= len(PROJECT_PREFIX):
            return None
        return path[len(PROJECT_PREFIX) : end], path[end + len(PROJECT_SUFFIX) - 1 :]
    if path.startswith(ROOT_PREFIXES):
        return None, path
    return None


async def _not_found(request: Request) -> Response:
    return error_response("ENDPOINT_NOT_FOUND", f"No MLflow endpoint at {request.url.path}")


async def _wrong_method(request: Request) -> Response:
    response = error_response("BAD_REQUEST", f"Method {request.method} is not allowed here")
    response.status_code = 405
    return response


class MlflowRoutes(BaseRoute):
    def __init__(self, table: list[RouteEntry]) -> None:
        self.static: dict[str, dict[str, Endpoint]] = {}
        self.dynamic: list[tuple[re.Pattern[str], dict[str, Any], dict[str, Endpoint]]] = []
        patterns: dict[str, dict[str, Endpoint]] = {}
        for method, path, endpoint in table:
            target = patterns if "{" in path else self.static
            target.setdefault(path, {})[method] = endpoint
        for path, methods in patterns.items():
            regex, _, convertors = compile_path(path)
            self.dynamic.append((regex, convertors, methods))

    def _lookup(self, path: str) -> tuple[dict[str, Endpoint], dict[str, Any]] | None:
        if (methods := self.static.get(path)) is not None:
            return methods, {}
        for regex, convertors, methods in self.dynamic:
            if match := regex.match(path):
                params = {k: convertors[k].convert(v) for k, v in match.groupdict().items()}
                return methods, params
        return None

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        if scope["type"] != "http" or (split := split_path(scope["path"])) is None:
            return Match.NONE, {}
        project, path = split
        found = self._lookup(path)
        methods, params = found if found is not None else ({}, {})
        endpoint = methods.get(scope["method"])
        if endpoint is None and scope["method"] == "HEAD":
            endpoint = methods.get("GET")
        if endpoint is None:
            endpoint = _wrong_method if methods else _not_found
        params["project"] = project
        return Match.FULL, {"endpoint": endpoint, "path_params": params}

    def url_path_for(self, name: str, /, **path_params: Any) -> URLPath:
        raise NoMatchFound(name, path_params)

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        endpoint: Endpoint = scope["endpoint"]
        response = await endpoint(Request(scope, receive, send))
        await response(scope, receive, send)


def mlflow_routes() -> list[BaseRoute]:
    return [MlflowRoutes(ROUTES)]
