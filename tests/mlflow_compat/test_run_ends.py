"""`runs/update` without a new name (how clients end a run) takes `store.run_ends`' one
statement: the same answers and errors as the general path, on both databases."""

from __future__ import annotations

from typing import Any

import httpx

from tests.mlflow_compat.conftest import ROOT


async def _run(client: httpx.AsyncClient, **body: Any) -> str:
    await client.post(f"{ROOT}/experiments/create", json={"name": "ends"})
    response = await client.post(f"{ROOT}/runs/create", json={"experiment_id": "1", **body})
    assert response.status_code == 200
    run_id: str = response.json()["run"]["info"]["run_id"]
    return run_id


async def _update(client: httpx.AsyncClient, **body: Any) -> httpx.Response:
    return await client.post(f"{ROOT}/runs/update", json=body)


async def _info(client: httpx.AsyncClient, run_id: str) -> dict[str, Any]:
    response = await client.get(f"{ROOT}/runs/get", params={"run_id": run_id})
    info: dict[str, Any] = response.json()["run"]["info"]
    return info


async def test_ending_answers_the_run_info_get_reads(client: httpx.AsyncClient) -> None:
    run_id = await _run(client, start_time=5)
    response = await _update(client, run_id=run_id, status="FINISHED", end_time=7)
    assert response.status_code == 200
    info = response.json()["run_info"]
    assert info == await _info(client, run_id)
    assert (info["status"], info["end_time"], info["start_time"]) == ("FINISHED", 7, 5)
    assert info["user_id"] == "admin"  # no user tag: the creator's name


async def test_the_user_tag_is_the_user(client: httpx.AsyncClient) -> None:
    run_id = await _run(client, tags=[{"key": "mlflow.user", "value": "someone"}])
    response = await _update(client, run_id=run_id, status="FAILED")
    assert response.json()["run_info"]["user_id"] == "someone"


async def test_an_absent_field_keeps_its_value(client: httpx.AsyncClient) -> None:
    run_id = await _run(client)
    await _update(client, run_id=run_id, status="KILLED", end_time=9)
    assert (await _update(client, run_id=run_id, end_time=11)).status_code == 200
    info = (await _update(client, run_id=run_id)).json()["run_info"]
    assert (info["status"], info["end_time"]) == ("KILLED", 11)


async def test_an_unknown_run_is_not_found(client: httpx.AsyncClient) -> None:
    response = await _update(client, run_id="0" * 32, status="FINISHED")
    assert response.status_code == 404
    assert response.json() == {
        "error_code": "RESOURCE_DOES_NOT_EXIST",
        "message": f"Run with id={'0' * 32} not found",
    }


async def test_a_deleted_run_is_refused_and_kept(client: httpx.AsyncClient) -> None:
    run_id = await _run(client)
    await client.post(f"{ROOT}/runs/delete", json={"run_id": run_id})
    response = await _update(client, run_id=run_id, status="FINISHED", end_time=3)
    assert response.status_code == 400
    assert response.json()["error_code"] == "INVALID_PARAMETER_VALUE"
    assert "must be in the 'active' state" in response.json()["message"]
    info = await _info(client, run_id)
    assert (info["status"], "end_time" in info) == ("RUNNING", False)


async def test_a_rename_takes_the_general_path(client: httpx.AsyncClient) -> None:
    run_id = await _run(client)
    response = await _update(client, run_id=run_id, status="FINISHED", run_name="renamed")
    assert response.json()["run_info"]["run_name"] == "renamed"
    assert (await _info(client, run_id))["status"] == "FINISHED"
