"""Mounting and access: project-scoped and root URLs, unknown endpoints, auth answers."""

from __future__ import annotations

import base64

import httpx
import pytest
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient
from starlette.applications import Starlette

from labbook.store import projects, tokens, users
from labbook.store.entities import AccessLevel
from tests.conftest import ADMIN_TOKEN, app_state_of
from tests.mlflow_compat.conftest import ROOT

SCOPED = "/api/v4/projects/{}/ml/mlflow/api/2.0/mlflow"


async def _project(app: Starlette, path: str, visibility: str = "private") -> int:
    async with app_state_of(app).db.write() as s:
        return (await projects.create_project(s, path=path, visibility=visibility)).id


async def _token(app: Starlette, username: str, *, level: AccessLevel | None, scope: str) -> str:
    """A user with `level` in project `p` (created if needed), and a token of theirs."""
    async with app_state_of(app).db.write() as s:
        project = await projects.get_project(s, ref="p")
        user = await users.create_user(s, username=username, password="password1")
        if level is not None:
            await projects.set_member(s, project_id=project.id, user_id=user.id, level=level)
        return (await tokens.create_token(s, user_id=user.id, name="t", scopes=[scope]))[1]


async def test_project_by_id_and_by_path(client: httpx.AsyncClient, app: Starlette) -> None:
    project_id = await _project(app, "group/sub")
    by_id = SCOPED.format(project_id)
    by_path = SCOPED.format("group%2Fsub")
    created = await client.post(f"{by_id}/experiments/create", json={"name": "scoped"})
    assert created.json() == {"experiment_id": "1"}
    found = await client.get(f"{by_path}/experiments/get", params={"experiment_id": "1"})
    assert found.status_code == 200
    assert found.json()["experiment"]["name"] == "scoped"
    # The root serves the `default` project, which has no such experiment.
    root = await client.get(f"{ROOT}/experiments/get", params={"experiment_id": "1"})
    assert root.status_code == 404


async def test_runs_are_confined_to_their_project(
    client: httpx.AsyncClient, app: Starlette
) -> None:
    other = SCOPED.format(await _project(app, "other"))
    await client.post(f"{other}/experiments/create", json={"name": "x"})
    run = await client.post(f"{other}/runs/create", json={"experiment_id": "1"})
    run_id = run.json()["run"]["info"]["run_id"]
    elsewhere = await client.get(f"{ROOT}/runs/get", params={"run_id": run_id})
    assert elsewhere.status_code == 404
    assert elsewhere.json()["error_code"] == "RESOURCE_DOES_NOT_EXIST"


async def test_unknown_project_endpoint_and_method(client: httpx.AsyncClient) -> None:
    project = await client.get(f"{SCOPED.format(999)}/experiments/get?experiment_id=1")
    assert project.status_code == 404
    assert project.json()["error_code"] == "RESOURCE_DOES_NOT_EXIST"
    endpoint = await client.get(f"{ROOT}/does-not-exist")
    assert endpoint.status_code == 404
    assert endpoint.json()["error_code"] == "ENDPOINT_NOT_FOUND"
    method = await client.get(f"{ROOT}/runs/create")
    assert method.status_code == 405
    assert "error_code" in method.json()


async def test_server_info(anon_client: httpx.AsyncClient) -> None:
    for prefix in ("", "/api/v4/projects/1/ml/mlflow"):
        response = await anon_client.get(f"{prefix}/api/3.0/mlflow/server-info")
        assert response.status_code == 200
        assert response.json()["multipart_downloads_enabled"] is False


async def test_anonymous_and_bad_credentials(anon_client: httpx.AsyncClient) -> None:
    url = f"{ROOT}/experiments/get-by-name?experiment_name=x"
    anonymous = await anon_client.get(url)
    assert anonymous.status_code == 401
    assert anonymous.json()["error_code"] == "UNAUTHENTICATED"
    bad = await anon_client.get(url, headers={"Authorization": "Bearer wrong-token"})
    assert bad.status_code == 401
    assert bad.json()["error_code"] == "UNAUTHENTICATED"
    garbled = await anon_client.get(url, headers={"Authorization": "Basic !!!"})
    assert garbled.status_code == 401


