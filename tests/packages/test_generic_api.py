"""The generic packages API over HTTP: upload, download, list, delete, auth, limits, safety."""

from __future__ import annotations

import base64
import hashlib
import os
from collections.abc import AsyncIterator

import httpx
import pytest
from starlette.applications import Starlette

from labbook.settings import Settings
from tests.packages.conftest import BASE, SMALL_LIMIT, call_asgi, stored_files

URL = f"{BASE}/mypkg/1.0.0"


async def test_upload_download_round_trip(client: httpx.AsyncClient, settings: Settings) -> None:
    data = os.urandom(300_000)
    put = await client.put(f"{URL}/dir/sub/model.bin", content=data)
    assert put.status_code == 201, put.text
    assert put.json()["file"] == put.json()["file"] | {
        "path": "dir/sub/model.bin",
        "size": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    got = await client.get(f"{URL}/dir/sub/model.bin")
    assert got.status_code == 200
    assert got.content == data
    assert got.headers["content-disposition"] == 'attachment; filename="model.bin"'
    assert got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["content-type"] == "application/octet-stream"
    assert got.headers["content-length"] == str(len(data))
    assert got.headers["etag"] == f'"{hashlib.sha256(data).hexdigest()}"'
    assert len(stored_files(settings)) == 1


@pytest.mark.parametrize(
    ("name", "expected_type"),
    [
        ("notes.txt", "text/plain; charset=utf-8"),
        ("plot.png", "image/png"),
        ("page.html", "application/octet-stream"),
        ("logo.svg", "application/octet-stream"),
        ("MLmodel", "application/octet-stream"),
    ],
)
async def test_download_content_types(
    client: httpx.AsyncClient, name: str, expected_type: str
) -> None:
    assert (await client.put(f"{URL}/{name}", content=b"<b>x</b>")).status_code == 201
    got = await client.get(f"{URL}/{name}")
    assert got.headers["content-type"] == expected_type
    assert got.headers["x-content-type-options"] == "nosniff"


async def test_non_ascii_file_name_disposition(client: httpx.AsyncClient) -> None:
    assert (await client.put(f"{URL}/résumé 1.txt", content=b"x")).status_code == 201
    got = await client.get(f"{URL}/résumé 1.txt")
    assert (
        got.headers["content-disposition"]
        == "attachment; filename*=utf-8''r%C3%A9sum%C3%A9%201.txt"
    )


async def test_reupload_replaces_file_and_bytes(
    client: httpx.AsyncClient, settings: Settings
) -> None:
    await client.put(f"{URL}/a.txt", content=b"first")
    await client.put(f"{URL}/a.txt", content=b"second version")
    assert (await client.get(f"{URL}/a.txt")).content == b"second version"
    listing = (await client.get(f"{URL}/")).json()
    assert [(f["path"], f["size"]) for f in listing] == [("a.txt", 14)]
    assert len(stored_files(settings)) == 1  # the replaced bytes are gone


async def test_listing_whole_package_and_folder(client: httpx.AsyncClient) -> None:
    for path in ("b.txt", "dir/x.txt", "dir/sub/y.txt", "other/z.txt"):
        await client.put(f"{URL}/{path}", content=path.encode())
    everything = await client.get(f"{URL}/")
    assert [f["path"] for f in everything.json()] == [
        "b.txt",
        "dir/sub/y.txt",
        "dir/x.txt",
        "other/z.txt",
    ]
    folder = await client.get(f"{URL}/dir/")
    assert [f["path"] for f in folder.json()] == ["dir/sub/y.txt", "dir/x.txt"]
    assert (await client.get(f"{BASE}/nopkg/1/")).status_code == 404


async def test_delete_file_and_folder(client: httpx.AsyncClient, settings: Settings) -> None:
    for path in ("keep.txt", "dir/a.txt", "dir/sub/b.txt"):
        await client.put(f"{URL}/{path}", content=b"x")
    assert (await client.delete(f"{URL}/keep.txt")).status_code == 204
    assert (await client.get(f"{URL}/keep.txt")).status_code == 404
    assert (await client.delete(f"{URL}/dir")).status_code == 204
    assert (await client.get(f"{URL}/")).json() == []
    assert stored_files(settings) == []
    missing = await client.delete(f"{URL}/keep.txt")
    assert missing.status_code == 404
    assert "No such artifact" in missing.json()["message"]


async def test_missing_file_and_project(client: httpx.AsyncClient) -> None:
    await client.put(f"{URL}/a.txt", content=b"x")
    assert (await client.get(f"{URL}/b.txt")).status_code == 404
    assert (await client.get(f"{BASE}/mypkg/2.0/a.txt")).status_code == 404
    missing = await client.get("/api/v4/projects/999/packages/generic/mypkg/1.0.0/a.txt")
    assert missing.status_code == 404
    assert missing.json() == {"message": "Project not found"}


async def test_project_by_path(client: httpx.AsyncClient) -> None:
    url = "/api/v4/projects/default/packages/generic/p/1/f.txt"
    assert (await client.put(url, content=b"by path")).status_code == 201
    assert (await client.get(f"{BASE}/p/1/f.txt")).content == b"by path"


async def test_file_and_folder_cannot_share_a_path(client: httpx.AsyncClient) -> None:
    assert (await client.put(f"{URL}/a", content=b"file")).status_code == 201
    clash = await client.put(f"{URL}/a/b.txt", content=b"x")
    assert clash.status_code == 400
    assert "clash" in clash.json()["message"]
    assert (await client.put(f"{URL}/d/e.txt", content=b"x")).status_code == 201
    assert (await client.put(f"{URL}/d", content=b"x")).status_code == 400
    assert [f["path"] for f in (await client.get(f"{URL}/")).json()] == ["a", "d/e.txt"]


async def test_auth_schemes(anon_client: httpx.AsyncClient, secrets: dict[str, str]) -> None:
    basic = base64.b64encode(f"dev:{secrets['dev']}".encode()).decode()
    for headers in (
        {"Authorization": f"Bearer {secrets['dev']}"},
        {"PRIVATE-TOKEN": secrets["dev"]},
        {"Authorization": f"Basic {basic}"},
    ):
        put = await anon_client.put(f"{URL}/f.txt", content=b"x", headers=headers)
        assert put.status_code == 201, (headers, put.text)
        assert (await anon_client.get(f"{URL}/f.txt", headers=headers)).content == b"x"


async def test_access_is_refused(
    anon_client: httpx.AsyncClient, client: httpx.AsyncClient, secrets: dict[str, str]
) -> None:
    await client.put(f"{URL}/f.txt", content=b"x")

    async def status(method: str, token: str | None) -> int:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        body = b"y" if method == "PUT" else None
        response = await anon_client.request(method, f"{URL}/f.txt", content=body, headers=headers)
        return response.status_code

    assert await status("GET", None) == 401
    assert await status("PUT", None) == 401
    assert await status("GET", "lbpat-wrong-token") == 401
    assert await status("GET", secrets["outsider"]) == 404
    assert await status("PUT", secrets["outsider"]) == 404
    assert await status("GET", secrets["rep"]) == 403
    assert await status("PUT", secrets["read_api"]) == 403
    assert await status("DELETE", secrets["read_api"]) == 403
    assert await status("GET", secrets["read_api"]) == 200
    assert (await client.get(f"{URL}/f.txt")).content == b"x"  # nothing was changed


@pytest.mark.parametrize(
    "path",
    [
        "%2e%2e/%2e%2e/etc/passwd",
        "a/%2E%2E/%2e%2e/b",
        "a%2F..%2F..%2Fb",
        "/etc/passwd",
        "a%00b.txt",
        "a%5C..%5Cb.txt",
        "a%01b",
    ],
)
async def test_unsafe_paths_are_refused(
    client: httpx.AsyncClient, settings: Settings, path: str
) -> None:
    put = await client.put(f"{URL}/{path}", content=b"evil")
    assert put.status_code == 400, put.text
    assert "Invalid artifact path" in put.json()["message"]
    assert (await client.get(f"{URL}/{path}")).status_code == 400
    assert stored_files(settings) == []


async def test_newline_in_path_is_not_served(client: httpx.AsyncClient, settings: Settings) -> None:
    # Starlette's path patterns do not match a newline, so the route itself is not found.
    put = await client.put(f"{URL}/a%0Ab", content=b"evil")
    assert put.status_code in (400, 404)
    assert stored_files(settings) == []


@pytest.mark.parametrize(
    ("name", "version"), [("%2e%2e", "1"), ("p", "%2E%2E"), ("p%00", "1"), (".hidden", "1")]
)
async def test_unsafe_package_names_are_refused(
    client: httpx.AsyncClient, name: str, version: str
) -> None:
    put = await client.put(f"{BASE}/{name}/{version}/f.txt", content=b"x")
    assert put.status_code == 400
    assert "Invalid package" in put.json()["message"]


async def test_size_limit_declared(small_client: httpx.AsyncClient, settings: Settings) -> None:
    ok = await small_client.put(f"{URL}/ok.bin", content=b"x" * SMALL_LIMIT)
    assert ok.status_code == 201
    big = await small_client.put(f"{URL}/big.bin", content=b"x" * (SMALL_LIMIT + 1))
    assert big.status_code == 413
    assert big.json() == {
        "message": f"Artifact file is too large: the limit is {SMALL_LIMIT} bytes"
    }
    assert (await small_client.get(f"{URL}/big.bin")).status_code == 404
    assert len(stored_files(settings)) == 1


async def test_size_limit_streamed(small_client: httpx.AsyncClient, settings: Settings) -> None:
    async def body() -> AsyncIterator[bytes]:  # no Content-Length: the limit bites mid-stream
        for _ in range(5):
            yield b"x" * 400

    big = await small_client.put(f"{URL}/big.bin", content=body())
    assert big.status_code == 413
    assert (await small_client.get(f"{URL}/")).status_code == 404  # no package even
    assert stored_files(settings) == []


async def test_client_disconnect_leaves_nothing(
    app: Starlette, client: httpx.AsyncClient, settings: Settings
) -> None:
    chunk = {"type": "http.request", "body": b"x" * 500, "more_body": True}
    await call_asgi(app, f"{URL}/broken.bin", [chunk, {"type": "http.disconnect"}])
    assert (await client.get(f"{URL}/broken.bin")).status_code == 404
    assert (await client.get(f"{URL}/")).status_code == 404
    assert stored_files(settings) == []


async def test_body_shorter_than_declared_is_refused(
    app: Starlette, client: httpx.AsyncClient, settings: Settings
) -> None:
    short = {"type": "http.request", "body": b"x" * 500, "more_body": False}
    assert await call_asgi(app, f"{URL}/short.bin", [short]) == [400]
    assert (await client.get(f"{URL}/short.bin")).status_code == 404
    assert stored_files(settings) == []


async def test_conditional_download(client: httpx.AsyncClient) -> None:
    await client.put(f"{URL}/plot.png", content=b"first")
    etag = (await client.get(f"{URL}/plot.png")).headers["etag"]
    cached = await client.get(f"{URL}/plot.png", headers={"If-None-Match": etag})
    assert (cached.status_code, cached.content, cached.headers["etag"]) == (304, b"", etag)
    weak = await client.get(f"{URL}/plot.png", headers={"If-None-Match": f'W/{etag}, "x"'})
    assert weak.status_code == 304
    await client.put(f"{URL}/plot.png", content=b"second")
    fresh = await client.get(f"{URL}/plot.png", headers={"If-None-Match": etag})
    assert (fresh.status_code, fresh.content) == (200, b"second")
    assert fresh.headers["etag"] != etag


async def test_missing_bytes_are_reported(client: httpx.AsyncClient, settings: Settings) -> None:
    await client.put(f"{URL}/lost.bin", content=b"x")
    for path in stored_files(settings):
        path.unlink()  # storage lost the bytes behind the record's back
    lost = await client.get(f"{URL}/lost.bin")
    assert lost.status_code == 404
    assert lost.json() == {"message": "The bytes of artifact 'lost.bin' are missing from storage"}
