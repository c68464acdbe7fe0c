"""Run endpoints: lifecycle, logging rules and limits, through the real client and raw HTTP."""

from __future__ import annotations

import asyncio
import math
from typing import Any

import httpx
import mlflow
import pytest
from mlflow.entities import Metric, Param, RunTag
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

from tests.mlflow_compat.conftest import ROOT


def test_fluent_run_with_tags_description_and_nesting(tracking_uri: str) -> None:
    mlflow.set_experiment("runs")
    with mlflow.start_run(run_name="parent", tags={"team": "ml"}, description="notes") as parent:
        mlflow.log_param("lr", 0.01)
        mlflow.log_metric("loss", 0.5, step=3)
        mlflow.set_tag("stage", "dev")
        mlflow.set_tags({"a": "1", "b": 2})
        with mlflow.start_run(run_name="child", nested=True) as child:
            mlflow.log_metric("child_metric", 1.0)
    client = MlflowClient()
    fetched = client.get_run(parent.info.run_id)
    assert fetched.info.run_name == "parent"
    assert fetched.data.tags["mlflow.note.content"] == "notes"
    assert fetched.data.tags["team"] == "ml"
    assert {"stage": "dev", "a": "1", "b": "2"}.items() <= fetched.data.tags.items()
    assert fetched.data.params == {"lr": "0.01"}
    assert fetched.info.user_id == fetched.data.tags["mlflow.user"]
    child_run = client.get_run(child.info.run_id)
    assert child_run.data.tags["mlflow.parentRunId"] == parent.info.run_id
    assert mlflow.get_parent_run(child.info.run_id).info.run_id == parent.info.run_id


def test_failed_and_killed_status(tracking_uri: str) -> None:
    with pytest.raises(ValueError, match="boom"), mlflow.start_run() as failed:
        raise ValueError("boom")
    mlflow.start_run()
    killed = mlflow.active_run()
    mlflow.end_run(status="KILLED")
    client = MlflowClient()
    assert client.get_run(failed.info.run_id).info.status == "FAILED"
    assert client.get_run(killed.info.run_id).info.status == "KILLED"


def test_client_created_run_gets_name_tag(mlflow_client: MlflowClient) -> None:
    experiment_id = mlflow_client.create_experiment("named")
    run = mlflow_client.create_run(experiment_id, tags={"x": "y"})
    assert run.info.run_name
    assert run.data.tags == {"x": "y", "mlflow.runName": run.info.run_name}
    assert run.info.artifact_uri == f"mlflow-artifacts:/ml_experiment_{experiment_id}/1"
    assert run.info.lifecycle_stage == "active"


def test_rename_through_tag_and_update(mlflow_client: MlflowClient) -> None:
    run = mlflow_client.create_run(mlflow_client.create_experiment("rename"), run_name="a")
    mlflow_client.set_tag(run.info.run_id, "mlflow.runName", "b")
    assert mlflow_client.get_run(run.info.run_id).info.run_name == "b"
    mlflow_client.update_run(run.info.run_id, name="c")
    fetched = mlflow_client.get_run(run.info.run_id)
    assert fetched.info.run_name == "c"
    assert fetched.data.tags["mlflow.runName"] == "c"
    assert fetched.info.status == "RUNNING"


def test_delete_tag(mlflow_client: MlflowClient) -> None:
    run = mlflow_client.create_run(mlflow_client.create_experiment("tags"))
    mlflow_client.set_tag(run.info.run_id, "t3", 3)
    mlflow_client.delete_tag(run.info.run_id, "t3")
    assert "t3" not in mlflow_client.get_run(run.info.run_id).data.tags
    with pytest.raises(MlflowException) as caught:
        mlflow_client.delete_tag(run.info.run_id, "t3")
    assert caught.value.error_code == "RESOURCE_DOES_NOT_EXIST"


def test_delete_restore_and_deleted_run_refuses_writes(mlflow_client: MlflowClient) -> None:
    run_id = mlflow_client.create_run(mlflow_client.create_experiment("del")).info.run_id
    mlflow_client.delete_run(run_id)
    assert mlflow_client.get_run(run_id).info.lifecycle_stage == "deleted"
    for write in (
        lambda: mlflow_client.log_param(run_id, "p", "1"),
        lambda: mlflow_client.set_tag(run_id, "t", "1"),
        lambda: mlflow_client.log_metric(run_id, "m", 1.0),
    ):
        with pytest.raises(MlflowException) as caught:
            write()
        assert caught.value.error_code == "INVALID_PARAMETER_VALUE"
    mlflow_client.restore_run(run_id)
    assert mlflow_client.get_run(run_id).info.lifecycle_stage == "active"
    mlflow_client.log_param(run_id, "p", "1")


