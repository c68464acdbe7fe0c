"""Mutations of experiments, candidates and metadata, with their typed error members."""

from __future__ import annotations

from typing import Any

import httpx

from tests.graphql.conftest import data, run

EXPERIMENT = """fragment E on ExperimentPayload { __typename
  ... on Experiment { id name deletedAt metadata { name value } }
  ... on UserError { message } ... on ValidationError { field } }"""
CANDIDATE = """fragment C on CandidatePayload { __typename
  ... on Candidate { id iid name description status deletedAt
    params { name value } metrics { name value step } metadata { name value } }
  ... on UserError { message } }"""


async def create_experiment(client: httpx.AsyncClient, name: str) -> dict[str, Any]:
    query = (
        EXPERIMENT
        + """mutation($name: String!) {
      createExperiment(input: {projectPath: "default", name: $name}) { ...E } }"""
    )
    result: dict[str, Any] = data(await run(client, query, name=name))["createExperiment"]
    return result


async def test_experiment_lifecycle(client: httpx.AsyncClient) -> None:
    created = await create_experiment(client, "first")
    assert created["__typename"] == "Experiment"
    taken = await create_experiment(client, "first")
    assert taken["__typename"] == "AlreadyExistsError"
    empty = await create_experiment(client, " ")
    assert empty["__typename"] == "ValidationError" and empty["field"] == "name"
    rename = (
        EXPERIMENT
        + """mutation($id: ID!) {
      updateExperiment(input: {id: $id, name: "renamed"}) { ...E } }"""
    )
    assert (
        data(await run(client, rename, id=created["id"]))["updateExperiment"]["name"] == "renamed"
    )
    delete = EXPERIMENT + "mutation($id: ID!) { deleteExperiment(input: {id: $id}) { ...E } }"
    assert data(await run(client, delete, id=created["id"]))["deleteExperiment"]["deletedAt"]
    listed = (
        '{ project(fullPath: "default") { experiments(includeDeleted: false) { totalCount } } }'
    )
    assert data(await run(client, listed))["project"]["experiments"]["totalCount"] == 0
    await create_experiment(client, "renamed")
    restore = EXPERIMENT + "mutation($id: ID!) { restoreExperiment(input: {id: $id}) { ...E } }"
    clash = data(await run(client, restore, id=created["id"]))["restoreExperiment"]
    assert clash["__typename"] == "InvalidStateError"


async def test_unknown_ids_are_not_found(client: httpx.AsyncClient) -> None:
    query = EXPERIMENT + 'mutation { deleteExperiment(input: {id: "bm9wZQ=="}) { ...E } }'
    assert data(await run(client, query))["deleteExperiment"]["__typename"] == "NotFoundError"


async def test_candidate_create_update_delete_restore(client: httpx.AsyncClient) -> None:
    experiment = await create_experiment(client, "runs")
    create = (
        CANDIDATE
        + """mutation($e: ID!) { createCandidate(input: {experimentId: $e,
      name: "manual", params: [{name: "lr", value: "0.1"}],
      metrics: [{name: "acc", value: 0.5, step: 3}], metadata: [{name: "team", value: "ml"}]
    }) { ...C } }"""
    )
    made = data(await run(client, create, e=experiment["id"]))["createCandidate"]
    assert made["name"] == "manual" and made["status"] == "RUNNING"
    assert made["params"] == [{"name": "lr", "value": "0.1"}]
    assert made["metrics"] == [{"name": "acc", "value": 0.5, "step": 3}]
    assert {"name": "team", "value": "ml"} in made["metadata"]
    update = (
        CANDIDATE
        + """mutation($id: ID!) { updateCandidate(input: {id: $id, name: "better",
      description: "# notes", status: FINISHED}) { ...C } }"""
    )
    updated = data(await run(client, update, id=made["id"]))["updateCandidate"]
    assert (updated["name"], updated["description"], updated["status"]) == (
        "better",
        "# notes",
        "FINISHED",
    )
    assert {"name": "mlflow.runName", "value": "better"} in updated["metadata"]
    delete = CANDIDATE + "mutation($id: ID!) { deleteCandidate(input: {id: $id}) { ...C } }"
    assert data(await run(client, delete, id=made["id"]))["deleteCandidate"]["deletedAt"]
    edit_deleted = data(await run(client, update, id=made["id"]))["updateCandidate"]
    assert edit_deleted["__typename"] == "InvalidStateError"
    restore = CANDIDATE + "mutation($id: ID!) { restoreCandidate(input: {id: $id}) { ...C } }"
    assert data(await run(client, restore, id=made["id"]))["restoreCandidate"]["deletedAt"] is None


