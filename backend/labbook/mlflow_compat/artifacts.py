"""MLflow's artifact proxy (`/api/2.0/mlflow-artifacts/artifacts…`) and the legacy run listing.

An artifact path is `<package name>/<package version>/<file path>` (design §6): a run's
`artifact_uri` `mlflow-artifacts:/ml_experiment_<iid>/<candidate iid>` makes the client read and
write the generic package `ml_experiment_<iid>`, version `<candidate iid>`. Listings answer
MLflow's way: direct children by base name, and `{}` for a file or a missing path.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from labbook.artifacts.base import safe_path
from labbook.auth.roles import Action, authorize
from labbook.errors import InvalidParameterError
from labbook.mlflow_compat.handlers import Context, api_handler
from labbook.mlflow_compat.lookups import find_run
from labbook.mlflow_compat.requests import Fields
from labbook.mlflow_compat.serialize import run_info_json
from labbook.packages.transfer import cached_sha256, download_response, upload_chunks
from labbook.store.artifact_files import FileRef, open_file, remove_files, upload_file
from labbook.store.entities import ArtifactEntry, Project
from labbook.store.packages import candidate_package, list_folder

BASE = "/api/2.0/mlflow-artifacts/artifacts"


def split_artifact_path(path: str) -> tuple[str, str, str] | None:
    """(package name, version, path inside) of a normalized path; None above a package."""
    name, _, rest = path.partition("/")
    version, _, inside = rest.partition("/")
    return (name, version, inside) if name and version else None


def file_ref(project: Project, artifact_path: str) -> FileRef:
    split = split_artifact_path(safe_path(artifact_path))
    if split is None or not split[2]:
        raise InvalidParameterError(
            f"Invalid artifact path {artifact_path!r}: expected <package>/<version>/<file path>"
        )
    name, version, inside = split
    return FileRef.parse(project_id=project.id, name=name, version=version, path=inside)


def entry_json(entry: ArtifactEntry, *, base_name: bool) -> dict[str, Any]:
    path = entry.path.rsplit("/", 1)[-1] if base_name else entry.path
    if entry.is_dir:
        return {"path": path, "is_dir": True}
    return {"path": path, "is_dir": False, "file_size": entry.file_size}


async def _writable(ctx: Context) -> Project:
    """WRITE access checked in a short read transaction: no write lock held while streaming."""
    async with ctx.state.db.read() as session:
        return await authorize(
            session, principal=ctx.principal, project_ref=ctx.project_ref, action=Action.WRITE
        )


@api_handler
async def list_artifacts(fields: Fields, ctx: Context) -> dict[str, Any]:
    path = safe_path(fields.text("path"), allow_empty=True)
    split = split_artifact_path(path)
    async with ctx.read() as tx:
        if split is None:
            return {}
        name, version, inside = split
        entries = await list_folder(
            tx.session, project_id=tx.project.id, name=name, version=version, directory=inside
        )
    files = [entry_json(e, base_name=True) for e in entries]
    return {"files": files} if files else {}


@api_handler(body=False)
async def upload_artifact(_fields: Fields, ctx: Context) -> Response:
    ref = file_ref(await _writable(ctx), ctx.request.path_params["artifact_path"])
    limit = ctx.state.settings.max_artifact_bytes
    chunks = upload_chunks(ctx.request, max_bytes=limit)
    await upload_file(ctx.state.db, ctx.state.artifacts, ref=ref, chunks=chunks, max_bytes=limit)
    return Response(status_code=200)


@api_handler(body=False)
async def download_artifact(_fields: Fields, ctx: Context) -> Response:
    async with ctx.read() as tx:
        ref = file_ref(tx.project, ctx.request.path_params["artifact_path"])
    cached = cached_sha256(ctx.request)
    download = await open_file(ctx.state.db, ctx.state.artifacts, ref=ref, unless_sha256=cached)
    return download_response(download)


@api_handler(body=False)
async def delete_artifact(_fields: Fields, ctx: Context) -> dict[str, Any]:
    ref = file_ref(await _writable(ctx), ctx.request.path_params["artifact_path"])
    await remove_files(ctx.state.db, ctx.state.artifacts, ref=ref)
    return {}


@api_handler
async def list_run_artifacts(fields: Fields, ctx: Context) -> dict[str, Any]:
    """The legacy `artifacts/list`: paths relative to the run's root, plus `root_uri`."""
    directory = safe_path(fields.text("path"), allow_empty=True)
    async with ctx.read() as tx:
        run = await find_run(tx.session, project=tx.project, run_id=fields.run_id())
        name, version = candidate_package(run)
        entries = await list_folder(
            tx.session, project_id=tx.project.id, name=name, version=version, directory=directory
        )
    root_uri = run_info_json(run, "")["artifact_uri"]
    return {"root_uri": root_uri, "files": [entry_json(e, base_name=False) for e in entries]}


ROUTES = [
    ("GET", BASE, list_artifacts),
    ("PUT", f"{BASE}/{{artifact_path:path}}", upload_artifact),
    ("GET", f"{BASE}/{{artifact_path:path}}", download_artifact),
    ("DELETE", f"{BASE}/{{artifact_path:path}}", delete_artifact),
    ("GET", "/api/2.0/mlflow/artifacts/list", list_run_artifacts),
]
