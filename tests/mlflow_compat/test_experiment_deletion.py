"""`delete_experiment` deletes its runs and `restore_experiment` restores them (real client)."""

from __future__ import annotations

import mlflow
from mlflow.entities import ViewType
from mlflow.tracking import MlflowClient


def _names(client: MlflowClient, experiment_id: str, view: int) -> list[str]:
    runs = client.search_runs([experiment_id], run_view_type=view)
    return sorted(r.info.run_name for r in runs)


def test_runs_follow_their_experiment(mlflow_client: MlflowClient) -> None:
    experiment_id = mlflow_client.create_experiment("doomed")
    for name in ("a", "b", "early"):
        with mlflow.start_run(experiment_id=experiment_id, run_name=name):
            mlflow.log_metric("m", 1.0)
    early = mlflow_client.search_runs(
        [experiment_id], filter_string="attributes.run_name = 'early'"
    )
    mlflow_client.delete_run(early[0].info.run_id)

    mlflow_client.delete_experiment(experiment_id)
    assert _names(mlflow_client, experiment_id, ViewType.ACTIVE_ONLY) == []
    assert _names(mlflow_client, experiment_id, ViewType.DELETED_ONLY) == ["a", "b", "early"]
    run = mlflow_client.get_run(early[0].info.run_id)
    assert run.info.lifecycle_stage == "deleted"

    mlflow_client.restore_experiment(experiment_id)
    assert _names(mlflow_client, experiment_id, ViewType.ACTIVE_ONLY) == ["a", "b"]
    assert _names(mlflow_client, experiment_id, ViewType.DELETED_ONLY) == ["early"]
    assert _names(mlflow_client, experiment_id, ViewType.ALL) == ["a", "b", "early"]
