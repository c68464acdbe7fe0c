"""The shim's access memo: answers are reused for a short time, then checked again."""

from __future__ import annotations

import asyncio

import httpx
from starlette.applications import Starlette

from labbook.mlflow_compat.access_cache import AccessCache, credentials_key
from labbook.store import tokens
from tests.conftest import ADMIN_TOKEN, app_state_of
from tests.mlflow_compat.conftest import ROOT

URL = f"{ROOT}/experiments/search"


async def test_revocation_applies_after_ttl(client: httpx.AsyncClient, app: Starlette) -> None:
    app.state.mlflow_access_cache = AccessCache(ttl=0.3)
    assert (await client.get(URL)).status_code == 200
    async with app_state_of(app).db.write() as session:
        await tokens.revoke_secret(session, secret=ADMIN_TOKEN)
    assert (await client.get(URL)).status_code == 200  # remembered
    await asyncio.sleep(0.4)
    response = await client.get(URL)
    assert response.status_code == 401
    assert response.json()["error_code"] == "UNAUTHENTICATED"


async def test_failures_are_not_remembered(anon_client: httpx.AsyncClient) -> None:
    bad = {"Authorization": "Bearer nope"}
    for _ in range(2):
        assert (await anon_client.get(URL, headers=bad)).status_code == 401
    good = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    assert (await anon_client.get(URL, headers=good)).status_code == 200


def test_credentials_key() -> None:
    assert credentials_key({}, {}) is None
    bearer = credentials_key({"authorization": "Bearer a"}, {})
    assert bearer is not None
    assert bearer != credentials_key({"authorization": "Bearer b"}, {})
    assert "Bearer" not in bearer
