"""`S3ArtifactStore`: artifact bytes as objects in an S3-compatible bucket (aiobotocore).

Atomicity comes from S3 itself: a small upload is one `PutObject`, a large one a multipart
upload, and neither object exists until its last request succeeds; a failed multipart upload
is aborted, so no part is left behind either.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterable, AsyncIterator
from contextlib import AsyncExitStack
from datetime import datetime
from typing import Any

import anyio
from aiobotocore.session import get_session
from botocore.exceptions import ClientError

from labbook.artifacts.base import StoredBlob, safe_path
from labbook.errors import NotFoundError, TooLargeError

# S3's minimum part size is 5 MiB; 8 MiB keeps a 5 GB file well under the 10,000 part limit.
PART_SIZE = 8 * 1024 * 1024
MISSING = ("404", "NoSuchKey", "NotFound")


class S3ArtifactStore:
    def __init__(
        self,
        *,
        bucket: str,
        prefix: str = "",
        endpoint_url: str | None = None,
        region: str | None = None,
        part_size: int = PART_SIZE,
    ) -> None:
        self.bucket = bucket
        self.prefix = safe_path(prefix, allow_empty=True)
        self.endpoint_url = endpoint_url
        self.region = region
        self.part_size = part_size
        self._stack = AsyncExitStack()
        self._client: Any = None
        self._lock = anyio.Lock()

    async def _s3(self) -> Any:
        """One client per store, opened on first use (not at import or construction)."""
        async with self._lock:
            if self._client is None:
                factory = get_session().create_client(
                    "s3", endpoint_url=self.endpoint_url, region_name=self.region
                )
                self._client = await self._stack.enter_async_context(factory)
        return self._client

    async def close(self) -> None:
        await self._stack.aclose()
        self._client = None

    def _key(self, key: str) -> str:
        key = safe_path(key)
        return f"{self.prefix}/{key}" if self.prefix else key

    async def write(
        self, key: str, chunks: AsyncIterable[bytes], *, max_bytes: int | None = None
    ) -> StoredBlob:
        upload = _Upload(await self._s3(), self.bucket, self._key(key), self.part_size)
        try:
            async for chunk in chunks:
                if max_bytes is not None and upload.size + len(chunk) > max_bytes:
                    raise TooLargeError(
                        f"Artifact file is too large: the limit is {max_bytes} bytes"
                    )
                await upload.add(chunk)
            return await upload.complete()
        except BaseException:
            with anyio.CancelScope(shield=True):
                await upload.abort()
            raise

    async def open(self, key: str, *, chunk_size: int = 1024 * 1024) -> AsyncIterator[bytes]:
        client = await self._s3()
        try:
            response = await client.get_object(Bucket=self.bucket, Key=self._key(key))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in MISSING:
                raise NotFoundError(f"No artifact stored at {key!r}") from exc
            raise
        return _body_chunks(response["Body"], chunk_size)

    async def delete(self, key: str) -> None:
        client = await self._s3()
        await client.delete_object(Bucket=self.bucket, Key=self._key(key))

    async def exists(self, key: str) -> bool:
        client = await self._s3()
        try:
            await client.head_object(Bucket=self.bucket, Key=self._key(key))
        except ClientError as exc:
            if exc.response.get("Error", {}).get("Code") in MISSING:
                return False
            raise
        return True

    async def keys(self, *, before: datetime) -> AsyncIterator[str]:
        client = await self._s3()
        start = f"{self.prefix}/" if self.prefix else ""
        pages = client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=start)
        async for page in pages:
            for item in page.get("Contents", []):
                if item["LastModified"] < before:
                    yield item["Key"][len(start) :]

    async def purge_incomplete(self, *, before: datetime) -> int:
        client = await self._s3()
        start = f"{self.prefix}/" if self.prefix else ""
        listed = await client.list_multipart_uploads(Bucket=self.bucket, Prefix=start)
        stale = [u for u in listed.get("Uploads", []) if u["Initiated"] < before]
        for upload in stale:
            await client.abort_multipart_upload(
                Bucket=self.bucket, Key=upload["Key"], UploadId=upload["UploadId"]
            )
        return len(stale)


async def _body_chunks(body: Any, chunk_size: int) -> AsyncIterator[bytes]:
    async with body:
        async for chunk in body.iter_chunks(chunk_size):
            yield chunk


class _Upload:
    """One object being written: buffered into parts, multipart only once it outgrows one."""

    def __init__(self, client: Any, bucket: str, key: str, part_size: int) -> None:
        self.client, self.bucket, self.key, self.part_size = client, bucket, key, part_size
        self.size = 0
        self.digest = hashlib.sha256()
        self.buffer = bytearray()
        self.upload_id: str | None = None
        self.parts: list[dict[str, Any]] = []

    async def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        self.digest.update(chunk)
        self.buffer += chunk
        if len(self.buffer) >= self.part_size:
            await self._send_part()

    async def _send_part(self) -> None:
        if self.upload_id is None:
            created = await self.client.create_multipart_upload(Bucket=self.bucket, Key=self.key)
            self.upload_id = created["UploadId"]
        number = len(self.parts) + 1
        sent = await self.client.upload_part(
            Bucket=self.bucket,
            Key=self.key,
            UploadId=self.upload_id,
            PartNumber=number,
            Body=bytes(self.buffer),
        )
        self.parts.append({"PartNumber": number, "ETag": sent["ETag"]})
        self.buffer.clear()

    async def complete(self) -> StoredBlob:
        if self.upload_id is None:
            await self.client.put_object(Bucket=self.bucket, Key=self.key, Body=bytes(self.buffer))
        else:
            if self.buffer:
                await self._send_part()
            await self.client.complete_multipart_upload(
                Bucket=self.bucket,
                Key=self.key,
                UploadId=self.upload_id,
                MultipartUpload={"Parts": self.parts},
            )
        return StoredBlob(size=self.size, sha256=self.digest.hexdigest())

    async def abort(self) -> None:
        if self.upload_id is not None:
            await self.client.abort_multipart_upload(
                Bucket=self.bucket, Key=self.key, UploadId=self.upload_id
            )
