"""What a mutation acts on: the object a global id names, after checking the caller may."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from labbook.auth.roles import Action
from labbook.errors import NotFoundError
from labbook.graphql.context import Context
from labbook.graphql.permissions import authorized
from labbook.graphql.types.node import expect_id
from labbook.store import candidates, experiments
from labbook.store.entities import Candidate, Experiment, Project


async def experiment_target(
    session: AsyncSession, context: Context, node_id: str, action: Action
) -> tuple[Experiment, Project]:
    pk = expect_id(node_id, "Experiment")
    found = await experiments.get_experiment_by_id(session, experiment_id=pk)
    return found, await authorized(session, context, found.project_id, action)


async def candidate_target(
    session: AsyncSession, context: Context, node_id: str, action: Action
) -> tuple[Candidate, Project]:
    pk = expect_id(node_id, "Candidate")
    found = (await candidates.get_candidates(session, candidate_ids=[pk])).get(pk)
    if found is None:
        raise NotFoundError(f"No Candidate with id '{node_id}'")
    return found, await authorized(session, context, found.project_id, action)
