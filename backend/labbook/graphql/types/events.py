"""What live subscriptions push: candidate changes and new metric points."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from labbook.graphql.types.candidate import CandidateType
from labbook.graphql.types.scalars import Long


@strawberry.enum(description="What happened to a candidate.")
class CandidateEventKind(Enum):
    CREATED = strawberry.enum_value("created", description="It was just created.")
    UPDATED = strawberry.enum_value(
        "updated",
        description="It changed (name, status, params, metrics, metadata) or was restored.",
    )
    DELETED = strawberry.enum_value("deleted", description="It was soft-deleted.")


@strawberry.type(description="A candidate was created, changed or deleted.")
class CandidateEvent:
    kind: CandidateEventKind = strawberry.field(description="What happened.")
    candidate: CandidateType = strawberry.field(
        description="The candidate as it is when the event is sent (a deleted one has "
        "`deletedAt` set)."
    )


@strawberry.type(description="A metric point just logged.")
class MetricPointEvent:
    candidate_id: strawberry.ID = strawberry.field(description="The candidate's global id.")
    name: str = strawberry.field(description="The metric key.")
    step: Long = strawberry.field(description="Training step (MLflow's `step`).")
    timestamp: datetime = strawberry.field(description="When it was logged.")
    value: float | None = strawberry.field(description="Null when NaN or infinite.")
