"""`Long`: MLflow's 64-bit steps (and sizes, counts) travel through GraphQL unharmed."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from labbook.graphql.types.scalars import parse_long, serialize_long
from tests.graphql.conftest import data, run
from tests.mlflow_compat.conftest import ROOT

BIG = 2**40  # past GraphQL's 32-bit Int, still exact in JavaScript
HUGE = 2**60  # past 2^53: sent as a string
READ = """{ project(fullPath: "default") { candidate(iid: 1) { id
  metrics { name step count } metricHistory(name: "m") { step value } } } }"""
COMPARE = """query($ids: [ID!]!) { compareMetrics(candidateIds: $ids, names: ["m"]) {
  steps points { step } } }"""


async def log_steps(client: httpx.AsyncClient, steps: list[int]) -> None:
    await client.post(f"{ROOT}/experiments/create", json={"name": "long"})
    created = await client.post(f"{ROOT}/runs/create", json={"experiment_id": "1"})
    run_id = created.json()["run"]["info"]["run_id"]
    for i, step in enumerate(steps):
        body = {"run_id": run_id, "key": "m", "value": float(i), "timestamp": 1, "step": step}
        response = await client.post(f"{ROOT}/runs/log-metric", json=body)
        assert response.status_code == 200, response.text


async def read(client: httpx.AsyncClient) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    candidate = data(await run(client, READ))["project"]["candidate"]
    compared = data(await run(client, COMPARE, ids=[candidate["id"]]))["compareMetrics"]
    return candidate, compared


async def test_a_step_past_32_bits_reads_back_as_a_number(client: httpx.AsyncClient) -> None:
    await log_steps(client, [0, BIG, BIG + 1])
    candidate, compared = await read(client)
    assert candidate["metrics"] == [{"name": "m", "step": BIG + 1, "count": 3}]
    assert [p["step"] for p in candidate["metricHistory"]] == [0, BIG, BIG + 1]
    assert compared[0]["steps"] == [0, BIG, BIG + 1]
    assert [p["step"] for p in compared[0]["points"]] == [0, BIG, BIG + 1]


async def test_a_step_past_2_53_reads_back_as_a_string(client: httpx.AsyncClient) -> None:
    await log_steps(client, [HUGE, -HUGE])
    candidate, compared = await read(client)
    assert candidate["metrics"][0]["step"] == str(HUGE)
    assert [p["step"] for p in candidate["metricHistory"]] == [str(-HUGE), str(HUGE)]
    assert compared[0]["steps"] == [str(-HUGE), str(HUGE)]


CREATE = """mutation($e: ID!, $step: Long) { createCandidate(input: {experimentId: $e,
  metrics: [{name: "m", value: 1.0, step: $step}]}) { ... on Candidate { metrics { step } } } }"""
EXPERIMENT = 'mutation { createExperiment(input: {projectPath: "default", name: "e"}) { ...on Experiment { id } } }'  # noqa: E501


@pytest.mark.parametrize(
    ("sent", "read_back"), [(BIG, BIG), (str(BIG), BIG), (str(HUGE), str(HUGE))]
)
async def test_a_long_input_takes_a_number_or_a_string(
    client: httpx.AsyncClient, sent: object, read_back: object
) -> None:
    experiment = data(await run(client, EXPERIMENT))["createExperiment"]
    made = data(await run(client, CREATE, e=experiment["id"], step=sent))["createCandidate"]
    assert made["metrics"] == [{"step": read_back}]


@pytest.mark.parametrize("sent", ["1.5", "ten", 1.5, True, str(2**63), -(2**63) - 1])
async def test_a_bad_long_input_is_refused_clearly(client: httpx.AsyncClient, sent: object) -> None:
    experiment = data(await run(client, EXPERIMENT))["createExperiment"]
    body = await run(client, CREATE, e=experiment["id"], step=sent)
    assert body["data"] is None
    assert "Long must" in body["errors"][0]["message"]


def test_serialize_and_parse_are_inverse_at_the_edges() -> None:
    for n in (0, 2**53 - 1, -(2**53 - 1), 2**53, 2**63 - 1, -(2**63)):
        assert parse_long(serialize_long(n)) == n
    assert serialize_long(2**53 - 1) == 2**53 - 1 and serialize_long(2**53) == str(2**53)
    with pytest.raises(TypeError):
        serialize_long(1.0)
