"""GraphQL test helpers: run an operation over HTTP; make users, members, experiments, runs."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from labbook.db.database import Database
from labbook.store import candidates, experiments, metrics, params_metadata, projects, tokens, users
from labbook.store.entities import AccessLevel, Candidate, Experiment, KeyValue, MetricPoint
from tests.conftest import app_state_of

Gql = Callable[..., Awaitable[dict[str, Any]]]


async def run(client: httpx.AsyncClient, query: str, **variables: Any) -> dict[str, Any]:
    """POST /graphql; the whole JSON body (`data` and maybe `errors`)."""
    response = await client.post("/graphql", json={"query": query, "variables": variables})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def data(body: dict[str, Any]) -> dict[str, Any]:
    """The data of a response that must have no errors."""
    assert "errors" not in body, body["errors"]
    result: dict[str, Any] = body["data"]
    return result


def codes(body: dict[str, Any]) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in body.get("errors", [])]


@pytest.fixture
def app_db(app: Starlette) -> Database:
    return app_state_of(app).db


UserClient = Callable[..., Awaitable[httpx.AsyncClient]]


@pytest.fixture
async def user_client(app: Starlette, app_db: Database) -> AsyncIterator[UserClient]:
    """A factory: a client for a new user, optionally a member of a project with a role."""
    opened: list[httpx.AsyncClient] = []

    async def make(
        username: str,
        role: AccessLevel | None = None,
        project: str = "default",
        scopes: str = "api",
    ) -> httpx.AsyncClient:
        async with app_db.write() as s:
            user = await users.create_user(s, username=username, password="password-" + username)
            if role is not None:
                p = await projects.get_project(s, ref=project)
                await projects.set_member(s, project_id=p.id, user_id=user.id, level=role)
            _, secret = await tokens.create_token(
                s, user_id=user.id, name="t", scopes=scopes.split(",")
            )
        client = httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app),
            base_url="http://test",
            headers={"Authorization": f"Bearer {secret}"},
        )
        opened.append(client)
        return client

    yield make
    for client in opened:
        await client.aclose()


async def make_experiment(db: Database, name: str = "exp", project_id: int = 1) -> Experiment:
    async with db.write() as s:
        return await experiments.create_experiment(
            s, project_id=project_id, name=name, creator_id=1
        )


async def make_candidate(
    db: Database,
    experiment: Experiment,
    name: str = "run",
    params: dict[str, str] | None = None,
    metrics_: dict[str, float] | None = None,
    metadata: dict[str, str] | None = None,
    parent_id: int | None = None,
) -> Candidate:
    async with db.write() as s:
        c = await candidates.create_candidate(
            s,
            experiment=experiment,
            name=name,
            creator_id=1,
            start_time=1_700_000_000_000,
            parent_id=parent_id,
        )
        kv = [KeyValue(name=k, value=v) for k, v in (params or {}).items()]
        await params_metadata.log_params(s, candidate_id=c.id, params=kv)
        meta = [KeyValue(name=k, value=v) for k, v in (metadata or {}).items()]
        await params_metadata.set_metadata(s, candidate_id=c.id, entries=meta)
        points = [
            MetricPoint(name=k, value=v, step=0, timestamp=1_700_000_000_000)
            for k, v in (metrics_ or {}).items()
        ]
        await metrics.log_metrics(s, candidate_id=c.id, points=points)
    return c
