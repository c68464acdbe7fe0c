"""Runs as the MLflow client drives them: the rules that tie tags to candidate fields.

A run started without a name gets a generated one and the `mlflow.runName` tag; setting
that tag renames the run (and renaming sets the tag); `mlflow.parentRunId` makes the
candidate a child of that run; `mlflow.note.content` is the description (kept by
`params_metadata`). Batches obey MLflow's per-request limits, and nothing is written to a
deleted run.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.errors import InvalidParameterError, NotFoundError
from labbook.store.candidates import (
    create_candidate,
    ensure_live,
    get_candidate,
    update_candidate,
)
from labbook.store.entities import Candidate, CandidateStatus, Experiment, KeyValue, MetricPoint
from labbook.store.metrics import log_metrics
from labbook.store.params_metadata import (
    NOTE_TAG,
    delete_metadata,
    log_params,
    set_metadata,
)
from labbook.store.run_names import generate_run_name

RUN_NAME_TAG = "mlflow.runName"
PARENT_TAG = "mlflow.parentRunId"
MAX_BATCH_METRICS = 1000
MAX_BATCH_PARAMS = 100
MAX_BATCH_TAGS = 100
MAX_BATCH_ENTITIES = 1000


def _latest(tags: list[KeyValue]) -> dict[str, str]:
    return {tag.name: tag.value for tag in tags}


def _run_name(name: str | None, tags: dict[str, str]) -> str:
    tagged = tags.get(RUN_NAME_TAG)
    if name and tagged and name != tagged:
        raise InvalidParameterError(
            f"Both 'run_name' ('{name}') and the '{RUN_NAME_TAG}' tag ('{tagged}') were"
            " given with different values.",
            field="run_name",
        )
    return name or tagged or generate_run_name()


async def _parent_id(session: AsyncSession, project_id: int, eid: str | None) -> int | None:
    """The candidate a `mlflow.parentRunId` tag names, if it exists in the same project."""
    if not eid:
        return None
    try:
        return (await get_candidate(session, eid=eid, project_id=project_id)).id
    except NotFoundError:
        return None


async def start_run(
    session: AsyncSession,
    *,
    experiment: Experiment,
    name: str | None,
    creator_id: int | None,
    start_time: int | None,
    tags: list[KeyValue],
) -> Candidate:
    latest = _latest(tags)
    name = _run_name(name, latest)
    candidate = await create_candidate(
        session,
        experiment=experiment,
        name=name,
        creator_id=creator_id,
        start_time=start_time,
        parent_id=await _parent_id(session, experiment.project_id, latest.get(PARENT_TAG)),
    )
    entries = [
        *(tag for tag in tags if tag.name != RUN_NAME_TAG),
        KeyValue(name=RUN_NAME_TAG, value=name),
    ]
    await set_metadata(
        session, candidate_id=candidate.id, entries=entries, experiment_id=experiment.id
    )
    if NOTE_TAG in latest:
        return await get_candidate(session, eid=candidate.eid)
    return candidate


async def _set_parent(session: AsyncSession, candidate: Candidate, eid: str | None) -> None:
    parent_id = await _parent_id(session, candidate.project_id, eid)
    if parent_id == candidate.id:
        return  # a run cannot be its own parent
    stmt = update(t.Candidate).where(t.Candidate.id == candidate.id).values(parent_id=parent_id)
    await session.execute(stmt)


async def _apply_tags(session: AsyncSession, candidate: Candidate, tags: list[KeyValue]) -> None:
    await set_metadata(
        session, candidate_id=candidate.id, entries=tags, experiment_id=candidate.experiment_id
    )
    latest = _latest(tags)
    if RUN_NAME_TAG in latest:
        await update_candidate(session, candidate_id=candidate.id, name=latest[RUN_NAME_TAG])
    if PARENT_TAG in latest:
        await _set_parent(session, candidate, latest[PARENT_TAG])


async def set_run_tags(
    session: AsyncSession, *, candidate: Candidate, tags: list[KeyValue]
) -> None:
    """Set tags (overwriting), with their effect on the run's name and parent."""
    ensure_live(candidate)
    await _apply_tags(session, candidate, tags)


async def delete_run_tag(session: AsyncSession, *, candidate: Candidate, name: str) -> None:
    ensure_live(candidate)
    await delete_metadata(session, candidate_id=candidate.id, name=name)
    if name == PARENT_TAG:
        await _set_parent(session, candidate, None)


def check_batch(*, metrics: int, params: int, tags: int) -> None:
    """MLflow's per-request limits, with MLflow's messages."""
    for count, limit, what in (
        (metrics, MAX_BATCH_METRICS, "metrics"),
        (params, MAX_BATCH_PARAMS, "params"),
        (tags, MAX_BATCH_TAGS, "tags"),
        (metrics + params + tags, MAX_BATCH_ENTITIES, "metrics, params, and tags"),
    ):
        if count > limit:
            raise InvalidParameterError(
                f"A batch logging request can contain at most {limit} {what}. Got {count} {what}."
                f" Please split up {what} across multiple requests and try again."
            )


async def log_batch(
    session: AsyncSession,
    *,
    candidate: Candidate,
    metrics: list[MetricPoint],
    params: list[KeyValue],
    tags: list[KeyValue],
) -> None:
    """Params, metrics and tags in one transaction: all of them, or none on any error."""
    check_batch(metrics=len(metrics), params=len(params), tags=len(tags))
    ensure_live(candidate)
    await log_params(
        session,
        candidate_id=candidate.id,
        params=params,
        run=candidate.eid,
        experiment_id=candidate.experiment_id,
    )
    await log_metrics(
        session, candidate_id=candidate.id, points=metrics, experiment_id=candidate.experiment_id
    )
    if tags:
        await _apply_tags(session, candidate, tags)


async def update_run(
    session: AsyncSession,
    *,
    candidate: Candidate,
    status: CandidateStatus | None,
    end_time: int | None,
    name: str | None,
) -> Candidate:
    """End or rename a run; a new name is also written to the `mlflow.runName` tag."""
    ensure_live(candidate)
    if name:
        entries = [KeyValue(name=RUN_NAME_TAG, value=name)]
        experiment_id = candidate.experiment_id
        await set_metadata(
            session, candidate_id=candidate.id, entries=entries, experiment_id=experiment_id
        )
    return await update_candidate(
        session, candidate_id=candidate.id, name=name or None, status=status, end_time=end_time
    )
