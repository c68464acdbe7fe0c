"""Setting and deleting metadata of an experiment or a candidate (MLflow tags)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.auth.roles import Action
from labbook.graphql.context import Context, Info
from labbook.graphql.mutations.outcome import outcome
from labbook.graphql.mutations.targets import candidate_target, experiment_target
from labbook.graphql.types import errors as e
from labbook.graphql.types.candidate import CandidateType
from labbook.graphql.types.experiment import ExperimentType
from labbook.graphql.types.node import parse_global_id
from labbook.store import candidates, experiments, tracking
from labbook.store.entities import KeyValue

MetadataPayload = Annotated[
    ExperimentType
    | CandidateType
    | e.ValidationError
    | e.NotFoundError
    | e.PermissionDeniedError
    | e.AlreadyExistsError
    | e.InvalidStateError,
    strawberry.union("MetadataPayload", description="id: an Experiment or Candidate global id."),
]


@strawberry.input(description="Set (or overwrite) one metadata entry.")
class SetMetadataInput:
    id: strawberry.ID = strawberry.field(description="An Experiment or Candidate global id.")
    name: str = strawberry.field(
        description="The key; on a candidate, `mlflow.runName` renames it and "
        "`mlflow.note.content` sets its description."
    )
    value: str = strawberry.field(description="The value; replaces any existing one.")


@strawberry.input(description="Delete one metadata entry.")
class DeleteMetadataInput:
    id: strawberry.ID = strawberry.field(description="An Experiment or Candidate global id.")
    name: str = strawberry.field(description="The key; a NotFoundError if there is none.")


async def _on_experiment(
    session: AsyncSession, context: Context, node_id: str, name: str, value: str | None
) -> ExperimentType:
    found, project = await experiment_target(session, context, node_id, Action.WRITE)
    if value is None:
        await experiments.delete_experiment_metadata(session, experiment_id=found.id, name=name)
    else:
        await experiments.set_experiment_metadata(
            session, experiment_id=found.id, name=name, value=value
        )
    return ExperimentType.of(found, project)


async def _on_candidate(
    session: AsyncSession, context: Context, node_id: str, name: str, value: str | None
) -> CandidateType:
    found, project = await candidate_target(session, context, node_id, Action.WRITE)
    if value is None:
        await tracking.delete_run_tag(session, candidate=found, name=name)
    else:
        await tracking.set_run_tags(
            session, candidate=found, tags=[KeyValue(name=name, value=value)]
        )
    # Tags can rename the run or change its description: read it back.
    fresh = await candidates.get_candidate(session, eid=found.eid)
    return CandidateType.of(fresh, project)


async def _change(
    info: Info, node_id: str, name: str, value: str | None
) -> ExperimentType | CandidateType:
    type_name, _ = parse_global_id(node_id)
    target = _on_experiment if type_name == "Experiment" else _on_candidate
    async with info.context.db.write() as session:
        return await target(session, info.context, node_id, name, value)


@strawberry.type
class MetadataMutations:
    @strawberry.mutation(
        description="Set a metadata entry of an experiment or candidate (Developer)."
    )
    async def set_metadata(self, info: Info, input: SetMetadataInput) -> MetadataPayload:
        return await outcome(_change(info, input.id, input.name, input.value))

    @strawberry.mutation(
        description="Delete a metadata entry of an experiment or candidate (Developer)."
    )
    async def delete_metadata(self, info: Info, input: DeleteMetadataInput) -> MetadataPayload:
        return await outcome(_change(info, input.id, input.name, None))
