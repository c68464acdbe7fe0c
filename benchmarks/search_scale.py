"""Candidate search at scale: one experiment of N candidates with P params and M metric
summaries each, built with bulk inserts; times a few searches (median of R runs each).

    .venv/bin/python -m benchmarks.search_scale                      # SQLite in a temp folder
    .venv/bin/python -m benchmarks.search_scale --database-url postgresql+asyncpg://…/db

The headline case is the experiment page: the first 50 candidates sorted by a metric and
filtered by a param, including fetching that page's params and metric summaries (target:
under 50 ms). The database is built only when it does not hold the experiment yet, so a
second run on the same URL times without rebuilding.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, text

from labbook.db import migrations
from labbook.db import tables as t
from labbook.db.database import Database
from labbook.db.statistics import refresh_statistics
from labbook.db.tables import utcnow
from labbook.store import experiments, metrics, params_metadata, projects
from labbook.store.candidate_search import count_candidates, search_candidates

CHUNK = 5000


def _candidate_rows(experiment: t.Experiment, first: int, count: int) -> list[dict[str, Any]]:
    now = utcnow()
    statuses = ["finished", "finished", "finished", "failed", "running"]
    return [
        {
            "id": i, "experiment_id": experiment.id, "project_id": experiment.project_id,
            "iid": i, "eid": f"{i:032x}", "name": f"run-{i}", "description": "",
            "status": statuses[i % 5], "start_time": 1_700_000_000_000 + i * 1000,
            "end_time": None, "created_at": now, "updated_at": now,
        }
        for i in range(first, first + count)
    ]  # fmt: skip


def _param_rows(ids: range, n_params: int, rng: random.Random) -> list[dict[str, Any]]:
    # p0 has 10 values (a filter keeps ~10%), the others a spread of lengths and values.
    return [
        {"candidate_id": i, "name": f"p{j}", "value": f"v{i % 10}" if j == 0 else str(rng.random())}
        for i in ids
        for j in range(n_params)
    ]


def _summary_rows(ids: range, n_metrics: int, rng: random.Random) -> list[dict[str, Any]]:
    rows = []
    for i in ids:
        for k in range(n_metrics):
            last = None if rng.random() < 0.01 else rng.random()  # 1% NaN
            low, high = rng.random() * 0.5, 0.5 + rng.random()
            rows.append(
                {"candidate_id": i, "name": f"m{k}", "last_value": last, "last_step": 99,
                 "last_timestamp": 1, "min_value": low, "max_value": high, "count": 100}
            )  # fmt: skip
    return rows


async def build(db: Database, n: int, n_params: int, n_metrics: int) -> int:
    async with db.write() as s:
        project = await projects.create_project(s, path="bench")
        exp = await experiments.create_experiment(
            s, project_id=project.id, name="scale", creator_id=None
        )
        row = await s.get(t.Experiment, exp.id)
        assert row is not None
    rng = random.Random(7)
    for first in range(1, n + 1, CHUNK):
        ids = range(first, min(first + CHUNK, n + 1))
        async with db.write() as s:
            await s.execute(insert(t.Candidate), _candidate_rows(row, first, len(ids)))
            await s.execute(insert(t.CandidateParam), _param_rows(ids, n_params, rng))
            await s.execute(insert(t.CandidateMetricSummary), _summary_rows(ids, n_metrics, rng))
    if not db.is_sqlite:  # autovacuum would soon do the same
        async with db.write() as s:
            await s.execute(text("ANALYZE"))
    return exp.id


async def existing(db: Database) -> int | None:
    async with db.read() as s:
        return await s.scalar(select(t.Experiment.id).where(t.Experiment.name == "scale"))


async def page_with_details(db: Database, experiment_id: int, **kw: Any) -> Any:
    async with db.read() as s:
        page = await search_candidates(s, experiment_ids=[experiment_id], limit=50, **kw)
        ids = [c.id for c in page.items]
        await params_metadata.params_of(s, candidate_ids=ids)
        await metrics.summaries_of(s, candidate_ids=ids)
        return page


async def median_ms(repeat: int, run: Callable[[], Awaitable[Any]]) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (the SQLite thread included,
    so a busy machine inflates it less than the wall time), in ms."""
    await run()  # warm the cache and the statement compilers
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        await run()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


async def measure(db: Database, experiment_id: int, repeat: int) -> None:
    metric_param = {"filter": "params.p0 = 'v7'", "order_by": ["metrics.m0 DESC"]}
    first = await page_with_details(db, experiment_id, **metric_param)
    default = await page_with_details(db, experiment_id)

    async def count() -> None:
        async with db.read() as s:
            await count_candidates(s, experiment_ids=[experiment_id], filter="params.p0 = 'v7'")

    cases: dict[str, Callable[[], Awaitable[Any]]] = {
        "metric sort + param filter, page 1 (+ params, summaries)":
            lambda: page_with_details(db, experiment_id, **metric_param),
        "same, page 2 (after the cursor)":
            lambda: page_with_details(db, experiment_id, after=first.cursors[-1], **metric_param),
        "metric sort ASC, no filter": lambda: page_with_details(
            db, experiment_id, order_by=["metrics.m1 ASC"]),
        "default order (start_time DESC), no filter":
            lambda: page_with_details(db, experiment_id),
        "same, page 2": lambda: page_with_details(db, experiment_id, after=default.cursors[-1]),
        "metric filter + param sort": lambda: page_with_details(
            db, experiment_id, filter="metrics.m2 > 0.9", order_by=["params.p3"]),
        "count with param filter": count,
    }  # fmt: skip
    print("    wall      cpu")
    for name, run in cases.items():
        wall, cpu = await median_ms(repeat, run)
        print(f"{wall:6.1f} ms {cpu:6.1f} ms  {name}")


async def main(
    url: str, n: int, n_params: int, n_metrics: int, repeat: int, statistics: bool
) -> None:
    db = Database(url)
    try:
        experiment_id = await existing(db)
        if experiment_id is None:
            start = time.perf_counter()
            experiment_id = await build(db, n, n_params, n_metrics)
            print(f"built {n} candidates in {time.perf_counter() - start:.0f} s")
        if statistics:  # as the server does at start (SQLite; PostgreSQL's autovacuum)
            start = time.perf_counter()
            await refresh_statistics(db)
            print(f"statistics refreshed in {time.perf_counter() - start:.1f} s")
        print(f"{db.engine.dialect.name}: median of {repeat}")
        await measure(db, experiment_id, repeat)
    finally:
        await db.dispose()


def cli() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url")
    parser.add_argument("--candidates", type=int, default=100_000)
    parser.add_argument("--params", type=int, default=20)
    parser.add_argument("--metrics", type=int, default=10)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--no-statistics", action="store_true", help="measure without running ANALYZE first"
    )
    args = parser.parse_args()
    url = args.database_url
    if url is None:
        folder = Path(tempfile.mkdtemp(prefix="labbook-bench-"))
        url = f"sqlite+aiosqlite:///{folder / 'labbook.db'}"
    migrations.upgrade(url)
    asyncio.run(
        main(url, args.candidates, args.params, args.metrics, args.repeat, not args.no_statistics)
    )


if __name__ == "__main__":
    cli()