def test_param_overwrite_rules(mlflow_client: MlflowClient) -> None:
    run_id = mlflow_client.create_run(mlflow_client.create_experiment("params")).info.run_id
    mlflow_client.log_param(run_id, "dup", "1")
    mlflow_client.log_param(run_id, "dup", "1")  # same value: a no-op
    with pytest.raises(MlflowException) as caught:
        mlflow_client.log_param(run_id, "dup", "2")
    assert caught.value.error_code == "INVALID_PARAMETER_VALUE"
    with pytest.raises(MlflowException):
        mlflow_client.log_batch(run_id, params=[Param("dup", "3")])
    assert mlflow_client.get_run(run_id).data.params == {"dup": "1"}


def test_large_batch_is_split_by_client(mlflow_client: MlflowClient) -> None:
    run_id = mlflow_client.create_run(mlflow_client.create_experiment("big")).info.run_id
    mlflow_client.log_batch(
        run_id,
        metrics=[Metric("m", float(i), 1700000000000, i) for i in range(1500)],
        params=[Param(f"p{i}", str(i)) for i in range(250)],
        tags=[RunTag(f"t{i}", str(i)) for i in range(120)],
    )
    data = mlflow_client.get_run(run_id).data
    assert len(data.params) == 250
    assert len([k for k in data.tags if k.startswith("t")]) == 120
    assert data.metrics["m"] == 1499.0
    assert len(mlflow_client.get_metric_history(run_id, "m")) == 1500


def test_nan_and_infinities_round_trip(mlflow_client: MlflowClient) -> None:
    run_id = mlflow_client.create_run(mlflow_client.create_experiment("nan")).info.run_id
    mlflow_client.log_metric(run_id, "nan", math.nan)
    mlflow_client.log_metric(run_id, "inf", math.inf)
    mlflow_client.log_metric(run_id, "ninf", -math.inf)
    metrics = mlflow_client.get_run(run_id).data.metrics
    assert math.isnan(metrics["nan"])
    assert metrics["inf"] == math.inf
    assert metrics["ninf"] == -math.inf


def test_long_values_stored_whole(mlflow_client: MlflowClient) -> None:
    run_id = mlflow_client.create_run(mlflow_client.create_experiment("long")).info.run_id
    mlflow_client.log_param(run_id, "long", "x" * 7000)
    mlflow_client.set_tag(run_id, "long", "y" * 9000)
    data = mlflow_client.get_run(run_id).data
    assert data.params["long"] == "x" * 7000
    assert data.tags["long"] == "y" * 9000


# ---- raw HTTP: exact shapes, limits, malformed input ----


async def _run(client: httpx.AsyncClient) -> str:
    await client.post(f"{ROOT}/experiments/create", json={"name": "raw"})
    response = await client.post(f"{ROOT}/runs/create", json={"experiment_id": "1"})
    assert response.status_code == 200
    run_id: str = response.json()["run"]["info"]["run_id"]
    return run_id


async def _get(client: httpx.AsyncClient, run_id: str) -> dict[str, Any]:
    response = await client.get(f"{ROOT}/runs/get", params={"run_uuid": run_id})
    assert response.status_code == 200
    run: dict[str, Any] = response.json()["run"]
    return run


async def test_create_run_shape(client: httpx.AsyncClient) -> None:
    await client.post(f"{ROOT}/experiments/create", json={"name": "shape"})
    body = {"experiment_id": "1", "run_name": "r", "start_time": 1700000000000, "user_id": "u"}
    response = await client.post(f"{ROOT}/runs/create", json=body)
    assert response.status_code == 200
    run = response.json()["run"]
    info = run["info"]
    assert info == {
        "run_id": info["run_id"],
        "run_uuid": info["run_id"],
        "experiment_id": "1",
        "run_name": "r",
        "user_id": "admin",
        "status": "RUNNING",
        "start_time": 1700000000000,
        "artifact_uri": "mlflow-artifacts:/ml_experiment_1/1",
        "lifecycle_stage": "active",
    }
    assert len(info["run_id"]) == 32
    assert run["data"] == {
        "metrics": [],
        "params": [],
        "tags": [{"key": "mlflow.runName", "value": "r"}],
    }


