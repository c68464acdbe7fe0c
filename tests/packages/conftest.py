"""Fixtures for the generic packages API: URLs, a small size limit, extra users and tokens."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from asgi_lifespan import LifespanManager
from starlette.applications import Starlette

from labbook.app import create_app
from labbook.bootstrap import bootstrap
from labbook.settings import Settings
from labbook.store import projects, tokens, users
from labbook.store.entities import AccessLevel
from tests.conftest import ADMIN_TOKEN, app_state_of

BASE = "/api/v4/projects/1/packages/generic"
SMALL_LIMIT = 1000


def stored_files(settings: Settings) -> list[Path]:
    """Every byte file in the artifact folder, temporary ones included."""
    root = settings.artifacts_dir
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture
async def small_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    """A client for an app whose per-file limit is `SMALL_LIMIT` bytes."""
    application = create_app(replace(settings, max_artifact_bytes=SMALL_LIMIT))
    await bootstrap(app_state_of(application).db, settings)
    transport = httpx.ASGITransport(app=application)
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    async with (
        LifespanManager(application),
        httpx.AsyncClient(transport=transport, base_url="http://test", headers=headers) as c,
    ):
        yield c


@pytest.fixture
async def secrets(app: Starlette) -> dict[str, str]:
    """Tokens of a developer, a reporter, an outsider and a developer's read-only token."""
    found: dict[str, str] = {}
    async with app_state_of(app).db.write() as s:
        for name, level in (("dev", AccessLevel.DEVELOPER), ("rep", AccessLevel.REPORTER)):
            user = await users.create_user(s, username=name, password="password1")
            await projects.set_member(s, project_id=1, user_id=user.id, level=level)
            _, found[name] = await tokens.create_token(s, user_id=user.id, name="t", scopes=["api"])
            if name == "dev":
                _, found["read_api"] = await tokens.create_token(
                    s, user_id=user.id, name="r", scopes=["read_api"]
                )
        outsider = await users.create_user(s, username="outsider", password="password1")
        _, found["outsider"] = await tokens.create_token(
            s, user_id=outsider.id, name="t", scopes=["api"]
        )
    return found


async def call_asgi(app: Starlette, path: str, messages: list[dict[str, object]]) -> list[int]:
    """Drive the ASGI app with exact receive events (what a dropped connection looks like)."""
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "PUT",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"test"),
            (b"authorization", f"Bearer {ADMIN_TOKEN}".encode()),
            (b"content-length", b"1000"),
        ],
        "client": ("127.0.0.1", 5000),
        "server": ("test", 80),
    }
    queue = list(messages)
    statuses: list[int] = []

    async def receive() -> dict[str, object]:
        return queue.pop(0) if queue else {"type": "http.disconnect"}

    async def send(message: dict[str, object]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(int(message["status"]))  # type: ignore[call-overload]

    await app(scope, receive, send)
    return statuses
