"""Metric summaries (one per key of a candidate) and points of a metric's history."""

from __future__ import annotations

import math
from datetime import UTC, datetime
from enum import Enum

import strawberry

from labbook.store.entities import MetricPoint as PointEntity
from labbook.store.entities import MetricSummary


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
    step: int = strawberry.field(description="Step of the latest value.")
    timestamp: datetime = strawberry.field(description="When the latest value was logged.")
    min: float | None = strawberry.field(description="Smallest finite value; null if none.")
    max: float | None = strawberry.field(description="Largest finite value; null if none.")
    count: int = strawberry.field(description="How many points were logged.")

    @classmethod
    def of(cls, s: MetricSummary) -> Metric:
        return cls(
            name=s.name,
            value=finite(s.last_value),
            step=s.last_step,
            timestamp=from_millis(s.last_timestamp),
            min=finite(s.min_value),
            max=finite(s.max_value),
            count=s.count,
        )


@strawberry.enum(description="The x axis of a metric history.")
class MetricAxis(Enum):
    STEP = "step"
    TIME = "time"


@strawberry.type(description="One point of a metric's history.")
class MetricPoint:
    step: int = strawberry.field(description="Training step (MLflow's `step`).")
    timestamp: datetime = strawberry.field(description="When it was logged.")
    value: float | None = strawberry.field(description="Null when NaN or infinite.")

    @classmethod
    def of(cls, p: PointEntity) -> MetricPoint:
        return cls(step=p.step, timestamp=from_millis(p.timestamp), value=finite(p.value))


@strawberry.type(description="The downsampled history of one metric of one candidate.")
class MetricSeries:
    candidate_id: strawberry.ID
    name: str
    points: list[MetricPoint]