async def test_log_batch_limits_change_nothing(client: httpx.AsyncClient) -> None:
    run_id = await _run(client)
    metric = {"key": "m", "value": 1.0, "timestamp": 1, "step": 0}
    cases = [
        {"metrics": [metric] * 1001},
        {"params": [{"key": f"p{i}", "value": "v"} for i in range(101)]},
        {"tags": [{"key": f"t{i}", "value": "v"} for i in range(101)]},
        {"metrics": [metric] * 1000, "params": [{"key": "p", "value": "v"}]},
    ]
    for case in cases:
        response = await client.post(f"{ROOT}/runs/log-batch", json={"run_id": run_id, **case})
        assert response.status_code == 400
        assert response.json()["error_code"] == "INVALID_PARAMETER_VALUE"
        assert "at most" in response.json()["message"]
    data = (await _get(client, run_id))["data"]
    assert data == {"metrics": [], "params": [], "tags": data["tags"]}
    assert [t["key"] for t in data["tags"]] == ["mlflow.runName"]


async def test_log_batch_is_atomic(client: httpx.AsyncClient) -> None:
    run_id = await _run(client)
    body = {
        "run_id": run_id,
        "metrics": [{"key": "ok", "value": 1.0, "timestamp": 1}],
        "params": [{"key": "bad key!*", "value": "v"}],
    }
    response = await client.post(f"{ROOT}/runs/log-batch", json=body)
    assert response.status_code == 400
    assert (await _get(client, run_id))["data"]["metrics"] == []


async def test_empty_batch_and_nan_strings(client: httpx.AsyncClient) -> None:
    run_id = await _run(client)
    assert (await client.post(f"{ROOT}/runs/log-batch", json={"run_id": run_id})).json() == {}
    metrics = [
        {"key": "a", "value": "NaN", "timestamp": 1},
        {"key": "b", "value": "Infinity", "timestamp": 1},
        {"key": "c", "value": "-Infinity", "timestamp": 1},
    ]
    batch = await client.post(f"{ROOT}/runs/log-batch", json={"run_id": run_id, "metrics": metrics})
    assert batch.status_code == 200
    got = {m["key"]: m["value"] for m in (await _get(client, run_id))["data"]["metrics"]}
    assert got == {"a": "NaN", "b": "Infinity", "c": "-Infinity"}


async def test_batch_points_in_every_accepted_shape(client: httpx.AsyncClient) -> None:
    run_id = await _run(client)
    metrics = [
        {"key": "plain", "value": 0.5, "timestamp": 1, "step": 2},
        {"key": "int_value", "value": 3, "timestamp": 1},
        {"key": "text_numbers", "value": "2.5", "timestamp": "4", "step": "5"},
        {"key": "no_step", "value": 1.5, "timestamp": 1, "step": None},
        {"key": "métrique", "value": -1.0, "timestamp": 1},
    ]
    response = await client.post(
        f"{ROOT}/runs/log-batch", json={"run_id": run_id, "metrics": metrics}
    )
    assert response.status_code == 200
    got = {m["key"]: m for m in (await _get(client, run_id))["data"]["metrics"]}
    assert {k: (m["value"], m["step"]) for k, m in got.items()} == {
        "plain": (0.5, 2),
        "int_value": (3.0, 0),
        "text_numbers": (2.5, 5),
        "no_step": (1.5, 0),
        "métrique": (-1.0, 0),
    }


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ({"key": "m", "value": True, "timestamp": 1}, "metrics[1].value"),
        ({"key": "m", "value": 1.0}, "metrics[1].timestamp"),
        ({"key": "m", "value": 1.0, "timestamp": 2**63}, "metrics[1].timestamp"),
        ({"key": "", "value": 1.0, "timestamp": 1}, "metrics[1].key"),
        ("m", "metrics[1]"),
    ],
)
async def test_bad_point_in_a_batch_names_it_and_writes_nothing(
    client: httpx.AsyncClient, item: Any, message: str
) -> None:
    run_id = await _run(client)
    good = {"key": "ok", "value": 1.0, "timestamp": 1, "step": 0}
    body = {"run_id": run_id, "metrics": [good, item, good]}
    response = await client.post(f"{ROOT}/runs/log-batch", json=body)
    assert response.status_code == 400
    assert message in response.json()["message"]
    assert (await _get(client, run_id))["data"]["metrics"] == []


