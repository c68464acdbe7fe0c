"""Choosing the artifact store from settings: a local folder, or an S3-compatible bucket."""

from __future__ import annotations

from urllib.parse import urlsplit

from labbook.artifacts.base import ArtifactStore
from labbook.artifacts.local import LocalArtifactStore
from labbook.settings import Settings


def artifact_store(settings: Settings) -> ArtifactStore:
    """Built by `create_app`; nothing connects until the first artifact is read or written."""
    if not settings.artifacts_url:
        return LocalArtifactStore(settings.artifacts_dir)
    url = urlsplit(settings.artifacts_url)
    if url.scheme != "s3" or not url.netloc:
        shown = settings.artifacts_url
        raise ValueError(
            f"LABBOOK_ARTIFACTS_URL must look like s3://bucket[/prefix], not {shown!r}"
        )
    # Imported here so that aiobotocore is needed only by servers that use S3.
    from labbook.artifacts.s3 import S3ArtifactStore

    return S3ArtifactStore(
        bucket=url.netloc,
        prefix=url.path.strip("/"),
        endpoint_url=settings.s3_endpoint_url,
        region=settings.s3_region,
    )