async def test_basic_auth_with_token_as_password(anon_client: httpx.AsyncClient) -> None:
    basic = base64.b64encode(f"admin:{ADMIN_TOKEN}".encode()).decode()
    response = await anon_client.post(
        f"{ROOT}/experiments/create",
        json={"name": "basic"},
        headers={"Authorization": f"Basic {basic}"},
    )
    assert response.status_code == 200


async def test_roles_and_scopes(anon_client: httpx.AsyncClient, app: Starlette) -> None:
    p = SCOPED.format(await _project(app, "p"))
    read_only = await _token(app, "dev", level=AccessLevel.DEVELOPER, scope="read_api")
    reporter = await _token(app, "rep", level=AccessLevel.REPORTER, scope="api")
    outsider = await _token(app, "out", level=None, scope="api")
    developer = await _token(app, "dev2", level=AccessLevel.DEVELOPER, scope="api")

    def auth(secret: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {secret}"}

    create = f"{p}/experiments/create"
    made = await anon_client.post(create, json={"name": "e"}, headers=auth(developer))
    assert made.status_code == 200
    read = await anon_client.get(f"{p}/experiments/get?experiment_id=1", headers=auth(read_only))
    assert read.status_code == 200
    denied = await anon_client.post(create, json={"name": "f"}, headers=auth(read_only))
    assert (denied.status_code, denied.json()["error_code"]) == (403, "PERMISSION_DENIED")
    low = await anon_client.post(create, json={"name": "g"}, headers=auth(reporter))
    assert (low.status_code, low.json()["error_code"]) == (403, "PERMISSION_DENIED")
    hidden = await anon_client.get(f"{p}/experiments/get?experiment_id=1", headers=auth(outsider))
    assert (hidden.status_code, hidden.json()["error_code"]) == (404, "RESOURCE_DOES_NOT_EXIST")
    # Deleting an experiment needs the Maintainer role.
    delete = await anon_client.post(
        f"{p}/experiments/delete", json={"experiment_id": "1"}, headers=auth(developer)
    )
    assert delete.status_code == 403
    # Searching is a read, although it is a POST.
    search = await anon_client.post(f"{p}/experiments/search", json={}, headers=auth(read_only))
    assert search.status_code == 200
    assert [e["name"] for e in search.json()["experiments"]] == ["e"]


async def test_public_project_is_readable_anonymously(
    anon_client: httpx.AsyncClient, client: httpx.AsyncClient, app: Starlette
) -> None:
    p = SCOPED.format(await _project(app, "open", visibility="public"))
    await client.post(f"{p}/experiments/create", json={"name": "e"})
    read = await anon_client.get(f"{p}/experiments/get?experiment_id=1")
    assert read.status_code == 200
    write = await anon_client.post(f"{p}/experiments/create", json={"name": "f"})
    assert write.status_code == 401


def test_real_client_on_project_uri(live_server: str, tracking_uri: str) -> None:
    client = MlflowClient(tracking_uri=f"{live_server}/api/v4/projects/1/ml/mlflow")
    experiment_id = client.create_experiment("via-project")
    run = client.create_run(experiment_id)
    client.log_param(run.info.run_id, "p", "1")
    assert client.get_run(run.info.run_id).data.params == {"p": "1"}
    assert MlflowClient(tracking_uri=live_server).get_experiment(experiment_id).name == (
        "via-project"
    )


def test_real_client_bad_token(tracking_uri: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MLFLOW_TRACKING_TOKEN", "wrong")
    with pytest.raises(MlflowException) as caught:
        MlflowClient().get_experiment_by_name("x")
    assert caught.value.error_code == "UNAUTHENTICATED"
