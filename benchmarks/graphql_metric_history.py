"""Benchmark: `metricHistory` of a 1,000,000-point series down to 1,000 points over GraphQL.

    .venv/bin/python -m benchmarks.graphql_metric_history [--database-url URL] [--points N]

Reports the median of 20 requests through the ASGI app (target: under 100 ms). Without
`--database-url` it runs on a fresh SQLite file.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import tempfile
import time
from pathlib import Path

import httpx
from asgi_lifespan import LifespanManager
from sqlalchemy import insert

from labbook.app import create_app
from labbook.bootstrap import bootstrap
from labbook.db import migrations
from labbook.db import tables as t
from labbook.settings import Settings
from labbook.store import candidates, experiments

TOKEN = "lbpat-benchmark-token"
QUERY = """{ project(fullPath: "default") { candidate(iid: 1) {
  metricHistory(name: "loss", maxPoints: 1000) { step value } } } }"""


async def seed(settings: Settings, n: int) -> None:
    """Rows written straight to the tables: the benchmark measures reads, not logging."""
    app = create_app(settings)
    db = app.state.labbook.db
    await bootstrap(db, settings)
    async with db.write() as s:
        exp = await experiments.create_experiment(s, project_id=1, name="bench", creator_id=1)
        c = await candidates.create_candidate(
            s, experiment=exp, name="big", creator_id=1, start_time=0
        )
    for start in range(0, n, 50_000):
        rows = [
            {
                "candidate_id": c.id,
                "name": "loss",
                "step": i,
                "timestamp": i,
                "value": math.sin(i / 1000) + (i % 13) / 10,
            }
            for i in range(start, min(n, start + 50_000))
        ]
        async with db.write() as s:
            await s.execute(insert(t.CandidateMetric), rows)
    summary = {
        "candidate_id": c.id,
        "name": "loss",
        "last_value": 0.0,
        "last_step": n - 1,
        "last_timestamp": n - 1,
        "min_value": -1.0,
        "max_value": 2.2,
        "count": n,
    }
    async with db.write() as s:
        await s.execute(insert(t.CandidateMetricSummary), [summary])
    if not db.is_sqlite:  # what autovacuum does soon after a bulk load: index-only scans
        async with db.engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.exec_driver_sql("VACUUM ANALYZE candidate_metrics")
    await db.dispose()


async def measure(settings: Settings, runs: int) -> list[float]:
    app = create_app(settings)
    timings = []
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app)
        headers = {"Authorization": f"Bearer {TOKEN}"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://b", headers=headers
        ) as c:
            for _ in range(runs):
                started = time.perf_counter()
                body = (await c.post("/graphql", json={"query": QUERY})).json()
                timings.append(time.perf_counter() - started)
    points = body["data"]["project"]["candidate"]["metricHistory"]
    print(f"points returned: {len(points)}")
    return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url")
    parser.add_argument("--points", type=int, default=1_000_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="labbook-bench-"))
    settings = Settings(
        data_dir=folder,
        database_url=args.database_url,
        initial_admin_password="benchmark-pw",
        initial_admin_token=TOKEN,
    )
    migrations.upgrade(settings.db_url)
    asyncio.run(seed(settings, args.points))
    timings = asyncio.run(measure(settings, 20))
    print(
        f"{settings.db_url.split(':')[0]}: {args.points:,} points -> median "
        f"{statistics.median(timings) * 1000:.1f} ms (min {min(timings) * 1000:.1f} ms)"
    )


if __name__ == "__main__":
    main()
