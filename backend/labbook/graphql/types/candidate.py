"""`Candidate`: one MLflow run with its params, metrics, metadata and history."""

from __future__ import annotations

import time
from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from labbook.graphql.context import Info
from labbook.graphql.pagination import Connection
from labbook.graphql.types import experiment as experiment_types
from labbook.graphql.types import key_value
from labbook.graphql.types import project as project_types
from labbook.graphql.types.artifact import Artifact, ArtifactPackage, package_api_path
from labbook.graphql.types.enums import CandidateStatus
from labbook.graphql.types.inputs import DatasetInput, ModelOutput
from labbook.graphql.types.key_value import Metadata, Param
from labbook.graphql.types.metric import Metric, MetricAxis, MetricPoint, from_millis
from labbook.graphql.types.node import Node, global_id
from labbook.graphql.types.scalars import Long
from labbook.graphql.types.user import UserType
from labbook.store import entities, metric_downsampling, metric_zoom, packages
from labbook.store.metric_downsampling import MAX_POINTS

if TYPE_CHECKING:
    from labbook.graphql.types.experiment import ExperimentType
    from labbook.graphql.types.project import ProjectType


@strawberry.type(description="Links to a candidate elsewhere.")
class CandidateLinks:
    web_path: str = strawberry.field(description="The candidate's page in the web app.")
    mlflow_run_id: str = strawberry.field(description="The MLflow run id (the eid).")
    artifact_path: str | None = strawberry.field(
        description="The generic package API folder holding the candidate's artifacts."
    )


def _maybe_time(ms: int | None) -> datetime | None:
    return from_millis(ms) if ms is not None else None


