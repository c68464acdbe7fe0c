"""Who is asking (authenticate) and what they may do (authorize), over the real database."""

from __future__ import annotations

import base64
from datetime import timedelta

import pytest

from labbook.auth.backend import SESSION_COOKIE, authenticate
from labbook.auth.roles import Action, Principal, authorize
from labbook.db.database import Database
from labbook.db.tables import utcnow
from labbook.errors import AuthenticationError, NotFoundError, PermissionDeniedError
from labbook.store import projects, tokens, users
from labbook.store.entities import AccessLevel


async def _setup(db: Database) -> dict[str, str]:
    """A private project `p`, one user per role, a non-member and an admin; their tokens."""
    secrets: dict[str, str] = {}
    async with db.write() as s:
        p = await projects.create_project(s, path="p")
        for level in AccessLevel:
            u = await users.create_user(s, username=level.name.lower(), password="password1")
            await projects.set_member(s, project_id=p.id, user_id=u.id, level=level)
            secrets[level.name.lower()] = (
                await tokens.create_token(s, user_id=u.id, name="t", scopes=["api"])
            )[1]
        outsider = await users.create_user(s, username="outsider", password="password1")
        admin = await users.create_user(s, username="root", password="password1", is_admin=True)
        for name, user_id in (("outsider", outsider.id), ("admin", admin.id)):
            secrets[name] = (
                await tokens.create_token(s, user_id=user_id, name="t", scopes=["api"])
            )[1]
        dev = await users.find_user(s, username="developer")
        assert dev is not None
        secrets["read_api"] = (
            await tokens.create_token(s, user_id=dev.id, name="r", scopes=["read_api"])
        )[1]
        expired_at = utcnow() - timedelta(seconds=1)
        secrets["expired"] = (
            await tokens.create_token(
                s, user_id=dev.id, name="e", scopes=["api"], expires_at=expired_at
            )
        )[1]
        secrets["revoked"] = (
            await tokens.create_token(s, user_id=dev.id, name="v", scopes=["api"])
        )[1]
        await tokens.revoke_secret(s, secret=secrets["revoked"])
    return secrets


async def _who(db: Database, secret: str) -> Principal | None:
    return await authenticate(db, {"authorization": f"Bearer {secret}"}, {})


async def _may(db: Database, principal: Principal | None, action: Action) -> str:
    async with db.read() as s:
        try:
            await authorize(s, principal=principal, project_ref="p", action=action)
        except AuthenticationError:
            return "401"
        except PermissionDeniedError:
            return "403"
        except NotFoundError:
            return "404"
    return "ok"


EXPECTED = {  # who: (read, write, delete experiment, manage members)
    "guest": ("403", "403", "403", "403"),
    "reporter": ("403", "403", "403", "403"),
    "developer": ("ok", "ok", "403", "403"),
    "maintainer": ("ok", "ok", "ok", "ok"),
    "owner": ("ok", "ok", "ok", "ok"),
    "outsider": ("404", "404", "404", "404"),
    "admin": ("ok", "ok", "ok", "ok"),
    "read_api": ("ok", "403", "403", "403"),
}


async def test_role_matrix(db: Database) -> None:
    secrets = await _setup(db)
    actions = (Action.READ, Action.WRITE, Action.DELETE_EXPERIMENT, Action.MANAGE_MEMBERS)
    for who, expected in EXPECTED.items():
        principal = await _who(db, secrets[who])
        got = tuple([await _may(db, principal, a) for a in actions])
        assert got == expected, who
    assert await _may(db, None, Action.READ) == "401"


async def test_bad_credentials_are_refused(db: Database) -> None:
    secrets = await _setup(db)
    for secret in ("nope", secrets["expired"], secrets["revoked"]):
        with pytest.raises(AuthenticationError):
            await _who(db, secret)
    assert await authenticate(db, {}, {}) is None


async def test_basic_private_token_and_cookie(db: Database) -> None:
    secrets = await _setup(db)
    basic = base64.b64encode(f"developer:{secrets['developer']}".encode()).decode()
    found = await authenticate(db, {"authorization": f"Basic {basic}"}, {})
    assert found is not None
    assert found.user.username == "developer"
    wrong_user = base64.b64encode(f"owner:{secrets['developer']}".encode()).decode()
    with pytest.raises(AuthenticationError):
        await authenticate(db, {"authorization": f"Basic {wrong_user}"}, {})
    with pytest.raises(AuthenticationError):
        await authenticate(db, {"authorization": "Basic %%%"}, {})
    by_header = await authenticate(db, {"private-token": secrets["owner"]}, {})
    assert by_header is not None
    assert by_header.user.username == "owner"
    by_cookie = await authenticate(db, {}, {SESSION_COOKIE: secrets["guest"]})
    assert by_cookie is not None
    assert by_cookie.user.username == "guest"


async def test_public_project_is_readable_by_anyone(db: Database) -> None:
    async with db.write() as s:
        await projects.create_project(s, path="open", visibility="public")
    async with db.read() as s:
        found = await authorize(s, principal=None, project_ref="open", action=Action.READ)
        assert found.path == "open"
        with pytest.raises(AuthenticationError):
            await authorize(s, principal=None, project_ref="open", action=Action.WRITE)
