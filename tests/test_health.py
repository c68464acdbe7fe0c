"""Liveness and readiness, and the SPA fallback."""

from __future__ import annotations

import httpx


async def test_health_and_readiness(anon_client: httpx.AsyncClient) -> None:
    assert (await anon_client.get("/-/health")).json() == {"status": "ok"}
    ready = await anon_client.get("/-/readiness")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ok"


async def test_unknown_api_path_is_404_not_the_spa(anon_client: httpx.AsyncClient) -> None:
    assert (await anon_client.get("/api/v4/nothing/here")).status_code == 404
