"""What the fields of a candidate search mean in SQL: attributes as columns or expressions,
params, tags and metric summaries as keyed tables."""

from __future__ import annotations

from typing import Any

from sqlalchemy import String, cast, func, literal, select

from labbook.db import tables as t
from labbook.errors import InvalidParameterError
from labbook.store.keyset import Expr
from labbook.store.search import Field
from labbook.store.search_sql import ValueType

C = t.Candidate
NUMERIC_ATTRIBUTES = {"start_time", "end_time", "created", "Created"}
STRING_ATTRIBUTES = {"run_id", "run_name", "name", "status", "user_id", "artifact_uri"}
NULLABLE_ATTRIBUTES = {"start_time", "end_time", "created", "Created", "user_id"}
START_TIME = {"start_time", "created", "Created"}


def _artifact_uri() -> Expr:
    prefix = literal("mlflow-artifacts:/ml_experiment_", String)
    return prefix + cast(t.Experiment.iid, String) + "/" + cast(C.iid, String)


def attribute(field: Field) -> Expr:
    """The expression of a run attribute (MLflow's names); the query joins `experiments`."""
    if field.key in START_TIME:
        return C.start_time
    expressions: dict[str, Any] = {
        "end_time": C.end_time,
        "run_id": C.eid,
        "run_name": C.name,
        "name": C.name,  # the web app's and GraphQL's word for the run name
        "status": func.upper(C.status),  # stored lowercase; MLflow spells it FINISHED
        "user_id": select(t.User.username).where(t.User.id == C.creator_id).scalar_subquery(),
    }
    if field.key == "artifact_uri":
        return _artifact_uri()
    if field.key not in expressions:
        valid = ", ".join(sorted(NUMERIC_ATTRIBUTES | STRING_ATTRIBUTES))
        raise InvalidParameterError(
            f"Invalid search: unknown attribute '{field.key}' at position {field.position}"
            f" (valid: {valid})"
        )
    return expressions[field.key]  # type: ignore[no-any-return]


def attribute_type(field: Field) -> ValueType:
    return "number" if field.key in NUMERIC_ATTRIBUTES else "string"


def keyed(field: Field) -> tuple[Any, str, ValueType]:
    """The table of a param, tag or metric field, its value column's name and value type."""
    if field.kind == "param":
        return t.CandidateParam, "value", "string"
    if field.kind == "tag":
        return t.CandidateMetadata, "value", "string"
    column = {"last": "last_value", "min": "min_value", "max": "max_value", "count": "count"}
    return t.CandidateMetricSummary, column[field.summary], "number"
