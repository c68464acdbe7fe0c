"""Liveness (`/-/health`) and readiness (`/-/readiness`: database reachable, schema current)."""

from __future__ import annotations

from sqlalchemy import text
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from labbook.db.migrations import current_revision, head_revision
from labbook.state import app_state


async def health(_request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readiness(request: Request) -> JSONResponse:
    db = app_state(request).db
    try:
        async with db.read() as session:
            await session.execute(text("SELECT 1"))
        revision = await current_revision(db.engine)
    except Exception as exc:  # any failure to reach the database means "not ready"
        return JSONResponse({"status": "unavailable", "error": type(exc).__name__}, status_code=503)
    if revision != head_revision():
        body = {"status": "migrations pending", "current": revision, "head": head_revision()}
        return JSONResponse(body, status_code=503)
    return JSONResponse({"status": "ok", "revision": revision})


routes = [Route("/-/health", health), Route("/-/readiness", readiness)]
