"""signIn / signOut, the session cookie, bad credentials and cross-site protection."""

from __future__ import annotations

import httpx
from starlette.applications import Starlette

from tests.conftest import ADMIN_PASSWORD
from tests.graphql.conftest import codes, data, run

SIGN_IN = """mutation($u: String!, $p: String!) { signIn(input: {username: $u, password: $p}) {
  __typename ... on User { username } ... on AuthenticationError { message } } }"""
ME = "{ currentUser { username } }"


def browser(app: Starlette) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def test_sign_in_sets_an_http_only_cookie_and_sign_out_revokes_it(app: Starlette) -> None:
    async with browser(app) as c:
        response = await c.post(
            "/graphql", json={"query": SIGN_IN, "variables": {"u": "admin", "p": ADMIN_PASSWORD}}
        )
        assert response.json()["data"]["signIn"] == {"__typename": "User", "username": "admin"}
        cookie = response.headers["set-cookie"]
        assert "labbook_session=lbsess-" in cookie
        assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower() and "Path=/" in cookie
        assert "Secure" not in cookie
        secret = c.cookies["labbook_session"]
        assert data(await run(c, ME)) == {"currentUser": {"username": "admin"}}
        assert data(await run(c, "mutation { signOut }")) == {"signOut": True}
        assert data(await run(c, ME)) == {"currentUser": None}
    async with browser(app) as stale:
        stale.cookies.set("labbook_session", secret)
        response = await stale.post("/graphql", json={"query": ME})
        assert response.json() == {"data": {"currentUser": None}}
        assert 'labbook_session=""' in response.headers["set-cookie"]


async def test_wrong_password_and_unknown_user_look_the_same(
    anon_client: httpx.AsyncClient,
) -> None:
    wrong = data(await run(anon_client, SIGN_IN, u="admin", p="nope"))["signIn"]
    unknown = data(await run(anon_client, SIGN_IN, u="nobody", p="nope"))["signIn"]
    assert (
        wrong
        == unknown
        == {
            "__typename": "AuthenticationError",
            "message": "Invalid username or password.",
        }
    )


async def test_bad_bearer_token_is_unauthenticated(app: Starlette) -> None:
    async with browser(app) as c:
        c.headers["Authorization"] = "Bearer lbpat-wrong"
        body = await run(c, ME)
    assert body["data"] is None
    assert codes(body) == ["UNAUTHENTICATED"]


async def test_cookie_cannot_be_used_cross_site(app: Starlette) -> None:
    """Only JSON POSTs run (a cross-site form cannot send them); GET never mutates."""
    async with browser(app) as c:
        await run(c, SIGN_IN, u="admin", p=ADMIN_PASSWORD)
        form = await c.post(
            "/graphql",
            content=b'{"query": "mutation { signOut }"}',
            headers={"Content-Type": "text/plain"},
        )
        assert form.status_code == 400
        get = await c.get("/graphql", params={"query": "mutation { signOut }"})
        assert get.status_code == 400
        assert data(await run(c, ME)) == {"currentUser": {"username": "admin"}}


async def test_graphiql_on_browser_get(anon_client: httpx.AsyncClient) -> None:
    response = await anon_client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()
