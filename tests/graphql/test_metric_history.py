"""`metricHistory`: every point of a short series; a shape-keeping sample of a long one."""

from __future__ import annotations

import math
import time

import httpx

from labbook.db.database import Database
from labbook.store import metrics
from labbook.store.entities import MetricPoint
from tests.graphql.conftest import codes, data, make_candidate, make_experiment, run

HISTORY = """query($name: String!, $max: Int, $axis: MetricAxis) { project(fullPath: "default") {
  candidate(iid: 1) { metricHistory(name: $name, maxPoints: $max, xAxis: $axis)
  { step value timestamp } } } }"""


async def log_series(db: Database, candidate_id: int, values: list[float]) -> None:
    base = 1_700_000_000_000
    batch = 20_000
    for start in range(0, len(values), batch):
        points = [
            MetricPoint(name="loss", value=v, step=start + i, timestamp=base + start + i)
            for i, v in enumerate(values[start : start + batch])
        ]
        async with db.write() as s:
            await metrics.log_metrics(s, candidate_id=candidate_id, points=points)


async def history(client: httpx.AsyncClient, **variables: object) -> list[dict[str, object]]:
    body = data(await run(client, HISTORY, name="loss", **variables))
    result: list[dict[str, object]] = body["project"]["candidate"]["metricHistory"]
    return result


async def test_short_series_is_returned_whole(client: httpx.AsyncClient, app_db: Database) -> None:
    c = await make_candidate(app_db, await make_experiment(app_db))
    await log_series(app_db, c.id, [3.0, 1.0, math.nan, 2.0])
    points = await history(client)
    assert [p["value"] for p in points] == [3.0, 1.0, None, 2.0]
    assert [p["step"] for p in points] == [0, 1, 2, 3]


async def test_long_series_keeps_min_max_and_last(
    client: httpx.AsyncClient, app_db: Database
) -> None:
    c = await make_candidate(app_db, await make_experiment(app_db))
    n = 100_000
    values = [math.sin(i / 500) + (i % 7) / 10 for i in range(n)]
    values[31_337] = -50.0  # a one-point dip that plain striding would miss
    values[77_777] = 80.0
    values[-1] = 0.123
    await log_series(app_db, c.id, values)
    started = time.perf_counter()
    points = await history(client, max=1000)
    elapsed = time.perf_counter() - started
    assert 500 <= len(points) <= 1000
    steps = [p["step"] for p in points]
    assert steps == sorted(steps)
    assert {"step": 31_337, "value": -50.0} in [
        {"step": p["step"], "value": p["value"]} for p in points
    ]
    assert max(p["value"] for p in points) == 80.0  # type: ignore[type-var]
    assert points[-1]["step"] == n - 1 and points[-1]["value"] == 0.123
    assert points[0]["step"] == 0
    assert elapsed < 5, elapsed
    by_time = await history(client, max=1000, axis="TIME")
    assert len(by_time) == len(points)
    assert len(await history(client, max=10**9)) <= 10_000


async def test_unknown_metric_is_empty(client: httpx.AsyncClient, app_db: Database) -> None:
    await make_candidate(app_db, await make_experiment(app_db))
    assert await history(client) == []


COMPARE = """query($ids: [ID!]!) { compareMetrics(candidateIds: $ids, names: ["loss", "acc"],
  maxPoints: 100) { candidateId name points { step value } } }"""


async def test_compare_metrics_in_one_request(
    client: httpx.AsyncClient, anon_client: httpx.AsyncClient, app_db: Database
) -> None:
    exp = await make_experiment(app_db)
    a = await make_candidate(app_db, exp, "a", metrics_={"acc": 0.5})
    b = await make_candidate(app_db, exp, "b")
    await log_series(app_db, b.id, [float(i) for i in range(1000)])
    body = data(
        await run(
            client,
            '{ project(fullPath: "default") { a: candidate(iid: 1) { id } '
            "b: candidate(iid: 2) { id } } }",
        )
    )
    ids = [body["project"]["a"]["id"], body["project"]["b"]["id"]]
    series = data(await run(client, COMPARE, ids=ids))["compareMetrics"]
    shape = [(s["candidateId"], s["name"], len(s["points"])) for s in series]
    assert shape[0] == (ids[0], "loss", 0) and shape[1] == (ids[0], "acc", 1)
    assert shape[2][:2] == (ids[1], "loss") and 4 < shape[2][2] <= 100
    assert series[2]["points"][-1] == {"step": 999, "value": 999.0}
    assert a.id != b.id
    assert codes(await run(anon_client, COMPARE, ids=ids)) == ["NOT_FOUND"]


COLUMNS = """query($ids: [ID!]!) { compareMetrics(candidateIds: $ids, names: ["loss"],
  maxPoints: 200) { points { step value timestamp } steps values timestamps } }"""


async def test_compare_metrics_columns_are_the_points(
    client: httpx.AsyncClient, app_db: Database
) -> None:
    c = await make_candidate(app_db, await make_experiment(app_db))
    await log_series(app_db, c.id, [math.nan if i == 5 else math.cos(i) for i in range(5000)])
    body = data(await run(client, '{ project(fullPath: "default") { candidate(iid: 1) { id } } }'))
    (series,) = data(await run(client, COLUMNS, ids=[body["project"]["candidate"]["id"]]))[
        "compareMetrics"
    ]
    points = series["points"]
    assert 100 <= len(points) <= 200
    assert series["steps"] == [p["step"] for p in points]
    assert series["values"] == [p["value"] for p in points]
    assert series["timestamps"] == [p["timestamp"] for p in points]
