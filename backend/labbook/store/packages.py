"""Packages (project, name, version) and the records of their files; bytes live in `artifacts/`."""

from __future__ import annotations

import re

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.artifacts.base import StoredBlob
from labbook.db import tables as t
from labbook.errors import InvalidParameterError, NotFoundError
from labbook.store.entities import ArtifactEntry, Candidate, Package, PackageFile
from labbook.store.sql import insert

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+\-]{0,254}$")


def candidate_package(candidate: Candidate) -> tuple[str, str]:
    """The package holding a candidate's artifacts (GitLab's convention, design §6)."""
    return f"ml_experiment_{candidate.experiment_iid}", str(candidate.iid)


def check_package_ref(name: str, version: str) -> tuple[str, str]:
    for value, what in ((name, "name"), (version, "version")):
        if not _NAME.match(value):
            raise InvalidParameterError(
                f"Invalid package {what} {value!r}: use 1 to 255 letters, digits, '.', '_', '+'"
                " or '-', starting with a letter or digit",
                field=what,
            )
    return name, version


def to_package(row: t.Package) -> Package:
    return Package(
        id=row.id,
        project_id=row.project_id,
        name=row.name,
        version=row.version,
        created_at=row.created_at,
    )


def to_package_file(row: t.PackageFile) -> PackageFile:
    return PackageFile(
        id=row.id,
        package_id=row.package_id,
        path=row.path,
        size=row.size,
        sha256=row.sha256,
        storage_key=row.storage_key,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


async def find_package(
    session: AsyncSession, *, project_id: int, name: str, version: str
) -> Package | None:
    stmt = select(t.Package).where(
        t.Package.project_id == project_id, t.Package.name == name, t.Package.version == version
    )
    row = await session.scalar(stmt)
    return to_package(row) if row else None


async def get_package(
    session: AsyncSession, *, project_id: int, name: str, version: str
) -> Package:
    found = await find_package(session, project_id=project_id, name=name, version=version)
    if found is None:
        raise NotFoundError(f"Package {name}/{version} not found")
    return found


async def get_or_create_package(
    session: AsyncSession, *, project_id: int, name: str, version: str
) -> Package:
    """ON CONFLICT DO NOTHING, then read: two first uploads to one package never collide."""
    name, version = check_package_ref(name, version)
    stmt = insert(session, t.Package).values(project_id=project_id, name=name, version=version)
    await session.execute(stmt.on_conflict_do_nothing())
    found = await find_package(session, project_id=project_id, name=name, version=version)
    assert found is not None  # just inserted or already there, in this transaction
    return found


def _under(path: str) -> str:
    """LIKE pattern-free prefix for `startswith(..., autoescape=True)`."""
    return f"{path}/" if path else ""


async def check_path_free(session: AsyncSession, *, package_id: int, path: str) -> None:
    """A path cannot be both a file and a folder: refuse `a/b` when `a` is a file, and back."""
    parts = path.split("/")
    ancestors = ["/".join(parts[:i]) for i in range(1, len(parts))]
    stmt = (
        select(t.PackageFile.path)
        .where(t.PackageFile.package_id == package_id)
        .where(
            or_(
                t.PackageFile.path.in_(ancestors),
                t.PackageFile.path.startswith(_under(path), autoescape=True),
            )
        )
        .limit(1)
    )
    clash = await session.scalar(stmt)
    if clash is not None:
        raise InvalidParameterError(
            f"Cannot store {path!r}: it would clash with the existing file {clash!r}", field="path"
        )


async def record_file(
    session: AsyncSession, *, package_id: int, path: str, blob: StoredBlob, storage_key: str
) -> tuple[PackageFile, str | None]:
    """Point `path` at freshly stored bytes; returns the file and the storage key it replaced.

    Writers of one package queue on its row lock (PostgreSQL; SQLite has one writer anyway), so
    two uploads of one path, or of `a` and `a/b`, cannot both pass the checks below.
    """
    await session.execute(select(t.Package.id).where(t.Package.id == package_id).with_for_update())
    await check_path_free(session, package_id=package_id, path=path)
    stmt = select(t.PackageFile).where(
        t.PackageFile.package_id == package_id, t.PackageFile.path == path
    )
    row = await session.scalar(stmt)
    replaced = row.storage_key if row else None
    if row is None:
        row = t.PackageFile(package_id=package_id, path=path)
        session.add(row)
    row.size, row.sha256, row.storage_key = blob.size, blob.sha256, storage_key
    await session.flush()
    return to_package_file(row), replaced


async def get_file(session: AsyncSession, *, package_id: int, path: str) -> PackageFile:
    stmt = select(t.PackageFile).where(
        t.PackageFile.package_id == package_id, t.PackageFile.path == path
    )
    row = await session.scalar(stmt)
    if row is None:
        raise NotFoundError(f"No such artifact: {path!r}")
    return to_package_file(row)


async def list_files(
    session: AsyncSession, *, package_id: int, prefix: str = ""
) -> list[PackageFile]:
    """Every file under the folder `prefix` ('' = the whole package), by path."""
    stmt = select(t.PackageFile).where(t.PackageFile.package_id == package_id)
    if prefix:
        stmt = stmt.where(t.PackageFile.path.startswith(_under(prefix), autoescape=True))
    rows = await session.scalars(stmt.order_by(t.PackageFile.path))
    return [to_package_file(row) for row in rows]


def _entries(files: list[PackageFile], directory: str) -> list[ArtifactEntry]:
    start = len(_under(directory))
    entries: dict[str, ArtifactEntry] = {}
    for file in files:
        head, sep, _ = file.path[start:].partition("/")
        path = _under(directory) + head
        if sep:
            entries.setdefault(path, ArtifactEntry(path=path, is_dir=True, file_size=None))
        else:
            entries[path] = ArtifactEntry(path=path, is_dir=False, file_size=file.size)
    return sorted(entries.values(), key=lambda e: e.path)


async def list_entries(
    session: AsyncSession, *, package_id: int, directory: str = ""
) -> list[ArtifactEntry]:
    """The direct children of a folder, like MLflow's list_artifacts (a file lists as empty)."""
    files = await list_files(session, package_id=package_id, prefix=directory)
    return _entries(files, directory)


async def list_folder(
    session: AsyncSession, *, project_id: int, name: str, version: str, directory: str = ""
) -> list[ArtifactEntry]:
    """`list_entries` by package name and version; a package not yet created lists empty."""
    package = await find_package(session, project_id=project_id, name=name, version=version)
    if package is None:
        return []
    return await list_entries(session, package_id=package.id, directory=directory)


async def delete_files(session: AsyncSession, *, package_id: int, path: str) -> list[str]:
    """Delete the file at `path`, or every file under the folder `path`; returns storage keys.

    The caller removes the bytes only after the transaction commits.
    """
    match = t.PackageFile.path.startswith(_under(path), autoescape=True)
    condition = or_(t.PackageFile.path == path, match) if path else t.PackageFile.path != ""
    stmt = (
        delete(t.PackageFile)
        .where(t.PackageFile.package_id == package_id, condition)
        .returning(t.PackageFile.storage_key)
    )
    keys = list((await session.scalars(stmt)).all())
    if not keys:
        raise NotFoundError(f"No such artifact: {path!r}")
    return keys
