"""Serves the built single-page app: static assets, and index.html for every other path."""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import Scope

NOT_BUILT = """<!doctype html><title>labbook</title>
<p>The web app is not built. Run <code>make setup</code> (or <code>npm ci && npm run build</code>
in <code>frontend/</code>).</p>"""


def default_frontend_dir() -> Path:
    return Path(__file__).resolve().parents[2] / "frontend" / "dist"


class _Assets(StaticFiles):
    async def get_response(self, path: str, scope: Scope) -> Response:
        response = await super().get_response(path, scope)
        response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        return response


def web_routes(frontend_dir: Path | None) -> list[Route | Mount]:
    root = frontend_dir or default_frontend_dir()
    index = root / "index.html"

    async def spa(request: Request) -> Response:
        path = request.path_params["path"]
        if path.startswith("api/"):  # an unknown API path is a 404, never the app
            raise HTTPException(404)
        candidate = (root / path).resolve()
        if path and candidate.is_file() and candidate.is_relative_to(root.resolve()):
            return FileResponse(candidate)
        if not index.is_file():
            return HTMLResponse(NOT_BUILT, status_code=503)
        return FileResponse(index, headers={"Cache-Control": "no-cache"})

    routes: list[Route | Mount] = []
    if (root / "assets").is_dir():
        routes.append(Mount("/assets", app=_Assets(directory=root / "assets"), name="assets"))
    routes.append(Route("/{path:path}", spa, methods=["GET", "HEAD"]))
    return routes
