"""An S3-compatible server for the S3 artifact store tests: moto's, on a loopback port."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Iterator

import pytest

from labbook.artifacts.s3 import S3ArtifactStore
from tests.live import free_port

PART = 5 * 1024 * 1024  # S3's smallest allowed part, so multipart is exercised with little data


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    yield f"http://127.0.0.1:{port}"
    server.stop()


@pytest.fixture
def s3_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")


@pytest.fixture
def bucket() -> str:
    return f"labbook-{uuid.uuid4().hex[:12]}"


@pytest.fixture
async def s3_store(
    s3_endpoint: str, s3_credentials: None, bucket: str
) -> AsyncIterator[S3ArtifactStore]:
    store = S3ArtifactStore(
        bucket=bucket, prefix="lab", endpoint_url=s3_endpoint, region="us-east-1", part_size=PART
    )
    client = await store._s3()
    await client.create_bucket(Bucket=bucket)
    yield store
    await store.close()
