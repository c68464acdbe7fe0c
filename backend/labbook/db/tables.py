"""The tables (SQLAlchemy 2 typed declarative). Migrations in `migrations/` must match them."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes on every backend (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            raise ValueError("naive datetime")
        return value.astimezone(UTC) if value is not None else None

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is not None and value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Timestamped:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


def _fk(target: str, *, nullable: bool = False, ondelete: str = "CASCADE") -> Mapped[int]:
    return mapped_column(ForeignKey(target, ondelete=ondelete), nullable=nullable, index=True)


class User(Timestamped, Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(255), unique=True)
    name: Mapped[str] = mapped_column(String(255), default="")
    password_hash: Mapped[str | None] = mapped_column(String(255), nullable=True)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)


class AccessToken(Timestamped, Base):
    """Personal access tokens and web sessions (kind), stored only as a SHA-256 hash."""

    __tablename__ = "access_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = _fk("users.id")
    kind: Mapped[str] = mapped_column(String(16), default="personal")
    name: Mapped[str] = mapped_column(String(255))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    scopes: Mapped[str] = mapped_column(String(255), default="api")
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Project(Timestamped, Base):
    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(primary_key=True)
    path: Mapped[str] = mapped_column(String(255), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str] = mapped_column(Text, default="")
    visibility: Mapped[str] = mapped_column(String(16), default="private")
    # Per-project iid counters, bumped with UPDATE … RETURNING so concurrent inserts never collide.
    last_experiment_iid: Mapped[int] = mapped_column(Integer, default=0)
    last_candidate_iid: Mapped[int] = mapped_column(Integer, default=0)


class Membership(Timestamped, Base):
    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("project_id", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = _fk("projects.id")
    user_id: Mapped[int] = _fk("users.id")
    access_level: Mapped[int] = mapped_column(Integer)


class Experiment(Timestamped, Base):
    __tablename__ = "experiments"
    __table_args__ = (
        UniqueConstraint("project_id", "iid"),
        Index(
            "uq_experiments_live_name",
            "project_id",
            "name",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = _fk("projects.id")
    iid: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(500))
    creator_id: Mapped[int | None] = _fk("users.id", nullable=True, ondelete="SET NULL")
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class ExperimentMetadata(Timestamped, Base):
    __tablename__ = "experiment_metadata"
    __table_args__ = (UniqueConstraint("experiment_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    experiment_id: Mapped[int] = mapped_column(ForeignKey("experiments.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(250))
    value: Mapped[str] = mapped_column(Text)


class ExperimentKey(Base):
    """A param or metric name some candidate of the experiment has logged (table columns).

    Kept by database triggers on `candidate_params` and `candidate_metric_summaries` (migration
    0007), so every write path keeps it without a line of Python.
    """

    __tablename__ = "experiment_keys"
    experiment_id: Mapped[int] = mapped_column(
        ForeignKey("experiments.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(6), primary_key=True)  # "param" or "metric"
    name: Mapped[str] = mapped_column(String(250), primary_key=True)


class Candidate(Timestamped, Base):
    __tablename__ = "candidates"
    __table_args__ = (
        UniqueConstraint("project_id", "iid"),
        Index("ix_candidates_experiment_start", "experiment_id", "start_time", "id"),
        # PostgreSQL puts NULLs first when descending; this serves `DESC NULLS LAST`.
        Index(
            "ix_candidates_experiment_start_desc",
            "experiment_id",
            text("start_time DESC NULLS LAST"),
            text("id DESC"),
        ).ddl_if(dialect="postgresql"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    experiment_id: Mapped[int] = mapped_column(ForeignKey("experiments.id", ondelete="CASCADE"))
    project_id: Mapped[int] = _fk("projects.id")
    iid: Mapped[int] = mapped_column(Integer)
    eid: Mapped[str] = mapped_column(String(32), unique=True)
    name: Mapped[str] = mapped_column(String(500), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="running")
    # Epoch milliseconds, as on the MLflow wire: exact round-trips and cheap ordering.
    start_time: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    end_time: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    creator_id: Mapped[int | None] = _fk("users.id", nullable=True, ondelete="SET NULL")
    parent_id: Mapped[int | None] = _fk("candidates.id", nullable=True, ondelete="SET NULL")
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


# Search indexes hold a prefix of long values: a PostgreSQL btree entry must stay under
# ~2.7 kB and values go up to 64 kB. Searches repeat the prefix condition to use them.
VALUE_PREFIX = 200
_PREFIX = text(f"substr(value, 1, {VALUE_PREFIX})")


class CandidateParam(Base):
    __tablename__ = "candidate_params"
    __table_args__ = (
        UniqueConstraint("candidate_id", "name"),
        Index("ix_candidate_params_name_prefix", "name", _PREFIX, "candidate_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(250))
    value: Mapped[str] = mapped_column(Text)


class CandidateMetadata(Base):
    __tablename__ = "candidate_metadata"
    __table_args__ = (
        UniqueConstraint("candidate_id", "name"),
        Index("ix_candidate_metadata_name_prefix", "name", _PREFIX, "candidate_id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(250))
    value: Mapped[str] = mapped_column(Text)


class CandidateMetric(Base):
    """Full metric history, append-only. A NULL value stores NaN (SQLite cannot keep NaN).

    The unique index both orders history reads and makes a retried point a no-op.
    """

    __tablename__ = "candidate_metrics"
    __table_args__ = (
        Index(
            "uq_candidate_metrics_point",
            "candidate_id",
            "name",
            "step",
            "timestamp",
            "value",
            unique=True,
        ),
    )
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(250))
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    step: Mapped[int] = mapped_column(BigInteger, default=0)
    timestamp: Mapped[int] = mapped_column(BigInteger)


class CandidateMetricSummary(Base):
    """Per (candidate, metric): the latest point (MLflow's order), min, max and count."""

    __tablename__ = "candidate_metric_summaries"
    # Covering (with candidate_id): sorting by a metric walks it without visiting rows.
    __table_args__ = (Index("ix_metric_summaries_name_last", "name", "last_value", "candidate_id"),)
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(250), primary_key=True)
    last_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    last_step: Mapped[int] = mapped_column(BigInteger)
    last_timestamp: Mapped[int] = mapped_column(BigInteger)
    min_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    count: Mapped[int] = mapped_column(BigInteger)


