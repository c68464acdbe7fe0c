"""`Experiment`: a named group of candidates in a project."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from labbook.graphql.context import Info
from labbook.graphql.listing import candidate_listing
from labbook.graphql.pagination import Connection, connection, page_args
from labbook.graphql.types import candidate as candidate_types
from labbook.graphql.types import project as project_types
from labbook.graphql.types.enums import CandidateStatus
from labbook.graphql.types.key_value import Metadata
from labbook.graphql.types.node import Node, global_id
from labbook.graphql.types.user import UserType
from labbook.store import entities, experiment_keys

if TYPE_CHECKING:
    from labbook.graphql.types.candidate import CandidateConnection
    from labbook.graphql.types.project import ProjectType


@strawberry.type(name="Experiment", description="A named group of candidates (MLflow runs).")
class ExperimentType(Node):
    entity: strawberry.Private[entities.Experiment]
    project: strawberry.Private[entities.Project]
    iid: int = strawberry.field(description="Number within the project (MLflow experiment_id).")
    name: str = strawberry.field(description="Unique among the project's live experiments.")
    created_at: datetime = strawberry.field(description="When it was created.")
    updated_at: datetime = strawberry.field(description="When it was last renamed or changed.")
    deleted_at: datetime | None = strawberry.field(description="Set when soft-deleted.")
    last_activity_at: datetime = strawberry.field(description="When a candidate last changed.")

    @classmethod
    def of(cls, e: entities.Experiment, project: entities.Project) -> ExperimentType:
        return cls(
            id=global_id("Experiment", e.id),
            entity=e,
            project=project,
            iid=e.iid,
            name=e.name,
            created_at=e.created_at,
            updated_at=e.updated_at,
            deleted_at=e.deleted_at,
            last_activity_at=e.last_activity_at,
        )

    @strawberry.field(description="Who created it.")
    async def creator(self, info: Info) -> UserType | None:
        if self.entity.creator_id is None:
            return None
        user = await info.context.loaders.users.load(self.entity.creator_id)
        return UserType.of(user) if user else None

    @strawberry.field(description="Live (not deleted) candidates.")
    async def candidate_count(self, info: Info) -> int:
        return await info.context.loaders.candidate_counts.load(self.entity.id)

    @strawberry.field(description="Metadata (MLflow experiment tags).")
    async def metadata(self, info: Info) -> list[Metadata]:
        entries = await info.context.loaders.experiment_metadata.load(self.entity.id)
        return [Metadata.of(kv) for kv in entries]

    @strawberry.field(description="Param names used by live candidates, sorted.")
    async def param_keys(self, info: Info) -> list[str]:
        async with info.context.read() as session:
            return await experiment_keys.param_keys(session, experiment_id=self.entity.id)

    @strawberry.field(description="Metric names used by live candidates, sorted.")
    async def metric_keys(self, info: Info) -> list[str]:
        async with info.context.read() as session:
            return await experiment_keys.metric_keys(session, experiment_id=self.entity.id)

    @strawberry.field(name="project", description="The project it belongs to.")
    def in_project(
        self,
    ) -> Annotated[ProjectType, strawberry.lazy("labbook.graphql.types.project")]:
        return project_types.ProjectType.of(self.project)

    @strawberry.field(description="Path of the experiment's page in the web app.")
    def web_path(self) -> str:
        return f"/{self.project.path}/-/ml/experiments/{self.entity.iid}"

    @strawberry.field(
        description="filter: the search language (e.g. `metrics.acc > 0.9 and params.lr = "
        "'0.1'`); sort: e.g. `metrics.loss ASC`, `params.lr DESC`, `attributes.start_time "
        "DESC`, `metrics.loss.min ASC`."
    )
    async def candidates(
        self,
        info: Info,
        filter: str | None = None,
        sort: str | None = None,
        status: CandidateStatus | None = None,
        include_deleted: bool | None = False,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> Annotated[CandidateConnection, strawberry.lazy("labbook.graphql.types.candidate")]:
        listing = await candidate_listing(
            info.context,
            self.entity,
            filter=filter,
            sort=sort,
            status=status,
            deleted=bool(include_deleted),
            args=page_args(first, after, last, before),
        )
        project = self.project
        return connection(
            listing,
            lambda c: candidate_types.CandidateType.of(c, project),
            candidate_types.CandidateConnection,
        )


@strawberry.type(description="A page of experiments.")
class ExperimentConnection(Connection[ExperimentType]):
    pass
