"""`create_app(settings)`: builds the database, the routes and the lifespan. Nothing at import."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress

from starlette.applications import Starlette
from starlette.routing import BaseRoute

from labbook import health, web
from labbook.artifacts.factory import artifact_store
from labbook.db.database import Database
from labbook.db.statistics import keep_statistics_fresh
from labbook.exports import routes as exports
from labbook.graphql.view import graphql_routes
from labbook.mlflow_compat.routes import mlflow_routes
from labbook.packages import routes as packages
from labbook.settings import Settings
from labbook.state import AppState


def api_routes() -> list[BaseRoute]:
    """Every API surface; each adapter contributes its own list."""
    return [*health.routes, *packages.routes, *exports.routes, *mlflow_routes(), *graphql_routes()]


def create_app(settings: Settings) -> Starlette:
    state = AppState(
        settings=settings,
        db=Database(settings.db_url),
        artifacts=artifact_store(settings),
    )

    @asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        statistics = asyncio.create_task(keep_statistics_fresh(state.db))
        await state.events.start(state.db)
        try:
            yield
        finally:
            await state.events.stop()
            statistics.cancel()
            with suppress(asyncio.CancelledError):
                await statistics
            await state.artifacts.close()
            await state.db.dispose()

    app = Starlette(
        routes=[*api_routes(), *web.web_routes(settings.frontend_dir)], lifespan=lifespan
    )
    app.state.labbook = state
    return app
