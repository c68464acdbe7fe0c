"""MLflow JSON shapes of experiments, runs and metrics."""

from __future__ import annotations

import math
from datetime import UTC, datetime

import orjson

from labbook.mlflow_compat.serialize import (
    RunData,
    history_json,
    run_info_json,
    run_json,
    stored_float,
    wire_float,
)
from labbook.store.entities import Candidate, CandidateStatus

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def _candidate(**kw: object) -> Candidate:
    values: dict[str, object] = {
        "id": 1,
        "project_id": 1,
        "experiment_id": 4,
        "experiment_iid": 2,
        "iid": 7,
        "eid": "e" * 32,
        "name": "run",
        "description": "",
        "status": CandidateStatus.RUNNING,
        "start_time": 10,
        "end_time": None,
        "creator_id": 1,
        "parent_id": None,
        "created_at": NOW,
        "updated_at": NOW,
        "deleted_at": None,
    }
    values.update(kw)
    return Candidate(**values)  # type: ignore[arg-type]


def test_wire_float() -> None:
    assert wire_float(math.nan) == "NaN"
    assert wire_float(math.inf) == "Infinity"
    assert wire_float(-math.inf) == "-Infinity"
    assert wire_float(0.5) == 0.5


def test_run_info_omits_end_time_while_running() -> None:
    info = run_info_json(_candidate(), "alice")
    assert "end_time" not in info
    assert info["artifact_uri"] == "mlflow-artifacts:/ml_experiment_2/7"
    assert (info["run_id"], info["run_uuid"]) == ("e" * 32, "e" * 32)
    ended = run_info_json(
        _candidate(status=CandidateStatus.KILLED, end_time=20, deleted_at=NOW), "alice"
    )
    assert (ended["status"], ended["end_time"], ended["lifecycle_stage"]) == (
        "KILLED",
        20,
        "deleted",
    )


def test_stored_floats_history_and_summaries() -> None:
    assert [stored_float(v) for v in (None, math.inf, -math.inf, 0.1, -0.0)] == [
        "NaN", "Infinity", "-Infinity", 0.1, -0.0,
    ]  # fmt: skip
    rows = [(7, None, 3, 30), (8, 2.5, 4, 40)]
    assert history_json("loss", rows) == [
        {"key": "loss", "value": "NaN", "timestamp": 30, "step": 3},
        {"key": "loss", "value": 2.5, "timestamp": 40, "step": 4},
    ]


def test_run_json_sends_the_database_json_as_it_is() -> None:
    params, tags = '[{"key":"lr","value":"0.1"}]', '[{"key":"t","value":"x"}]'
    metrics = '[{"key":"acc","value":"Infinity","timestamp":5,"step":1}]'
    data = RunData(params=params, tags=tags, metrics=metrics, user="root")
    body = orjson.loads(orjson.dumps(run_json(_candidate(), data)))
    assert body["info"]["user_id"] == "root"
    assert body["data"]["params"] == [{"key": "lr", "value": "0.1"}]
    assert body["data"]["tags"] == [{"key": "t", "value": "x"}]
    assert body["data"]["metrics"] == [
        {"key": "acc", "value": "Infinity", "timestamp": 5, "step": 1}
    ]