async def test_retried_metric_is_not_duplicated(client: httpx.AsyncClient) -> None:
    run_id = await _run(client)
    body = {"run_id": run_id, "key": "m", "value": 0.5, "timestamp": 10, "step": 1}
    for _ in range(2):
        assert (await client.post(f"{ROOT}/runs/log-metric", json=body)).status_code == 200
    history = await client.get(
        f"{ROOT}/metrics/get-history", params={"run_id": run_id, "metric_key": "m"}
    )
    assert len(history.json()["metrics"]) == 1


@pytest.mark.parametrize(
    ("path", "body", "status"),
    [
        ("log-metric", {"key": "m", "timestamp": 1}, 400),  # no value
        ("log-metric", {"key": "m", "value": 1.0}, 400),  # no timestamp
        ("log-metric", {"key": "m", "value": True, "timestamp": 1}, 400),
        ("log-metric", {"key": "m", "value": "abc", "timestamp": 1}, 400),
        ("log-metric", {"key": "m", "value": 1.0, "timestamp": 2**64}, 400),
        ("log-metric", {"key": "m", "value": 1.0, "timestamp": 1, "step": "x"}, 400),
        ("log-metric", {"key": "k" * 251, "value": 1.0, "timestamp": 1}, 400),
        ("log-parameter", {"key": "../evil", "value": "v"}, 400),
        ("log-parameter", {"key": "bad key!*", "value": "v"}, 400),
        ("log-parameter", {"key": "k", "value": 5}, 400),
        ("log-parameter", {"value": "v"}, 400),
        ("set-tag", {"key": "", "value": "v"}, 400),
        ("update", {"status": "DONE"}, 400),
        ("update", {"end_time": "soon"}, 400),
        ("log-batch", {"metrics": {"key": "m"}}, 400),
        ("log-batch", {"params": ["p"]}, 400),
    ],
)
async def test_bad_input(
    client: httpx.AsyncClient, path: str, body: dict[str, Any], status: int
) -> None:
    run_id = await _run(client)
    response = await client.post(f"{ROOT}/runs/{path}", json={"run_id": run_id, **body})
    assert response.status_code == status
    assert response.json()["error_code"] == "INVALID_PARAMETER_VALUE"
    data = (await _get(client, run_id))["data"]
    assert data["metrics"] == []
    assert data["params"] == []


async def test_malformed_bodies(client: httpx.AsyncClient) -> None:
    for content in (b"{not json", b"[1, 2]", b'"text"', b"\xff\xfe"):
        response = await client.post(
            f"{ROOT}/runs/create", content=content, headers={"Content-Type": "application/json"}
        )
        assert response.status_code == 400
        assert response.json()["error_code"] == "INVALID_PARAMETER_VALUE"


async def test_unknown_run_and_missing_id(client: httpx.AsyncClient) -> None:
    missing = await client.get(f"{ROOT}/runs/get", params={"run_id": "0" * 32})
    assert missing.status_code == 404
    assert missing.json()["error_code"] == "RESOURCE_DOES_NOT_EXIST"
    no_id = await client.get(f"{ROOT}/runs/get")
    assert no_id.status_code == 400
    assert "run_id" in no_id.json()["message"]
    log = await client.post(
        f"{ROOT}/runs/log-metric", json={"run_id": "x", "key": "m", "value": 1, "timestamp": 1}
    )
    assert log.status_code == 404


async def test_create_run_in_unknown_or_deleted_experiment(client: httpx.AsyncClient) -> None:
    unknown = await client.post(f"{ROOT}/runs/create", json={"experiment_id": "42"})
    assert unknown.status_code == 404
    await client.post(f"{ROOT}/experiments/create", json={"name": "gone"})
    await client.post(f"{ROOT}/experiments/delete", json={"experiment_id": "1"})
    deleted = await client.post(f"{ROOT}/runs/create", json={"experiment_id": "1"})
    assert deleted.status_code == 400
    assert deleted.json()["error_code"] == "INVALID_PARAMETER_VALUE"


