"""Benchmark: `metricHistory` of a 1,000,000-point series down to 1,000 points over GraphQL,
and `compareMetrics` of 10 candidates x 3 metrics x 100,000 points.

    .venv/bin/python -m benchmarks.graphql_metric_history [--database-url URL] [--points N]

Reports the median of 20 requests through the ASGI app (targets: under 100 ms and under
200 ms), and compareMetrics again asking for `steps values` instead of `points { step value }`
(GraphQL's per-object execution of some 23,000 points dominates the latter). Without
`--database-url` it runs on a fresh SQLite file; a database that already holds the data (a
second run on the same URL) is timed without seeding again.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from asgi_lifespan import LifespanManager
from sqlalchemy import insert, select

from labbook.app import create_app
from labbook.bootstrap import bootstrap
from labbook.db import migrations
from labbook.db import tables as t
from labbook.db.database import Database
from labbook.graphql.types.node import global_id
from labbook.settings import Settings
from labbook.store import candidates, experiments
from labbook.store.metric_rollups import Point, rollup_rows

TOKEN = "lbpat-benchmark-token"
QUERY = """{ project(fullPath: "default") { candidate(iid: 1) {
  metricHistory(name: "loss", maxPoints: 1000) { step value } } } }"""
COMPARED = ["loss", "acc", "lr"]
COMPARE = """query($ids: [ID!]!) { compareMetrics(candidateIds: $ids, names: ["loss", "acc", "lr"],
  maxPoints: 1000) { candidateId name points { step value } } }"""
COLUMNS = COMPARE.replace("points { step value }", "steps values")


async def add_series(db: Database, candidate_id: int, name: str, n: int) -> None:
    """History rows, their summary and rollups written straight to the tables (reads are
    measured; `benchmarks.mlflow_log_batch` measures writes)."""
    points: list[Point] = []
    for start in range(0, n, 50_000):
        rows = [
            {
                "candidate_id": candidate_id,
                "name": name,
                "step": i,
                "timestamp": i,
                "value": math.sin(i / 1000) + (i % 13) / 10,
            }
            for i in range(start, min(n, start + 50_000))
        ]
        points += [(r["step"], r["timestamp"], r["value"]) for r in rows]
        async with db.write() as s:
            await s.execute(insert(t.CandidateMetric), rows)
    async with db.write() as s:
        await s.execute(insert(t.CandidateMetricRollup), rollup_rows(candidate_id, {name: points}))
    summary = {
        "candidate_id": candidate_id,
        "name": name,
        "last_value": 0.0,
        "last_step": n - 1,
        "last_timestamp": n - 1,
        "min_value": -1.0,
        "max_value": 2.2,
        "count": n,
    }
    async with db.write() as s:
        await s.execute(insert(t.CandidateMetricSummary), [summary])


async def seeded(db: Database) -> list[str] | None:
    """The compared candidates' ids when the database already holds the data (a second run)."""
    async with db.read() as s:
        rows = await s.execute(
            select(t.Candidate.id).where(t.Candidate.project_id == 1).order_by(t.Candidate.id)
        )
        ids = list(rows.scalars())
    return [global_id("Candidate", i) for i in ids[1:11]] if len(ids) >= 11 else None


async def seed(settings: Settings, n: int) -> list[str]:
    """Candidate 1: one series of `n` points; candidates 2-11: 3 series of `n // 10`."""
    db = Database(settings.db_url)
    await bootstrap(db, settings)
    if (found := await seeded(db)) is not None:
        await db.dispose()
        return found
    async with db.write() as s:
        exp = await experiments.create_experiment(s, project_id=1, name="bench", creator_id=1)
        made = [
            await candidates.create_candidate(
                s, experiment=exp, name=f"c{i}", creator_id=1, start_time=0
            )
            for i in range(11)
        ]
    await add_series(db, made[0].id, "loss", n)
    for c in made[1:]:
        for name in COMPARED:
            await add_series(db, c.id, name, n // 10)
    if not db.is_sqlite:  # what autovacuum does soon after a bulk load: index-only scans
        async with db.engine.connect() as conn:
            conn = await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.exec_driver_sql("VACUUM ANALYZE candidate_metrics")
            await conn.exec_driver_sql("VACUUM ANALYZE candidate_metric_rollups")
    await db.dispose()
    return [global_id("Candidate", c.id) for c in made[1:]]


async def timed(client: httpx.AsyncClient, query: str, runs: int, **variables: Any) -> Any:
    timings, cpu, body = [], [], None
    for _ in range(runs):
        started, used = time.perf_counter(), time.process_time()
        response = await client.post("/graphql", json={"query": query, "variables": variables})
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - used)
        body = response.json()
        assert "errors" not in body, body
    wall, least = statistics.median(timings) * 1000, min(timings) * 1000
    print(f"  median {wall:.1f} ms (min {least:.1f}; CPU {statistics.median(cpu) * 1000:.1f} ms)")
    return body


async def measure(settings: Settings, ids: list[str], runs: int) -> None:
    app = create_app(settings)
    async with LifespanManager(app):
        transport = httpx.ASGITransport(app=app)
        headers = {"Authorization": f"Bearer {TOKEN}"}
        async with httpx.AsyncClient(
            transport=transport, base_url="http://b", headers=headers
        ) as c:
            print("metricHistory, 1 series -> 1,000 points:")
            body = await timed(c, QUERY, runs)
            print(f"  points: {len(body['data']['project']['candidate']['metricHistory'])}")
            print("compareMetrics, 10 candidates x 3 metrics -> 1,000 points each:")
            body = await timed(c, COMPARE, runs, ids=ids)
            print(f"  series: {len(body['data']['compareMetrics'])}")
            print("the same as parallel lists (steps values, not points { step value }):")
            body = await timed(c, COLUMNS, runs, ids=ids)
            print(f"  points: {sum(len(s['steps']) for s in body['data']['compareMetrics']):,}")


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
    ids = asyncio.run(seed(settings, args.points))
    print(f"{settings.db_url.split(':')[0]}, series of {args.points:,} points:")
    asyncio.run(measure(settings, ids, 20))


if __name__ == "__main__":
    main()
