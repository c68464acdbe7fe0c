"""experiments/search and runs/search through the real client (and pandas), plus raw paging."""

from __future__ import annotations

import httpx
import mlflow
import pytest
from mlflow.entities import ViewType
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

from tests.mlflow_compat.conftest import ROOT


def _runs(client: MlflowClient, experiment_id: str) -> list[str]:
    """Three finished runs with params, metrics and tags; their ids in creation order."""
    ids = []
    for i, (optimizer, loss) in enumerate([("adam", 0.3), ("sgd", 0.1), ("adam", 0.2)]):
        run = client.create_run(experiment_id, run_name=f"run-{i}", tags={"team": "ml"})
        client.log_param(run.info.run_id, "optimizer", optimizer)
        client.log_metric(run.info.run_id, "loss", loss)
        client.set_terminated(run.info.run_id)
        ids.append(run.info.run_id)
    return ids


def test_search_experiments(mlflow_client: MlflowClient) -> None:
    for name in ("exp-a", "exp-b", "other"):
        mlflow_client.create_experiment(name, tags={"team": "ml" if name != "other" else "x"})
    found = mlflow_client.search_experiments(
        filter_string="name LIKE 'exp-%' AND tags.team = 'ml'", order_by=["name DESC"]
    )
    assert [e.name for e in found] == ["exp-b", "exp-a"]
    first = mlflow_client.search_experiments(max_results=2)
    assert len(first) == 2
    assert first.token
    rest = mlflow_client.search_experiments(max_results=2, page_token=first.token)
    assert {e.name for e in first} | {e.name for e in rest} == {"exp-a", "exp-b", "other"}
    deleted = mlflow_client.get_experiment_by_name("other").experiment_id
    mlflow_client.delete_experiment(deleted)
    assert "other" not in {e.name for e in mlflow_client.search_experiments()}
    gone = mlflow_client.search_experiments(view_type=ViewType.DELETED_ONLY)
    assert [e.name for e in gone] == ["other"]
    assert len(mlflow_client.search_experiments(view_type=ViewType.ALL)) == 3


def test_search_runs(mlflow_client: MlflowClient) -> None:
    experiment_id = mlflow_client.create_experiment("search")
    ids = _runs(mlflow_client, experiment_id)
    by_loss = mlflow_client.search_runs([experiment_id], order_by=["metrics.loss ASC"])
    assert [r.info.run_id for r in by_loss] == [ids[1], ids[2], ids[0]]
    adam = mlflow_client.search_runs([experiment_id], "params.optimizer = 'adam'")
    assert {r.info.run_id for r in adam} == {ids[0], ids[2]}
    assert adam[0].data.params == {"optimizer": "adam"}
    low = mlflow_client.search_runs([experiment_id], "metrics.loss < 0.25 and tags.team = 'ml'")
    assert {r.info.run_id for r in low} == {ids[1], ids[2]}
    named = mlflow_client.search_runs([experiment_id], "tags.`mlflow.runName` = 'run-1'")
    assert [r.info.run_id for r in named] == [ids[1]]
    finished = mlflow_client.search_runs([experiment_id], "attributes.status = 'FINISHED'")
    assert len(finished) == 3


def test_search_runs_paging_and_view_types(mlflow_client: MlflowClient) -> None:
    experiment_id = mlflow_client.create_experiment("paging")
    ids = _runs(mlflow_client, experiment_id)
    page = mlflow_client.search_runs([experiment_id], max_results=2)
    assert len(page) == 2
    assert page.token
    rest = mlflow_client.search_runs([experiment_id], max_results=2, page_token=page.token)
    assert len(rest) == 1
    assert not rest.token
    assert {r.info.run_id for r in [*page, *rest]} == set(ids)
    mlflow_client.delete_run(ids[0])
    assert len(mlflow_client.search_runs([experiment_id])) == 2
    deleted = mlflow_client.search_runs([experiment_id], run_view_type=ViewType.DELETED_ONLY)
    assert [r.info.run_id for r in deleted] == [ids[0]]
    assert len(mlflow_client.search_runs([experiment_id], run_view_type=ViewType.ALL)) == 3


def test_search_runs_across_experiments(mlflow_client: MlflowClient) -> None:
    first = mlflow_client.create_experiment("one")
    second = mlflow_client.create_experiment("two")
    ids = _runs(mlflow_client, first) + _runs(mlflow_client, second)
    found = mlflow_client.search_runs([first, second, "424242"])
    assert {r.info.run_id for r in found} == set(ids)


def test_pandas_search_runs(tracking_uri: str) -> None:
    experiment = mlflow.set_experiment("pandas")
    with mlflow.start_run(run_name="a"):
        mlflow.log_metric("acc", 0.9)
        mlflow.log_param("depth", 3)
    frame = mlflow.search_runs(experiment_names=["pandas"])
    assert len(frame) == 1
    assert frame.loc[0, "metrics.acc"] == 0.9
    assert frame.loc[0, "params.depth"] == "3"
    assert frame.loc[0, "experiment_id"] == experiment.experiment_id


def test_bad_filter_is_invalid_parameter(mlflow_client: MlflowClient) -> None:
    experiment_id = mlflow_client.create_experiment("bad")
    with pytest.raises(MlflowException) as caught:
        mlflow_client.search_runs([experiment_id], "metrics.x ~ 1")
    assert caught.value.error_code == "INVALID_PARAMETER_VALUE"


async def test_raw_limits_and_get_form(client: httpx.AsyncClient) -> None:
    await client.post(f"{ROOT}/experiments/create", json={"name": "raw"})
    too_big = await client.post(f"{ROOT}/runs/search", json={"max_results": 50001})
    assert too_big.status_code == 400
    assert too_big.json()["error_code"] == "INVALID_PARAMETER_VALUE"
    too_big = await client.post(f"{ROOT}/experiments/search", json={"max_results": 50001})
    assert too_big.status_code == 400
    bad_view = await client.post(f"{ROOT}/experiments/search", json={"view_type": "SOME"})
    assert bad_view.status_code == 400
    bad_token = await client.post(f"{ROOT}/runs/search", json={"page_token": "garbage"})
    assert bad_token.status_code == 400
    got = await client.get(f"{ROOT}/experiments/search", params={"max_results": 10})
    assert got.status_code == 200
    assert [e["name"] for e in got.json()["experiments"]] == ["raw"]
    empty = await client.post(f"{ROOT}/runs/search", json={"experiment_ids": ["1"]})
    assert (empty.status_code, empty.json()) == (200, {})


def test_search_runs_over_named_experiments(mlflow_client: MlflowClient) -> None:
    """Unknown, malformed and repeated experiment ids match nothing more; a deleted
    experiment still names its (deleted) runs; "0" is the Default experiment."""
    experiment_id = mlflow_client.create_experiment("named")
    ids = _runs(mlflow_client, experiment_id)
    default = mlflow_client.create_run("0").info.run_id
    asked = [experiment_id, experiment_id, "999999", "x1", "99999999999"]
    assert {r.info.run_id for r in mlflow_client.search_runs(asked)} == set(ids)
    both = mlflow_client.search_runs([experiment_id, "0"])
    assert {r.info.run_id for r in both} == {*ids, default}
    mlflow_client.delete_experiment(experiment_id)
    gone = mlflow_client.search_runs([experiment_id], run_view_type=ViewType.ALL)
    assert {r.info.run_id for r in gone} == set(ids)
