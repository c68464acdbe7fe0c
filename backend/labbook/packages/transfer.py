"""The HTTP side of moving package files, shared by the packages API and the MLflow shim:
request bodies as size-checked chunks, and downloads as safe streamed attachments."""

from __future__ import annotations

import mimetypes
from collections.abc import AsyncIterator
from urllib.parse import quote

from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response, StreamingResponse

from labbook.errors import InvalidParameterError, TooLargeError
from labbook.store.artifact_files import Download

# Types a browser would render or run; sent as opaque bytes (they are attachments anyway).
ACTIVE_TYPES = {
    "text/html",
    "application/xhtml+xml",
    "image/svg+xml",
    "text/javascript",
    "application/javascript",
    "text/xml",
    "application/xml",
}


def too_large(limit: int) -> TooLargeError:
    return TooLargeError(f"Artifact file is too large: the limit is {limit} bytes")


def declared_length(request: Request) -> int | None:
    value = request.headers.get("content-length")
    if value is None:
        return None
    if not value.strip().isdigit():
        raise InvalidParameterError(f"Invalid Content-Length: {value!r}")
    return int(value)


async def _checked(request: Request, declared: int | None) -> AsyncIterator[bytes]:
    received = 0
    try:
        async for chunk in request.stream():
            received += len(chunk)
            yield chunk
    except ClientDisconnect:
        raise InvalidParameterError("The client disconnected before the upload completed") from None
    if declared is not None and received != declared:
        raise InvalidParameterError(
            f"The request body has {received} bytes but Content-Length said {declared}"
        )


def upload_chunks(request: Request, *, max_bytes: int) -> AsyncIterator[bytes]:
    """The body as it arrives; a declared size over the limit is refused before reading."""
    declared = declared_length(request)
    if declared is not None and declared > max_bytes:
        raise too_large(max_bytes)
    return _checked(request, declared)


def content_type(path: str) -> str:
    guessed, encoding = mimetypes.guess_type(path, strict=False)
    if guessed is None or encoding is not None or guessed in ACTIVE_TYPES:
        return "application/octet-stream"
    return guessed


def content_disposition(path: str) -> str:
    """`attachment` with the base name; RFC 6266 `filename*` when it is not plain ASCII."""
    name = path.rsplit("/", 1)[-1]
    quoted = quote(name, safe="")
    if quoted == name:
        return f'attachment; filename="{name}"'
    return f"attachment; filename*=utf-8''{quoted}"


def cached_sha256(request: Request) -> str | None:
    """The SHA-256 a conditional GET says the client has (`If-None-Match: "<hex>"`)."""
    for tag in request.headers.get("if-none-match", "").split(","):
        tag = tag.strip().removeprefix("W/").strip('"')
        if len(tag) == 64 and all(c in "0123456789abcdef" for c in tag):
            return tag
    return None


def download_response(download: Download) -> Response:
    """The bytes as an attachment, or 304 when the client's copy is current."""
    file = download.file
    headers = {
        "X-Content-Type-Options": "nosniff",
        "ETag": f'"{file.sha256}"',
        "Cache-Control": "private, no-cache",
    }
    if download.chunks is None:
        return Response(status_code=304, headers=headers)
    headers["Content-Disposition"] = content_disposition(file.path)
    headers["Content-Length"] = str(file.size)
    return StreamingResponse(download.chunks, media_type=content_type(file.path), headers=headers)
