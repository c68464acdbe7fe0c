"""The whole path: the real `mlflow` client logs a run, GraphQL reads the same data back."""

from __future__ import annotations

import math

import httpx
import mlflow
import pytest

from tests.conftest import ADMIN_TOKEN

QUERY = """
query ($path: ID!) {
  project(fullPath: $path) {
    experiments { nodes { name candidateCount candidates { nodes {
      eid name status params { name value } metrics { name value step } metadata { name value }
    } } } }
  }
}
"""


def test_mlflow_client_run_reads_back_through_graphql(
    live_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    uri = f"{live_server}/api/v4/projects/1/ml/mlflow"
    monkeypatch.setenv("MLFLOW_TRACKING_TOKEN", ADMIN_TOKEN)
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")
    client = mlflow.MlflowClient(tracking_uri=uri)
    experiment_id = client.create_experiment("e2e")
    run = client.create_run(experiment_id, run_name="first")
    metrics = [mlflow.entities.Metric("loss", 1.0 / (s + 1), 1000 + s, s) for s in range(5)]
    params = [mlflow.entities.Param("lr", "0.01"), mlflow.entities.Param("layers", "3")]
    client.log_batch(run.info.run_id, metrics=metrics, params=params)
    client.set_terminated(run.info.run_id)

    body = httpx.post(
        f"{live_server}/graphql",
        json={"query": QUERY, "variables": {"path": "default"}},
        headers={"Authorization": f"Bearer {ADMIN_TOKEN}"},
    ).json()
    assert "errors" not in body, body
    (experiment,) = body["data"]["project"]["experiments"]["nodes"]
    assert (experiment["name"], experiment["candidateCount"]) == ("e2e", 1)
    (candidate,) = experiment["candidates"]["nodes"]
    assert (candidate["eid"], candidate["name"]) == (run.info.run_id, "first")
    assert candidate["status"] == "FINISHED"
    assert {(p["name"], p["value"]) for p in candidate["params"]} == {
        ("lr", "0.01"),
        ("layers", "3"),
    }
    (loss,) = candidate["metrics"]
    assert loss["step"] == 4
    assert math.isclose(loss["value"], 0.2)
    assert {"name": "mlflow.runName", "value": "first"} in candidate["metadata"]