class CandidateMetricRollup(Base):
    """Per (candidate, metric, level, step >> (4 + level)): first, last, min and max point and
    count, kept on write for series of at least 4,096 points (`ROLLUP_FROM`), so downsampled
    histories of long series read ~maxPoints rows (store/metric_rollups, metric_rollup_writes).
    """

    __tablename__ = "candidate_metric_rollups"
    candidate_id: Mapped[int] = mapped_column(
        ForeignKey("candidates.id", ondelete="CASCADE"), primary_key=True
    )
    name: Mapped[str] = mapped_column(String(250), primary_key=True)
    level: Mapped[int] = mapped_column(Integer, primary_key=True)
    bucket: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    count: Mapped[int] = mapped_column(BigInteger)
    first_step: Mapped[int] = mapped_column(BigInteger)
    first_timestamp: Mapped[int] = mapped_column(BigInteger)
    first_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    last_step: Mapped[int] = mapped_column(BigInteger)
    last_timestamp: Mapped[int] = mapped_column(BigInteger)
    last_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    min_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    min_step: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    min_timestamp: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    max_value: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_step: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    max_timestamp: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class Package(Timestamped, Base):
    __tablename__ = "packages"
    __table_args__ = (UniqueConstraint("project_id", "name", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = _fk("projects.id")
    name: Mapped[str] = mapped_column(String(255))
    version: Mapped[str] = mapped_column(String(255))


class PackageFile(Timestamped, Base):
    __tablename__ = "package_files"
    __table_args__ = (UniqueConstraint("package_id", "path"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    package_id: Mapped[int] = mapped_column(ForeignKey("packages.id", ondelete="CASCADE"))
    path: Mapped[str] = mapped_column(String(1024))
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    storage_key: Mapped[str] = mapped_column(String(1200))


class LoggedModel(Timestamped, Base):
    """An MLflow 3 logged model. `artifact_path` is fixed at creation (design §6), so the URI
    stays put even if the source candidate goes away."""

    __tablename__ = "logged_models"
    __table_args__ = (Index("ix_logged_models_experiment_name", "experiment_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = _fk("projects.id")
    experiment_id: Mapped[int] = mapped_column(ForeignKey("experiments.id", ondelete="CASCADE"))
    candidate_id: Mapped[int | None] = _fk("candidates.id", nullable=True, ondelete="SET NULL")
    model_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(500))
    model_type: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(32), default="pending")
    status_message: Mapped[str] = mapped_column(Text, default="")
    artifact_path: Mapped[str] = mapped_column(String(1024))
    creator_id: Mapped[int | None] = _fk("users.id", nullable=True, ondelete="SET NULL")
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class LoggedModelTag(Base):
    __tablename__ = "logged_model_tags"
    __table_args__ = (UniqueConstraint("logged_model_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    logged_model_id: Mapped[int] = mapped_column(ForeignKey("logged_models.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(250))
    value: Mapped[str] = mapped_column(Text)


class LoggedModelParam(Base):
    __tablename__ = "logged_model_params"
    __table_args__ = (UniqueConstraint("logged_model_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    logged_model_id: Mapped[int] = mapped_column(ForeignKey("logged_models.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(250))
    value: Mapped[str] = mapped_column(Text)


class Dataset(Timestamped, Base):
    """A dataset as MLflow identifies it: (experiment, name, digest)."""

    __tablename__ = "datasets"
    __table_args__ = (UniqueConstraint("experiment_id", "name", "digest"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    experiment_id: Mapped[int] = mapped_column(ForeignKey("experiments.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(500))
    digest: Mapped[str] = mapped_column(String(36))
    source_type: Mapped[str] = mapped_column(String(36))
    source: Mapped[str] = mapped_column(Text)
    schema_json: Mapped[str | None] = mapped_column(Text, nullable=True)
    profile_json: Mapped[str | None] = mapped_column(Text, nullable=True)


class DatasetInput(Timestamped, Base):
    __tablename__ = "dataset_inputs"
    __table_args__ = (UniqueConstraint("candidate_id", "dataset_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    dataset_id: Mapped[int] = _fk("datasets.id")


class DatasetInputTag(Base):
    __tablename__ = "dataset_input_tags"
    __table_args__ = (UniqueConstraint("dataset_input_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    dataset_input_id: Mapped[int] = mapped_column(
        ForeignKey("dataset_inputs.id", ondelete="CASCADE")
    )
    name: Mapped[str] = mapped_column(String(255))
    value: Mapped[str] = mapped_column(Text)


class ModelInput(Timestamped, Base):
    """A logged model a candidate consumed (MLflow `inputs.model_inputs`)."""

    __tablename__ = "model_inputs"
    __table_args__ = (UniqueConstraint("candidate_id", "logged_model_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    logged_model_id: Mapped[int] = _fk("logged_models.id")


class ModelOutput(Timestamped, Base):
    """A logged model a candidate produced, at a step (MLflow `outputs.model_outputs`)."""

    __tablename__ = "model_outputs"
    __table_args__ = (UniqueConstraint("candidate_id", "logged_model_id", "step"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    candidate_id: Mapped[int] = mapped_column(ForeignKey("candidates.id", ondelete="CASCADE"))
    logged_model_id: Mapped[int] = _fk("logged_models.id")
    step: Mapped[int] = mapped_column(BigInteger, default=0)


class LoggedModelMetric(Base):
    """Metrics logged against a logged model (`log_metric(..., model_id=)`); NULL value = NaN."""

    __tablename__ = "logged_model_metrics"
    __table_args__ = (
        Index(
            "uq_logged_model_metrics_point",
            "logged_model_id",
            "name",
            "step",
            "timestamp",
            "value",
            unique=True,
        ),
    )
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"), primary_key=True)
    logged_model_id: Mapped[int] = mapped_column(ForeignKey("logged_models.id", ondelete="CASCADE"))
    candidate_id: Mapped[int | None] = mapped_column(
        ForeignKey("candidates.id", ondelete="SET NULL"), nullable=True
    )
    name: Mapped[str] = mapped_column(String(250))
    value: Mapped[float | None] = mapped_column(Float, nullable=True)
    step: Mapped[int] = mapped_column(BigInteger, default=0)
    timestamp: Mapped[int] = mapped_column(BigInteger)
    dataset_name: Mapped[str | None] = mapped_column(String(500), nullable=True)
    dataset_digest: Mapped[str | None] = mapped_column(String(36), nullable=True)


class RegisteredModel(Timestamped, Base):
    """A model of the registry (MLflow registered model). `last_version` numbers its versions,
    bumped with UPDATE … RETURNING, so a deleted version's number is never reused."""

    __tablename__ = "registered_models"
    __table_args__ = (UniqueConstraint("project_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = _fk("projects.id")
    name: Mapped[str] = mapped_column(String(256))
    description: Mapped[str] = mapped_column(Text, default="")
    creator_id: Mapped[int | None] = _fk("users.id", nullable=True, ondelete="SET NULL")
    last_version: Mapped[int] = mapped_column(Integer, default=0)


class RegisteredModelTag(Base):
    __tablename__ = "registered_model_tags"
    __table_args__ = (UniqueConstraint("registered_model_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    registered_model_id: Mapped[int] = mapped_column(
        ForeignKey("registered_models.id", ondelete="CASCADE")
    )
    name: Mapped[str] = mapped_column(String(250))
    value: Mapped[str] = mapped_column(Text)


class ModelVersion(Timestamped, Base):
    """A version of a registered model. `artifact_path` (`<package>/<version>/<folder>`) is
    resolved from the source at creation, so downloads never follow a client-given URI."""

    __tablename__ = "model_versions"
    __table_args__ = (UniqueConstraint("registered_model_id", "version"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    registered_model_id: Mapped[int] = mapped_column(
        ForeignKey("registered_models.id", ondelete="CASCADE")
    )
    version: Mapped[int] = mapped_column(Integer)
    description: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text)
    run_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    logged_model_id: Mapped[int | None] = _fk(
        "logged_models.id", nullable=True, ondelete="SET NULL"
    )
    stage: Mapped[str] = mapped_column(String(20), default="None")
    run_link: Mapped[str] = mapped_column(Text, default="")
    artifact_path: Mapped[str] = mapped_column(String(1024))
    creator_id: Mapped[int | None] = _fk("users.id", nullable=True, ondelete="SET NULL")


class ModelVersionTag(Base):
    __tablename__ = "model_version_tags"
    __table_args__ = (UniqueConstraint("model_version_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    model_version_id: Mapped[int] = mapped_column(
        ForeignKey("model_versions.id", ondelete="CASCADE")
    )
    name: Mapped[str] = mapped_column(String(250))
    value: Mapped[str] = mapped_column(Text)


class RegisteredModelAlias(Base):
    __tablename__ = "registered_model_aliases"
    __table_args__ = (UniqueConstraint("registered_model_id", "alias"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    registered_model_id: Mapped[int] = mapped_column(
        ForeignKey("registered_models.id", ondelete="CASCADE")
    )
    alias: Mapped[str] = mapped_column(String(255))
    model_version_id: Mapped[int] = _fk("model_versions.id")
