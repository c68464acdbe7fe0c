"""Live updates over `graphql-transport-ws`: `candidateEvents` and `metricPoints`.

Each subscription polls the database every `POLL_SECONDS` (see `store.changes`), so it sees
writes from the MLflow client, the web app and every other server process, on SQLite and
PostgreSQL alike, at the cost of one small indexed query per subscription and interval.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from datetime import datetime, timedelta

import strawberry

from labbook.db.tables import utcnow
from labbook.errors import NotFoundError
from labbook.graphql.context import Context, Info
from labbook.graphql.loaders import Loaders
from labbook.graphql.permissions import require_read, visible_project
from labbook.graphql.resolve import or_none
from labbook.graphql.types.candidate import CandidateType
from labbook.graphql.types.events import CandidateEvent, CandidateEventKind, MetricPointEvent
from labbook.graphql.types.metric import finite, from_millis
from labbook.graphql.types.node import expect_id, global_id
from labbook.store import changes, experiments
from labbook.store.entities import Candidate, Experiment, Project

POLL_SECONDS = 0.5
CLOCK_SKEW = timedelta(seconds=2)  # other processes stamp rows with their own clocks


async def _readable_project(context: Context, project_id: int) -> Project:
    project = await visible_project(context, project_id)
    if project is None:
        raise NotFoundError("Not found")
    return await require_read(context, project)


async def _experiment(context: Context, node_id: str) -> tuple[Experiment, Project]:
    pk = expect_id(node_id, "Experiment")
    async with context.db.read() as session:
        found = await or_none(experiments.get_experiment_by_id(session, experiment_id=pk))
    if found is None:
        raise NotFoundError(f"No Experiment with id '{node_id}'")
    return found, await _readable_project(context, found.project_id)


def _kind(c: Candidate, start: datetime, seen: set[int]) -> CandidateEventKind:
    if c.deleted_at is not None:
        return CandidateEventKind.DELETED
    new = c.id not in seen and c.created_at >= start
    return CandidateEventKind.CREATED if new else CandidateEventKind.UPDATED


class _Changes:
    """Candidates of one experiment changed since the last poll, each change reported once."""

    def __init__(self, context: Context, experiment: Experiment) -> None:
        self.context, self.experiment = context, experiment
        self.start = self.since = utcnow() - CLOCK_SKEW
        self.reported: dict[int, datetime] = {}

    async def poll(self) -> list[tuple[CandidateEventKind, Candidate]]:
        async with self.context.db.read() as session:
            found = await changes.candidates_changed(
                session, experiment_id=self.experiment.id, since=self.since
            )
        fresh = [c for c in found if self.reported.get(c.id) != c.updated_at]
        events = [(_kind(c, self.start, set(self.reported)), c) for c in fresh]
        self.reported.update({c.id: c.updated_at for c in fresh})
        self.since = max([self.since, *(c.updated_at - CLOCK_SKEW for c in found)])
        return events


@strawberry.type(description="Live updates while training runs.")
class Subscription:
    @strawberry.subscription(description="Candidates of an experiment created, changed, deleted.")
    async def candidate_events(
        self, info: Info, experiment_id: strawberry.ID
    ) -> AsyncGenerator[CandidateEvent, None]:
        experiment, project = await _experiment(info.context, str(experiment_id))
        watcher = _Changes(info.context, experiment)
        await watcher.poll()  # what already happened before subscribing is not news
        watcher.start = utcnow() - CLOCK_SKEW
        while True:
            await asyncio.sleep(POLL_SECONDS)
            info.context.loaders = Loaders(info.context.db)  # fresh data for each event
            for kind, candidate in await watcher.poll():
                yield CandidateEvent(kind=kind, candidate=CandidateType.of(candidate, project))

    @strawberry.subscription(description="Metric points of a candidate as they are logged.")
    async def metric_points(
        self, info: Info, candidate_id: strawberry.ID, names: list[str] | None = None
    ) -> AsyncGenerator[MetricPointEvent, None]:
        found = await info.context.loaders.candidates.load(expect_id(candidate_id, "Candidate"))
        if found is None:
            raise NotFoundError(f"No Candidate with id '{candidate_id}'")
        await _readable_project(info.context, found.project_id)
        async with info.context.db.read() as session:
            after = await changes.last_metric_row(session)
        while True:
            await asyncio.sleep(POLL_SECONDS)
            async with info.context.db.read() as session:
                rows = await changes.metric_points_after(
                    session, candidate_id=found.id, names=names, after_row=after
                )
            for row_id, p in rows:
                after = row_id
                yield MetricPointEvent(
                    candidate_id=global_id("Candidate", found.id),
                    name=p.name,
                    step=p.step,
                    timestamp=from_millis(p.timestamp),
                    value=finite(p.value),
                )