async def test_params_are_write_once_through_create(client: httpx.AsyncClient) -> None:
    experiment = await create_experiment(client, "dup")
    create = (
        CANDIDATE
        + """mutation($e: ID!) { createCandidate(input: {experimentId: $e,
      params: [{name: "lr", value: "1"}, {name: "lr", value: "2"}]}) { ...C } }"""
    )
    result = data(await run(client, create, e=experiment["id"]))["createCandidate"]
    assert result["__typename"] == "ValidationError"
    count = '{ project(fullPath: "default") { experiment(iid: 1) { candidateCount } } }'
    assert data(await run(client, count))["project"]["experiment"]["candidateCount"] == 0


async def test_metadata_on_experiments_and_candidates(client: httpx.AsyncClient) -> None:
    experiment = await create_experiment(client, "tagged")
    set_meta = """mutation($id: ID!, $n: String!, $v: String!) {
      setMetadata(input: {id: $id, name: $n, value: $v}) { __typename
        ... on Experiment { metadata { name value } } ... on Candidate { name metadata { name } }
        ... on UserError { message } } }"""
    result = data(await run(client, set_meta, id=experiment["id"], n="owner", v="ana"))
    assert result["setMetadata"]["metadata"] == [{"name": "owner", "value": "ana"}]
    create = CANDIDATE + "mutation($e: ID!) { createCandidate(input: {experimentId: $e}) { ...C } }"
    candidate = data(await run(client, create, e=experiment["id"]))["createCandidate"]
    renamed = data(await run(client, set_meta, id=candidate["id"], n="mlflow.runName", v="via-tag"))
    assert renamed["setMetadata"]["name"] == "via-tag"
    bad = data(await run(client, set_meta, id=candidate["id"], n="../x", v="1"))
    assert bad["setMetadata"]["__typename"] == "ValidationError"
    delete = """mutation($id: ID!) { deleteMetadata(input: {id: $id, name: "owner"}) {
      __typename ... on Experiment { metadata { name } } } }"""
    assert data(await run(client, delete, id=experiment["id"]))["deleteMetadata"]["metadata"] == []
    again = data(await run(client, delete, id=experiment["id"]))["deleteMetadata"]
    assert again["__typename"] == "NotFoundError"


async def test_purge_only_what_is_deleted(client: httpx.AsyncClient) -> None:
    experiment = await create_experiment(client, "doomed")
    purge = """mutation($id: ID!) { purgeExperiment(input: {id: $id}) { __typename
      ... on Purged { id } } }"""
    live = data(await run(client, purge, id=experiment["id"]))["purgeExperiment"]
    assert live == {"__typename": "InvalidStateError"}
    delete = EXPERIMENT + "mutation($id: ID!) { deleteExperiment(input: {id: $id}) { ...E } }"
    await run(client, delete, id=experiment["id"])
    gone = data(await run(client, purge, id=experiment["id"]))["purgeExperiment"]
    assert gone == {"__typename": "Purged", "id": experiment["id"]}
    node = data(await run(client, "query($id: ID!) { node(id: $id) { id } }", id=experiment["id"]))
    assert node == {"node": None}
