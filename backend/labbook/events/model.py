"""The events live updates carry: which candidate changed, which metric points were logged."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from labbook.store.entities import MetricPoint


class CandidateChange(Enum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"


@dataclass(frozen=True, slots=True)
class CandidateChanged:
    """Ids only: a subscriber reads the candidate as it is when it gets the event."""

    kind: CandidateChange
    candidate_id: int
    experiment_id: int


@dataclass(frozen=True, slots=True)
class MetricsLogged:
    """Points newly inserted for one candidate (retried points are not news)."""

    candidate_id: int
    experiment_id: int
    points: tuple[MetricPoint, ...]


Event = CandidateChanged | MetricsLogged
