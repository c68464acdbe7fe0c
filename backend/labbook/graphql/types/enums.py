"""Enums shared by several types, mapped from the store's own enums."""

from __future__ import annotations

from enum import Enum

import strawberry
from strawberry.types.enum import StrawberryEnumDefinition

from labbook.store import entities

# Registered in place: resolvers annotate with the store's enums themselves.
AccessLevel = entities.AccessLevel
CandidateStatus = entities.CandidateStatus
strawberry.enum(AccessLevel, name="AccessLevel", description="A role in a project (GitLab's).")
strawberry.enum(CandidateStatus, name="CandidateStatus", description="A candidate's run status.")


def describe_values(enum: type[Enum], descriptions: dict[str, str]) -> None:
    """Per-value descriptions of an enum registered in place: the store's own enums cannot
    hold `strawberry.enum_value`, so they are set on the registered definition."""
    definition: StrawberryEnumDefinition = enum.__strawberry_definition__  # type: ignore[attr-defined]
    for value in definition.values:
        value.description = descriptions[value.name]


describe_values(
    AccessLevel,
    {
        "GUEST": "Below Developer: sees none of a private project's experiment data.",
        "REPORTER": "Below Developer, as Guest: sees none of a private project's experiment data.",
        "DEVELOPER": "Reads and writes experiments, candidates and artifacts (MLflow client too).",
        "MAINTAINER": "A Developer who may also delete experiments and manage members.",
        "OWNER": "A Maintainer; a project always keeps at least one Owner.",
    },
)
describe_values(
    CandidateStatus,
    {
        "RUNNING": "Training is under way (MLflow's RUNNING; a new run's status).",
        "SCHEDULED": "Queued, not started yet.",
        "FINISHED": "Ended successfully.",
        "FAILED": "Ended with an error.",
        "KILLED": "Stopped before it ended.",
    },
)


@strawberry.enum(description="How to order experiments.")
class ExperimentSort(Enum):
    NAME_ASC = "name ASC"
    NAME_DESC = "name DESC"
    CREATED_ASC = "created_at ASC"
    CREATED_DESC = "created_at DESC"
    UPDATED_ASC = "updated_at ASC"
    UPDATED_DESC = "updated_at DESC"
    LAST_ACTIVITY_ASC = "last_activity_at ASC"
    LAST_ACTIVITY_DESC = "last_activity_at DESC"
    CANDIDATE_COUNT_ASC = "candidate_count ASC"
    CANDIDATE_COUNT_DESC = "candidate_count DESC"


describe_values(
    ExperimentSort,
    {
        "NAME_ASC": "By name, A to Z.",
        "NAME_DESC": "By name, Z to A.",
        "CREATED_ASC": "Oldest first.",
        "CREATED_DESC": "Newest first (the default).",
        "UPDATED_ASC": "Least recently changed first.",
        "UPDATED_DESC": "Most recently changed first.",
        "LAST_ACTIVITY_ASC": "Least recent activity (its own or its candidates') first.",
        "LAST_ACTIVITY_DESC": "Most recent activity (its own or its candidates') first.",
        "CANDIDATE_COUNT_ASC": "Fewest candidates first.",
        "CANDIDATE_COUNT_DESC": "Most candidates first.",
    },
)
