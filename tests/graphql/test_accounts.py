"""Personal access tokens, project creation and members through GraphQL."""

from __future__ import annotations

import httpx
from starlette.applications import Starlette

from tests.graphql.conftest import UserClient, codes, data, run

CREATE_TOKEN = """mutation { createAccessToken(input: {name: "ci", scopes: ["read_api"]}) {
  __typename ... on AccessTokenCreated { secret token { id name scopes prefix } }
  ... on ValidationError { field } } }"""
ME = "{ currentUser { username } }"


async def test_token_secret_is_shown_once_works_and_can_be_revoked(
    app: Starlette, user_client: UserClient
) -> None:
    alice = await user_client("alice")
    created = data(await run(alice, CREATE_TOKEN))["createAccessToken"]
    secret, token = created["secret"], created["token"]
    assert token["scopes"] == ["read_api"] and secret.startswith(token["prefix"])
    listed = data(await run(alice, "{ accessTokens { id name revokedAt } }"))["accessTokens"]
    assert {"id": token["id"], "name": "ci", "revokedAt": None} in listed
    assert secret not in str(listed)
    headers = {"Authorization": f"Bearer {secret}"}
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t", headers=headers) as ci:
        assert data(await run(ci, ME)) == {"currentUser": {"username": "alice"}}
        revoke = "mutation($id: ID!) { revokeAccessToken(input: {id: $id}) { __typename } }"
        assert data(await run(alice, revoke, id=token["id"]))["revokeAccessToken"] == {
            "__typename": "AccessToken"
        }
        assert codes(await run(ci, ME)) == ["UNAUTHENTICATED"]


async def test_tokens_of_others_cannot_be_revoked(user_client: UserClient) -> None:
    alice, bob = await user_client("alice"), await user_client("bob")
    token = data(await run(alice, CREATE_TOKEN))["createAccessToken"]["token"]
    revoke = "mutation($id: ID!) { revokeAccessToken(input: {id: $id}) { __typename } }"
    assert data(await run(bob, revoke, id=token["id"]))["revokeAccessToken"] == {
        "__typename": "NotFoundError"
    }


async def test_bad_scope_is_a_validation_error(client: httpx.AsyncClient) -> None:
    query = CREATE_TOKEN.replace('"read_api"', '"sudo"')
    assert data(await run(client, query))["createAccessToken"] == {
        "__typename": "ValidationError",
        "field": "scopes",
    }


async def test_anonymous_cannot_list_tokens(anon_client: httpx.AsyncClient) -> None:
    assert codes(await run(anon_client, "{ accessTokens { id } }")) == ["UNAUTHENTICATED"]


MEMBERS = '{ project(fullPath: "lab") { members { user { username } accessLevel } } }'
ADD = """mutation($u: String!, $l: AccessLevel!) { addProjectMember(input: {projectPath: "lab",
  username: $u, accessLevel: $l}) { __typename } }"""
REMOVE = """mutation($u: String!) { removeProjectMember(input: {projectPath: "lab", username: $u})
  { __typename } }"""


async def test_create_project_and_manage_members(user_client: UserClient) -> None:
    owner = await user_client("owner")
    create = """mutation { createProject(input: {path: "lab", name: "Lab"}) {
      __typename ... on Project { fullPath currentUserAccessLevel } } }"""
    assert data(await run(owner, create))["createProject"] == {
        "__typename": "Project",
        "fullPath": "lab",
        "currentUserAccessLevel": "OWNER",
    }
    assert data(await run(owner, create))["createProject"]["__typename"] == "AlreadyExistsError"
    dev = await user_client("dev")
    assert data(await run(owner, ADD, u="dev", l="DEVELOPER"))["addProjectMember"] == {
        "__typename": "Project"
    }
    assert data(await run(dev, ADD, u="dev", l="OWNER"))["addProjectMember"] == {
        "__typename": "PermissionDeniedError"
    }
    change = ADD.replace("addProjectMember", "updateProjectMember")
    await run(owner, change, u="dev", l="MAINTAINER")
    members = data(await run(owner, MEMBERS))["project"]["members"]
    assert {"user": {"username": "dev"}, "accessLevel": "MAINTAINER"} in members
    assert data(await run(owner, ADD, u="ghost", l="GUEST"))["addProjectMember"] == {
        "__typename": "NotFoundError"
    }
    demote_self = await run(owner, change, u="owner", l="MAINTAINER")
    assert data(demote_self)["updateProjectMember"] == {"__typename": "InvalidStateError"}
    assert data(await run(owner, REMOVE, u="owner"))["removeProjectMember"] == {
        "__typename": "InvalidStateError"
    }
    await run(owner, REMOVE, u="dev")
    assert data(await run(dev, MEMBERS)) == {"project": None}
    assert data(await run(owner, REMOVE, u="dev"))["removeProjectMember"] == {
        "__typename": "NotFoundError"
    }


async def test_projects_lists_visible_projects_with_pages(
    client: httpx.AsyncClient, user_client: UserClient
) -> None:
    for path in ("zz1", "zz2", "zz3"):
        await run(
            client, f'mutation {{ createProject(input: {{path: "{path}"}}) {{ __typename }} }}'
        )
    query = """query($after: String) { projects(search: "zz", first: 2, after: $after) {
      totalCount nodes { fullPath } pageInfo { hasNextPage endCursor } } }"""
    first = data(await run(client, query))["projects"]
    assert [p["fullPath"] for p in first["nodes"]] == ["zz1", "zz2"]
    assert first["totalCount"] == 3 and first["pageInfo"]["hasNextPage"]
    second = data(await run(client, query, after=first["pageInfo"]["endCursor"]))["projects"]
    assert [p["fullPath"] for p in second["nodes"]] == ["zz3"]
    assert not second["pageInfo"]["hasNextPage"]
    outsider = await user_client("outsider")
    assert data(await run(outsider, "{ projects { totalCount } }"))["projects"]["totalCount"] == 0
