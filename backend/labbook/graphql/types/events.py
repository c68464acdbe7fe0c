"""What live subscriptions push: candidate changes and new metric points."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from labbook.graphql.types.candidate import CandidateType
from labbook.graphql.types.scalars import Long


@strawberry.enum(description="What happened to a candidate.")
class CandidateEventKind(Enum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"


@strawberry.type(description="A candidate was created, changed or deleted.")
class CandidateEvent:
    kind: CandidateEventKind
    candidate: CandidateType


@strawberry.type(description="A metric point just logged.")
class MetricPointEvent:
    candidate_id: strawberry.ID
    name: str
    step: Long
    timestamp: datetime
    value: float | None = strawberry.field(description="Null when NaN or infinite.")
