"""Live updates over `graphql-transport-ws`: `candidateEvents` and `metricPoints`.

Each subscription registers an inbox on the process's event bus (see `labbook.events`), so it
hears commits made through any surface (MLflow client, GraphQL) and, on PostgreSQL, any
server process. Candidate events carry ids: the candidate is read when the event is sent.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator

import strawberry

from labbook.errors import NotFoundError
from labbook.events.inbox import CandidateInbox, MetricInbox
from labbook.events.model import CandidateChange
from labbook.graphql.context import Context, Info
from labbook.graphql.loaders import Loaders
from labbook.graphql.permissions import require_read, visible_project
from labbook.graphql.resolve import or_none
from labbook.graphql.types.candidate import CandidateType
from labbook.graphql.types.events import CandidateEvent, CandidateEventKind, MetricPointEvent
from labbook.graphql.types.metric import finite, from_millis
from labbook.graphql.types.node import expect_id, global_id
from labbook.graphql.types.scalars import Long
from labbook.store import candidates, experiments
from labbook.store.entities import Candidate, Experiment, MetricPoint, Project

# A pause after each batch: while a run logs fast, what arrives meanwhile coalesces into the
# next batch, so a subscription costs at most a few reads a second, however busy the run.
BATCH_PAUSE = 0.2


async def _readable_project(context: Context, project_id: int) -> Project:
    """Checked again before each batch, so a member removed meanwhile stops hearing."""
    context.readable.pop(project_id, None)
    project = await visible_project(context, project_id)
    if project is None:
        raise NotFoundError("Not found")
    return await require_read(context, project)


async def _experiment(context: Context, node_id: str) -> Experiment:
    pk = expect_id(node_id, "Experiment")
    async with context.read() as session:
        found = await or_none(experiments.get_experiment_by_id(session, experiment_id=pk))
    if found is None:
        raise NotFoundError(f"No Experiment with id '{node_id}'")
    await _readable_project(context, found.project_id)
    return found


async def _candidate(context: Context, node_id: str) -> Candidate:
    found = await context.loaders.candidates.load(expect_id(node_id, "Candidate"))
    if found is None:
        raise NotFoundError(f"No Candidate with id '{node_id}'")
    await _readable_project(context, found.project_id)
    return found


async def _changes(
    context: Context, experiment: Experiment, pending: list[tuple[int, CandidateChange]]
) -> list[CandidateEvent]:
    """The events of one batch, with candidates read now (purged ones are gone: skipped)."""
    project = await _readable_project(context, experiment.project_id)
    context.loaders = Loaders(context.read)  # fields resolve against fresh data
    async with context.read() as session:
        found = await candidates.get_candidates(session, candidate_ids=[c for c, _ in pending])
    return [
        CandidateEvent(
            kind=CandidateEventKind(kind.value), candidate=CandidateType.of(found[c], project)
        )
        for c, kind in pending
        if c in found
    ]


def _point(candidate: Candidate, p: MetricPoint) -> MetricPointEvent:
    return MetricPointEvent(
        candidate_id=global_id("Candidate", candidate.id),
        name=p.name,
        step=Long(p.step),
        timestamp=from_millis(p.timestamp),
        value=finite(p.value),
    )


@strawberry.type(description="Live updates while training runs.")
class Subscription:
    @strawberry.subscription(
        description="Candidates of an experiment created, updated (new params, metadata and"
        " metric points included) or deleted, each as it is when the event is sent. Changes"
        " that arrive together are sent once per candidate."
    )
    async def candidate_events(
        self, info: Info, experiment_id: strawberry.ID
    ) -> AsyncGenerator[CandidateEvent, None]:
        context = info.context
        experiment = await _experiment(context, str(experiment_id))
        with context.state.events.subscribe(CandidateInbox(experiment.id)) as inbox:
            while True:
                for event in await _changes(context, experiment, await inbox.get()):
                    yield event
                await asyncio.sleep(BATCH_PAUSE)

    @strawberry.subscription(
        description="Metric points of a candidate as they are logged, optionally of some"
        " names only. A reader that falls far behind loses the oldest points."
    )
    async def metric_points(
        self, info: Info, candidate_id: strawberry.ID, names: list[str] | None = None
    ) -> AsyncGenerator[MetricPointEvent, None]:
        context = info.context
        candidate = await _candidate(context, str(candidate_id))
        with context.state.events.subscribe(MetricInbox(candidate.id, names)) as inbox:
            while True:
                points = await inbox.get()
                await _readable_project(context, candidate.project_id)
                for p in points:
                    yield _point(candidate, p)
                await asyncio.sleep(BATCH_PAUSE)
