"""Where a new model version's files are: resolved once, from its source, when it is created.

Accepted sources (anything else is refused, so a download URI never names another host):
- `models:/<model id>` with the `model_id` parameter: the logged model's folder (MLflow's
  reference server refuses a `models:/` source without `model_id`, and so do we);
- `runs:/<run id>/<path>`: the run's files under `<path>`; when the run logged an MLflow 3
  model named `<path>` (whose files live under `models/<model id>`), that model's folder;
- `mlflow-artifacts:/<package>/<version>/<path>`: a folder of the project's packages.
With `model_id`, any source resolves to the logged model's folder, as MLflow 3 does.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.artifacts.base import safe_path
from labbook.db import tables as t
from labbook.errors import InvalidParameterError
from labbook.store.candidates import get_candidate
from labbook.store.entities import Candidate
from labbook.store.logged_models import get_logged_model
from labbook.store.packages import candidate_package

MODELS, RUNS, ARTIFACTS = "models:/", "runs:/", "mlflow-artifacts:/"


@dataclass(frozen=True, slots=True, kw_only=True)
class VersionSource:
    run_id: str | None
    logged_model_id: int | None
    artifact_path: str


def _invalid(source: str, why: str) -> InvalidParameterError:
    return InvalidParameterError(f"Invalid model version source: '{source}'. {why}", field="source")


async def resolve_source(
    session: AsyncSession, *, project_id: int, source: str, run_id: str | None, model_id: str | None
) -> VersionSource:
    if source.startswith(MODELS) and not _names_model(source, model_id):
        why = "The model_id request parameter must identify the resource that contains the source."
        raise _invalid(source, why)
    if model_id:
        model = await get_logged_model(session, project_id=project_id, model_id=model_id)
        run = run_id or model.source_run_id
        return VersionSource(
            run_id=run, logged_model_id=model.id, artifact_path=model.artifact_path
        )
    if source.startswith(RUNS):
        return await _run_source(session, project_id=project_id, source=source, run_id=run_id)
    if source.startswith(ARTIFACTS) and not source.startswith(ARTIFACTS + "/"):
        path = safe_path(source.removeprefix(ARTIFACTS))
        return VersionSource(run_id=run_id, logged_model_id=None, artifact_path=path)
    raise _invalid(
        source, "Use a models:/<model id>, runs:/<run id>/<path> or mlflow-artifacts:/ URI."
    )


def _names_model(source: str, model_id: str | None) -> bool:
    first = source.removeprefix(MODELS).split("/", 1)[0]
    return bool(model_id) and first == model_id


async def _run_source(
    session: AsyncSession, *, project_id: int, source: str, run_id: str | None
) -> VersionSource:
    source_run, _, path = source.removeprefix(RUNS).partition("/")
    if not source_run:
        raise _invalid(source, "A runs:/ source names a run: runs:/<run id>/<path>.")
    run = await get_candidate(session, eid=source_run, project_id=project_id)
    path = safe_path(path, allow_empty=True)
    found = await _logged_model_path(session, run, path) if path and "/" not in path else None
    name, version = candidate_package(run)
    folder = found or "/".join(p for p in (name, version, path) if p)
    return VersionSource(run_id=run_id or run.eid, logged_model_id=None, artifact_path=folder)


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
