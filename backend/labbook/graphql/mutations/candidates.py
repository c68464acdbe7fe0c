"""Mutations of candidates: create (with params, metrics, metadata), update, delete, restore.

They go through `store.tracking`, so a candidate edited here obeys the same rules as one the
MLflow client drives (the name mirrors `mlflow.runName`, the description `mlflow.note.content`).
"""

from __future__ import annotations

import time
from typing import Annotated

import strawberry

from labbook.auth.roles import Action
from labbook.graphql.context import Info
from labbook.graphql.mutations.outcome import outcome
from labbook.graphql.mutations.targets import candidate_target, experiment_target
from labbook.graphql.permissions import require_principal
from labbook.graphql.types import errors as e
from labbook.graphql.types.candidate import CandidateType
from labbook.graphql.types.scalars import Long
from labbook.store import candidates, tracking
from labbook.store.entities import CandidateStatus, KeyValue, MetricPoint
from labbook.store.params_metadata import NOTE_TAG

CandidatePayload = Annotated[
    CandidateType
    | e.ValidationError
    | e.NotFoundError
    | e.PermissionDeniedError
    | e.AlreadyExistsError
    | e.InvalidStateError,
    strawberry.union(
        "CandidatePayload", description="The candidate as changed, or why nothing changed."
    ),
]


@strawberry.input(description="A name and a value.")
class KeyValueInput:
    name: str = strawberry.field(description="The key.")
    value: str = strawberry.field(description="The value, as a string.")


@strawberry.input(description="One metric point; logged now.")
class MetricInput:
    name: str = strawberry.field(description="The metric key.")
    value: float = strawberry.field(description="The value at this step.")
    step: Long | None = strawberry.field(
        default=Long(0), description="Training step; 0 when omitted or null."
    )


@strawberry.input(description="A new candidate in an experiment.")
class CreateCandidateInput:
    experiment_id: strawberry.ID = strawberry.field(
        description="The experiment's global id; needs Developer in its project."
    )
    name: str | None = strawberry.field(
        default=None,
        description="The run name; when omitted, the `mlflow.runName` entry of `metadata`, "
        "else a generated one (as MLflow does); the two must agree if both are given.",
    )
    params: list[KeyValueInput] | None = strawberry.field(
        default=None, description="Hyperparameters (MLflow params)."
    )
    metrics: list[MetricInput] | None = strawberry.field(
        default=None, description="Metric points, all timestamped now."
    )
    metadata: list[KeyValueInput] | None = strawberry.field(
        default=None, description="Metadata entries (MLflow tags)."
    )


@strawberry.input(description="Change a candidate; omitted fields stay as they are.")
class UpdateCandidateInput:
    id: strawberry.ID = strawberry.field(description="The candidate's global id.")
    name: str | None = strawberry.field(
        default=None, description='New run name (also set as `mlflow.runName`); "" keeps it.'
    )
    description: str | None = strawberry.field(
        default=None, description='New Markdown description (MLflow\'s note tag); "" clears it.'
    )
    status: CandidateStatus | None = strawberry.field(
        default=None, description="New run status; the end time is left as it is."
    )


@strawberry.input(description="A candidate by global id.")
class CandidateIdInput:
    id: strawberry.ID = strawberry.field(description="The candidate's global id.")


def _pairs(entries: list[KeyValueInput] | None) -> list[KeyValue]:
    return [KeyValue(name=kv.name, value=kv.value) for kv in entries or []]


def _points(entries: list[MetricInput] | None, now: int) -> list[MetricPoint]:
    return [
        MetricPoint(name=m.name, value=m.value, step=m.step or 0, timestamp=now)
        for m in entries or []
    ]


async def _create(info: Info, input: CreateCandidateInput) -> CandidateType:
    context, now = info.context, int(time.time() * 1000)
    async with context.db.write() as session:
        experiment, project = await experiment_target(
            session, context, input.experiment_id, Action.WRITE
        )
        created = await tracking.start_run(
            session,
            experiment=experiment,
            name=input.name,
            creator_id=require_principal(context).user.id,
            start_time=now,
            tags=_pairs(input.metadata),
        )
        await tracking.log_batch(
            session,
            candidate=created,
            metrics=_points(input.metrics, now),
            params=_pairs(input.params),
            tags=[],
        )
    return CandidateType.of(created, project)


async def _update(info: Info, input: UpdateCandidateInput) -> CandidateType:
    async with info.context.db.write() as session:
        found, project = await candidate_target(session, info.context, input.id, Action.WRITE)
        updated = await tracking.update_run(
            session, candidate=found, status=input.status, end_time=None, name=input.name
        )
        if input.description is not None:
            note = [KeyValue(name=NOTE_TAG, value=input.description)]
            await tracking.set_run_tags(session, candidate=found, tags=note)
            # The tag's UPDATE bypasses the loaded row; setting it there too keeps it fresh.
            updated = await candidates.update_candidate(
                session, candidate_id=found.id, description=input.description
            )
    return CandidateType.of(updated, project)


async def _lifecycle(info: Info, node_id: str, *, restore: bool) -> CandidateType:
    async with info.context.db.write() as session:
        found, project = await candidate_target(session, info.context, node_id, Action.WRITE)
        change = candidates.restore_candidate if restore else candidates.delete_candidate
        changed = await change(session, candidate_id=found.id)
    return CandidateType.of(changed, project)


@strawberry.type
class CandidateMutations:
    @strawberry.mutation(
        description="Create a candidate with params, metrics and metadata (Developer)."
    )
    async def create_candidate(self, info: Info, input: CreateCandidateInput) -> CandidatePayload:
        return await outcome(_create(info, input))

    @strawberry.mutation(
        description="Rename, describe or change the status of a candidate (Developer)."
    )
    async def update_candidate(self, info: Info, input: UpdateCandidateInput) -> CandidatePayload:
        return await outcome(_update(info, input))

    @strawberry.mutation(description="Soft-delete a candidate (Developer).")
    async def delete_candidate(self, info: Info, input: CandidateIdInput) -> CandidatePayload:
        return await outcome(_lifecycle(info, input.id, restore=False))

    @strawberry.mutation(description="Restore a deleted candidate (Developer).")
    async def restore_candidate(self, info: Info, input: CandidateIdInput) -> CandidatePayload:
        return await outcome(_lifecycle(info, input.id, restore=True))
