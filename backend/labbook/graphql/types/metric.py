"""Metric summaries (one per key of a candidate) and points of a metric's history."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from enum import Enum
from typing import NamedTuple, cast

import strawberry

from labbook.graphql.types.scalars import Long
from labbook.store.entities import MetricPoint as PointEntity
from labbook.store.entities import MetricSummary
from labbook.store.metric_rollups import Point


def from_millis(ms: int) -> datetime:
    return datetime.fromtimestamp(ms / 1000, tz=UTC)


def finite(value: float) -> float | None:
    """GraphQL floats cannot be NaN or infinite; those travel as null."""
    return value if math.isfinite(value) else None


@strawberry.type(
    description="Summary of one metric of a candidate: value is the latest (MLflow's definition)."
)
class Metric:
    name: str = strawberry.field(description="The metric key.")
    value: float | None = strawberry.field(
        description="The latest value (highest step, then latest time); null if NaN or infinite."
    )
    step: Long = strawberry.field(description="Step of the latest value.")
    timestamp: datetime = strawberry.field(description="When the latest value was logged.")
    min: float | None = strawberry.field(description="Smallest finite value; null if none.")
    max: float | None = strawberry.field(description="Largest finite value; null if none.")
    count: Long = strawberry.field(description="How many points were logged.")

    @classmethod
    def of(cls, s: MetricSummary) -> Metric:
        return cls(
            name=s.name,
            value=finite(s.last_value),
            step=Long(s.last_step),
            timestamp=from_millis(s.last_timestamp),
            min=finite(s.min_value),
            max=finite(s.max_value),
            count=Long(s.count),
        )


@strawberry.enum(description="The x axis of a metric history.")
class MetricAxis(Enum):
    STEP = strawberry.enum_value("step", description="Training step.")
    TIME = strawberry.enum_value("time", description="When each point was logged.")


@strawberry.type(description="One point of a metric's history.")
class MetricPoint:
    step: Long = strawberry.field(description="Training step (MLflow's `step`).")
    # A resolver: a chart of thousands of points often asks for no time at all.
    timestamp: datetime = strawberry.field(
        resolver=lambda root: from_millis(root.millis), description="When it was logged."
    )
    value: float | None = strawberry.field(description="Null when NaN or infinite.")
    millis: strawberry.Private[int]

    @classmethod
    def of(cls, p: PointEntity) -> MetricPoint:
        return cls(step=Long(p.step), millis=p.timestamp, value=finite(p.value))

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, MetricPoint | PointRow)


class PointRow(NamedTuple):
    """A point as `MetricPoint` reads it (a tuple costs a third of an instance to make, and a
    comparison makes some 23,000 of them)."""

    step: int
    millis: int
    value: float | None


def _finite(value: float | None) -> float | None:
    return None if value is None else finite(value)


def _points(stored: list[Point]) -> list[MetricPoint]:
    isfinite = math.isfinite
    rows = [PointRow(s, ts, v if v is not None and isfinite(v) else None) for s, ts, v in stored]
    return cast(list[MetricPoint], rows)  # read as MetricPoints (see `MetricPoint.is_type_of`)


@strawberry.type(
    description="The downsampled history of one metric of one candidate: as `points`, or as "
    "the parallel lists `steps`, `values` and `timestamps` (the same points, far cheaper to "
    "serialize when many series of many points are compared)."
)
class MetricSeries:
    candidate_id: strawberry.ID = strawberry.field(description="The candidate's global id.")
    name: str = strawberry.field(description="The metric key.")
    stored: strawberry.Private[list[Point]]  # (step, timestamp, value or None for NaN)

    @strawberry.field(description="Its points, in step order.")
    def points(self) -> list[MetricPoint]:
        return _points(self.stored)

    @strawberry.field(description="The steps of its points, in order.")
    def steps(self) -> list[Long]:
        return cast(list[Long], [p[0] for p in self.stored])

    @strawberry.field(description="The values of its points, in order; null if NaN or infinite.")
    def values(self) -> list[float | None]:
        isfinite = math.isfinite
        return [v if v is not None and isfinite(v) else None for _, _, v in self.stored]

    @strawberry.field(description="When each of its points was logged, in order.")
    def timestamps(self) -> list[datetime]:
        return [from_millis(p[1]) for p in self.stored]
