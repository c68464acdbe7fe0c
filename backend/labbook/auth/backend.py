"""Who is asking: credentials from headers or the session cookie, resolved to a `Principal`."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping

from labbook.auth.roles import Principal
from labbook.db.database import Database
from labbook.errors import AuthenticationError
from labbook.store.tokens import needs_touch, resolve_token, touch_token
from labbook.store.users import get_user

SESSION_COOKIE = "labbook_session"


def _basic(value: str) -> tuple[str, str]:
    try:
        username, _, secret = base64.b64decode(value, validate=True).decode().partition(":")
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise AuthenticationError("Malformed Basic credentials") from exc
    return username, secret


def credentials(
    headers: Mapping[str, str], cookies: Mapping[str, str]
) -> tuple[str, str | None] | None:
    """(secret, username or None) from `Authorization`, `PRIVATE-TOKEN` or the session cookie."""
    scheme, _, value = headers.get("authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip(), None
    if scheme.lower() == "basic" and value.strip():
        username, secret = _basic(value.strip())
        return secret, username
    if private := headers.get("private-token"):
        return private, None
    if session := cookies.get(SESSION_COOKIE):
        return session, None
    return None


async def authenticate(
    db: Database, headers: Mapping[str, str], cookies: Mapping[str, str]
) -> Principal | None:
    """None when no credentials were sent; AuthenticationError when they are bad."""
    found = credentials(headers, cookies)
    if found is None:
        return None
    secret, username = found
    async with db.read() as session:
        token = await resolve_token(session, secret=secret)
        user = await get_user(session, user_id=token.user_id) if token else None
    if token is None or user is None or (username is not None and username != user.username):
        raise AuthenticationError("Invalid, expired or revoked token")
    if needs_touch(token):
        async with db.write() as session:
            await touch_token(session, token=token)
    return Principal(user=user, token=token)
