"""Benchmark: the MLflow write path, `log-batch` of 1,000 points and single-point `log-metric`.

    .venv/bin/python -m benchmarks.mlflow_log_batch [--database-url URL] [--batches N]

Logs `N` batches of 1,000 consecutive steps of one key (then N single points) into one run
through the ASGI app and reports the median time per request: what the metric rollups add
to every write. Without `--database-url` it runs on a fresh SQLite file.
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


def batch(start: int, size: int) -> list[dict[str, Any]]:
    return [
        {"key": "loss", "value": 1.0 / (i + 1), "step": i, "timestamp": 1_700_000_000_000 + i}
        for i in range(start, start + size)
    ]


async def median_ms(client: httpx.AsyncClient, path: str, bodies: list[dict[str, Any]]) -> float:
    timings = []
    for body in bodies:
        started = time.perf_counter()
        response = await client.post(path, json=body)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
    return statistics.median(timings)


async def measure(settings: Settings, batches: int) -> None:
    app = create_app(settings)
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app)
        headers = {"Authorization": f"Bearer {TOKEN}"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://b", headers=headers
        ) as c:
            run = (await c.post(f"{RUNS}/create", json={"experiment_id": "0"})).json()
            run_id = run["run"]["info"]["run_id"]
            bodies = [{"run_id": run_id, "metrics": batch(b * 1000, 1000)} for b in range(batches)]
            ms = await median_ms(c, f"{RUNS}/log-batch", bodies)
            print(f"  log-batch, 1,000 points: median {ms:.1f} ms")
            singles = [{"run_id": run_id, **p} for p in batch(batches * 1000, batches)]
            ms = await median_ms(c, f"{RUNS}/log-metric", singles)
            print(f"  log-metric, 1 point: median {ms:.1f} ms")


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
