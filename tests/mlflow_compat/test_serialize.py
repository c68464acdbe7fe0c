"""MLflow JSON shapes of experiments, runs and metrics."""

from __future__ import annotations

import math
from datetime import UTC, datetime

from labbook.mlflow_compat.serialize import RunData, run_info_json, run_json, wire_float
from labbook.store.entities import Candidate, CandidateStatus, KeyValue

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


def test_user_id_prefers_the_mlflow_user_tag() -> None:
    tagged = RunData(tags=[KeyValue(name="mlflow.user", value="root")], creator="admin")
    assert run_json(_candidate(), tagged)["info"]["user_id"] == "root"
    assert run_json(_candidate(), RunData(creator="admin"))["info"]["user_id"] == "admin"
