"""Shared reads: a query's resolvers and loaders read through one connection and transaction."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError

from labbook.db.database import Database
from labbook.graphql.reads import SharedReads
from tests.graphql.conftest import data, make_candidate, make_experiment, run

FEW = '{ project(fullPath: "default") { experiment(iid: 1) { name } } }'
MANY = """{ project(fullPath: "default") { experiment(iid: 1) { name metricKeys paramKeys
  candidates { totalCount nodes { params { name } metrics { name } metadata { name }
  creator { username } } } } } }"""


@contextmanager
def checkouts(db: Database) -> Iterator[list[Any]]:
    found: list[Any] = []

    def record(*args: Any) -> None:
        found.append(args)

    event.listen(db.engine.sync_engine.pool, "checkout", record)
    try:
        yield found
    finally:
        event.remove(db.engine.sync_engine.pool, "checkout", record)


async def count_checkouts(client: httpx.AsyncClient, db: Database, query: str) -> int:
    data(await run(client, query))  # warm: the token's last use is recorded once
    with checkouts(db) as found:
        data(await run(client, query))
    return len(found)


async def test_more_fields_take_no_more_connections(
    client: httpx.AsyncClient, app_db: Database
) -> None:
    exp = await make_experiment(app_db)
    for i in range(3):
        await make_candidate(app_db, exp, f"r{i}", params={"lr": "1"}, metrics_={"acc": 0.5})
    few, many = (
        await count_checkouts(client, app_db, FEW),
        await count_checkouts(client, app_db, MANY),
    )
    assert few == many <= 2  # the credentials, then the query


async def test_a_failed_read_ends_the_shared_transaction(app_db: Database) -> None:
    shared = SharedReads(app_db)
    with pytest.raises(DBAPIError):
        async with shared.read() as session:
            await session.execute(text("SELECT * FROM no_such_table"))
    async with shared.read() as session:  # a new transaction, not an aborted one
        assert (await session.execute(text("SELECT 1"))).scalar() == 1
    await shared.close()
    await shared.close()  # closing twice is harmless


async def test_a_mutation_reads_what_it_wrote(client: httpx.AsyncClient) -> None:
    made = """mutation { createExperiment(input: {projectPath: "default", name: "fresh"}) {
      ... on Experiment { name candidateCount project { fullPath } } } }"""
    created = data(await run(client, made))["createExperiment"]
    assert created == {"name": "fresh", "candidateCount": 0, "project": {"fullPath": "default"}}
