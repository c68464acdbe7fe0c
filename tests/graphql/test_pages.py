"""Connections: filter and sort over params and metrics, pages forwards and backwards."""

from __future__ import annotations

from typing import Any

import httpx

from labbook.db.database import Database
from labbook.store import candidates as candidates_store
from labbook.store.entities import CandidateStatus
from tests.graphql.conftest import codes, data, make_candidate, make_experiment, run

CANDIDATES = """query($filter: String, $sort: String, $first: Int, $after: String, $last: Int,
  $before: String) { project(fullPath: "default") { experiment(iid: 1) {
  candidates(filter: $filter, sort: $sort, first: $first, after: $after, last: $last,
    before: $before) { totalCount nodes { name }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } }"""


async def candidates(client: httpx.AsyncClient, **variables: Any) -> dict[str, Any]:
    body = data(await run(client, CANDIDATES, **variables))
    result: dict[str, Any] = body["project"]["experiment"]["candidates"]
    return result


def names(page: dict[str, Any]) -> list[str]:
    return [n["name"] for n in page["nodes"]]


async def seed(db: Database) -> None:
    exp = await make_experiment(db)
    await make_candidate(db, exp, "a", params={"opt": "adam"}, metrics_={"loss": 0.3})
    await make_candidate(db, exp, "b", params={"opt": "sgd"}, metrics_={"loss": 0.1})
    await make_candidate(db, exp, "c", params={"opt": "adam"}, metrics_={"loss": 0.2})
    await make_candidate(db, exp, "d")  # no params, no metrics


async def test_filter_and_sort_by_params_and_metrics(
    client: httpx.AsyncClient, app_db: Database
) -> None:
    await seed(app_db)
    by_loss = await candidates(client, sort="metrics.loss ASC")
    assert names(by_loss) == ["b", "c", "a", "d"]  # missing the metric: last
    assert names(await candidates(client, sort="metrics.loss DESC")) == ["a", "c", "b", "d"]
    adam = await candidates(client, filter="params.opt = 'adam'", sort="metrics.loss ASC")
    assert names(adam) == ["c", "a"] and adam["totalCount"] == 2
    assert names(await candidates(client, filter="metrics.loss < 0.25", sort="params.opt")) == [
        "c",
        "b",
    ]
    not_adam = await candidates(client, filter="params.opt != 'adam'")
    assert names(not_adam) == ["b"]  # a candidate without the key does not match


async def test_bad_filter_is_a_user_error(client: httpx.AsyncClient, app_db: Database) -> None:
    await seed(app_db)
    body = await run(client, CANDIDATES, filter="metrics.loss <")
    assert codes(body) == ["BAD_USER_INPUT"]
    assert body["data"]["project"]["experiment"] is None


async def test_pages_forwards_and_backwards(client: httpx.AsyncClient, app_db: Database) -> None:
    exp = await make_experiment(app_db)
    for i in range(7):
        await make_candidate(app_db, exp, f"r{i}", metrics_={"m": float(i)})
    sort = "metrics.m ASC"
    first = await candidates(client, sort=sort, first=3)
    assert names(first) == ["r0", "r1", "r2"] and first["totalCount"] == 7
    assert first["pageInfo"]["hasNextPage"] and not first["pageInfo"]["hasPreviousPage"]
    second = await candidates(client, sort=sort, first=3, after=first["pageInfo"]["endCursor"])
    assert names(second) == ["r3", "r4", "r5"] and second["pageInfo"]["hasPreviousPage"]
    third = await candidates(client, sort=sort, first=3, after=second["pageInfo"]["endCursor"])
    assert names(third) == ["r6"] and not third["pageInfo"]["hasNextPage"]
    back = await candidates(client, sort=sort, last=3, before=third["pageInfo"]["startCursor"])
    assert names(back) == ["r3", "r4", "r5"]
    assert back["pageInfo"]["hasPreviousPage"] and back["pageInfo"]["hasNextPage"]
    start = await candidates(client, sort=sort, last=3, before=back["pageInfo"]["startCursor"])
    assert names(start) == ["r0", "r1", "r2"] and not start["pageInfo"]["hasPreviousPage"]


async def test_pages_stay_stable_while_inserting(
    client: httpx.AsyncClient, app_db: Database
) -> None:
    exp = await make_experiment(app_db)
    for i in range(4):
        await make_candidate(app_db, exp, f"r{i}", metrics_={"m": float(i)})
    first = await candidates(client, sort="metrics.m ASC", first=2)
    await make_candidate(app_db, exp, "early", metrics_={"m": -1.0})
    rest = await candidates(
        client, sort="metrics.m ASC", first=5, after=first["pageInfo"]["endCursor"]
    )
    assert names(rest) == ["r2", "r3"]


async def test_page_size_is_clamped_and_both_directions_refused(
    client: httpx.AsyncClient, app_db: Database
) -> None:
    exp = await make_experiment(app_db)
    for i in range(3):
        await make_candidate(app_db, exp, f"r{i}")
    assert len((await candidates(client, first=100_000))["nodes"]) == 3
    assert codes(await run(client, CANDIDATES, first=1, last=1)) == ["BAD_USER_INPUT"]


EXPERIMENTS = """query($search: String, $sort: ExperimentSort, $first: Int, $after: String) {
  project(fullPath: "default") { experiments(search: $search, sort: $sort, first: $first,
  after: $after) { totalCount nodes { name candidateCount } pageInfo { endCursor } } } }"""


async def test_experiments_search_and_sort(client: httpx.AsyncClient, app_db: Database) -> None:
    for name in ("alpha", "beta_1", "betax1", "it's"):
        await make_experiment(app_db, name)
    big = await make_experiment(app_db, "gamma")
    await make_candidate(app_db, big)

    async def listed(**variables: Any) -> list[str]:
        body = data(await run(client, EXPERIMENTS, **variables))
        return [e["name"] for e in body["project"]["experiments"]["nodes"]]

    assert await listed(sort="NAME_ASC") == ["alpha", "beta_1", "betax1", "gamma", "it's"]
    assert await listed(search="ETA_") == ["beta_1"]  # case-insensitive; `_` is literal
    assert await listed(search="'") == ["it's"]
    assert (await listed(sort="CANDIDATE_COUNT_DESC"))[0] == "gamma"
    assert await listed(sort="CREATED_DESC", first=2) == ["gamma", "it's"]


async def test_status_and_deleted_candidates(client: httpx.AsyncClient, app_db: Database) -> None:
    exp = await make_experiment(app_db)
    done = await make_candidate(app_db, exp, "done")
    await make_candidate(app_db, exp, "running")
    gone = await make_candidate(app_db, exp, "gone")
    async with app_db.write() as s:
        await candidates_store.update_candidate(
            s, candidate_id=done.id, status=CandidateStatus.FINISHED
        )
        await candidates_store.delete_candidate(s, candidate_id=gone.id)
    query = """query($status: CandidateStatus, $all: Boolean) { project(fullPath: "default") {
      experiment(iid: 1) { candidateCount candidates(status: $status, includeDeleted: $all,
      sort: "attributes.run_name ASC") { totalCount nodes { name } } } } }"""

    async def listed(**variables: Any) -> list[str]:
        body = data(await run(client, query, **variables))["project"]["experiment"]
        assert body["candidateCount"] == 2
        return names(body["candidates"])

    assert await listed() == ["done", "running"]
    assert await listed(status="FINISHED") == ["done"]
    assert await listed(all=True) == ["done", "gone", "running"]
