"""Live updates over graphql-transport-ws: MLflow-client and GraphQL writes, another process,
authentication in the handshake or in `connection_init`, and who may subscribe."""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
import websockets
from mlflow.entities import Metric
from mlflow.tracking import MlflowClient
from websockets.typing import Subprotocol

from labbook.db.database import Database
from labbook.settings import Settings
from labbook.store import projects, tokens, users
from labbook.store.entities import AccessLevel
from tests.conftest import ADMIN_PASSWORD, ADMIN_TOKEN, PG_URL
from tests.graphql.conftest import data, make_candidate, make_experiment, run
from tests.live import run_live_server

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
CANDIDATE_EVENTS = """subscription($id: ID!) { candidateEvents(experimentId: $id) {
  kind candidate { name status } } }"""
METRIC_POINTS = """subscription($id: ID!) { metricPoints(candidateId: $id, names: ["loss"]) {
  name step value } }"""
EXPERIMENT_ID = '{ project(fullPath: "default") { item: experiment(iid: 1) { id } } }'
CANDIDATE_ID = '{ project(fullPath: "default") { item: candidate(iid: 1) { id } } }'
CREATE = """mutation($id: ID!) { createCandidate(input: {experimentId: $id, name: "from-ui"}) {
  ... on Candidate { id } } }"""
SETTLE = 1.0  # the server registers a subscription shortly after receiving `subscribe`


def ws_url(base: str) -> str:
    return base.replace("http://", "ws://") + "/graphql"


@asynccontextmanager
async def connect(
    base: str, headers: dict[str, str] | None = None, init: dict[str, Any] | None = None
) -> AsyncIterator[Any]:
    protocol = Subprotocol("graphql-transport-ws")
    async with websockets.connect(
        ws_url(base), subprotocols=[protocol], additional_headers=headers or {}
    ) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": init or {}}))
        yield ws


@asynccontextmanager
async def subscribe(
    base: str, query: str, *, headers: dict[str, str] | None = AUTH, **variables: Any
) -> AsyncIterator[Any]:
    async with connect(base, headers) as ws:
        ack = await ws.recv()
        assert isinstance(ack, str), "a binary frame: the browser's graphql-ws client rejects it"
        assert json.loads(ack)["type"] == "connection_ack"
        await start(ws, query, **variables)
        await asyncio.sleep(SETTLE)
        yield ws


async def start(ws: Any, query: str, **variables: Any) -> None:
    payload = {"query": query, "variables": variables}
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))


async def next_message(ws: Any) -> dict[str, Any]:
    raw = await asyncio.wait_for(ws.recv(), timeout=10)
    assert isinstance(raw, str), "a binary frame: the browser's graphql-ws client rejects it"
    message: dict[str, Any] = json.loads(raw)
    return message


async def next_payload(ws: Any) -> dict[str, Any]:
    message = await next_message(ws)
    assert message["type"] == "next", message
    assert "errors" not in message["payload"], message
    result: dict[str, Any] = message["payload"]["data"]
    return result


async def nothing_more(ws: Any) -> None:
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(ws.recv(), timeout=1)


async def global_id(base: str, query: str) -> str:
    async with httpx.AsyncClient(base_url=base, headers=AUTH) as client:
        found = data(await run(client, query))
    return str(found["project"]["item"]["id"])


async def experiment_on(settings: Settings, live_server: str, with_run: bool = False) -> str:
    db = Database(settings.db_url)
    experiment = await make_experiment(db, "live")
    if with_run:
        await make_candidate(db, experiment, "run")
    await db.dispose()
    return await global_id(live_server, EXPERIMENT_ID)


