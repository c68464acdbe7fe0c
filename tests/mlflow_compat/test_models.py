"""MLflow 3 logged models and run inputs/outputs with the real client against a live server."""

from __future__ import annotations

from pathlib import Path

import httpx
import mlflow
import numpy as np
import pandas as pd
import pytest
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient
from sklearn.linear_model import LogisticRegression

from tests.conftest import ADMIN_TOKEN

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
X = np.array([[0.0, 1.0], [1.0, 0.0], [0.2, 0.9], [0.9, 0.1]])
Y = np.array([0, 1, 0, 1])


def _model() -> LogisticRegression:
    return LogisticRegression().fit(X, Y)


class Echo(mlflow.pyfunc.PythonModel):  # type: ignore[misc]
    def predict(self, context: object, model_input: pd.DataFrame) -> pd.DataFrame:
        return model_input * 2


def test_sklearn_log_model_in_run_round_trip(mlflow_client: MlflowClient) -> None:
    mlflow.set_experiment("models")
    model = _model()
    with mlflow.start_run() as run:
        info = mlflow.sklearn.log_model(model, name="model", input_example=X[:2])
    experiment_iid = run.info.experiment_id
    assert info.model_id.startswith("m-")
    logged = mlflow.get_logged_model(info.model_id)
    assert logged.status.to_proto() == 2  # LOGGED_MODEL_READY
    assert logged.source_run_id == run.info.run_id
    assert logged.artifact_location == (
        f"mlflow-artifacts:/ml_experiment_{experiment_iid}/1/models/{info.model_id}"
    )
    outputs = mlflow_client.get_run(run.info.run_id).outputs
    assert [(o.model_id, o.step) for o in outputs.model_outputs] == [(info.model_id, 0)]

    for uri in (info.model_uri, f"runs:/{run.info.run_id}/model"):
        loaded = mlflow.sklearn.load_model(uri)
        assert (loaded.predict(X) == model.predict(X)).all()
    pyfunc = mlflow.pyfunc.load_model(info.model_uri)
    assert (pyfunc.predict(X) == model.predict(X)).all()


def test_model_files_live_in_the_run_package(mlflow_client: MlflowClient, live_server: str) -> None:
    with mlflow.start_run() as run:
        info = mlflow.sklearn.log_model(_model(), name="clf")
    files = mlflow_client.list_artifacts(run.info.run_id, f"models/{info.model_id}")
    names = {f.path.rsplit("/", 1)[-1] for f in files}
    assert {"MLmodel", "requirements.txt", "conda.yaml", "python_env.yaml"} <= names
    package = f"ml_experiment_{run.info.experiment_id}/1"
    with httpx.Client(base_url=live_server, headers=AUTH) as http:
        listing = http.get(f"/api/v4/projects/1/packages/generic/{package}/").json()
        assert f"models/{info.model_id}/MLmodel" in {f["path"] for f in listing}
        mlmodel = http.get(
            f"/api/v4/projects/1/packages/generic/{package}/models/{info.model_id}/MLmodel"
        )
        assert b"sklearn" in mlmodel.content


def test_pyfunc_model_outside_a_run(mlflow_client: MlflowClient) -> None:
    mlflow.set_experiment("outside")
    info = mlflow.pyfunc.log_model(name="echo", python_model=Echo())
    logged = mlflow.get_logged_model(info.model_id)
    assert not logged.source_run_id
    assert logged.artifact_location == f"mlflow-artifacts:/ml_logged_model/{info.model_id}"
    loaded = mlflow.pyfunc.load_model(f"models:/{info.model_id}")
    frame = pd.DataFrame({"a": [1, 2]})
    assert loaded.predict(frame)["a"].tolist() == [2, 4]


def test_get_search_tags_and_delete(mlflow_client: MlflowClient) -> None:
    experiment_id = mlflow.set_experiment("search-models").experiment_id
    with mlflow.start_run():
        first = mlflow.sklearn.log_model(_model(), name="alpha")
        second = mlflow.sklearn.log_model(_model(), name="beta")
    everything = mlflow.search_logged_models(experiment_ids=[experiment_id], output_format="list")
    assert [m.model_id for m in everything] == [second.model_id, first.model_id]
    found = mlflow.search_logged_models(
        experiment_ids=[experiment_id], filter_string="name = 'alpha'", output_format="list"
    )
    assert [m.model_id for m in found] == [first.model_id]

    mlflow.set_logged_model_tags(first.model_id, {"stage": "candidate", "owner": "ml"})
    assert mlflow.get_logged_model(first.model_id).tags["stage"] == "candidate"
    tagged = mlflow.search_logged_models(
        experiment_ids=[experiment_id],
        filter_string="tags.stage = 'candidate'",
        output_format="list",
    )
    assert [m.model_id for m in tagged] == [first.model_id]
    mlflow_client.delete_logged_model_tag(first.model_id, "stage")
    assert "stage" not in mlflow.get_logged_model(first.model_id).tags

    mlflow_client.delete_logged_model(second.model_id)
    with pytest.raises(MlflowException) as info:
        mlflow.get_logged_model(second.model_id)
    assert info.value.error_code == "RESOURCE_DOES_NOT_EXIST"
    left = mlflow.search_logged_models(experiment_ids=[experiment_id], output_format="list")
    assert [m.model_id for m in left] == [first.model_id]


