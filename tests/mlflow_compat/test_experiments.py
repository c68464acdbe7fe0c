"""Experiment endpoints: the real client for each call, httpx for exact error shapes."""

from __future__ import annotations

import asyncio

import httpx
import mlflow
import pytest
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

from tests.mlflow_compat.conftest import ROOT


def test_set_experiment_creates_then_finds(tracking_uri: str) -> None:
    created = mlflow.set_experiment("exp-a")
    again = mlflow.set_experiment("exp-a")
    assert created.experiment_id == again.experiment_id
    assert created.lifecycle_stage == "active"
    assert created.artifact_location == f"mlflow-artifacts:/ml_experiment_{created.experiment_id}"
    by_id = mlflow.set_experiment(experiment_id=created.experiment_id)
    assert by_id.name == "exp-a"


def test_get_experiment_fields_and_tags(mlflow_client: MlflowClient) -> None:
    experiment_id = mlflow_client.create_experiment("tagged", tags={"team": "ml", "k": "v"})
    experiment = mlflow_client.get_experiment(experiment_id)
    assert experiment.name == "tagged"
    assert experiment.tags == {"team": "ml", "k": "v"}
    assert experiment.creation_time > 0
    assert experiment.last_update_time >= experiment.creation_time
    mlflow_client.set_experiment_tag(experiment_id, "k", "changed")
    mlflow_client.delete_experiment_tag(experiment_id, "team")
    assert mlflow_client.get_experiment(experiment_id).tags == {"k": "changed"}


def test_get_experiment_by_name_missing_is_none(mlflow_client: MlflowClient) -> None:
    assert mlflow_client.get_experiment_by_name("nope-nope") is None


def test_rename_delete_restore(mlflow_client: MlflowClient) -> None:
    experiment_id = mlflow_client.create_experiment("old-name")
    mlflow_client.rename_experiment(experiment_id, "new-name")
    assert mlflow_client.get_experiment(experiment_id).name == "new-name"
    mlflow_client.delete_experiment(experiment_id)
    assert mlflow_client.get_experiment(experiment_id).lifecycle_stage == "deleted"
    assert mlflow_client.get_experiment_by_name("new-name") is None
    mlflow_client.restore_experiment(experiment_id)
    assert mlflow_client.get_experiment(experiment_id).lifecycle_stage == "active"


def test_deleted_name_is_reusable(mlflow_client: MlflowClient) -> None:
    first = mlflow_client.create_experiment("reused")
    mlflow_client.delete_experiment(first)
    second = mlflow_client.create_experiment("reused")
    assert second != first
    assert mlflow_client.get_experiment_by_name("reused").experiment_id == second


def test_default_experiment_zero(mlflow_client: MlflowClient) -> None:
    default = mlflow_client.get_experiment("0")
    assert default.name == "Default"
    run = mlflow_client.create_run("0")
    assert run.info.experiment_id == default.experiment_id


def test_duplicate_create_raises_already_exists(mlflow_client: MlflowClient) -> None:
    mlflow_client.create_experiment("dup")
    with pytest.raises(MlflowException) as caught:
        mlflow_client.create_experiment("dup")
    assert caught.value.error_code == "RESOURCE_ALREADY_EXISTS"


async def test_create_errors(client: httpx.AsyncClient) -> None:
    cases = [
        ({}, "INVALID_PARAMETER_VALUE"),
        ({"name": ""}, "INVALID_PARAMETER_VALUE"),
        ({"name": 12}, "INVALID_PARAMETER_VALUE"),
        ({"name": "x" * 501}, "INVALID_PARAMETER_VALUE"),
        ({"name": "t", "tags": "nope"}, "INVALID_PARAMETER_VALUE"),
        ({"name": "t", "tags": [{"value": "no key"}]}, "INVALID_PARAMETER_VALUE"),
    ]
    for body, code in cases:
        response = await client.post(f"{ROOT}/experiments/create", json=body)
        assert response.status_code == 400, body
        assert response.json()["error_code"] == code
        assert response.json()["message"]
    listing = await client.get(f"{ROOT}/experiments/get-by-name", params={"experiment_name": "t"})
    assert listing.status_code == 404  # nothing was created by the failed requests


async def test_create_returns_id_and_duplicate_shape(client: httpx.AsyncClient) -> None:
    response = await client.post(f"{ROOT}/experiments/create", json={"name": "shape"})
    assert response.status_code == 200
    assert response.json() == {"experiment_id": "1"}
    again = await client.post(f"{ROOT}/experiments/create", json={"name": "shape"})
    assert again.status_code == 400
    assert again.json()["error_code"] == "RESOURCE_ALREADY_EXISTS"


@pytest.mark.parametrize("experiment_id", ["987654", "abc", "99999999999999999999", "-1", ""])
async def test_get_missing_experiment(client: httpx.AsyncClient, experiment_id: str) -> None:
    response = await client.get(f"{ROOT}/experiments/get", params={"experiment_id": experiment_id})
    expected = 400 if experiment_id == "" else 404
    assert response.status_code == expected
    code = "INVALID_PARAMETER_VALUE" if expected == 400 else "RESOURCE_DOES_NOT_EXIST"
    assert response.json()["error_code"] == code


async def test_get_by_name_missing(client: httpx.AsyncClient) -> None:
    response = await client.get(
        f"{ROOT}/experiments/get-by-name", params={"experiment_name": "nope"}
    )
    assert response.status_code == 404
    assert response.json() == {
        "error_code": "RESOURCE_DOES_NOT_EXIST",
        "message": "Could not find experiment with name 'nope'",
    }


async def test_experiment_tag_limits(client: httpx.AsyncClient) -> None:
    await client.post(f"{ROOT}/experiments/create", json={"name": "e"})
    url = f"{ROOT}/experiments/set-experiment-tag"
    ok = await client.post(url, json={"experiment_id": "1", "key": "k", "value": "v" * 20000})
    assert ok.status_code == 200
    assert ok.json() == {}
    bad_key = await client.post(url, json={"experiment_id": "1", "key": "bad key!*", "value": ""})
    assert bad_key.status_code == 400
    assert bad_key.json()["error_code"] == "INVALID_PARAMETER_VALUE"
    missing = await client.post(
        f"{ROOT}/experiments/delete-experiment-tag", json={"experiment_id": "1", "key": "nope"}
    )
    assert missing.status_code == 404


async def test_concurrent_creates_of_one_name(client: httpx.AsyncClient) -> None:
    responses = await asyncio.gather(
        *(client.post(f"{ROOT}/experiments/create", json={"name": "race"}) for _ in range(8))
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] + [400] * 7
    assert {r.json()["error_code"] for r in responses if r.status_code == 400} == {
        "RESOURCE_ALREADY_EXISTS"
    }


async def test_restore_under_a_taken_name_is_refused(client: httpx.AsyncClient) -> None:
    await client.post(f"{ROOT}/experiments/create", json={"name": "twice"})
    await client.post(f"{ROOT}/experiments/delete", json={"experiment_id": "1"})
    await client.post(f"{ROOT}/experiments/create", json={"name": "twice"})
    response = await client.post(f"{ROOT}/experiments/restore", json={"experiment_id": "1"})
    assert response.status_code == 400
    assert response.json()["error_code"] == "INVALID_PARAMETER_VALUE"
    got = await client.get(f"{ROOT}/experiments/get", params={"experiment_id": "1"})
    assert got.json()["experiment"]["lifecycle_stage"] == "deleted"