async def test_mlflow_client_writes_reach_a_websocket(live_server: str, settings: Settings) -> None:
    exp_id = await experiment_on(settings, live_server)
    client = MlflowClient(tracking_uri=f"{live_server}/api/v4/projects/1/ml/mlflow")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("MLFLOW_TRACKING_TOKEN", ADMIN_TOKEN)
        async with subscribe(live_server, CANDIDATE_EVENTS, id=exp_id) as ws:
            run_ = await asyncio.to_thread(client.create_run, "1", run_name="from-mlflow")
            created = await next_payload(ws)
            assert created["candidateEvents"] == {
                "kind": "CREATED",
                "candidate": {"name": "from-mlflow", "status": "RUNNING"},
            }
            await asyncio.to_thread(client.log_metric, run_.info.run_id, "loss", 1.0)
            assert (await next_payload(ws))["candidateEvents"]["kind"] == "UPDATED"
            await asyncio.to_thread(client.set_tag, run_.info.run_id, "team", "vision")
            assert (await next_payload(ws))["candidateEvents"]["kind"] == "UPDATED"
            await asyncio.to_thread(client.set_terminated, run_.info.run_id)
            updated = await next_payload(ws)
            assert updated["candidateEvents"]["kind"] == "UPDATED"
            assert updated["candidateEvents"]["candidate"]["status"] == "FINISHED"
        run_id = await global_id(live_server, CANDIDATE_ID)
        async with subscribe(live_server, METRIC_POINTS, id=run_id) as ws:
            await asyncio.to_thread(client.log_metric, run_.info.run_id, "loss", 0.5, step=7)
            assert (await next_payload(ws))["metricPoints"]["step"] == 7
            await asyncio.to_thread(client.log_metric, run_.info.run_id, "acc", 0.9, step=7)
            batch = [Metric("loss", 0.25, 1, 8), Metric("loss", math.nan, 1, 9)]
            await asyncio.to_thread(client.log_batch, run_.info.run_id, metrics=batch)
            first, second = await next_payload(ws), await next_payload(ws)
    assert [first["metricPoints"], second["metricPoints"]] == [
        {"name": "loss", "step": 8, "value": 0.25},
        {"name": "loss", "step": 9, "value": None},
    ]


async def test_graphql_mutations_reach_a_websocket_authenticated_in_connection_init(
    live_server: str, settings: Settings
) -> None:
    exp_id = await experiment_on(settings, live_server)
    init = {"authorization": f"Bearer {ADMIN_TOKEN}"}
    async with connect(live_server, init=init) as ws:
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await start(ws, CANDIDATE_EVENTS, id=exp_id)
        await asyncio.sleep(SETTLE)
        async with httpx.AsyncClient(base_url=live_server, headers=AUTH) as client:
            created = data(await run(client, CREATE, id=exp_id))["createCandidate"]
            assert (await next_payload(ws))["candidateEvents"]["kind"] == "CREATED"
            delete = """mutation($id: ID!) { deleteCandidate(input: {id: $id}) { __typename } }"""
            data(await run(client, delete, id=created["id"]))
        deleted = (await next_payload(ws))["candidateEvents"]
    assert deleted == {"kind": "DELETED", "candidate": {"name": "from-ui", "status": "RUNNING"}}


async def test_session_cookie_authenticates_a_websocket(
    live_server: str, settings: Settings
) -> None:
    exp_id = await experiment_on(settings, live_server)
    sign_in = """mutation { signIn(input: {username: "admin", password: "%s"}) { __typename } }"""
    async with httpx.AsyncClient(base_url=live_server) as client:
        response = await client.post("/graphql", json={"query": sign_in % ADMIN_PASSWORD})
    cookie = "; ".join(f"{k}={v}" for k, v in response.cookies.items())
    assert cookie
    same_origin = {"Cookie": cookie, "Origin": live_server}
    async with subscribe(live_server, CANDIDATE_EVENTS, headers=same_origin, id=exp_id) as ws:
        async with httpx.AsyncClient(base_url=live_server, headers=AUTH) as client:
            data(await run(client, CREATE, id=exp_id))
        event = (await next_payload(ws))["candidateEvents"]
    assert event == {"kind": "CREATED", "candidate": {"name": "from-ui", "status": "RUNNING"}}
    # Another site's page may open a websocket that carries our cookie: it counts for nothing.
    other_site = {"Cookie": cookie, "Origin": "http://elsewhere.test"}
    # Strawberry refuses a websocket from another origin at the handshake.
    with pytest.raises(websockets.InvalidStatus) as refused:
        await first_errors(live_server, other_site, CANDIDATE_EVENTS, id=exp_id)
    assert refused.value.response.status_code == 403


async def test_a_bad_token_in_connection_init_is_refused(live_server: str) -> None:
    async with connect(live_server, init={"authorization": "Bearer nope"}) as ws:
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await asyncio.wait_for(ws.recv(), timeout=10)
    assert closed.value.rcvd is not None and closed.value.rcvd.code == 4403


