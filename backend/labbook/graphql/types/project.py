"""`Project`: holds experiments and members; null when the caller may not see it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from labbook.graphql.context import Info
from labbook.graphql.listing import experiment_listing
from labbook.graphql.pagination import Connection, connection, page_args
from labbook.graphql.permissions import access_level, require_read
from labbook.graphql.resolve import or_none
from labbook.graphql.types import candidate as candidate_types
from labbook.graphql.types import experiment as experiment_types
from labbook.graphql.types.enums import AccessLevel, ExperimentSort
from labbook.graphql.types.node import Node, global_id
from labbook.graphql.types.user import UserType
from labbook.store import candidates, entities, experiments, projects

if TYPE_CHECKING:
    from labbook.graphql.types.candidate import CandidateType
    from labbook.graphql.types.experiment import ExperimentConnection, ExperimentType

# Lazy: experiments and candidates refer back to their project.


@strawberry.type(description="A member of a project and their role.")
class ProjectMember:
    user: UserType = strawberry.field(description="The member.")
    access_level: AccessLevel = strawberry.field(description="Their role.")


@strawberry.type(name="Project", description="A project: experiments, members, MLflow endpoint.")
class ProjectType(Node):
    project: strawberry.Private[entities.Project]

    @classmethod
    def of(cls, project: entities.Project) -> ProjectType:
        return cls(id=global_id("Project", project.id), project=project)

    @strawberry.field(description="The URL-safe path, e.g. `default` or `team/vision`.")
    def full_path(self) -> str:
        return self.project.path

    @strawberry.field(description="Display name.")
    def name(self) -> str:
        return self.project.name

    @strawberry.field(description="Free text.")
    def description(self) -> str:
        return self.project.description

    @strawberry.field(description="`private` or `public`.")
    def visibility(self) -> str:
        return self.project.visibility

    @strawberry.field(description="What to set as MLFLOW_TRACKING_URI for this project.")
    def mlflow_tracking_uri(self, info: Info) -> str:
        base = info.context.settings.base_url
        return f"{base}/api/v4/projects/{self.project.id}/ml/mlflow"

    @strawberry.field(description="The caller's role; admins count as OWNER; null if none.")
    async def current_user_access_level(self, info: Info) -> AccessLevel | None:
        return await access_level(info.context, self.project)

    @strawberry.field(description="Experiments; `search` matches a substring of the name.")
    async def experiments(
        self,
        info: Info,
        search: str | None = None,
        sort: ExperimentSort | None = ExperimentSort.CREATED_DESC,
        include_deleted: bool | None = False,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Annotated[ExperimentConnection, strawberry.lazy("labbook.graphql.types.experiment")]:
        project = await require_read(info.context, self.project)
        listing = await experiment_listing(
            info.context,
            project,
            search=search,
            sort=(sort or ExperimentSort.CREATED_DESC).value,
            deleted=bool(include_deleted),
            args=page_args(first, after, last, before),
        )
        return connection(
            listing,
            lambda e: experiment_types.ExperimentType.of(e, project),
            experiment_types.ExperimentConnection,
        )

    @strawberry.field(description="An experiment by its number in this project.")
    async def experiment(
        self, info: Info, iid: int
    ) -> Annotated[ExperimentType, strawberry.lazy("labbook.graphql.types.experiment")] | None:
        project = await require_read(info.context, self.project)
        async with info.context.read() as session:
            found = await or_none(
                experiments.get_experiment(session, project_id=project.id, iid=iid)
            )
        return experiment_types.ExperimentType.of(found, project) if found else None

    @strawberry.field(description="A candidate by its number in this project.")
    async def candidate(
        self, info: Info, iid: int
    ) -> Annotated[CandidateType, strawberry.lazy("labbook.graphql.types.candidate")] | None:
        project = await require_read(info.context, self.project)
        async with info.context.read() as session:
            found = await or_none(
                candidates.get_candidate_by_iid(session, project_id=project.id, iid=iid)
            )
        return candidate_types.CandidateType.of(found, project) if found else None

    @strawberry.field(description="Members and their roles.")
    async def members(self, info: Info) -> list[ProjectMember]:
        async with info.context.read() as session:
            found = await projects.list_members(session, project_id=self.project.id)
        return [ProjectMember(user=UserType.of(m.user), access_level=m.access_level) for m in found]


@strawberry.type(description="A page of projects.")
class ProjectConnection(Connection[ProjectType]):
    pass
