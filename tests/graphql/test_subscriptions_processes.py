"""On PostgreSQL, a `labbook serve` subprocess's writes reach a subscriber of another server."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from mlflow.tracking import MlflowClient

from labbook.settings import Settings
from tests.conftest import ADMIN_TOKEN, PG_URL
from tests.graphql.test_subscriptions import (
    CANDIDATE_ID,
    METRIC_POINTS,
    experiment_on,
    global_id,
    next_payload,
    subscribe,
)
from tests.live import free_port


@contextmanager
def labbook_serve(database_url: str, data_dir: Path) -> Iterator[str]:
    """`labbook serve` in its own OS process on `database_url`; yields its base URL."""
    port = free_port()
    env = {**os.environ, "LABBOOK_DATA_DIR": str(data_dir), "LABBOOK_DATABASE_URL": database_url}
    command = [sys.executable, "-m", "labbook", "serve", "--port", str(port)]
    proc = subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    try:
        yield _ready(f"http://127.0.0.1:{port}", proc)
    finally:
        proc.terminate()
        proc.wait(timeout=15)


def _ready(base: str, proc: subprocess.Popen[bytes]) -> str:
    for _ in range(300):
        assert proc.poll() is None, "labbook serve exited"
        try:
            if httpx.get(f"{base}/-/readiness").status_code == 200:
                return base
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    pytest.fail("labbook serve did not become ready")


@pytest.mark.skipif(not PG_URL, reason="LABBOOK_TEST_DATABASE_URL is not set")
async def test_points_logged_through_another_os_process_reach_the_subscriber(
    live_server: str, settings: Settings, database_url: str, tmp_path: Path
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("two server processes share a database on PostgreSQL")
    await experiment_on(settings, live_server, with_run=True)
    run_id = await global_id(live_server, CANDIDATE_ID)
    eid_query = '{ project(fullPath: "default") { item: candidate(iid: 1) { eid } } }'
    async with httpx.AsyncClient(
        base_url=live_server, headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}
    ) as client:
        response = await client.post("/graphql", json={"query": eid_query})
    eid = response.json()["data"]["project"]["item"]["eid"]
    with labbook_serve(database_url, tmp_path / "other") as other:
        client_ = MlflowClient(tracking_uri=f"{other}/api/v4/projects/1/ml/mlflow")
        async with subscribe(live_server, METRIC_POINTS, id=run_id) as ws:
            with pytest.MonkeyPatch.context() as mp:
                mp.setenv("MLFLOW_TRACKING_TOKEN", ADMIN_TOKEN)
                await asyncio.to_thread(client_.log_metric, eid, "loss", 0.125, step=4)
            point = (await next_payload(ws))["metricPoints"]
    assert point == {"name": "loss", "step": 4, "value": 0.125}
