"""DataLoaders: a page of candidates costs the same number of SQL statements at any size."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from sqlalchemy import event

from labbook.db.database import Database
from tests.graphql.conftest import data, make_candidate, make_experiment, run

PAGE = """query($first: Int) { project(fullPath: "default") { experiment(iid: 1) {
  candidates(first: $first) { nodes { name creator { username } params { name value }
  metrics { name value } metadata { name value } children { name } parent { name }
  experiment { name } } } } } }"""


@contextmanager
def counting(db: Database) -> Iterator[list[str]]:
    statements: list[str] = []

    def record(*args: Any) -> None:
        statements.append(args[2])

    event.listen(db.engine.sync_engine, "before_cursor_execute", record)
    try:
        yield statements
    finally:
        event.remove(db.engine.sync_engine, "before_cursor_execute", record)


async def statements_for(client: httpx.AsyncClient, db: Database, first: int) -> int:
    with counting(db) as statements:
        result = data(await run(client, PAGE, first=first))
    assert len(result["project"]["experiment"]["candidates"]["nodes"]) == first
    return len([s for s in statements if s.lstrip().upper().startswith(("SELECT", "WITH"))])


async def test_page_of_100_costs_as_many_statements_as_a_page_of_10(
    client: httpx.AsyncClient, app_db: Database
) -> None:
    exp = await make_experiment(app_db)
    parent = await make_candidate(app_db, exp, "parent")
    for i in range(99):
        await make_candidate(
            app_db,
            exp,
            f"run-{i}",
            params={"lr": str(i), "depth": "3"},
            metrics_={"acc": i / 100, "loss": 1 - i / 100},
            metadata={"team": "ml"},
            parent_id=parent.id,
        )
    await statements_for(client, app_db, 10)  # SQLite's search remembers its plan a while
    small = await statements_for(client, app_db, 10)
    large = await statements_for(client, app_db, 100)
    assert large == small
    assert large <= 14, large