@strawberry.type(name="Candidate", description="A candidate: one MLflow run.")
class CandidateType(Node):
    entity: strawberry.Private[entities.Candidate]
    project: strawberry.Private[entities.Project]
    iid: int = strawberry.field(description="Number within the project.")
    eid: str = strawberry.field(description="The MLflow run id.")
    name: str = strawberry.field(description="The run name (MLflow `mlflow.runName`).")
    description: str = strawberry.field(description="Markdown (MLflow's note tag).")
    status: CandidateStatus = strawberry.field(description="The run status.")
    created_at: datetime = strawberry.field(description="When the candidate was created.")
    deleted_at: datetime | None = strawberry.field(description="Set when soft-deleted.")

    @classmethod
    def of(cls, c: entities.Candidate, project: entities.Project) -> CandidateType:
        return cls(
            id=global_id("Candidate", c.id),
            entity=c,
            project=project,
            iid=c.iid,
            eid=c.eid,
            name=c.name,
            description=c.description,
            status=c.status,
            created_at=c.created_at,
            deleted_at=c.deleted_at,
        )

    @strawberry.field(description="When the run started.")
    def start_time(self) -> datetime | None:
        return _maybe_time(self.entity.start_time)

    @strawberry.field(description="When the run ended; null while running.")
    def end_time(self) -> datetime | None:
        return _maybe_time(self.entity.end_time)

    @strawberry.field(description="Seconds between start and end (or now, while running).")
    def duration(self) -> float | None:
        start, end = self.entity.start_time, self.entity.end_time
        if start is None:
            return None
        if end is None and self.entity.status is not entities.CandidateStatus.RUNNING:
            return None
        return ((end if end is not None else time.time() * 1000) - start) / 1000

    @strawberry.field(description="Who created it.")
    async def creator(self, info: Info) -> UserType | None:
        if self.entity.creator_id is None:
            return None
        user = await info.context.loaders.users.load(self.entity.creator_id)
        return UserType.of(user) if user else None

    @strawberry.field(description="The experiment it belongs to.")
    async def experiment(
        self, info: Info
    ) -> Annotated[ExperimentType, strawberry.lazy("labbook.graphql.types.experiment")]:
        found = await info.context.loaders.experiments.load(self.entity.experiment_id)
        assert found is not None  # a candidate's experiment is deleted with it (cascade)
        return experiment_types.ExperimentType.of(found, self.project)

    @strawberry.field(name="project", description="The project it belongs to.")
    def in_project(
        self,
    ) -> Annotated[ProjectType, strawberry.lazy("labbook.graphql.types.project")]:
        return project_types.ProjectType.of(self.project)

    @strawberry.field(description="The parent run (MLflow nested runs).")
    async def parent(self, info: Info) -> CandidateType | None:
        if self.entity.parent_id is None:
            return None
        found = await info.context.loaders.candidates.load(self.entity.parent_id)
        return CandidateType.of(found, self.project) if found else None

    @strawberry.field(description="Nested runs, by iid.")
    async def children(self, info: Info) -> list[CandidateType]:
        found = await info.context.loaders.children.load(self.entity.id)
        return [CandidateType.of(c, self.project) for c in found]

    @strawberry.field(description="Hyperparameters, by name.")
    async def params(self, info: Info) -> list[Param]:
        return key_value.params(await info.context.loaders.params.load(self.entity.id))

    @strawberry.field(description="One summary per metric name.")
    async def metrics(self, info: Info) -> list[Metric]:
        return [Metric.of(s) for s in await info.context.loaders.metrics.load(self.entity.id)]

    @strawberry.field(description="Metadata (MLflow tags).")
    async def metadata(self, info: Info) -> list[Metadata]:
        return key_value.metadata(await info.context.loaders.metadata.load(self.entity.id))

    @strawberry.field(
        description="The history of one metric, downsampled on the server to at most "
        "`maxPoints` points: per x-range bucket its first, minimum, maximum and last point "
        "(M4), so spikes, the global extremes and the last point are always kept. At most 10,000. "
        "With `minStep` and `maxStep`, only that step range (both ends included), in the same "
        "number of points: a zoomed chart gets its detail."
    )
    async def metric_history(
        self,
        info: Info,
        name: str,
        max_points: int | None = 1000,
        x_axis: MetricAxis | None = MetricAxis.STEP,
        min_step: Long | None = None,
        max_step: Long | None = None,
    ) -> list[MetricPoint]:
        # Both axes share the step buckets: time grows with the step (see the store module).
        limit = min(max(4, 1000 if max_points is None else max_points), MAX_POINTS)
        async with info.context.read() as session:
            if min_step is not None and max_step is not None:
                points = await metric_zoom.history_between(
                    session,
                    candidate_id=self.entity.id,
                    name=name,
                    steps=(min_step, max_step),
                    max_points=limit,
                )
            else:
                points = await metric_downsampling.downsampled_history(
                    session, candidate_id=self.entity.id, name=name, max_points=limit
                )
        return [MetricPoint.of(p) for p in points]

    @strawberry.field(description="Datasets it used (MLflow `log_input`).")
    async def datasets(self, info: Info) -> list[DatasetInput]:
        found = await info.context.loaders.inputs_outputs.load(self.entity.id)
        return [DatasetInput.of(d) for d in found.dataset_inputs]

    @strawberry.field(description="Ids of the logged models it used as inputs.")
    async def model_inputs(self, info: Info) -> list[str]:
        return list((await info.context.loaders.inputs_outputs.load(self.entity.id)).model_inputs)

    @strawberry.field(description="Logged models it produced.")
    async def model_outputs(self, info: Info) -> list[ModelOutput]:
        found = await info.context.loaders.inputs_outputs.load(self.entity.id)
        return [ModelOutput.of(m) for m in found.model_outputs]

    @strawberry.field(description="The files and folders directly under `path`.")
    async def artifacts(self, info: Info, path: str | None = "") -> list[Artifact]:
        name, version = packages.candidate_package(self.entity)
        async with info.context.read() as session:
            entries = await packages.list_folder(
                session,
                project_id=self.entity.project_id,
                name=name,
                version=version,
                directory=(path or "").strip("/"),
            )
        return [Artifact.of(entry, self.entity) for entry in entries]

    @strawberry.field(description="The package holding the artifacts; null until one is logged.")
    async def artifact_package(self, info: Info) -> ArtifactPackage | None:
        name, version = packages.candidate_package(self.entity)
        async with info.context.read() as session:
            found = await packages.find_package(
                session, project_id=self.entity.project_id, name=name, version=version
            )
            files = await packages.list_files(session, package_id=found.id) if found else []
        return ArtifactPackage.of(self.entity, files) if found else None

    @strawberry.field(description="Where to find it elsewhere.")
    def links(self) -> CandidateLinks:
        c, path = self.entity, self.project.path
        return CandidateLinks(
            web_path=f"/{path}/-/ml/candidates/{c.iid}",
            mlflow_run_id=c.eid,
            artifact_path=package_api_path(c),
        )


@strawberry.type(description="A page of candidates.")
class CandidateConnection(Connection[CandidateType]):
    pass
