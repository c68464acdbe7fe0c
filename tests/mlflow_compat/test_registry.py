"""The model registry with the real client against a live server (protocol §5.2)."""

from __future__ import annotations

from pathlib import Path

import httpx
import mlflow
import numpy as np
import pytest
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient
from sklearn.linear_model import LogisticRegression

from tests.conftest import ADMIN_TOKEN
from tests.mlflow_compat.conftest import ROOT

X = np.array([[0.0, 1.0], [1.0, 0.0], [0.2, 0.9], [0.9, 0.1]])
Y = np.array([0, 1, 0, 1])
AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
# Stages and get_latest_versions are deprecated in the client, but still part of the protocol.
pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")
REQUIREMENTS = ["scikit-learn"]  # skips the slow inference of requirements


def _logged(name: str = "model") -> tuple[str, str]:
    """(run id, model id) of a fitted sklearn model logged inside a run."""
    with mlflow.start_run() as run:
        info = mlflow.sklearn.log_model(
            LogisticRegression().fit(X, Y), name=name, pip_requirements=REQUIREMENTS
        )
    return run.info.run_id, info.model_id


def test_log_model_registers_and_loads_by_version_and_alias(mlflow_client: MlflowClient) -> None:
    model = LogisticRegression().fit(X, Y)
    with mlflow.start_run():
        mlflow.sklearn.log_model(
            model, name="model", registered_model_name="clf", pip_requirements=REQUIREMENTS
        )
    first = mlflow.pyfunc.load_model("models:/clf/1")
    mlflow_client.set_registered_model_alias("clf", "champion", "1")
    by_alias = mlflow.pyfunc.load_model("models:/clf@champion")
    assert (first.predict(X) == model.predict(X)).all()
    assert (by_alias.predict(X) == model.predict(X)).all()
    version = mlflow_client.get_model_version_by_alias("clf", "champion")
    assert (version.version, version.status, version.aliases) == ("1", "READY", ["champion"])
    assert mlflow.sklearn.load_model("models:/clf/latest").predict(X).tolist() == Y.tolist()


def test_register_model_twice_makes_version_two(mlflow_client: MlflowClient) -> None:
    run_id, model_id = _logged()
    first = mlflow.register_model(f"models:/{model_id}", "reg")
    second = mlflow.register_model(f"runs:/{run_id}/model", "reg")
    assert (first.version, second.version) == ("1", "2")
    assert second.run_id == run_id
    latest = mlflow_client.get_latest_versions("reg")
    assert [v.version for v in latest] == ["2"]
    loaded = mlflow.sklearn.load_model("models:/reg/2")
    assert loaded.predict(X).tolist() == Y.tolist()


def test_create_registered_model_with_tags_and_description(mlflow_client: MlflowClient) -> None:
    created = mlflow_client.create_registered_model("rm", tags={"a": "b"}, description="desc")
    assert (created.name, created.description, created.tags) == ("rm", "desc", {"a": "b"})
    found = mlflow_client.get_registered_model("rm")
    assert found.tags == {"a": "b"}
    assert found.latest_versions == []
    with pytest.raises(MlflowException) as error:
        mlflow_client.create_registered_model("rm")
    assert error.value.error_code == "RESOURCE_ALREADY_EXISTS"


def test_create_model_version_sources(mlflow_client: MlflowClient) -> None:
    run_id, model_id = _logged()
    mlflow_client.create_registered_model("versions")
    with pytest.raises(MlflowException) as error:
        mlflow_client.create_model_version("versions", f"models:/{model_id}", run_id=run_id)
    assert error.value.error_code == "INVALID_PARAMETER_VALUE"
    assert "model_id request parameter" in error.value.message
    from_run = mlflow_client.create_model_version("versions", f"runs:/{run_id}/model", run_id)
    from_model = mlflow_client.create_model_version(
        "versions",
        f"models:/{model_id}",
        run_id=run_id,
        tags={"v": "1"},
        description="v1",
        model_id=model_id,
    )
    assert (from_run.version, from_model.version) == ("1", "2")
    assert (from_model.tags, from_model.description) == ({"v": "1"}, "v1")
    for version in ("1", "2"):
        uri = mlflow_client.get_model_version_download_uri("versions", version)
        assert uri.startswith("mlflow-artifacts:/") and uri.endswith(f"models/{model_id}")
        loaded = mlflow.sklearn.load_model(f"models:/versions/{version}")
        assert loaded.predict(X).tolist() == Y.tolist()


def test_run_artifact_source_downloads_the_run_files(
    mlflow_client: MlflowClient, tmp_path: Path
) -> None:
    (tmp_path / "weights.txt").write_text("w")
    with mlflow.start_run() as run:
        mlflow.log_artifact(str(tmp_path / "weights.txt"), "plain")
    mlflow_client.create_registered_model("files")
    mlflow_client.create_model_version("files", f"runs:/{run.info.run_id}/plain", run.info.run_id)
    uri = mlflow_client.get_model_version_download_uri("files", "1")
    assert uri == f"mlflow-artifacts:/ml_experiment_{run.info.experiment_id}/1/plain"
    local = mlflow.artifacts.download_artifacts(uri, dst_path=str(tmp_path / "out"))
    assert (Path(local) / "weights.txt").read_text() == "w"


