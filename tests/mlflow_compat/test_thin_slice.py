"""The thin slice: a script's whole life (experiment, run, batch, end) with the real client."""

from __future__ import annotations

import math

import mlflow
from mlflow.entities import Metric, Param, RunTag
from mlflow.tracking import MlflowClient


def test_experiment_run_batch_and_end(mlflow_client: MlflowClient) -> None:
    assert mlflow_client.get_experiment_by_name("thin") is None
    experiment_id = mlflow_client.create_experiment("thin")
    assert mlflow_client.get_experiment_by_name("thin").experiment_id == experiment_id

    run = mlflow_client.create_run(experiment_id, run_name="first")
    run_id = run.info.run_id
    assert run.info.status == "RUNNING"
    assert run.data.tags["mlflow.runName"] == "first"
    mlflow_client.log_batch(
        run_id,
        metrics=[Metric("loss", v, 1700000000000 + i, i) for i, v in enumerate([0.9, 0.5, 0.2])],
        params=[Param("lr", "0.01"), Param("optimizer", "adam")],
        tags=[RunTag("team", "ml")],
    )
    mlflow_client.set_terminated(run_id)

    fetched = mlflow_client.get_run(run_id)
    assert fetched.info.status == "FINISHED"
    assert fetched.info.end_time is not None
    assert fetched.info.experiment_id == experiment_id
    assert fetched.data.params == {"lr": "0.01", "optimizer": "adam"}
    assert fetched.data.metrics == {"loss": 0.2}
    assert fetched.data.tags["team"] == "ml"


def test_fluent_script(tracking_uri: str) -> None:
    experiment = mlflow.set_experiment("fluent")
    with mlflow.start_run() as run:
        mlflow.log_params({"a": 1, "b": "two"})
        mlflow.log_metrics({"acc": 0.5, "nan": math.nan, "inf": math.inf}, step=3)
    fetched = MlflowClient().get_run(run.info.run_id)
    assert fetched.info.experiment_id == experiment.experiment_id
    assert fetched.info.run_name  # generated
    assert fetched.data.tags["mlflow.runName"] == fetched.info.run_name
    assert fetched.data.params == {"a": "1", "b": "two"}
    assert fetched.data.metrics["acc"] == 0.5
    assert math.isnan(fetched.data.metrics["nan"])
    assert fetched.data.metrics["inf"] == math.inf
    assert fetched.info.status == "FINISHED"
