"""The generic packages API: `/api/v4/projects/:id/packages/generic/:name/:version/*path`.

PUT uploads a file (streamed), GET downloads it (or lists the package when the path is empty),
DELETE removes a file or a folder. The same files back MLflow's artifact proxy (design §6).
The project may be a URL-encoded path whose `%2F` arrives decoded, so the project is everything
up to the first `/packages/generic/`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from labbook.auth.backend import authenticate
from labbook.auth.roles import Action, authorize
from labbook.errors import NotFoundError
from labbook.packages.errors import gitlab_endpoint
from labbook.packages.transfer import cached_sha256, download_response, upload_chunks
from labbook.state import app_state
from labbook.store.artifact_files import FileRef, open_file, remove_files, upload_file
from labbook.store.entities import PackageFile, Project
from labbook.store.packages import check_package_ref, get_package, list_files

PREFIX = "/api/v4/projects/"
MARKER = "/packages/generic/"


@dataclass(frozen=True, slots=True)
class Target:
    project: str
    name: str
    version: str
    path: str


def parse_target(path: str) -> Target:
    end = path.find(MARKER, len(PREFIX))
    if end <= len(PREFIX):
        raise NotFoundError("Project not found")
    name, _, rest = path[end + len(MARKER) :].partition("/")
    version, _, file_path = rest.partition("/")
    check_package_ref(name, version)
    return Target(path[len(PREFIX) : end], name, version, file_path)


async def _authorized(request: Request, target: Target, action: Action) -> Project:
    db = app_state(request).db
    principal = await authenticate(db, request.headers, request.cookies)
    async with db.read() as session:
        return await authorize(
            session, principal=principal, project_ref=target.project, action=action
        )


def _ref(project: Project, target: Target) -> FileRef:
    return FileRef.parse(
        project_id=project.id, name=target.name, version=target.version, path=target.path
    )


def file_json(file: PackageFile) -> dict[str, Any]:
    return {
        "path": file.path,
        "size": file.size,
        "sha256": file.sha256,
        "created_at": file.created_at.isoformat(),
        "updated_at": file.updated_at.isoformat(),
    }


@gitlab_endpoint
async def put_file(request: Request) -> Response:
    target = parse_target(request.scope["path"])
    project = await _authorized(request, target, Action.WRITE)
    ref = _ref(project, target)
    state = app_state(request)
    limit = state.settings.max_artifact_bytes
    chunks = upload_chunks(request, max_bytes=limit)
    file = await upload_file(state.db, state.artifacts, ref=ref, chunks=chunks, max_bytes=limit)
    return JSONResponse({"message": "201 Created", "file": file_json(file)}, status_code=201)


async def _listing(request: Request, project: Project, target: Target) -> Response:
    """Every file of the package (or of the folder the path names, if it ends in '/')."""
    prefix = _ref(project, target).path if target.path.strip("/") else ""
    async with app_state(request).db.read() as session:
        package = await get_package(
            session, project_id=project.id, name=target.name, version=target.version
        )
        files = await list_files(session, package_id=package.id, prefix=prefix)
    return JSONResponse([file_json(f) for f in files])


@gitlab_endpoint
async def get_file(request: Request) -> Response:
    target = parse_target(request.scope["path"])
    project = await _authorized(request, target, Action.READ)
    if not target.path or target.path.endswith("/"):
        return await _listing(request, project, target)
    state = app_state(request)
    ref, cached = _ref(project, target), cached_sha256(request)
    download = await open_file(state.db, state.artifacts, ref=ref, unless_sha256=cached)
    return download_response(download)


@gitlab_endpoint
async def delete_file(request: Request) -> Response:
    target = parse_target(request.scope["path"])
    project = await _authorized(request, target, Action.WRITE)
    state = app_state(request)
    await remove_files(state.db, state.artifacts, ref=_ref(project, target))
    return Response(status_code=204)


PATH = "/api/v4/projects/{project:path}/packages/generic/{rest:path}"

routes: list[BaseRoute] = [
    Route(PATH, put_file, methods=["PUT"]),
    Route(PATH, get_file, methods=["GET"]),
    Route(PATH, delete_file, methods=["DELETE"]),
]
