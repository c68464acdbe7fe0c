"""Shared fixtures: a migrated database per test (SQLite, and PostgreSQL when configured)."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest
from asgi_lifespan import LifespanManager
from sqlalchemy.engine import make_url
from starlette.applications import Starlette

from labbook.app import create_app
from labbook.bootstrap import bootstrap
from labbook.db import migrations
from labbook.db.database import Database
from labbook.db.tables import Base
from labbook.settings import Settings
from labbook.state import AppState
from tests.live import run_live_server

PG_URL = os.environ.get("LABBOOK_TEST_DATABASE_URL")
REQUIRE_ALL = os.environ.get("LABBOOK_TEST_REQUIRE_ALL") == "1"


def skip_or_fail(reason: str) -> None:
    """Skip where the machine lacks a part; in CI (LABBOOK_TEST_REQUIRE_ALL=1) fail instead."""
    if REQUIRE_ALL:
        pytest.fail(f"required in CI: {reason}")
    pytest.skip(reason)


BACKENDS = ["sqlite", "postgresql"]


def _dsn(url: str, database: str | None = None) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    if database:
        parsed = parsed.set(database=database)
    return parsed.render_as_string(hide_password=False)


def _pg(url: str, *statements: str, database: str | None = None) -> None:
    async def run() -> None:
        conn = await asyncpg.connect(_dsn(url, database))
        try:
            for statement in statements:
                await conn.execute(statement)
        finally:
            await conn.close()

    asyncio.run(run())


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """One PostgreSQL database for the test session, created here and dropped at the end."""
    if not PG_URL:
        skip_or_fail("LABBOOK_TEST_DATABASE_URL is not set: PostgreSQL tests skipped")
    name = f"labbook_test_{uuid.uuid4().hex[:8]}"
    _pg(PG_URL, f'CREATE DATABASE "{name}"', database="postgres")
    yield make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    _pg(PG_URL, f'DROP DATABASE "{name}" WITH (FORCE)', database="postgres")


def _reset_pg(url: str) -> None:
    """Empty every table between tests (cheaper than a database per test)."""
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    _pg(url, f"TRUNCATE {tables} RESTART IDENTITY CASCADE")


@pytest.fixture(params=BACKENDS)
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        url = f"sqlite+aiosqlite:///{tmp_path / 'labbook.db'}"
        migrations.upgrade(url)
        return url
    url: str = request.getfixturevalue("pg_database")
    migrations.upgrade(url)
    _reset_pg(url)
    return url


@pytest.fixture
async def db(database_url: str) -> AsyncIterator[Database]:
    database = Database(database_url)
    yield database
    await database.dispose()


ADMIN_TOKEN = "lbpat-test-admin-token"
ADMIN_PASSWORD = "admin-password"


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        database_url=database_url,
        initial_admin_password=ADMIN_PASSWORD,
        initial_admin_token=ADMIN_TOKEN,
    )


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[Starlette]:
    """The ASGI app on a migrated database holding the first-start admin, project and token."""
    application = create_app(settings)
    await bootstrap(app_state_of(application).db, settings)
    async with LifespanManager(application):
        yield application


def app_state_of(application: Starlette) -> AppState:
    state: AppState = application.state.labbook
    return state


@pytest.fixture
async def client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client for the app, authenticated as the admin."""
    transport = httpx.ASGITransport(app=app)
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    async with httpx.AsyncClient(transport=transport, base_url="http://test", headers=headers) as c:
        yield c


@pytest.fixture
async def anon_client(app: Starlette) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as c:
        yield c


@pytest.fixture
def live_server(settings: Settings) -> Iterator[str]:
    """A real uvicorn server on a free loopback port, in a thread; yields its base URL."""
    with run_live_server(settings) as url:
        yield url
