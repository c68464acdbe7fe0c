"""`compareMetrics`: several candidates' histories of several metrics in one request."""

from __future__ import annotations

import strawberry

from labbook.errors import InvalidParameterError, NotFoundError
from labbook.graphql.context import Context
from labbook.graphql.permissions import require_read, visible_project
from labbook.graphql.types.metric import MetricSeries
from labbook.graphql.types.node import expect_id, global_id
from labbook.store import metric_downsampling
from labbook.store.entities import Candidate, Project
from labbook.store.metric_rollups import Point

MAX_CANDIDATES = 20
MAX_NAMES = 10


async def _readable(context: Context, node_ids: list[strawberry.ID]) -> list[Candidate]:
    """The candidates (one statement), each project checked once: a missing candidate or an
    invisible project is not found; a visible project the caller may not read is forbidden."""
    keys = [expect_id(str(node_id), "Candidate") for node_id in node_ids]
    found = await context.loaders.candidates.load_many(keys)
    projects: dict[int, Project | None] = {}
    for node_id, candidate in zip(node_ids, found, strict=True):
        if candidate is not None and candidate.project_id not in projects:
            projects[candidate.project_id] = await visible_project(context, candidate.project_id)
        project = projects.get(candidate.project_id) if candidate is not None else None
        if candidate is None or project is None:
            raise NotFoundError(f"No Candidate with id '{node_id}'")
        await require_read(context, project)
    return [c for c in found if c is not None]


def _series(c: Candidate, name: str, points: list[Point]) -> MetricSeries:
    return MetricSeries(candidate_id=global_id("Candidate", c.id), name=name, stored=points)


async def compare_metrics(
    context: Context, candidate_ids: list[strawberry.ID], names: list[str], max_points: int
) -> list[MetricSeries]:
    if len(candidate_ids) > MAX_CANDIDATES or len(names) > MAX_NAMES:
        raise InvalidParameterError(
            f"Compare at most {MAX_CANDIDATES} candidates and {MAX_NAMES} metrics at once"
        )
    found = await _readable(context, candidate_ids)
    keys = [(c.id, name) for c in found for name in names]
    async with context.read() as session:  # a fixed few statements for all the series
        histories = await metric_downsampling.downsampled_points(
            session, series=keys, max_points=max_points
        )
    return [_series(c, name, histories[(c.id, name)]) for c in found for name in names]