def test_search_pages_and_bad_filters(mlflow_client: MlflowClient) -> None:
    experiment_id = mlflow.set_experiment("pages").experiment_id
    ids = [
        mlflow_client.create_logged_model(experiment_id, name=f"m{i}").model_id for i in range(5)
    ]
    page = mlflow_client.search_logged_models(experiment_ids=[experiment_id], max_results=2)
    assert [m.model_id for m in page] == ids[::-1][:2]
    assert page.token
    rest = mlflow_client.search_logged_models(
        experiment_ids=[experiment_id], max_results=10, page_token=page.token
    )
    assert [m.model_id for m in rest] == ids[::-1][2:]
    with pytest.raises(MlflowException) as info:
        mlflow_client.search_logged_models(experiment_ids=[experiment_id], filter_string="name ~ 1")
    assert info.value.error_code == "INVALID_PARAMETER_VALUE"
    pending = mlflow.get_logged_model(ids[0])
    assert pending.status.to_proto() == 1  # LOGGED_MODEL_PENDING until finalized
    mlflow_client.finalize_logged_model(ids[0], "READY")
    assert mlflow.get_logged_model(ids[0]).status.to_proto() == 2


def test_log_input_round_trip(mlflow_client: MlflowClient) -> None:
    frame = pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [0, 1, 0]})
    dataset = mlflow.data.from_pandas(frame, source="s3://bucket/data.csv", name="toy", targets="y")
    with mlflow.start_run() as run:
        mlflow.log_input(dataset, context="training", tags={"split": "train"})
        mlflow.log_input(dataset, context="training", tags={"split": "train"})  # a retry
    inputs = mlflow_client.get_run(run.info.run_id).inputs
    assert len(inputs.dataset_inputs) == 1
    logged = inputs.dataset_inputs[0]
    assert {t.key: t.value for t in logged.tags} == {
        "mlflow.data.context": "training",
        "split": "train",
    }
    assert (logged.dataset.name, logged.dataset.digest) == ("toy", dataset.digest)
    assert logged.dataset.source_type == "s3"
    assert '"s3://bucket/data.csv"' in logged.dataset.source
    assert "mlflow_colspec" in logged.dataset.schema
    assert '"num_rows": 3' in logged.dataset.profile


def test_log_inputs_and_outputs_refusals(live_server: str, mlflow_client: MlflowClient) -> None:
    with mlflow.start_run() as run:
        pass
    run_id = run.info.run_id
    base = f"{live_server}/api/2.0/mlflow/runs"
    with httpx.Client(headers=AUTH) as http:
        missing = http.post(f"{base}/log-inputs", json={"run_id": run_id, "datasets": [{}]})
        assert missing.status_code == 400
        assert "datasets[0].dataset" in missing.json()["message"]
        no_digest = {"dataset": {"name": "d", "source_type": "code", "source": "{}"}}
        bad = http.post(f"{base}/log-inputs", json={"run_id": run_id, "datasets": [no_digest]})
        assert bad.status_code == 400
        unknown = http.post(
            f"{base}/outputs",
            json={"run_id": run_id, "models": [{"model_id": "m-nope", "step": 0}]},
        )
        assert unknown.status_code == 404
        assert unknown.json()["error_code"] == "RESOURCE_DOES_NOT_EXIST"
    assert mlflow_client.get_run(run_id).inputs.dataset_inputs == []
    assert mlflow_client.get_run(run_id).outputs.model_outputs == []


def test_model_artifact_directories(mlflow_client: MlflowClient, live_server: str) -> None:
    with mlflow.start_run():
        info = mlflow.sklearn.log_model(_model(), name="dirs")
    url = f"{live_server}/api/2.0/mlflow/logged-models/{info.model_id}/artifacts/directories"
    listing = httpx.get(url, headers=AUTH).json()
    assert listing["root_uri"].endswith(f"/models/{info.model_id}")
    assert {
        k: v
        for k, v in next(f for f in listing["files"] if f["path"] == "MLmodel").items()
        if k != "file_size"
    } == {"path": "MLmodel", "is_dir": False}


