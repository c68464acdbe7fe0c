"""The S3 artifact store against an S3-compatible server: atomic writes, reads, deletes."""

from __future__ import annotations

import hashlib
import os
from collections.abc import AsyncIterator
from dataclasses import replace

import httpx
import pytest
from asgi_lifespan import LifespanManager

from labbook.app import create_app
from labbook.artifacts.factory import artifact_store
from labbook.artifacts.local import LocalArtifactStore
from labbook.artifacts.s3 import S3ArtifactStore
from labbook.bootstrap import bootstrap
from labbook.errors import InvalidParameterError, NotFoundError, TooLargeError
from labbook.settings import Settings
from tests.artifacts.conftest import PART
from tests.conftest import ADMIN_TOKEN, app_state_of


async def _chunks(data: bytes, size: int = 65536) -> AsyncIterator[bytes]:
    for i in range(0, len(data), size):
        yield data[i : i + size]


async def _failing(data: bytes) -> AsyncIterator[bytes]:
    async for chunk in _chunks(data):
        yield chunk
    raise ConnectionError("client went away")


async def _read(store: S3ArtifactStore, key: str) -> bytes:
    return b"".join([c async for c in await store.open(key, chunk_size=100_000)])


async def _state(store: S3ArtifactStore) -> tuple[list[str], int]:
    """Object keys in the bucket, and multipart uploads left open."""
    client = await store._s3()
    objects = await client.list_objects_v2(Bucket=store.bucket)
    uploads = await client.list_multipart_uploads(Bucket=store.bucket)
    return [o["Key"] for o in objects.get("Contents", [])], len(uploads.get("Uploads", []))


@pytest.mark.parametrize("size", [0, 10, PART * 2 + 123])
async def test_round_trip(s3_store: S3ArtifactStore, size: int) -> None:
    data = os.urandom(size)
    blob = await s3_store.write("p/1/key", _chunks(data))
    assert (blob.size, blob.sha256) == (size, hashlib.sha256(data).hexdigest())
    assert await _read(s3_store, "p/1/key") == data
    assert await s3_store.exists("p/1/key")
    assert await _state(s3_store) == (["lab/p/1/key"], 0)
    await s3_store.delete("p/1/key")
    assert not await s3_store.exists("p/1/key")


@pytest.mark.parametrize("size", [10, PART * 2 + 1])
async def test_failed_write_leaves_nothing(s3_store: S3ArtifactStore, size: int) -> None:
    with pytest.raises(ConnectionError):
        await s3_store.write("k", _failing(os.urandom(size)))
    assert await _state(s3_store) == ([], 0)


async def test_size_limit(s3_store: S3ArtifactStore) -> None:
    with pytest.raises(TooLargeError):
        await s3_store.write("k", _chunks(b"x" * (PART + 10)), max_bytes=PART + 1)
    assert await _state(s3_store) == ([], 0)


async def test_missing_and_unsafe_keys(s3_store: S3ArtifactStore) -> None:
    with pytest.raises(NotFoundError):
        await s3_store.open("nope")
    await s3_store.delete("nope")
    with pytest.raises(InvalidParameterError):
        await s3_store.open("../escape")


def test_factory(settings: Settings) -> None:
    assert isinstance(artifact_store(settings), LocalArtifactStore)
    s3 = artifact_store(replace(settings, artifacts_url="s3://bucket/some/prefix/"))
    assert isinstance(s3, S3ArtifactStore)
    assert (s3.bucket, s3.prefix) == ("bucket", "some/prefix")
    with pytest.raises(ValueError, match="s3://"):
        artifact_store(replace(settings, artifacts_url="ftp://bucket"))


async def test_packages_api_on_s3(
    settings: Settings, s3_endpoint: str, s3_credentials: None, bucket: str
) -> None:
    s3_settings = replace(
        settings, artifacts_url=f"s3://{bucket}/labbook", s3_endpoint_url=s3_endpoint
    )
    application = create_app(s3_settings)
    state = app_state_of(application)
    await bootstrap(state.db, s3_settings)
    assert isinstance(state.artifacts, S3ArtifactStore)
    await (await state.artifacts._s3()).create_bucket(Bucket=bucket)
    transport = httpx.ASGITransport(app=application)
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    url = "/api/v4/projects/1/packages/generic/p/1/dir/f.bin"
    data = os.urandom(PART + 7)
    async with (
        LifespanManager(application),
        httpx.AsyncClient(transport=transport, base_url="http://t", headers=headers) as client,
    ):
        assert (await client.put(url, content=data)).status_code == 201
        assert (await client.get(url)).content == data
        assert (await client.delete(url)).status_code == 204
        assert (await client.get(url)).status_code == 404