def test_search_registered_models_and_versions(
    mlflow_client: MlflowClient, live_server: str
) -> None:
    _, model_id = _logged()
    for name in ("search-a", "search-b", "other"):
        mlflow_client.create_registered_model(name, tags={"team": name[:6]})
        mlflow_client.create_model_version(name, f"models:/{model_id}", model_id=model_id)
    prompt = {"name": "prompt", "tags": [{"key": "mlflow.prompt.is_prompt", "value": "true"}]}
    created = httpx.post(f"{live_server}{ROOT}/registered-models/create", json=prompt, headers=AUTH)
    assert created.status_code == 200  # the client refuses to register prompts as models
    found = mlflow_client.search_registered_models("name LIKE 'search-%'")
    assert [m.name for m in found] == ["search-a", "search-b"]
    assert found[0].latest_versions[0].version == "1"
    everything = mlflow_client.search_registered_models()
    assert [m.name for m in everything] == ["other", "search-a", "search-b"]
    by_tag = mlflow_client.search_registered_models("tags.team = 'search'")
    assert [m.name for m in by_tag] == ["search-a", "search-b"]
    assert [m.name for m in mlflow_client.search_registered_models("name ILIKE 'OTH%'")] == [
        "other"
    ]
    newest = mlflow_client.search_registered_models(order_by=["name DESC"], max_results=2)
    assert [m.name for m in newest] == ["search-b", "search-a"]
    assert newest.token
    rest = mlflow_client.search_registered_models(
        order_by=["name DESC"], max_results=2, page_token=newest.token
    )
    assert [m.name for m in rest] == ["other"] and not rest.token
    versions = mlflow_client.search_model_versions("name='search-a'")
    assert [(v.name, v.version) for v in versions] == [("search-a", "1")]


def test_aliases_stages_descriptions_tags(mlflow_client: MlflowClient) -> None:
    _, model_id = _logged()
    mlflow_client.create_registered_model("life")
    for _ in range(3):
        mlflow_client.create_model_version("life", f"models:/{model_id}", model_id=model_id)
    mlflow_client.set_registered_model_alias("life", "champion", "1")
    mlflow_client.set_registered_model_alias("life", "champion", "2")
    assert mlflow_client.get_model_version_by_alias("life", "champion").version == "2"
    assert mlflow_client.get_registered_model("life").aliases == {"champion": "2"}
    mlflow_client.delete_registered_model_alias("life", "champion")
    with pytest.raises(MlflowException) as error:
        mlflow_client.get_model_version_by_alias("life", "champion")
    assert error.value.error_code == "RESOURCE_DOES_NOT_EXIST"

    staged = mlflow_client.transition_model_version_stage("life", "1", "Staging")
    assert staged.current_stage == "Staging"
    mlflow_client.transition_model_version_stage("life", "2", "production")
    mlflow_client.transition_model_version_stage("life", "3", "Production", True)
    stages = {
        v.version: v.current_stage for v in mlflow_client.search_model_versions("name='life'")
    }
    assert stages == {"1": "Staging", "2": "Archived", "3": "Production"}
    latest = mlflow_client.get_latest_versions("life", stages=["Staging"])
    assert [v.version for v in latest] == ["1"]

    updated = mlflow_client.update_model_version("life", "1", description="new desc")
    assert updated.description == "new desc"
    model = mlflow_client.update_registered_model("life", description="rm desc")
    assert model.description == "rm desc"
    mlflow_client.set_model_version_tag("life", "1", "validated", "true")
    mlflow_client.set_registered_model_tag("life", "rmtag", "x")
    assert mlflow_client.get_model_version("life", "1").tags == {"validated": "true"}
    assert mlflow_client.get_registered_model("life").tags == {"rmtag": "x"}
    mlflow_client.delete_model_version_tag("life", "1", "validated")
    mlflow_client.delete_registered_model_tag("life", "rmtag")
    assert mlflow_client.get_model_version("life", "1").tags == {}
    assert mlflow_client.get_registered_model("life").tags == {}


def test_delete_version_and_model(mlflow_client: MlflowClient) -> None:
    _, model_id = _logged()
    mlflow_client.create_registered_model("gone")
    for _ in range(2):
        mlflow_client.create_model_version("gone", f"models:/{model_id}", model_id=model_id)
    mlflow_client.delete_model_version("gone", "2")
    with pytest.raises(MlflowException) as error:
        mlflow_client.get_model_version("gone", "2")
    assert error.value.error_code == "RESOURCE_DOES_NOT_EXIST"
    again = mlflow_client.create_model_version("gone", f"models:/{model_id}", model_id=model_id)
    assert again.version == "3"
    mlflow_client.delete_registered_model("gone")
    with pytest.raises(MlflowException) as error:
        mlflow_client.get_registered_model("gone")
    assert error.value.error_code == "RESOURCE_DOES_NOT_EXIST"
    assert mlflow_client.search_model_versions("name='gone'") == []


def test_copy_model_version_keeps_files_and_lineage(mlflow_client: MlflowClient) -> None:
    run_id, model_id = _logged()
    mlflow_client.create_registered_model("source")
    mlflow_client.create_model_version("source", f"models:/{model_id}", model_id=model_id)
    mlflow_client.set_registered_model_alias("source", "best", "1")
    copied = mlflow_client.copy_model_version("models:/source@best", "copy")
    assert (copied.name, copied.version, copied.run_id) == ("copy", "1", run_id)
    assert mlflow_client.get_model_version_download_uri("copy", "1").endswith(model_id)
    assert mlflow.sklearn.load_model("models:/copy/1").predict(X).tolist() == Y.tolist()
