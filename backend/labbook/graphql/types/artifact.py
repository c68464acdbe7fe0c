"""A candidate's artifacts: the generic package that holds them, and its folder listings."""

from __future__ import annotations

from urllib.parse import quote

import strawberry

from labbook.graphql.types.scalars import Long
from labbook.store import packages
from labbook.store.entities import ArtifactEntry, Candidate, PackageFile


def package_api_path(candidate: Candidate) -> str:
    name, version = packages.candidate_package(candidate)
    return f"/api/v4/projects/{candidate.project_id}/packages/generic/{name}/{version}/"


@strawberry.type(description="A file or folder among a candidate's artifacts.")
class Artifact:
    path: str = strawberry.field(description="Relative to the candidate's artifact root.")
    name: str = strawberry.field(description="The last segment of `path`.")
    is_dir: bool = strawberry.field(description="True for a folder, false for a file.")
    size: Long | None = strawberry.field(description="Bytes; null for folders.")
    download_path: str | None = strawberry.field(description="GET it (files only).")

    @classmethod
    def of(cls, entry: ArtifactEntry, candidate: Candidate) -> Artifact:
        download = None if entry.is_dir else package_api_path(candidate) + quote(entry.path)
        return cls(
            path=entry.path,
            name=entry.path.rsplit("/", 1)[-1],
            is_dir=entry.is_dir,
            size=None if entry.file_size is None else Long(entry.file_size),
            download_path=download,
        )


@strawberry.type(description="The generic package holding a candidate's artifacts.")
class ArtifactPackage:
    name: str = strawberry.field(description="`ml_experiment_<experiment iid>`.")
    version: str = strawberry.field(description="The candidate's iid.")
    file_count: int = strawberry.field(description="How many files it holds.")
    size: Long = strawberry.field(description="Total bytes of its files.")
    api_path: str = strawberry.field(description="The generic package API folder.")

    @classmethod
    def of(cls, candidate: Candidate, files: list[PackageFile]) -> ArtifactPackage:
        name, version = packages.candidate_package(candidate)
        return cls(
            name=name,
            version=version,
            file_count=len(files),
            size=Long(sum(f.size for f in files)),
            api_path=package_api_path(candidate),
        )