def test_download_model_to_folder(mlflow_client: MlflowClient, tmp_path: Path) -> None:
    with mlflow.start_run():
        info = mlflow.sklearn.log_model(_model(), name="dl")
    local = Path(mlflow.artifacts.download_artifacts(info.model_uri, dst_path=str(tmp_path)))
    assert (local / "MLmodel").is_file()


def test_sklearn_autolog(mlflow_client: MlflowClient) -> None:
    mlflow.set_experiment("autolog")
    mlflow.sklearn.autolog(log_input_examples=False, silent=True)
    try:
        LogisticRegression().fit(X, Y)
    finally:
        mlflow.sklearn.autolog(disable=True)
    run = mlflow.last_active_run()
    assert run is not None
    full = mlflow_client.get_run(run.info.run_id)
    assert full.info.status == "FINISHED"
    assert [i.dataset.name for i in full.inputs.dataset_inputs] == ["dataset"]
    assert len(full.outputs.model_outputs) == 1
    model_id = full.outputs.model_outputs[0].model_id
    assert mlflow.get_logged_model(model_id).status.to_proto() == 2
    names = {f.path for f in mlflow_client.list_artifacts(run.info.run_id)}
    assert {"estimator.html", "training_confusion_matrix.png"} <= names
    model_metrics = {m.key for m in mlflow.get_logged_model(model_id).metrics}
    assert {"training_score", "training_accuracy_score"} <= model_metrics
    loaded = mlflow.sklearn.load_model(f"models:/{model_id}")
    assert (loaded.predict(X) == Y).all()


def test_search_in_unknown_experiments_finds_nothing(live_server: str) -> None:
    url = f"{live_server}/api/2.0/mlflow/logged-models/search"
    body = {"experiment_ids": ["0", "987654", "not-a-number"], "filter": "name = 'model'"}
    found = httpx.post(url, json=body, headers=AUTH)
    assert (found.status_code, found.json()) == (200, {})


def test_metrics_logged_against_a_model(mlflow_client: MlflowClient) -> None:
    experiment_id = mlflow.set_experiment("model-metrics").experiment_id
    frame = pd.DataFrame({"x": [1.0, 2.0], "y": [0, 1]})
    dataset = mlflow.data.from_pandas(frame, name="eval")
    with mlflow.start_run() as run:
        good = mlflow.sklearn.log_model(_model(), name="good")
        bad = mlflow.sklearn.log_model(_model(), name="bad")
        mlflow.log_metric("acc", 0.9, model_id=good.model_id, dataset=dataset)
        mlflow.log_metrics({"acc": 0.4, "nan": float("nan")}, model_id=bad.model_id)
    logged = mlflow.get_logged_model(good.model_id)
    [metric] = logged.metrics
    assert (metric.key, metric.value, metric.run_id, metric.model_id) == (
        "acc",
        0.9,
        run.info.run_id,
        good.model_id,
    )
    assert (metric.dataset_name, metric.dataset_digest) == ("eval", dataset.digest)
    assert mlflow_client.get_run(run.info.run_id).data.metrics["acc"] in (0.9, 0.4)
    found = mlflow.search_logged_models(
        experiment_ids=[experiment_id], filter_string="metrics.acc > 0.5", output_format="list"
    )
    assert [m.model_id for m in found] == [good.model_id]
    ranked = mlflow.search_logged_models(
        experiment_ids=[experiment_id],
        order_by=[{"field_name": "metrics.acc", "ascending": True}],
        output_format="list",
    )
    assert [m.model_id for m in ranked] == [bad.model_id, good.model_id]
    assert {m.key for m in mlflow.get_logged_model(bad.model_id).metrics} == {"acc", "nan"}


def test_metric_for_an_unknown_model_changes_nothing(
    live_server: str, mlflow_client: MlflowClient
) -> None:
    with mlflow.start_run() as run:
        pass
    body = {
        "run_id": run.info.run_id,
        "metrics": [
            {"key": "ok", "value": 1, "timestamp": 1, "step": 0},
            {"key": "acc", "value": 1, "timestamp": 1, "step": 0, "model_id": "m-missing"},
        ],
    }
    response = httpx.post(f"{live_server}/api/2.0/mlflow/runs/log-batch", json=body, headers=AUTH)
    assert response.status_code == 404
    assert response.json()["error_code"] == "RESOURCE_DOES_NOT_EXIST"
    assert mlflow_client.get_run(run.info.run_id).data.metrics == {}
