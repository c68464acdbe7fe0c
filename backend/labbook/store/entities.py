"""Plain entities the store returns; adapters serialize these, never ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum, StrEnum


class AccessLevel(IntEnum):
    """Project roles, GitLab's numbers."""

    GUEST = 10
    REPORTER = 20
    DEVELOPER = 30
    MAINTAINER = 40
    OWNER = 50


class CandidateStatus(StrEnum):
    RUNNING = "running"
    SCHEDULED = "scheduled"
    FINISHED = "finished"
    FAILED = "failed"
    KILLED = "killed"


@dataclass(frozen=True, slots=True, kw_only=True)
class User:
    id: int
    username: str
    name: str
    is_admin: bool
    created_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class AccessToken:
    id: int
    user_id: int
    kind: str
    name: str
    prefix: str
    scopes: tuple[str, ...]
    expires_at: datetime | None
    last_used_at: datetime | None
    revoked_at: datetime | None
    created_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class NewToken:
    """A token just created: the only time its secret exists outside the caller's hands."""

    token: AccessToken
    secret: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Project:
    id: int
    path: str
    name: str
    description: str
    visibility: str
    created_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class Member:
    project_id: int
    user: User
    access_level: AccessLevel


@dataclass(frozen=True, slots=True, kw_only=True)
class Experiment:
    id: int
    project_id: int
    iid: int
    name: str
    creator_id: int | None
    created_at: datetime
    updated_at: datetime
    last_activity_at: datetime
    deleted_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    id: int
    project_id: int
    experiment_id: int
    experiment_iid: int
    iid: int
    eid: str
    name: str
    description: str
    status: CandidateStatus
    start_time: int | None
    end_time: int | None
    creator_id: int | None
    parent_id: int | None
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None


@dataclass(frozen=True, slots=True, kw_only=True)
class KeyValue:
    """A param or a metadata entry (MLflow tag)."""

    name: str
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricPoint:
    name: str
    value: float
    step: int
    timestamp: int


@dataclass(frozen=True, slots=True, kw_only=True)
class MetricSummary:
    candidate_id: int
    name: str
    last_value: float
    last_step: int
    last_timestamp: int
    min_value: float
    max_value: float
    count: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Package:
    id: int
    project_id: int
    name: str
    version: str
    created_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class PackageFile:
    id: int
    package_id: int
    path: str
    size: int
    sha256: str
    storage_key: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True, kw_only=True)
class ArtifactEntry:
    """One entry of a directory listing: a file, or a folder implied by deeper file paths."""

    path: str
    is_dir: bool
    file_size: int | None


class LoggedModelStatus(StrEnum):
    PENDING = "pending"
    READY = "ready"
    UPLOAD_FAILED = "upload_failed"


@dataclass(frozen=True, slots=True, kw_only=True)
class LoggedModel:
    """An MLflow 3 logged model; `artifact_path` is `<package>/<version>/<folder>` (design §6)."""

    id: int
    project_id: int
    experiment_id: int
    experiment_iid: int
    candidate_id: int | None
    source_run_id: str | None
    model_id: str
    name: str
    model_type: str
    status: LoggedModelStatus
    status_message: str
    artifact_path: str
    creator_id: int | None
    created_at: datetime
    updated_at: datetime
    tags: tuple[KeyValue, ...] = ()
    params: tuple[KeyValue, ...] = ()
    metrics: tuple[ModelMetric, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelMetric:
    """A metric point logged against a logged model, from a run or directly."""

    model_id: str
    name: str
    value: float
    step: int
    timestamp: int
    run_id: str | None = None
    dataset_name: str | None = None
    dataset_digest: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class DatasetRecord:
    name: str
    digest: str
    source_type: str
    source: str
    schema: str | None
    profile: str | None


@dataclass(frozen=True, slots=True, kw_only=True)
class DatasetInputRecord:
    dataset: DatasetRecord
    tags: tuple[KeyValue, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelOutputRecord:
    model_id: str
    step: int


@dataclass(frozen=True, slots=True, kw_only=True)
class RunInputsOutputs:
    """What MLflow's `runs/get` returns as `inputs` and `outputs`."""

    dataset_inputs: tuple[DatasetInputRecord, ...] = ()
    model_inputs: tuple[str, ...] = ()
    model_outputs: tuple[ModelOutputRecord, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelVersion:
    """A version of a registered model; `artifact_path` is `<package>/<version>/<folder>`."""

    id: int
    registered_model_id: int
    name: str
    version: int
    description: str
    source: str
    run_id: str | None
    model_id: str | None
    stage: str
    run_link: str
    artifact_path: str
    created_at: datetime
    updated_at: datetime
    tags: tuple[KeyValue, ...] = ()
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class RegisteredModel:
    """A model of the registry, with its latest version per stage and its aliases."""

    id: int
    project_id: int
    name: str
    description: str
    created_at: datetime
    updated_at: datetime
    tags: tuple[KeyValue, ...] = ()
    aliases: tuple[tuple[str, int], ...] = ()
    latest_versions: tuple[ModelVersion, ...] = ()
