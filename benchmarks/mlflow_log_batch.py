"""Benchmark: the MLflow write path, request by request, without HTTP.

    .venv/bin/python -m benchmarks.mlflow_log_batch [--database-url URL] [--batches N]

Through the ASGI app, in one run: `N` log-batch requests of 1,000 points (one key, 1,000
steps), `N` of 10 keys x 100 steps, `N` new runs each logged as W1 logs one (MlflowClient
splits its log_batch of 1,000 points, 20 params and 10 tags into 970 points with the params
and tags, then 30 points), `N` single-point log-metric requests, then `N` runs each created,
ended (runs/update) and read (runs/get). Reports the
median wall time and the median CPU time of the process per request (the server's work plus
httpx's in-process transport, about 0.3 ms). Without `--database-url` it runs on a fresh
SQLite file. The machine's load inflates both; compare runs made in the same minutes.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from asgi_lifespan import LifespanManager

from labbook.app import create_app
from labbook.bootstrap import bootstrap
from labbook.db import migrations
from labbook.db.database import Database
from labbook.settings import Settings

TOKEN = "lbpat-benchmark-token"
RUNS = "/api/2.0/mlflow/runs"
T0 = 1_700_000_000_000


def one_key(start: int, size: int) -> list[dict[str, Any]]:
    return [
        {"key": "loss", "value": 1.0 / (i + 1), "step": i, "timestamp": T0 + i}
        for i in range(start, start + size)
    ]


def ten_keys(start: int) -> list[dict[str, Any]]:
    """The W1 workload's batch: 100 steps of 10 keys."""
    steps = range(start, start + 100)
    return [
        {"key": f"m{k}", "value": s * 0.5 + k, "step": s, "timestamp": T0 + s}
        for s in steps
        for k in range(10)
    ]


def w1_requests(run_id: str, run: int) -> list[dict[str, Any]]:
    """W1's log_batch as the client sends it: params and tags go first, metrics fill up."""
    points = [
        {"key": f"m{k}", "value": s * 0.5 + k + run / 1024, "step": s, "timestamp": T0 + s}
        for s in range(100)
        for k in range(10)
    ]
    params = [{"key": f"p{i}", "value": f"value-{i}-{run}"} for i in range(20)]
    tags = [{"key": f"t{i}", "value": f"tag-{i}"} for i in range(10)]
    first = {"run_id": run_id, "metrics": points[:970], "params": params, "tags": tags}
    return [first, {"run_id": run_id, "metrics": points[970:]}]


async def w1_runs(client: httpx.AsyncClient, runs: int) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {"W1 log-batch 970+20+10": [], "W1 log-batch 30": []}
    for i in range(runs):
        answer = (await client.post(f"{RUNS}/create", json={"experiment_id": "0"})).json()
        big, small = w1_requests(answer["run"]["info"]["run_id"], i)
        found["W1 log-batch 970+20+10"].append(
            (await timed(client, "POST", f"{RUNS}/log-batch", big))[:2]
        )
        found["W1 log-batch 30"].append(
            (await timed(client, "POST", f"{RUNS}/log-batch", small))[:2]
        )
    return found


async def timed(client: httpx.AsyncClient, method: str, path: str, body: Any) -> tuple[Any, ...]:
    """(wall ms, CPU ms, JSON answer) of one request."""
    wall, cpu = time.perf_counter(), time.process_time()
    if method == "GET":
        response = await client.get(path, params=body)
    else:
        response = await client.post(path, json=body)
    assert response.status_code == 200, response.text
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, response.json()


def report(label: str, samples: list[tuple[float, float]]) -> None:
    wall = statistics.median(s[0] for s in samples)
    cpu = statistics.median(s[1] for s in samples)
    print(f"  {label:<32} median {wall:7.2f} ms wall, {cpu:6.2f} ms CPU")


async def each(client: httpx.AsyncClient, path: str, bodies: list[Any]) -> list[Any]:
    return [(await timed(client, "POST", path, body))[:2] for body in bodies]


async def lifecycle(client: httpx.AsyncClient, runs: int) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = {"runs/create": [], "runs/update": [], "runs/get": []}
    for i in range(runs):
        create = {"experiment_id": "0", "run_name": f"r{i}", "start_time": T0}
        wall, cpu, answer = await timed(client, "POST", f"{RUNS}/create", create)
        found["runs/create"].append((wall, cpu))
        run_id = answer["run"]["info"]["run_id"]
        end = {"run_id": run_id, "status": "FINISHED", "end_time": T0}
        found["runs/update"].append((await timed(client, "POST", f"{RUNS}/update", end))[:2])
        found["runs/get"].append((await timed(client, "GET", f"{RUNS}/get", end))[:2])
    return found


async def measure(settings: Settings, n: int) -> None:
    app = create_app(settings)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    async with (
        LifespanManager(app),
        httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://b", headers=headers
        ) as c,
    ):
        run = (await c.post(f"{RUNS}/create", json={"experiment_id": "0"})).json()
        run_id = run["run"]["info"]["run_id"]
        batches = [{"run_id": run_id, "metrics": one_key(b * 1000, 1000)} for b in range(n)]
        report("log-batch, 1,000 points, 1 key", await each(c, f"{RUNS}/log-batch", batches))
        shaped = [{"run_id": run_id, "metrics": ten_keys(b * 100)} for b in range(n)]
        report("log-batch, 10 keys x 100 steps", await each(c, f"{RUNS}/log-batch", shaped))
        for label, samples in (await w1_runs(c, n)).items():
            report(label, samples)
        singles = [{"run_id": run_id, **p} for p in one_key(n * 1000, n)]
        report("log-metric, 1 point", await each(c, f"{RUNS}/log-metric", singles))
        for label, samples in (await lifecycle(c, n)).items():
            report(label, samples)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--batches", type=int, default=100)
    args = parser.parse_args()
    settings = Settings(
        data_dir=Path(tempfile.mkdtemp(prefix="labbook-bench-")),
        database_url=args.database_url,
        initial_admin_password="benchmark-pw",
        initial_admin_token=TOKEN,
    )
    migrations.upgrade(settings.db_url)
    asyncio.run(bootstrap(Database(settings.db_url), settings))
    print(f"{settings.db_url.split(':')[0]}:")
    asyncio.run(measure(settings, args.batches))


if __name__ == "__main__":
    main()
