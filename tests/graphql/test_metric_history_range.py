"""`metricHistory(minStep, maxStep)`: a zoomed chart gets the detail of its step range."""

from __future__ import annotations

import httpx

from labbook.db.database import Database
from tests.graphql.conftest import data, make_candidate, make_experiment, run
from tests.graphql.test_metric_history import log_series

RANGE = """query($lo: Long, $hi: Long, $max: Int) { project(fullPath: "default") {
  candidate(iid: 1) { metricHistory(name: "loss", maxPoints: $max, minStep: $lo, maxStep: $hi)
  { step value } } } }"""


async def zoomed(client: httpx.AsyncClient, **variables: object) -> list[dict[str, object]]:
    body = data(await run(client, RANGE, **variables))
    points: list[dict[str, object]] = body["project"]["candidate"]["metricHistory"]
    return points


async def test_a_narrow_range_is_returned_whole(
    client: httpx.AsyncClient, app_db: Database
) -> None:
    c = await make_candidate(app_db, await make_experiment(app_db))
    await log_series(app_db, c.id, [float(i % 97) for i in range(20_000)])
    overview = await zoomed(client, max=400)
    assert all(p["step"] in range(20_000) for p in overview) and len(overview) <= 400
    points = await zoomed(client, lo=10_000, hi=10_099, max=400)
    assert [p["step"] for p in points] == list(range(10_000, 10_100))
    assert [p["value"] for p in points] == [float(i % 97) for i in range(10_000, 10_100)]


async def test_a_wide_range_is_downsampled_inside_it(
    client: httpx.AsyncClient, app_db: Database
) -> None:
    c = await make_candidate(app_db, await make_experiment(app_db))
    values = [0.0] * 20_000
    values[12_345] = 99.0  # a spike inside the range survives downsampling
    values[500] = -99.0  # one outside it is not asked for
    await log_series(app_db, c.id, values)
    points = await zoomed(client, lo=10_000, hi=15_000, max=100)
    steps = [p["step"] for p in points]
    assert 4 < len(points) <= 100 and steps == sorted(steps)
    assert min(steps) >= 10_000 and max(steps) <= 15_000
    assert {"step": 12_345, "value": 99.0} in points
    assert -99.0 not in [p["value"] for p in points]


async def test_an_empty_or_inverted_range_has_no_points(
    client: httpx.AsyncClient, app_db: Database
) -> None:
    c = await make_candidate(app_db, await make_experiment(app_db))
    await log_series(app_db, c.id, [1.0, 2.0, 3.0])
    assert await zoomed(client, lo=2, hi=1) == []
    assert await zoomed(client, lo=100, hi=200) == []
    assert [p["step"] for p in await zoomed(client, lo=1, hi=1)] == [1]
