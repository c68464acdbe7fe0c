"""Experiments, runs and metrics in MLflow's JSON shapes (protocol §9).

Ids are strings (an experiment's id is its iid), times epoch milliseconds as numbers, enums
upper-case names. NaN and ±infinity go out as "NaN"/"Infinity"/"-Infinity", which the
client's protobuf parser reads back exactly (the reference server clamps infinities).
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import orjson

from labbook.mlflow_compat.inputs_json import inputs_json, outputs_json
from labbook.store.entities import (
    Candidate,
    Experiment,
    KeyValue,
    MetricPoint,
    RunInputsOutputs,
)

RUN_NAME_TAG = "mlflow.runName"
USER_TAG = "mlflow.user"


def millis(moment: datetime) -> int:
    return int(moment.timestamp() * 1000)


def wire_float(value: float) -> float | str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return value


def stored_float(value: float | None) -> float | str:
    """`wire_float` of a stored value, where NaN is NULL (None)."""
    if value is None:
        return "NaN"
    return value if -math.inf < value < math.inf else wire_float(value)


def key_values(entries: list[KeyValue]) -> list[dict[str, str]]:
    return [{"key": e.name, "value": e.value} for e in entries]


def experiment_artifact_location(experiment_iid: int) -> str:
    return f"mlflow-artifacts:/ml_experiment_{experiment_iid}"


def experiment_json(experiment: Experiment, tags: list[KeyValue]) -> dict[str, Any]:
    return {
        "experiment_id": str(experiment.iid),
        "name": experiment.name,
        "artifact_location": experiment_artifact_location(experiment.iid),
        "lifecycle_stage": "deleted" if experiment.deleted_at else "active",
        "last_update_time": millis(max(experiment.updated_at, experiment.last_activity_at)),
        "creation_time": millis(experiment.created_at),
        "tags": key_values(tags),
    }


def run_info_json(candidate: Candidate, user_id: str) -> dict[str, Any]:
    info: dict[str, Any] = {
        "run_id": candidate.eid,
        "run_uuid": candidate.eid,
        "experiment_id": str(candidate.experiment_iid),
        "run_name": candidate.name,
        "user_id": user_id,
        "status": candidate.status.value.upper(),
        "start_time": candidate.start_time if candidate.start_time is not None else 0,
        "artifact_uri": (
            f"{experiment_artifact_location(candidate.experiment_iid)}/{candidate.iid}"
        ),
        "lifecycle_stage": "deleted" if candidate.deleted_at else "active",
    }
    if candidate.end_time is not None:
        info["end_time"] = candidate.end_time
    return info


def metric_json(point: MetricPoint) -> dict[str, Any]:
    return {
        "key": point.name,
        "value": wire_float(point.value),
        "timestamp": point.timestamp,
        "step": point.step,
    }


def history_json(key: str, rows: Iterable[tuple[int, float | None, int, int]]) -> list[Any]:
    """Stored history rows (id, value, step, timestamp) as MLflow metrics: the hot loop of
    get-history, a dict per point without an intermediate object."""
    return [
        {"key": key, "value": stored_float(v), "timestamp": ts, "step": step}
        for _, v, step, ts in rows
    ]


@dataclass(frozen=True, slots=True)
class RunData:
    """What a run carries besides its info, loaded in bulk by `lookups.load_runs`: params,
    tags and latest metric values as the JSON texts the database built
    (`store.run_pages.RunDocument`), sent on as they are, and the run's user."""

    params: str = "[]"
    tags: str = "[]"
    metrics: str = "[]"
    user: str = ""
    io: RunInputsOutputs = field(default_factory=RunInputsOutputs)


def run_json(candidate: Candidate, data: RunData) -> dict[str, Any]:
    return {
        "info": run_info_json(candidate, data.user),
        "data": {
            "metrics": orjson.Fragment(data.metrics),
            "params": orjson.Fragment(data.params),
            "tags": orjson.Fragment(data.tags),
        },
        "inputs": inputs_json(data.io),
        "outputs": outputs_json(data.io),
    }
