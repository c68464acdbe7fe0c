"""The registry's HTTP contract: exact shapes, error codes, atomicity and access."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from starlette.applications import Starlette

from labbook.store import projects, tokens, users
from labbook.store.entities import AccessLevel
from tests.conftest import app_state_of
from tests.mlflow_compat.conftest import ROOT

RM, MV = f"{ROOT}/registered-models", f"{ROOT}/model-versions"


async def _logged_model(client: httpx.AsyncClient) -> tuple[str, str]:
    """(run id, model id) of a logged model made through the REST API."""
    experiment = await client.post(f"{ROOT}/experiments/create", json={"name": "e"})
    experiment_id = experiment.json()["experiment_id"]
    run = await client.post(f"{ROOT}/runs/create", json={"experiment_id": experiment_id})
    run_id = run.json()["run"]["info"]["run_id"]
    body = {"experiment_id": experiment_id, "name": "model", "source_run_id": run_id}
    model = await client.post(f"{ROOT}/logged-models", json=body)
    return run_id, model.json()["model"]["info"]["model_id"]


def _error(response: httpx.Response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert body["error_code"] == code
    message: str = body["message"]
    return message


async def test_version_shape_and_download_uri(client: httpx.AsyncClient) -> None:
    run_id, model_id = await _logged_model(client)
    created = await client.post(f"{RM}/create", json={"name": "reg"})
    assert created.status_code == 200
    assert set(created.json()["registered_model"]) == {
        "name",
        "creation_timestamp",
        "last_updated_timestamp",
    }
    body = {"name": "reg", "source": f"models:/{model_id}", "model_id": model_id}
    version = (await client.post(f"{MV}/create", json=body)).json()["model_version"]
    assert version["version"] == "1" and version["status"] == "READY"
    assert (version["run_id"], version["model_id"]) == (run_id, model_id)
    assert (version["current_stage"], version["description"], version["run_link"]) == (
        "None",
        "",
        "",
    )
    uri = await client.get(f"{MV}/get-download-uri", params={"name": "reg", "version": "1"})
    assert uri.json()["artifact_uri"] == f"mlflow-artifacts:/ml_experiment_1/1/models/{model_id}"
    model = (await client.get(f"{RM}/get", params={"name": "reg"})).json()["registered_model"]
    assert [v["version"] for v in model["latest_versions"]] == ["1"]


async def test_project_path_and_root_are_the_same_registry(client: httpx.AsyncClient) -> None:
    await client.post(f"{RM}/create", json={"name": "shared"})
    scoped = "/api/v4/projects/default/ml/mlflow/api/2.0/mlflow/registered-models/get"
    found = await client.get(scoped, params={"name": "shared"})
    assert found.json()["registered_model"]["name"] == "shared"


async def test_not_found_errors(client: httpx.AsyncClient) -> None:
    missing = await client.get(f"{RM}/get", params={"name": "no-such-model"})
    message = _error(missing, 404, "RESOURCE_DOES_NOT_EXIST")
    assert message == "Registered Model with name=no-such-model not found"
    await client.post(f"{RM}/create", json={"name": "m"})
    version = await client.get(f"{MV}/get", params={"name": "m", "version": "9"})
    assert "version=9" in _error(version, 404, "RESOURCE_DOES_NOT_EXIST")
    alias = await client.get(f"{RM}/alias", params={"name": "m", "alias": "champion"})
    _error(alias, 404, "RESOURCE_DOES_NOT_EXIST")
    for path in (f"{RM}/delete", f"{MV}/delete"):
        gone = await client.request("DELETE", path, json={"name": "other", "version": "1"})
        _error(gone, 404, "RESOURCE_DOES_NOT_EXIST")
    copy = {"name": "m", "source": "models:/other/1"}
    _error(await client.post(f"{MV}/create", json=copy), 404, "RESOURCE_DOES_NOT_EXIST")


@pytest.mark.parametrize(
    ("path", "body"),
    [
        (f"{RM}/create", {"name": ""}),
        (f"{RM}/create", {"name": "a/b"}),
        (f"{RM}/create", {"name": "t", "tags": [{"key": "../x", "value": "v"}]}),
        (f"{MV}/create", {"name": "m", "source": "https://elsewhere.example/model"}),
        (f"{MV}/create", {"name": "m", "source": "/tmp/model"}),
        (f"{MV}/create", {"name": "m", "source": "mlflow-artifacts:/../etc", "run_id": "x"}),
        (f"{MV}/create", {"name": "m", "source": "runs:/0123456789abcdef0123456789abcdef/x"}),
        (f"{MV}/create", {"name": "m", "source": "models:/m-1", "model_id": "m-1"}),
        (f"{MV}/create", {"name": "m", "source": "mlflow-artifacts:/ml_experiment_1/1/x"}),
        (f"{MV}/create", {"name": "m", "source": "models:/m/1", "run_id": "another"}),
        (f"{MV}/create", {"name": "m", "source": "runs:/abc/x", "model_id": "m-1"}),
        (f"{MV}/transition-stage", {"name": "m", "version": "1", "stage": "Gold"}),
        (
            f"{MV}/transition-stage",
            {"name": "m", "version": "1", "stage": "None", "archive_existing_versions": True},
        ),
        (f"{RM}/alias", {"name": "m", "alias": "latest", "version": "1"}),
        (f"{RM}/alias", {"name": "m", "alias": "v2", "version": "1"}),
        (f"{RM}/alias", {"name": "m", "alias": "bad alias", "version": "1"}),
        (f"{MV}/set-tag", {"name": "m", "version": "one", "key": "k", "value": "v"}),
    ],
)
async def test_bad_input_is_a_400(
    client: httpx.AsyncClient, path: str, body: dict[str, Any]
) -> None:
    run_id, _ = await _logged_model(client)
    await client.post(f"{RM}/create", json={"name": "m"})
    await client.post(f"{MV}/create", json={"name": "m", "source": f"runs:/{run_id}/x"})
    _error(await client.post(path, json=body), 400, "INVALID_PARAMETER_VALUE")


async def test_duplicate_and_models_source_without_model_id(client: httpx.AsyncClient) -> None:
    run_id, model_id = await _logged_model(client)
    await client.post(f"{RM}/create", json={"name": "dup"})
    again = await client.post(f"{RM}/create", json={"name": "dup"})
    assert (
        _error(again, 400, "RESOURCE_ALREADY_EXISTS")
        == "Registered Model (name=dup) already exists."
    )
    body = {"name": "dup", "source": f"models:/{model_id}"}
    message = _error(await client.post(f"{MV}/create", json=body), 400, "INVALID_PARAMETER_VALUE")
    assert message.startswith(f"Invalid model version source: 'models:/{model_id}'.")
    elsewhere = {"name": "dup", "source": f"runs:/{run_id}/model", "run_id": "0" * 32}
    message = _error(
        await client.post(f"{MV}/create", json=elsewhere), 400, "INVALID_PARAMETER_VALUE"
    )
    assert "run_id request parameter" in message


async def test_artifact_sources_inside_their_run_or_model(client: httpx.AsyncClient) -> None:
    run_id, model_id = await _logged_model(client)
    await client.post(f"{RM}/create", json={"name": "files"})
    bodies = [
        {"source": "mlflow-artifacts:/ml_experiment_1/1/weights", "run_id": run_id},
        {"source": f"mlflow-artifacts:/ml_experiment_1/1/models/{model_id}", "model_id": model_id},
        {"source": "mlflow-artifacts:/ml_experiment_1/2/weights", "run_id": run_id},
    ]
    answers = [await client.post(f"{MV}/create", json={"name": "files", **b}) for b in bodies]
    assert [a.status_code for a in answers] == [200, 200, 400]
    uri = await client.get(f"{MV}/get-download-uri", params={"name": "files", "version": "1"})
    assert uri.json() == {"artifact_uri": "mlflow-artifacts:/ml_experiment_1/1/weights"}


async def test_search_limits_and_keys(client: httpx.AsyncClient) -> None:
    too_many = await client.get(f"{RM}/search", params={"max_results": 1001})
    _error(too_many, 400, "INVALID_PARAMETER_VALUE")
    bad_key = await client.get(f"{RM}/search", params={"filter": "run_id = 'x'"})
    _error(bad_key, 400, "INVALID_PARAMETER_VALUE")
    bad_order = await client.get(f"{MV}/search", params={"order_by": "size DESC"})
    _error(bad_order, 400, "INVALID_PARAMETER_VALUE")
    bad_token = await client.get(f"{RM}/search", params={"page_token": "nope"})
    _error(bad_token, 400, "INVALID_PARAMETER_VALUE")
    empty = await client.get(f"{RM}/search", params={"filter": "name = 'none'"})
    assert empty.json() == {}


async def test_failed_creates_leave_nothing(client: httpx.AsyncClient) -> None:
    bad_tags = [{"key": "ok", "value": "v"}, {"key": "bad key!", "value": "v"}]
    model = await client.post(f"{RM}/create", json={"name": "half", "tags": bad_tags})
    _error(model, 400, "INVALID_PARAMETER_VALUE")
    _error(await client.get(f"{RM}/get", params={"name": "half"}), 404, "RESOURCE_DOES_NOT_EXIST")
    run_id, _ = await _logged_model(client)
    await client.post(f"{RM}/create", json={"name": "whole"})
    body = {"name": "whole", "source": f"runs:/{run_id}/x", "tags": bad_tags}
    _error(await client.post(f"{MV}/create", json=body), 400, "INVALID_PARAMETER_VALUE")
    body.pop("tags")
    version = await client.post(f"{MV}/create", json=body)
    assert version.json()["model_version"]["version"] == "1"


async def _member_tokens(app: Starlette) -> dict[str, str]:
    found: dict[str, str] = {}
    async with app_state_of(app).db.write() as s:
        project = await projects.create_project(s, path="team/reg")
        for who, level in [("reporter", AccessLevel.REPORTER), ("stranger", None)]:
            user = await users.create_user(s, username=who, password="password1")
            if level is not None:
                await projects.set_member(s, project_id=project.id, user_id=user.id, level=level)
            found[who] = (await tokens.create_token(s, user_id=user.id, name="t", scopes=["api"]))[
                1
            ]
    return found


async def test_access(app: Starlette, client: httpx.AsyncClient) -> None:
    secrets = await _member_tokens(app)
    base = "/api/v4/projects/team%2Freg/ml/mlflow/api/2.0/mlflow/registered-models"
    assert (await client.post(f"{base}/create", json={"name": "x"})).status_code == 200

    def auth(who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {secrets[who]}"}

    stranger = await client.get(f"{base}/get", params={"name": "x"}, headers=auth("stranger"))
    _error(stranger, 404, "RESOURCE_DOES_NOT_EXIST")
    write = await client.post(f"{base}/create", json={"name": "y"}, headers=auth("reporter"))
    _error(write, 403, "PERMISSION_DENIED")
    delete = await client.request(
        "DELETE", f"{base}/delete", json={"name": "x"}, headers=auth("reporter")
    )
    _error(delete, 403, "PERMISSION_DENIED")
    assert (await client.get(f"{base}/get", params={"name": "x"})).status_code == 200


async def test_rename_and_latest_versions_by_get(client: httpx.AsyncClient) -> None:
    run_id, _ = await _logged_model(client)
    await client.post(f"{RM}/create", json={"name": "old"})
    await client.post(f"{MV}/create", json={"name": "old", "source": f"runs:/{run_id}/model"})
    renamed = await client.post(f"{RM}/rename", json={"name": "old", "new_name": "new"})
    assert renamed.json()["registered_model"]["name"] == "new"
    latest = await client.get(f"{RM}/get-latest-versions", params={"name": "new"})
    assert [(v["name"], v["version"]) for v in latest.json()["model_versions"]] == [("new", "1")]
    _error(await client.get(f"{RM}/get", params={"name": "old"}), 404, "RESOURCE_DOES_NOT_EXIST")
