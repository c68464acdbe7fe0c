"""`node(id:)`: any object by global id, with the same visibility rules as its parents."""

from __future__ import annotations

from labbook.errors import NotFoundError
from labbook.graphql.context import Context
from labbook.graphql.permissions import require_read, visible_project
from labbook.graphql.resolve import or_none
from labbook.graphql.types.candidate import CandidateType
from labbook.graphql.types.experiment import ExperimentType
from labbook.graphql.types.node import Node, parse_global_id
from labbook.graphql.types.project import ProjectType
from labbook.graphql.types.user import UserType
from labbook.store import experiments, users


async def experiment_node(context: Context, pk: int) -> ExperimentType | None:
    async with context.read() as session:
        found = await or_none(experiments.get_experiment_by_id(session, experiment_id=pk))
    project = await visible_project(context, found.project_id) if found else None
    if found is None or project is None:
        return None
    return ExperimentType.of(found, await require_read(context, project))


async def candidate_node(context: Context, pk: int) -> CandidateType | None:
    found = await context.loaders.candidates.load(pk)
    project = await visible_project(context, found.project_id) if found else None
    if found is None or project is None:
        return None
    return CandidateType.of(found, await require_read(context, project))


async def project_node(context: Context, pk: int) -> ProjectType | None:
    project = await visible_project(context, pk)
    return ProjectType.of(project) if project else None


async def user_node(context: Context, pk: int) -> UserType | None:
    """Any signed-in user may see who others are (creators, members); anonymous may not."""
    if context.principal is None:
        return None
    async with context.read() as session:
        found = await or_none(users.get_user(session, user_id=pk))
    return UserType.of(found) if found else None


RESOLVERS = {
    "Experiment": experiment_node,
    "Candidate": candidate_node,
    "Project": project_node,
    "User": user_node,
}


async def resolve_node(context: Context, node_id: str) -> Node | None:
    try:
        type_name, pk = parse_global_id(node_id)
    except NotFoundError:
        return None
    resolver = RESOLVERS.get(type_name)
    return await resolver(context, pk) if resolver else None
