"""Enums shared by several types, mapped from the store's own enums."""

from __future__ import annotations

from enum import Enum

import strawberry

from labbook.store import entities

# Registered in place: resolvers annotate with the store's enums themselves.
AccessLevel = entities.AccessLevel
CandidateStatus = entities.CandidateStatus
strawberry.enum(AccessLevel, name="AccessLevel", description="A role in a project (GitLab's).")
strawberry.enum(CandidateStatus, name="CandidateStatus", description="A candidate's run status.")


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
