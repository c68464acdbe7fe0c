"""Metric history: the client's get_metric_history, raw paging, and the bulk interval call."""

from __future__ import annotations

import math

import httpx
from mlflow.entities import Metric
from mlflow.tracking import MlflowClient

from tests.mlflow_compat.conftest import ROOT


def test_history_with_steps(mlflow_client: MlflowClient) -> None:
    run_id = mlflow_client.create_run(mlflow_client.create_experiment("h")).info.run_id
    for step in range(5):
        mlflow_client.log_metric(run_id, "loss", 1.0 / (step + 1), step=step)
    mlflow_client.log_metric(run_id, "loss", math.nan, step=5)
    history = mlflow_client.get_metric_history(run_id, "loss")
    assert [m.step for m in history] == [0, 1, 2, 3, 4, 5]
    assert [m.value for m in history[:5]] == [1.0, 0.5, 1 / 3, 0.25, 0.2]
    assert math.isnan(history[5].value)
    assert mlflow_client.get_metric_history(run_id, "missing") == []


def test_history_over_one_page(mlflow_client: MlflowClient) -> None:
    run_id = mlflow_client.create_run(mlflow_client.create_experiment("p")).info.run_id
    points = [Metric("m", float(i), 1700000000000 + i, i) for i in range(25050)]
    for start in range(0, len(points), 1000):
        mlflow_client.log_batch(run_id, metrics=points[start : start + 1000])
    history = mlflow_client.get_metric_history(run_id, "m")
    assert len(history) == 25050
    assert [m.step for m in history] == list(range(25050))


async def _run_with_points(client: httpx.AsyncClient, n: int) -> str:
    await client.post(f"{ROOT}/experiments/create", json={"name": "e"})
    run = await client.post(f"{ROOT}/runs/create", json={"experiment_id": "1"})
    run_id: str = run.json()["run"]["info"]["run_id"]
    metrics = [{"key": "m", "value": float(i), "timestamp": 100 + i, "step": i} for i in range(n)]
    await client.post(f"{ROOT}/runs/log-batch", json={"run_id": run_id, "metrics": metrics})
    return run_id


async def test_raw_paging(client: httpx.AsyncClient) -> None:
    run_id = await _run_with_points(client, 5)
    params: dict[str, str | int] = {"run_id": run_id, "metric_key": "m", "max_results": 2}
    seen: list[int] = []
    pages = 0
    while True:
        response = await client.get(f"{ROOT}/metrics/get-history", params=params)
        assert response.status_code == 200
        body = response.json()
        seen += [m["step"] for m in body["metrics"]]
        pages += 1
        if not body.get("next_page_token"):
            break
        params["page_token"] = body["next_page_token"]
    assert seen == [0, 1, 2, 3, 4]
    assert pages == 3
    assert body["metrics"][0] == {"key": "m", "value": 4.0, "timestamp": 104, "step": 4}


async def test_history_errors(client: httpx.AsyncClient) -> None:
    run_id = await _run_with_points(client, 1)
    url = f"{ROOT}/metrics/get-history"
    for params in (
        {"run_id": run_id, "metric_key": "m", "max_results": 0},
        {"run_id": run_id, "metric_key": "m", "max_results": "many"},
        {"run_id": run_id, "metric_key": "m", "page_token": "not-a-token"},
        {"run_id": run_id},
    ):
        response = await client.get(url, params=params)
        assert response.status_code == 400, params
        assert response.json()["error_code"] == "INVALID_PARAMETER_VALUE"
    missing = await client.get(url, params={"run_id": "f" * 32, "metric_key": "m"})
    assert missing.status_code == 404
    empty = await client.get(url, params={"run_id": run_id, "metric_key": "nope"})
    assert (empty.status_code, empty.json()) == (200, {})


async def test_bulk_interval_samples_steps(client: httpx.AsyncClient) -> None:
    run_id = await _run_with_points(client, 100)
    url = f"{ROOT}/metrics/get-history-bulk-interval"
    params: dict[str, str | int] = {"run_ids": run_id, "metric_key": "m", "max_results": 10}
    response = await client.get(url, params=params)
    assert response.status_code == 200
    metrics = response.json()["metrics"]
    steps = [m["step"] for m in metrics]
    assert len(steps) == 10
    assert steps[0] == 0
    assert steps[-1] == 99
    assert all(m["run_id"] == run_id for m in metrics)
    ranged = await client.get(url, params={**params, "start_step": 10, "end_step": 14})
    assert [m["step"] for m in ranged.json()["metrics"]] == [10, 11, 12, 13, 14]
    too_many = await client.get(url, params={"run_ids": ["x"] * 101, "metric_key": "m"})
    assert too_many.status_code == 400
