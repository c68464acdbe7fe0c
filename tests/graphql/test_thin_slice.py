"""The first path through the graph: project → experiments → candidates → params, metrics."""

from __future__ import annotations

import httpx

from labbook.db.database import Database
from tests.graphql.conftest import data, make_candidate, make_experiment, run

TREE = """{ project(fullPath: "default") { experiments { nodes { name
  candidates { nodes { name params { name value } metrics { name value }
  metadata { name value } } } } } } }"""


async def test_project_tree_answers(client: httpx.AsyncClient, app_db: Database) -> None:
    exp = await make_experiment(app_db, "baseline")
    await make_candidate(
        app_db, exp, "run-1", params={"lr": "0.1"}, metrics_={"acc": 0.9}, metadata={"t": "x"}
    )
    result = data(await run(client, TREE))
    [experiment] = result["project"]["experiments"]["nodes"]
    assert experiment["name"] == "baseline"
    assert experiment["candidates"]["nodes"] == [
        {
            "name": "run-1",
            "params": [{"name": "lr", "value": "0.1"}],
            "metrics": [{"name": "acc", "value": 0.9}],
            "metadata": [{"name": "t", "value": "x"}],
        }
    ]


async def test_current_user(client: httpx.AsyncClient, anon_client: httpx.AsyncClient) -> None:
    query = "{ currentUser { username isAdmin } }"
    assert data(await run(client, query)) == {"currentUser": {"username": "admin", "isAdmin": True}}
    assert data(await run(anon_client, query)) == {"currentUser": None}