async def _token_for(settings: Settings, username: str, role: AccessLevel | None) -> str:
    db = Database(settings.db_url)
    async with db.write() as s:
        user = await users.create_user(s, username=username, password="password-" + username)
        if role is not None:
            await projects.set_member(s, project_id=1, user_id=user.id, level=role)
        _, secret = await tokens.create_token(s, user_id=user.id, name="t", scopes=["read_api"])
    await db.dispose()
    return secret


async def first_errors(base: str, headers: dict[str, str], query: str, **variables: Any) -> Any:
    async with connect(base, headers) as ws:
        assert json.loads(await ws.recv())["type"] == "connection_ack"
        await start(ws, query, **variables)
        message = await next_message(ws)
    assert message["type"] in {"next", "error"}, message
    return message["payload"]


async def test_only_developers_may_subscribe(live_server: str, settings: Settings) -> None:
    exp_id = await experiment_on(settings, live_server, with_run=True)
    run_id = await global_id(live_server, CANDIDATE_ID)
    stranger = {"Authorization": f"Bearer {await _token_for(settings, 'stranger', None)}"}
    reporter = {
        "Authorization": f"Bearer {await _token_for(settings, 'rep', AccessLevel.REPORTER)}"
    }
    developer = {
        "Authorization": f"Bearer {await _token_for(settings, 'dev', AccessLevel.DEVELOPER)}"
    }
    for headers in ({}, stranger):
        for query, variables in ((CANDIDATE_EVENTS, exp_id), (METRIC_POINTS, run_id)):
            refused = await first_errors(live_server, headers, query, id=variables)
            assert refused["data"] is None
            assert [e["message"] for e in refused["errors"]] == ["Not found"]
    refused = await first_errors(live_server, reporter, METRIC_POINTS, id=run_id)
    assert "Developer" in refused["errors"][0]["message"]
    async with subscribe(live_server, METRIC_POINTS, headers=developer, id=run_id) as ws:
        await _log_batch(live_server, metrics=[("loss", 0.75, 3)])
        assert (await next_payload(ws))["metricPoints"] == {
            "name": "loss",
            "step": 3,
            "value": 0.75,
        }


async def _log_batch(
    base: str, *, metrics: list[tuple[str, float, int]], tags: dict[str, str] | None = None
) -> httpx.Response:
    db_run = '{ project(fullPath: "default") { item: candidate(iid: 1) { eid } } }'
    async with httpx.AsyncClient(base_url=base, headers=AUTH) as client:
        eid = data(await run(client, db_run))["project"]["item"]["eid"]
        body = {
            "run_id": eid,
            "metrics": [
                {"key": k, "value": v, "step": s, "timestamp": 1_700_000_000_000 + s}
                for k, v, s in metrics
            ],
            "tags": [{"key": k, "value": v} for k, v in (tags or {}).items()],
        }
        return await client.post("/api/2.0/mlflow/runs/log-batch", json=body)


async def test_a_rolled_back_batch_sends_no_points(live_server: str, settings: Settings) -> None:
    await experiment_on(settings, live_server, with_run=True)
    run_id = await global_id(live_server, CANDIDATE_ID)
    async with subscribe(live_server, METRIC_POINTS, id=run_id) as ws:
        # The points are inserted, then the oversized tag fails the whole batch.
        failed = await _log_batch(live_server, metrics=[("loss", 1.0, 1)], tags={"t": "x" * 70_000})
        assert failed.status_code == 400, failed.text
        ok = await _log_batch(live_server, metrics=[("loss", 2.0, 2)])
        assert ok.status_code == 200, ok.text
        assert (await next_payload(ws))["metricPoints"] == {"name": "loss", "step": 2, "value": 2.0}
        await nothing_more(ws)


@pytest.mark.skipif(not PG_URL, reason="LABBOOK_TEST_DATABASE_URL is not set")
async def test_write_through_a_second_process_reaches_the_first(
    live_server: str, settings: Settings, database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("two server processes share a database on PostgreSQL")
    exp_id = await experiment_on(settings, live_server)
    with run_live_server(settings) as other:
        async with subscribe(live_server, CANDIDATE_EVENTS, id=exp_id) as ws:
            client = MlflowClient(tracking_uri=f"{other}/api/v4/projects/1/ml/mlflow")
            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("MLFLOW_TRACKING_TOKEN", ADMIN_TOKEN)
                await asyncio.to_thread(client.create_run, "1", run_name="elsewhere")
            event = await next_payload(ws)
    assert event["candidateEvents"]["candidate"]["name"] == "elsewhere"
