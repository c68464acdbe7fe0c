"""Purging: removing a soft-deleted experiment or candidate for good (Maintainer).

Only what is already deleted can be purged, so one click never destroys live work.
"""

from __future__ import annotations

from typing import Annotated

import strawberry

from labbook.auth.roles import Action
from labbook.errors import InvalidStateError
from labbook.graphql.context import Info
from labbook.graphql.mutations.outcome import outcome
from labbook.graphql.mutations.targets import candidate_target, experiment_target
from labbook.graphql.types import errors as e
from labbook.store import candidates, experiments


@strawberry.type(description="The global id of what was removed for good.")
class Purged:
    id: strawberry.ID = strawberry.field(
        description="The global id of the purged experiment or candidate; it no longer resolves."
    )


PurgePayload = Annotated[
    Purged
    | e.ValidationError
    | e.NotFoundError
    | e.PermissionDeniedError
    | e.AlreadyExistsError
    | e.InvalidStateError,
    strawberry.union(
        "PurgePayload",
        description="What was purged, or why nothing was (InvalidStateError if not deleted first).",
    ),
]


@strawberry.input(description="A soft-deleted experiment or candidate, by global id.")
class PurgeInput:
    id: strawberry.ID = strawberry.field(
        description="An Experiment or Candidate global id; it must be soft-deleted already."
    )


def _must_be_deleted(deleted: bool, what: str) -> None:
    if not deleted:
        raise InvalidStateError(f"Delete the {what} first; only deleted ones can be purged")


async def _purge_experiment(info: Info, node_id: strawberry.ID) -> Purged:
    async with info.context.db.write() as session:
        found, _ = await experiment_target(session, info.context, node_id, Action.DELETE_EXPERIMENT)
        _must_be_deleted(found.deleted_at is not None, "experiment")
        await experiments.purge_experiment(session, experiment_id=found.id)
    return Purged(id=node_id)


async def _purge_candidate(info: Info, node_id: strawberry.ID) -> Purged:
    async with info.context.db.write() as session:
        found, _ = await candidate_target(session, info.context, node_id, Action.DELETE_EXPERIMENT)
        _must_be_deleted(found.deleted_at is not None, "candidate")
        await candidates.purge_candidate(session, candidate_id=found.id)
    return Purged(id=node_id)


@strawberry.type
class PurgeMutations:
    @strawberry.mutation(
        description="Remove a deleted experiment and its candidates for good (Maintainer)."
    )
    async def purge_experiment(self, info: Info, input: PurgeInput) -> PurgePayload:
        return await outcome(_purge_experiment(info, input.id))

    @strawberry.mutation(
        description="Remove a deleted candidate and its data for good (Maintainer)."
    )
    async def purge_candidate(self, info: Info, input: PurgeInput) -> PurgePayload:
        return await outcome(_purge_candidate(info, input.id))