async def test_conflicting_run_name_and_tag(client: httpx.AsyncClient) -> None:
    await client.post(f"{ROOT}/experiments/create", json={"name": "conflict"})
    body = {
        "experiment_id": "1",
        "run_name": "a",
        "tags": [{"key": "mlflow.runName", "value": "b"}],
    }
    response = await client.post(f"{ROOT}/runs/create", json=body)
    assert response.status_code == 400


async def test_update_returns_run_info(client: httpx.AsyncClient) -> None:
    run_id = await _run(client)
    body = {"run_id": run_id, "status": "FINISHED", "end_time": 1700000000999}
    response = await client.post(f"{ROOT}/runs/update", json=body)
    assert response.status_code == 200
    info = response.json()["run_info"]
    assert info["status"] == "FINISHED"
    assert info["end_time"] == 1700000000999


@pytest.mark.parametrize(
    ("path", "raw"),
    [
        ("log-parameter", '"key": "k", "value": "a\\u0000b"'),
        ("set-tag", '"key": "k", "value": "\\ud800"'),
        ("log-metric", '"key": "m", "value": 1' + "0" * 400 + ', "timestamp": 1'),
        ("update", '"run_name": "' + "n" * 501 + '"'),
    ],
)
async def test_unstorable_input(client: httpx.AsyncClient, path: str, raw: str) -> None:
    run_id = await _run(client)
    content = f'{{"run_id": "{run_id}", {raw}}}'.encode()
    response = await client.post(
        f"{ROOT}/runs/{path}", content=content, headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json()["error_code"] == "INVALID_PARAMETER_VALUE"
    run = await _get(client, run_id)
    assert run["data"]["params"] == []
    assert [t["key"] for t in run["data"]["tags"]] == ["mlflow.runName"]
    assert len(run["info"]["run_name"]) < 500


async def test_unstorable_experiment_name(client: httpx.AsyncClient) -> None:
    response = await client.post(f"{ROOT}/experiments/create", json={"name": "a\x00b"})
    assert response.status_code == 400
    assert response.json()["error_code"] == "INVALID_PARAMETER_VALUE"


def test_async_logging_out_of_order(tracking_uri: str) -> None:
    mlflow.set_experiment("async")
    with mlflow.start_run() as run:
        for step in range(5):
            mlflow.log_metrics({"a": float(step), "b": -float(step)}, step=step, synchronous=False)
        mlflow.log_param("p", "v", synchronous=False)
        mlflow.flush_async_logging()
    client = MlflowClient()
    fetched = client.get_run(run.info.run_id)
    assert fetched.data.metrics == {"a": 4.0, "b": -4.0}
    assert fetched.data.params == {"p": "v"}
    assert [m.step for m in client.get_metric_history(run.info.run_id, "a")] == [0, 1, 2, 3, 4]


def test_resume_finished_run(tracking_uri: str) -> None:
    with mlflow.start_run() as run:
        mlflow.log_param("a", "1")
    client = MlflowClient()
    first_end = client.get_run(run.info.run_id).info.end_time
    with mlflow.start_run(run_id=run.info.run_id):
        # As in MLflow, the client re-sends the previous end time when it resumes a run.
        assert client.get_run(run.info.run_id).info.status == "RUNNING"
        mlflow.log_param("b", "2")
    ended = client.get_run(run.info.run_id)
    assert ended.info.status == "FINISHED"
    assert ended.info.end_time >= first_end
    assert ended.data.params == {"a": "1", "b": "2"}


async def test_concurrent_runs_in_default_experiment(client: httpx.AsyncClient) -> None:
    responses = await asyncio.gather(
        *(client.post(f"{ROOT}/runs/create", json={"experiment_id": "0"}) for _ in range(8))
    )
    assert [r.status_code for r in responses] == [200] * 8
    experiment_ids = {r.json()["run"]["info"]["experiment_id"] for r in responses}
    assert len(experiment_ids) == 1
    found = await client.post(f"{ROOT}/experiments/search", json={})
    assert [e["name"] for e in found.json()["experiments"]] == ["Default"]


async def test_numeric_experiment_id_is_accepted(client: httpx.AsyncClient) -> None:
    await client.post(f"{ROOT}/experiments/create", json={"name": "numeric"})
    response = await client.post(f"{ROOT}/runs/create", json={"experiment_id": 1})
    assert response.status_code == 200
    assert response.json()["run"]["info"]["experiment_id"] == "1"
    found = await client.post(f"{ROOT}/runs/search", json={"experiment_ids": [1]})
    assert len(found.json()["runs"]) == 1
