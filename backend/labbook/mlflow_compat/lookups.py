"""Finding experiments (by MLflow id) and runs (by run id) inside the caller's project, and
loading in bulk what a run's JSON needs."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from labbook.errors import NotFoundError
from labbook.mlflow_compat.serialize import USER_TAG, RunData
from labbook.store.candidates import get_candidate
from labbook.store.datasets import inputs_outputs_of
from labbook.store.entities import Candidate, Experiment, KeyValue, Project
from labbook.store.experiments import (
    DEFAULT_NAME,
    find_experiment_by_name,
    get_experiment,
    get_or_create_default,
)
from labbook.store.run_pages import run_documents, run_user

DEFAULT_EXPERIMENT_ID = "0"
MAX_IID = 2**31 - 1  # iids are 32-bit columns; anything larger cannot exist


def parse_iid(experiment_id: str) -> int:
    if not experiment_id.isascii() or not experiment_id.isdigit() or int(experiment_id) > MAX_IID:
        raise NotFoundError(f"No Experiment with id={experiment_id} exists")
    return int(experiment_id)


async def find_experiment(
    session: AsyncSession,
    *,
    project: Project,
    experiment_id: str,
    creator_id: int | None = None,
    create_default: bool = False,
) -> Experiment:
    """MLflow's experiment "0" is the project's `Default` (made on first write to it)."""
    if experiment_id != DEFAULT_EXPERIMENT_ID:
        try:
            return await get_experiment(
                session, project_id=project.id, iid=parse_iid(experiment_id)
            )
        except NotFoundError:
            raise NotFoundError(f"No Experiment with id={experiment_id} exists") from None
    if create_default:
        return await get_or_create_default(session, project_id=project.id, creator_id=creator_id)
    found = await find_experiment_by_name(session, project_id=project.id, name=DEFAULT_NAME)
    if found is None:
        raise NotFoundError("No Experiment with id=0 exists")
    return found


async def find_run(session: AsyncSession, *, project: Project, run_id: str) -> Candidate:
    return await get_candidate(session, eid=run_id, project_id=project.id)


def tag_entries(items: Iterable[Any]) -> list[KeyValue]:
    """`[{"key", "value"}]` request items (`requests.Fields`) as key-values."""
    return [KeyValue(name=i.text("key", required=True), value=i.text("value")) for i in items]


async def load_runs(session: AsyncSession, *, candidates: list[Candidate]) -> list[RunData]:
    """Params, tags, latest metrics, users, inputs and outputs of many runs: two statements."""
    ids = [c.id for c in candidates]
    documents = await run_documents(session, candidate_ids=ids, user_tag=USER_TAG)
    io = await inputs_outputs_of(session, candidate_ids=ids)
    return [RunData(*documents[c.id], io=io[c.id]) for c in candidates]


async def load_run(session: AsyncSession, *, candidate: Candidate) -> RunData:
    return (await load_runs(session, candidates=[candidate]))[0]


async def run_user_id(session: AsyncSession, *, candidate: Candidate) -> str:
    """`RunData.user_id()` of one run, without loading the rest of the run."""
    return await run_user(session, candidate_id=candidate.id, tag=USER_TAG)
