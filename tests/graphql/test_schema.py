"""The schema file, global ids, query limits and error masking."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from labbook.db.database import Database
from labbook.graphql.schema import schema
from labbook.graphql.types import candidate
from tests.graphql.conftest import codes, data, make_candidate, make_experiment, run

SCHEMA_FILE = Path(__file__).resolve().parents[2] / "schema.graphql"


def test_schema_graphql_is_current() -> None:
    """Regenerate with `.venv/bin/labbook export-schema > schema.graphql`."""
    assert SCHEMA_FILE.read_text() == schema.as_str() + "\n"


async def test_node_resolves_ids_it_handed_out(client: httpx.AsyncClient, app_db: Database) -> None:
    c = await make_candidate(app_db, await make_experiment(app_db, "e"), "r")
    ids = data(
        await run(
            client,
            """{ project(fullPath: "default") { id candidate(iid: 1) { id experiment { id } } }
            currentUser { id } }""",
        )
    )
    query = """query($id: ID!) { node(id: $id) { __typename id
      ... on Candidate { eid } ... on Experiment { name project { fullPath } }
      ... on Project { fullPath }
      ... on User { username } } }"""
    project = ids["project"]
    for node_id, expected in [
        (project["id"], {"fullPath": "default"}),
        (project["candidate"]["id"], {"eid": c.eid}),
        (
            project["candidate"]["experiment"]["id"],
            {"name": "e", "project": {"fullPath": "default"}},
        ),
        (ids["currentUser"]["id"], {"username": "admin"}),
    ]:
        node = data(await run(client, query, id=node_id))["node"]
        assert node["id"] == node_id and expected.items() <= node.items()
    assert data(await run(client, query, id="garbage!")) == {"node": None}


async def test_nodes_are_invisible_to_outsiders(
    anon_client: httpx.AsyncClient, client: httpx.AsyncClient, app_db: Database
) -> None:
    await make_candidate(app_db, await make_experiment(app_db))
    body = data(await run(client, '{ project(fullPath: "default") { candidate(iid: 1) { id } } }'))
    node_id = body["project"]["candidate"]["id"]
    assert data(await run(anon_client, "query($id: ID!) { node(id: $id) { id } }", id=node_id)) == {
        "node": None
    }


async def test_deep_queries_are_refused(client: httpx.AsyncClient) -> None:
    nested = "parent { " * 15 + "id" + " }" * 15
    query = f'{{ project(fullPath: "default") {{ candidate(iid: 1) {{ {nested} }} }} }}'
    body = await run(client, query)
    assert "exceeds maximum operation depth" in body["errors"][0]["message"]


async def test_too_many_aliases_are_refused(client: httpx.AsyncClient) -> None:
    query = "{ " + " ".join(f"a{i}: currentUser {{ id }}" for i in range(40)) + " }"
    assert "aliases" in (await run(client, query))["errors"][0]["message"]


async def test_unexpected_errors_are_masked_ours_are_not(
    client: httpx.AsyncClient,
    app_db: Database,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await make_candidate(app_db, await make_experiment(app_db))

    def broken(*_args: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(candidate, "_maybe_time", broken)
    body = await run(client, '{ project(fullPath: "default") { candidate(iid: 1) { startTime } } }')
    assert body["errors"][0]["message"] == "Unexpected error."
    assert "secret" not in str(body)
    assert "secret internals" in caplog.text  # but the log keeps it for the operator
    caplog.clear()
    bad = await run(
        client, '{ project(fullPath: "default") { experiments(first: -1) { totalCount } } }'
    )
    assert codes(bad) == ["BAD_USER_INPUT"] and "negative" in bad["errors"][0]["message"]
    assert caplog.text == ""  # a caller's mistake is not an operator's problem


async def test_introspection_passes_the_limits(anon_client: httpx.AsyncClient) -> None:
    """GraphiQL and codegen introspect: the depth and token limits must let that through."""
    from graphql import get_introspection_query

    body = data(await run(anon_client, get_introspection_query(descriptions=True)))
    names = {t["name"] for t in body["__schema"]["types"]}
    assert {"Candidate", "Experiment", "Project", "Mutation", "Subscription"} <= names
