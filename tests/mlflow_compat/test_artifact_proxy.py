"""The MLflow artifact proxy over HTTP: shapes, mounts, errors, and the files it shares with
the generic packages API."""

from __future__ import annotations

import httpx
import pytest
from starlette.applications import Starlette

from labbook.settings import Settings
from tests.packages.conftest import SMALL_LIMIT, call_asgi, small_client, stored_files

__all__ = ["small_client"]  # a fixture, used by name below

ROOT = "/api/2.0/mlflow-artifacts/artifacts"
SCOPED = "/api/v4/projects/1/ml/mlflow/api/2.0/mlflow-artifacts/artifacts"
RUN = "ml_experiment_1/1"


async def test_upload_list_download_delete(client: httpx.AsyncClient) -> None:
    put = await client.put(f"{ROOT}/{RUN}/a/b.txt", content=b"hello")
    assert (put.status_code, put.content) == (200, b"")
    await client.put(f"{ROOT}/{RUN}/top.bin", content=b"\x00\x01")
    listing = await client.get(ROOT, params={"path": RUN})
    assert listing.json() == {
        "files": [
            {"path": "a", "is_dir": True},
            {"path": "top.bin", "is_dir": False, "file_size": 2},
        ]
    }
    sub = await client.get(ROOT, params={"path": f"{RUN}/a"})
    assert sub.json() == {"files": [{"path": "b.txt", "is_dir": False, "file_size": 5}]}
    for path in (f"{RUN}/a/b.txt", f"{RUN}/nope", "ml_experiment_1", "", "x/y/z"):
        assert (await client.get(ROOT, params={"path": path})).json() == {}, path
    got = await client.get(f"{ROOT}/{RUN}/a/b.txt")
    assert got.content == b"hello"
    assert got.headers["content-disposition"] == 'attachment; filename="b.txt"'
    assert got.headers["x-content-type-options"] == "nosniff"
    assert (await client.delete(f"{ROOT}/{RUN}/a")).json() == {}
    missing = await client.get(f"{ROOT}/{RUN}/a/b.txt")
    assert missing.status_code == 404
    assert missing.json()["error_code"] == "RESOURCE_DOES_NOT_EXIST"


async def test_same_files_as_generic_packages(client: httpx.AsyncClient) -> None:
    await client.put(f"{SCOPED}/{RUN}/model/weights.bin", content=b"w" * 10)
    generic = "/api/v4/projects/1/packages/generic/ml_experiment_1/1"
    assert (await client.get(f"{generic}/model/weights.bin")).content == b"w" * 10
    await client.put(f"{generic}/from-generic.txt", content=b"g")
    assert (await client.get(f"{ROOT}/{RUN}/from-generic.txt")).content == b"g"
    by_path = "/api/v4/projects/default/ml/mlflow/api/2.0/mlflow-artifacts/artifacts"
    listing = (await client.get(by_path, params={"path": RUN})).json()
    assert [f["path"] for f in listing["files"]] == ["from-generic.txt", "model"]


async def test_plus_signs_and_spaces_survive(client: httpx.AsyncClient) -> None:
    name = "images/sample+step+1+timestamp+5 x.png"
    assert (await client.put(f"{ROOT}/{RUN}/{name}", content=b"png")).status_code == 200
    listing = (await client.get(ROOT, params={"path": f"{RUN}/images"})).json()
    assert listing["files"][0]["path"] == "sample+step+1+timestamp+5 x.png"
    assert (await client.get(f"{ROOT}/{RUN}/{name}")).content == b"png"


@pytest.mark.parametrize(
    "path",
    [f"{RUN}/%2e%2e/%2e%2e/2/x", f"{RUN}/a%5Cb", f"{RUN}/a%00b", "%2e%2e/x/y", "only-a-name"],
)
async def test_bad_paths_are_refused(
    client: httpx.AsyncClient, settings: Settings, path: str
) -> None:
    put = await client.put(f"{ROOT}/{path}", content=b"evil")
    assert put.status_code == 400, put.text
    assert put.json()["error_code"] == "INVALID_PARAMETER_VALUE"
    assert stored_files(settings) == []


async def test_bad_list_path(client: httpx.AsyncClient) -> None:
    listing = await client.get(ROOT, params={"path": f"{RUN}/../2"})
    assert listing.status_code == 400
    assert listing.json()["error_code"] == "INVALID_PARAMETER_VALUE"


async def test_anonymous_and_unknown_project(anon_client: httpx.AsyncClient) -> None:
    put = await anon_client.put(f"{ROOT}/{RUN}/x.txt", content=b"x")
    assert put.status_code == 401
    assert put.json()["error_code"] == "UNAUTHENTICATED"
    assert (await anon_client.get(ROOT, params={"path": RUN})).status_code == 401


async def test_size_limit_is_mlflow_shaped(
    small_client: httpx.AsyncClient, settings: Settings
) -> None:
    big = await small_client.put(f"{ROOT}/{RUN}/big.bin", content=b"x" * (SMALL_LIMIT + 1))
    assert big.status_code == 413
    assert big.json()["error_code"] == "INVALID_PARAMETER_VALUE"
    assert "too large" in big.json()["message"]
    assert stored_files(settings) == []


async def test_legacy_list(client: httpx.AsyncClient) -> None:
    run = await client.post("/api/2.0/mlflow/runs/create", json={"experiment_id": "0"})
    info = run.json()["run"]["info"]
    package = info["artifact_uri"].removeprefix("mlflow-artifacts:/")
    await client.put(f"{ROOT}/{package}/dir/f.txt", content=b"f")
    await client.put(f"{ROOT}/{package}/g.txt", content=b"gg")
    listing = await client.get(
        "/api/2.0/mlflow/artifacts/list", params={"run_id": info["run_id"], "path": ""}
    )
    assert listing.json() == {
        "root_uri": info["artifact_uri"],
        "files": [
            {"path": "dir", "is_dir": True},
            {"path": "g.txt", "is_dir": False, "file_size": 2},
        ],
    }
    sub = await client.get(
        "/api/2.0/mlflow/artifacts/list", params={"run_id": info["run_id"], "path": "dir"}
    )
    assert sub.json()["files"] == [{"path": "dir/f.txt", "is_dir": False, "file_size": 1}]


async def test_broken_uploads_leave_nothing(
    app: Starlette, client: httpx.AsyncClient, settings: Settings
) -> None:
    short = {"type": "http.request", "body": b"x" * 500, "more_body": False}
    assert await call_asgi(app, f"{ROOT}/{RUN}/short.bin", [short]) == [400]
    partial = {"type": "http.request", "body": b"x" * 500, "more_body": True}
    await call_asgi(app, f"{ROOT}/{RUN}/dropped.bin", [partial, {"type": "http.disconnect"}])
    assert (await client.get(ROOT, params={"path": RUN})).json() == {}
    assert stored_files(settings) == []
