"""Mutations of experiments: create, rename, soft delete, restore."""

from __future__ import annotations

from typing import Annotated

import strawberry

from labbook.auth.roles import Action
from labbook.graphql.context import Info
from labbook.graphql.mutations.outcome import outcome
from labbook.graphql.mutations.targets import experiment_target
from labbook.graphql.permissions import authorized, require_principal
from labbook.graphql.types import errors as e
from labbook.graphql.types.experiment import ExperimentType
from labbook.store import experiments

ExperimentPayload = Annotated[
    ExperimentType
    | e.ValidationError
    | e.NotFoundError
    | e.PermissionDeniedError
    | e.AlreadyExistsError
    | e.InvalidStateError,
    strawberry.union(
        "ExperimentPayload", description="The experiment as changed, or why nothing changed."
    ),
]


@strawberry.input(description="A new experiment in a project.")
class CreateExperimentInput:
    project_path: strawberry.ID = strawberry.field(description="Project path or numeric id.")
    name: str = strawberry.field(
        description="Unique among the project's live experiments; 1 to 500 characters "
        "(surrounding spaces are trimmed)."
    )


@strawberry.input(description="Rename an experiment.")
class UpdateExperimentInput:
    id: strawberry.ID = strawberry.field(description="The experiment's global id.")
    name: str = strawberry.field(
        description="The new name, unique among the project's live experiments."
    )


@strawberry.input(description="An experiment by global id.")
class ExperimentIdInput:
    id: strawberry.ID = strawberry.field(description="The experiment's global id.")


async def _create(info: Info, input: CreateExperimentInput) -> ExperimentType:
    context = info.context
    async with context.db.write() as session:
        project = await authorized(session, context, str(input.project_path), Action.WRITE)
        created = await experiments.create_experiment(
            session,
            project_id=project.id,
            name=input.name,
            creator_id=require_principal(context).user.id,
        )
    return ExperimentType.of(created, project)


async def _rename(info: Info, input: UpdateExperimentInput) -> ExperimentType:
    async with info.context.db.write() as session:
        found, project = await experiment_target(session, info.context, input.id, Action.WRITE)
        renamed = await experiments.rename_experiment(
            session, experiment_id=found.id, name=input.name
        )
    return ExperimentType.of(renamed, project)


async def _lifecycle(info: Info, node_id: str, *, restore: bool) -> ExperimentType:
    """Deleting and restoring need the Maintainer role (design §9)."""
    action = Action.DELETE_EXPERIMENT
    async with info.context.db.write() as session:
        found, project = await experiment_target(session, info.context, node_id, action)
        change = experiments.restore_experiment if restore else experiments.delete_experiment
        changed = await change(session, experiment_id=found.id)
    return ExperimentType.of(changed, project)


@strawberry.type
class ExperimentMutations:
    @strawberry.mutation(description="Create an experiment (Developer).")
    async def create_experiment(
        self, info: Info, input: CreateExperimentInput
    ) -> ExperimentPayload:
        return await outcome(_create(info, input))

    @strawberry.mutation(description="Rename an experiment (Developer).")
    async def update_experiment(
        self, info: Info, input: UpdateExperimentInput
    ) -> ExperimentPayload:
        return await outcome(_rename(info, input))

    @strawberry.mutation(description="Soft-delete an experiment; its name is freed (Maintainer).")
    async def delete_experiment(self, info: Info, input: ExperimentIdInput) -> ExperimentPayload:
        return await outcome(_lifecycle(info, input.id, restore=False))

    @strawberry.mutation(description="Restore a deleted experiment (Maintainer).")
    async def restore_experiment(self, info: Info, input: ExperimentIdInput) -> ExperimentPayload:
        return await outcome(_lifecycle(info, input.id, restore=True))
