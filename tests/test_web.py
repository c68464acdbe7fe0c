"""The single-page app is served at every app route, with history-mode fallback."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import httpx

from labbook.app import create_app
from labbook.settings import Settings


async def test_app_routes_fall_back_to_index_but_api_paths_do_not(
    settings: Settings, tmp_path: Path
) -> None:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>labbook</title>")
    (dist / "assets" / "app.js").write_text("console.log(1)")
    app = create_app(replace(settings, frontend_dir=dist))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        for path in ("/", "/default/-/ml/experiments/3", "/-/user_settings/personal_access_tokens"):
            page = await client.get(path)
            assert page.status_code == 200, path
            assert "<title>labbook</title>" in page.text
        asset = await client.get("/assets/app.js")
        assert asset.text == "console.log(1)"
        assert "immutable" in asset.headers["cache-control"]
        assert (await client.get("/api/v4/unknown")).status_code == 404
        assert (await client.get("/-/health")).json() == {"status": "ok"}
