"""Live updates over graphql-transport-ws, from the MLflow client and from another process."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
import websockets
from mlflow.tracking import MlflowClient

from labbook.db.database import Database
from labbook.settings import Settings
from tests.conftest import ADMIN_TOKEN, PG_URL
from tests.graphql.conftest import data, make_experiment, run
from tests.live import run_live_server

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
CANDIDATE_EVENTS = """subscription($id: ID!) { candidateEvents(experimentId: $id) {
  kind candidate { name status } } }"""
METRIC_POINTS = """subscription($id: ID!) { metricPoints(candidateId: $id, names: ["loss"]) {
  name step value } }"""


@asynccontextmanager
async def subscribe(base: str, query: str, **variables: Any) -> AsyncIterator[Any]:
    url = base.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(
        url,
        subprotocols=["graphql-transport-ws"],
        additional_headers=AUTH,  # type: ignore[list-item]
    ) as ws:
        await ws.send(json.dumps({"type": "connection_init"}))
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        payload = {"query": query, "variables": variables}
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
        await asyncio.sleep(1)  # the first poll marks what happened before as old news
        yield ws


async def next_payload(ws: Any) -> dict[str, Any]:
    message = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
    assert message["type"] == "next", message
    result: dict[str, Any] = message["payload"]["data"]
    return result


async def global_id(base: str, query: str) -> str:
    async with httpx.AsyncClient(base_url=base, headers=AUTH) as client:
        found = data(await run(client, query))
    return str(found["project"]["item"]["id"])


async def test_mlflow_client_writes_reach_a_websocket(live_server: str, settings: Settings) -> None:
    db = Database(settings.db_url)
    experiment = await make_experiment(db, "live")
    await db.dispose()
    exp_id = await global_id(
        live_server, '{ project(fullPath: "default") { item: experiment(iid: 1) { id } } }'
    )
    client = MlflowClient(tracking_uri=f"{live_server}/api/v4/projects/1/ml/mlflow")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MLFLOW_TRACKING_TOKEN", ADMIN_TOKEN)
        async with subscribe(live_server, CANDIDATE_EVENTS, id=exp_id) as ws:
            run_ = await asyncio.to_thread(
                client.create_run, str(experiment.iid), run_name="from-mlflow"
            )
            created = await next_payload(ws)
            assert created["candidateEvents"] == {
                "kind": "CREATED",
                "candidate": {"name": "from-mlflow", "status": "RUNNING"},
            }
            await asyncio.to_thread(client.set_terminated, run_.info.run_id)
            updated = await next_payload(ws)
            assert updated["candidateEvents"]["kind"] == "UPDATED"
            assert updated["candidateEvents"]["candidate"]["status"] == "FINISHED"
        run_id = await global_id(
            live_server, '{ project(fullPath: "default") { item: candidate(iid: 1) { id } } }'
        )
        async with subscribe(live_server, METRIC_POINTS, id=run_id) as ws:
            await asyncio.to_thread(client.log_metric, run_.info.run_id, "loss", 0.5, step=7)
            await asyncio.to_thread(client.log_metric, run_.info.run_id, "acc", 0.9, step=7)
            await asyncio.to_thread(client.log_metric, run_.info.run_id, "loss", 0.25, step=8)
            first, second = await next_payload(ws), await next_payload(ws)
    assert [first["metricPoints"], second["metricPoints"]] == [
        {"name": "loss", "step": 7, "value": 0.5},
        {"name": "loss", "step": 8, "value": 0.25},
    ]


async def test_subscription_needs_read_access(live_server: str, settings: Settings) -> None:
    db = Database(settings.db_url)
    await make_experiment(db)
    await db.dispose()
    exp_id = await global_id(
        live_server, '{ project(fullPath: "default") { item: experiment(iid: 1) { id } } }'
    )
    url = live_server.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=["graphql-transport-ws"]) as ws:
        await ws.send(json.dumps({"type": "connection_init"}))
        await ws.recv()
        payload = {"query": CANDIDATE_EVENTS, "variables": {"id": exp_id}}
        await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
        message = json.loads(await asyncio.wait_for(ws.recv(), timeout=10))
    assert message["payload"] == {"data": None, "errors": [{"message": "Not found"}]}


@pytest.mark.skipif(not PG_URL, reason="LABBOOK_TEST_DATABASE_URL is not set")
async def test_write_through_a_second_process_reaches_the_first(
    live_server: str, settings: Settings, database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("two server processes share a database on PostgreSQL")
    db = Database(settings.db_url)
    experiment = await make_experiment(db, "shared")
    await db.dispose()
    exp_id = await global_id(
        live_server, '{ project(fullPath: "default") { item: experiment(iid: 1) { id } } }'
    )
    with run_live_server(settings) as other:
        async with subscribe(live_server, CANDIDATE_EVENTS, id=exp_id) as ws:
            create = """mutation($id: ID!) { createCandidate(input: {experimentId: $id,
              name: "elsewhere"}) { __typename } }"""
            async with httpx.AsyncClient(base_url=other, headers=AUTH) as client:
                await run(client, create, id=exp_id)
            event = await next_payload(ws)
    assert event["candidateEvents"]["candidate"]["name"] == "elsewhere"
    assert experiment.name == "shared"
