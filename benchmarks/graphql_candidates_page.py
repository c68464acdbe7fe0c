"""Benchmark: the experiment page over GraphQL on 100,000 candidates (20 params, 10 metrics).

    .venv/bin/python -m benchmarks.graphql_candidates_page [--database-url URL]

Times the first page of 50 candidates with their params and metric summaries, sorted by a
metric and filtered by a param (target: under 50 ms at the median), then the next page and
the `totalCount`, through the ASGI app and its DataLoaders. The data set is built with
`benchmarks.search_scale` (reused when the database already holds it).
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

from benchmarks.search_scale import build, existing
from labbook.app import create_app
from labbook.bootstrap import bootstrap
from labbook.db import migrations
from labbook.db.database import Database
from labbook.settings import Settings

TOKEN = "lbpat-benchmark-token"
PAGE = """query($after: String) { project(fullPath: "bench") { experiment(iid: 1) {
  candidates(filter: "params.p0 = 'v7'", sort: "metrics.m0 DESC", first: 50, after: $after) {
    nodes { iid name status params { name value } metrics { name value min max } }
    pageInfo { endCursor } } } } }"""
COUNT = """{ project(fullPath: "bench") { experiment(iid: 1) {
  candidates(filter: "params.p0 = 'v7'") { totalCount } } } }"""


async def prepare(settings: Settings, n: int) -> None:
    db = Database(settings.db_url)
    try:
        await bootstrap(db, settings)
        if await existing(db) is None:
            started = time.perf_counter()
            await build(db, n, 20, 10)
            print(f"built {n:,} candidates in {time.perf_counter() - started:.0f} s")
    finally:
        await db.dispose()


async def median_ms(client: httpx.AsyncClient, query: str, runs: int, **variables: Any) -> str:
    """Median wall time, and the median CPU time of this process (the server's Python and, on
    SQLite, its SQL): on a busy machine the wall time mostly measures the other work."""
    await client.post("/graphql", json={"query": query, "variables": variables})
    timings, cpu = [], []
    for _ in range(runs):
        started, used = time.perf_counter(), time.process_time()
        body = (await client.post("/graphql", json={"query": query, "variables": variables})).json()
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - used) * 1000)
        assert "errors" not in body, body["errors"]
    return f"{statistics.median(timings):8.1f} ms (CPU {statistics.median(cpu):5.1f} ms)"


async def measure(settings: Settings, runs: int) -> None:
    app = create_app(settings)
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app)
        headers = {"Authorization": f"Bearer {TOKEN}"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://b", headers=headers
        ) as c:
            first = (await c.post("/graphql", json={"query": PAGE})).json()
            candidates = first["data"]["project"]["experiment"]["candidates"]
            cursor = candidates["pageInfo"]["endCursor"]
            print(f"page size {len(candidates['nodes'])}")
            print(f"{await median_ms(c, PAGE, runs)}  page 1 (+ params, metrics)")
            print(f"{await median_ms(c, PAGE, runs, after=cursor)}  page 2")
            print(f"{await median_ms(c, COUNT, runs)}  totalCount with the filter")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    settings = Settings(
        data_dir=Path(tempfile.mkdtemp(prefix="labbook-bench-")),
        database_url=args.database_url,
        initial_admin_password="benchmark-pw",
        initial_admin_token=TOKEN,
    )
    migrations.upgrade(settings.db_url)
    asyncio.run(prepare(settings, args.candidates))
    print(f"{settings.db_url.split(':')[0]}: median of {args.runs}")
    asyncio.run(measure(settings, args.runs))


if __name__ == "__main__":
    main()
