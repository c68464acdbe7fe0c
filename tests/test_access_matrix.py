"""The access matrix over HTTP, on one MLflow endpoint and one GraphQL query (issue 2).

Rows: who is asking; columns: MLflow read (experiments/search), MLflow write
(experiments/create), and what GraphQL answers for the project's experiments.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
from starlette.applications import Starlette

from labbook.db.tables import utcnow
from labbook.store import experiments, projects, tokens, users
from labbook.store.entities import AccessLevel
from tests.conftest import app_state_of

MLFLOW = "/api/v4/projects/team%2Fp/ml/mlflow/api/2.0/mlflow"
QUERY = '{ project(fullPath: "team/p") { experiments { nodes { name } } } }'

EXPECTED: dict[str, tuple[int, int, str]] = {
    "no token": (401, 401, "null"),
    "bad token": (401, 401, "UNAUTHENTICATED"),
    "expired": (401, 401, "UNAUTHENTICATED"),
    "revoked": (401, 401, "UNAUTHENTICATED"),
    "read_api": (200, 403, "data"),
    "non-member": (404, 404, "null"),
    "guest": (403, 403, "FORBIDDEN"),
    "reporter": (403, 403, "FORBIDDEN"),
    "developer": (200, 200, "data"),
    "maintainer": (200, 200, "data"),
    "admin": (200, 200, "data"),
}


async def _tokens(app: Starlette) -> dict[str, str]:
    secrets = {"bad token": "lbpat-not-a-token"}
    async with app_state_of(app).db.write() as s:
        p = await projects.create_project(s, path="team/p")
        await experiments.create_experiment(s, project_id=p.id, name="seen", creator_id=None)
        for who, level in [(x.name.lower(), x) for x in AccessLevel if x < AccessLevel.OWNER] + [
            ("non-member", None),
            ("admin", None),
        ]:
            u = await users.create_user(
                s, username=f"u-{who}", password="password1", is_admin=who == "admin"
            )
            if level is not None:
                await projects.set_member(s, project_id=p.id, user_id=u.id, level=level)
            secrets[who] = (await tokens.create_token(s, user_id=u.id, name="t", scopes=["api"]))[1]
        dev = await users.find_user(s, username="u-developer")
        assert dev is not None
        for name, scopes, expires in [
            ("read_api", ["read_api"], None),
            ("expired", ["api"], utcnow() - timedelta(minutes=1)),
            ("revoked", ["api"], None),
        ]:
            secrets[name] = (
                await tokens.create_token(
                    s, user_id=dev.id, name=name, scopes=scopes, expires_at=expires
                )
            )[1]
        await tokens.revoke_secret(s, secret=secrets["revoked"])
    return secrets


def _graphql_outcome(body: dict[str, Any]) -> str:
    if body.get("errors"):
        return str(body["errors"][0].get("extensions", {}).get("code"))
    return "null" if body["data"]["project"] is None else "data"


async def _row(client: httpx.AsyncClient, secret: str | None, n: int) -> tuple[int, int, str]:
    headers = {"Authorization": f"Bearer {secret}"} if secret else {}
    read = await client.get(f"{MLFLOW}/experiments/search?max_results=10", headers=headers)
    write = await client.post(
        f"{MLFLOW}/experiments/create", json={"name": f"x{n}"}, headers=headers
    )
    graphql = await client.post("/graphql", json={"query": QUERY}, headers=headers)
    return read.status_code, write.status_code, _graphql_outcome(graphql.json())


async def test_access_matrix(app: Starlette, anon_client: httpx.AsyncClient) -> None:
    secrets = await _tokens(app)
    got = {}
    for n, who in enumerate(EXPECTED):
        got[who] = await _row(anon_client, secrets.get(who), n)
    assert got == EXPECTED
