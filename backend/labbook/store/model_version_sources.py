"""Where a new model version's files are: resolved once, from its source, when it is created.

The rules follow MLflow's reference server (3.17), inside the caller's project:
- `models:/<model id>`: needs the `model_id` parameter naming that logged model;
- `models:/<name>/<version | stage | latest>` and `models:/<name>@<alias>` (a copy): the
  version it names, whose run and logged model the copy inherits;
- `runs:/<run id>/<path>`: the run's files under `<path>` (a `run_id` parameter, if given, must
  name the same run). When the run logged an MLflow 3 model named `<path>`, whose files live
  under `models/<model id>`, that model's folder;
- `mlflow-artifacts:/<path>`: a folder inside the files of the run (`run_id`) or of the logged
  model (`model_id`) given with it.
Anything else (other hosts, local paths) is refused, so a download URI never names another
host. A source that names no resource of the project is an `InvalidParameterError`, as there.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.artifacts.base import safe_path
from labbook.db import tables as t
from labbook.errors import InvalidParameterError, NotFoundError
from labbook.store.candidates import get_candidate
from labbook.store.entities import Candidate, LoggedModel
from labbook.store.logged_models import get_logged_model
from labbook.store.model_versions import VersionSource
from labbook.store.model_versions import get_version as get_model_version
from labbook.store.packages import candidate_package
from labbook.store.registered_models import get_version_by_alias, latest_versions

MODELS, RUNS, ARTIFACTS = "models:/", "runs:/", "mlflow-artifacts:/"


def _invalid(source: str, why: str) -> InvalidParameterError:
    return InvalidParameterError(f"Invalid model version source: '{source}'. {why}", field="source")


def _not_identified(source: str, parameter: str) -> InvalidParameterError:
    why = f"The {parameter} request parameter must identify the resource that contains the source."
    return _invalid(source, why)


async def resolve_source(
    session: AsyncSession, *, project_id: int, source: str, run_id: str | None, model_id: str | None
) -> VersionSource:
    if source.startswith(MODELS):
        name, _, rest = source.removeprefix(MODELS).partition("/")
        if rest or "@" in name:
            return await _copy_source(session, project_id, source, run_id, model_id)
        if name != model_id:
            raise _not_identified(source, "model_id")
        model = await _model(session, project_id, model_id, source)
        return _found(run_id or model.source_run_id, model.id, model.artifact_path)
    if source.startswith(RUNS):
        if model_id:
            raise _not_identified(source, "model_id")
        return await _run_source(session, project_id, source, run_id)
    if not source.startswith(ARTIFACTS) or source.startswith(ARTIFACTS + "/"):
        raise _invalid(source, "Use a models:/, runs:/ or mlflow-artifacts:/ URI.")
    if model_id:
        model = await _model(session, project_id, model_id, source)
        return _found(run_id or model.source_run_id, model.id, _within(source, model.artifact_path))
    run = await _run(session, project_id, run_id, source)
    return _found(run.eid, None, _within(source, "/".join(candidate_package(run))))


def _found(run_id: str | None, logged_model_id: int | None, path: str) -> VersionSource:
    return VersionSource(run_id=run_id, logged_model_id=logged_model_id, artifact_path=path)


def _within(source: str, root: str) -> str:
    """The folder of an `mlflow-artifacts:` source, which must lie inside `root`."""
    path = safe_path(source.removeprefix(ARTIFACTS))
    if path != root and not path.startswith(root + "/"):
        raise _invalid(source, f"It must lie inside mlflow-artifacts:/{root}.")
    return path


async def _model(session: AsyncSession, project_id: int, model_id: str, source: str) -> LoggedModel:
    try:
        return await get_logged_model(session, project_id=project_id, model_id=model_id)
    except NotFoundError:
        raise _not_identified(source, "model_id") from None


async def _run(
    session: AsyncSession, project_id: int, run_id: str | None, source: str
) -> Candidate:
    if not run_id:
        raise _not_identified(source, "run_id")
    try:
        return await get_candidate(session, eid=run_id, project_id=project_id)
    except NotFoundError:
        raise _not_identified(source, "run_id") from None


async def _run_source(
    session: AsyncSession, project_id: int, source: str, run_id: str | None
) -> VersionSource:
    source_run, _, path = source.removeprefix(RUNS).partition("/")
    if run_id and run_id != source_run:
        raise _not_identified(source, "run_id")
    run = await _run(session, project_id, source_run, source)
    path = safe_path(path, allow_empty=True)
    found = await _logged_model_path(session, run, path) if path and "/" not in path else None
    folder = found or "/".join(p for p in (*candidate_package(run), path) if p)
    return _found(run.eid, None, folder)


async def _logged_model_path(session: AsyncSession, run: Candidate, name: str) -> str | None:
    """The folder of the run's live logged model with this name (the newest), if any."""
    m = t.LoggedModel
    stmt = (
        select(m.artifact_path)
        .where(m.candidate_id == run.id, m.name == name, m.deleted_at.is_(None))
        .order_by(m.id.desc())
        .limit(1)
    )
    found: str | None = await session.scalar(stmt)
    return found


async def _copy_source(
    session: AsyncSession, project_id: int, source: str, run_id: str | None, model_id: str | None
) -> VersionSource:
    """A registered version's files again (`copy_model_version`), with its lineage."""
    name, _, suffix = source.removeprefix(MODELS).partition("/")
    if "@" in name and not suffix:
        name, _, alias = name.rpartition("@")
        copied = await get_version_by_alias(session, project_id=project_id, name=name, alias=alias)
    elif suffix.isdigit():
        number = int(suffix)
        copied = await get_model_version(session, project_id=project_id, name=name, version=number)
    else:
        stages = [] if suffix.lower() == "latest" else [suffix]
        found = await latest_versions(session, project_id=project_id, name=name, stages=stages)
        if not found:
            raise _invalid(source, "It names no version.")
        copied = max(found, key=lambda v: v.version)
    if (run_id and run_id != copied.run_id) or (model_id and model_id != copied.model_id):
        why = "The run_id and model_id request parameters must match the referenced model version."
        raise _invalid(source, why)
    logged = await _logged_model_id(session, copied.model_id)
    return _found(copied.run_id, logged, copied.artifact_path)


async def _logged_model_id(session: AsyncSession, model_id: str | None) -> int | None:
    if model_id is None:
        return None
    stmt = select(t.LoggedModel.id).where(t.LoggedModel.model_id == model_id)
    found: int | None = await session.scalar(stmt)
    return found
