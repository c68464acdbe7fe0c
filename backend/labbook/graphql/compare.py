"""`compareMetrics`: several candidates' histories of several metrics in one request."""

from __future__ import annotations

import strawberry

from labbook.errors import InvalidParameterError, NotFoundError
from labbook.graphql.context import Context
from labbook.graphql.permissions import require_read, visible_project
from labbook.graphql.types.metric import MetricSeries
from labbook.graphql.types.node import expect_id, global_id
from labbook.store import metric_downsampling
from labbook.store.entities import Candidate
from labbook.store.entities import MetricPoint as StoredPoint

MAX_CANDIDATES = 20
MAX_NAMES = 10


async def _readable(context: Context, node_id: str) -> Candidate:
    found = await context.loaders.candidates.load(expect_id(node_id, "Candidate"))
    project = await visible_project(context, found.project_id) if found else None
    if found is None or project is None:
        raise NotFoundError(f"No Candidate with id '{node_id}'")
    await require_read(context, project)
    return found


def _series(c: Candidate, name: str, points: list[StoredPoint]) -> MetricSeries:
    return MetricSeries(candidate_id=global_id("Candidate", c.id), name=name, stored=points)


async def compare_metrics(
    context: Context, candidate_ids: list[strawberry.ID], names: list[str], max_points: int
) -> list[MetricSeries]:
    if len(candidate_ids) > MAX_CANDIDATES or len(names) > MAX_NAMES:
        raise InvalidParameterError(
            f"Compare at most {MAX_CANDIDATES} candidates and {MAX_NAMES} metrics at once"
        )
    found = [await _readable(context, str(node_id)) for node_id in candidate_ids]
    keys = [(c.id, name) for c in found for name in names]
    async with context.db.read() as session:  # a fixed few statements for all the series
        histories = await metric_downsampling.downsampled_histories(
            session, series=keys, max_points=max_points
        )
    return [_series(c, name, histories[(c.id, name)]) for c in found for name in names]
