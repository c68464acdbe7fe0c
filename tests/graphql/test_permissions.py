"""Who may read and write what: the same rules as every surface (design §9)."""

from __future__ import annotations

import httpx
import pytest

from labbook.db.database import Database
from labbook.store.entities import AccessLevel
from tests.graphql.conftest import UserClient, codes, data, make_candidate, make_experiment, run

PROJECT = """{ project(fullPath: "default") { fullPath currentUserAccessLevel
  experiments { nodes { name } } } }"""
CREATE = """mutation { createExperiment(input: {projectPath: "default", name: "new"}) {
  __typename ... on UserError { message } ... on Experiment { name } } }"""
DELETE = """mutation($id: ID!) { deleteExperiment(input: {id: $id}) {
  __typename ... on Experiment { deletedAt } } }"""


async def _experiment_id(client: httpx.AsyncClient) -> str:
    body = data(await run(client, '{ project(fullPath: "default") { experiment(iid: 1) { id } } }'))
    return str(body["project"]["experiment"]["id"])


async def test_anonymous_sees_no_private_project_and_cannot_write(
    anon_client: httpx.AsyncClient, app_db: Database
) -> None:
    await make_experiment(app_db)
    assert data(await run(anon_client, PROJECT)) == {"project": None}
    assert (
        data(await run(anon_client, "{ projects { totalCount } }"))["projects"]["totalCount"] == 0
    )
    body = await run(anon_client, CREATE)
    assert body["data"] is None and codes(body) == ["UNAUTHENTICATED"]


async def test_non_member_sees_nothing(user_client: UserClient, app_db: Database) -> None:
    await make_experiment(app_db)
    stranger = await user_client("stranger")
    assert data(await run(stranger, PROJECT)) == {"project": None}
    created = data(await run(stranger, CREATE))["createExperiment"]
    assert created["__typename"] == "NotFoundError"


async def test_reporter_sees_the_project_but_no_experiment_data(
    user_client: UserClient, app_db: Database
) -> None:
    await make_experiment(app_db)
    reporter = await user_client("rep", AccessLevel.REPORTER)
    body = await run(
        reporter, '{ project(fullPath: "default") { fullPath currentUserAccessLevel } }'
    )
    assert data(body)["project"] == {"fullPath": "default", "currentUserAccessLevel": "REPORTER"}
    body = await run(reporter, PROJECT)
    assert codes(body) == ["FORBIDDEN"]
    created = data(await run(reporter, CREATE))["createExperiment"]
    assert created["__typename"] == "PermissionDeniedError"


async def test_developer_reads_and_writes_but_cannot_delete_experiments(
    user_client: UserClient, app_db: Database
) -> None:
    exp = await make_experiment(app_db, "seen")
    await make_candidate(app_db, exp)
    dev = await user_client("dev", AccessLevel.DEVELOPER)
    project = data(await run(dev, PROJECT))["project"]
    assert project["experiments"]["nodes"] == [{"name": "seen"}]
    assert project["currentUserAccessLevel"] == "DEVELOPER"
    assert data(await run(dev, CREATE))["createExperiment"] == {
        "__typename": "Experiment",
        "name": "new",
    }
    deleted = data(await run(dev, DELETE, id=await _experiment_id(dev)))["deleteExperiment"]
    assert deleted["__typename"] == "PermissionDeniedError"


async def test_maintainer_deletes_experiments(user_client: UserClient, app_db: Database) -> None:
    await make_experiment(app_db)
    maintainer = await user_client("boss", AccessLevel.MAINTAINER)
    deleted = data(await run(maintainer, DELETE, id=await _experiment_id(maintainer)))
    assert deleted["deleteExperiment"]["__typename"] == "Experiment"
    assert deleted["deleteExperiment"]["deletedAt"] is not None


@pytest.mark.parametrize(
    "mutation", [CREATE, 'mutation { createProject(input: {path: "x"}) { __typename } }']
)
async def test_read_api_token_cannot_mutate(
    user_client: UserClient, app_db: Database, mutation: str
) -> None:
    reader = await user_client("reader", AccessLevel.MAINTAINER, scopes="read_api")
    assert data(await run(reader, PROJECT))["project"]["fullPath"] == "default"
    result = data(await run(reader, mutation))
    assert next(iter(result.values()))["__typename"] == "PermissionDeniedError"


async def test_public_project_is_readable_by_anyone(
    anon_client: httpx.AsyncClient, client: httpx.AsyncClient, app_db: Database
) -> None:
    created = await run(
        client,
        'mutation { createProject(input: {path: "open", visibility: "public"}) { __typename } }',
    )
    assert data(created)["createProject"]["__typename"] == "Project"
    body = await run(
        anon_client, '{ project(fullPath: "open") { fullPath experiments { totalCount } } }'
    )
    assert data(body)["project"] == {"fullPath": "open", "experiments": {"totalCount": 0}}
