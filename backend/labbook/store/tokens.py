"""Access tokens and web sessions: create (secret returned once), resolve, list, revoke."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.auth.tokens import PERSONAL_PREFIX, display_prefix, hash_secret, new_secret
from labbook.db import tables as t
from labbook.db.tables import utcnow
from labbook.errors import InvalidParameterError, NotFoundError
from labbook.store.entities import AccessToken
from labbook.store.limits import check_name

SCOPES = frozenset({"api", "read_api"})
TOUCH_INTERVAL = timedelta(minutes=1)


def to_token(row: t.AccessToken) -> AccessToken:
    return AccessToken(
        id=row.id,
        user_id=row.user_id,
        kind=row.kind,
        name=row.name,
        prefix=row.prefix,
        scopes=tuple(row.scopes.split(",")),
        expires_at=row.expires_at,
        last_used_at=row.last_used_at,
        revoked_at=row.revoked_at,
        created_at=row.created_at,
    )


def check_scopes(scopes: list[str]) -> str:
    unknown = set(scopes) - SCOPES
    if unknown or not scopes:
        raise InvalidParameterError(f"scopes must be among {sorted(SCOPES)}", field="scopes")
    return ",".join(sorted(set(scopes)))


async def create_token(
    session: AsyncSession,
    *,
    user_id: int,
    name: str,
    scopes: list[str],
    expires_at: datetime | None = None,
    kind: str = "personal",
    secret: str | None = None,
) -> tuple[AccessToken, str]:
    """Return the token and its secret; only the hash is stored."""
    secret = secret or new_secret(PERSONAL_PREFIX)
    if len(secret) < 8:
        raise InvalidParameterError("token secret must be at least 8 characters")
    row = t.AccessToken(
        user_id=user_id,
        kind=kind,
        name=check_name(name, limit=255, what="token"),
        token_hash=hash_secret(secret),
        prefix=display_prefix(secret),
        scopes=check_scopes(scopes),
        expires_at=expires_at,
    )
    session.add(row)
    await session.flush()
    return to_token(row), secret


async def resolve_token(session: AsyncSession, *, secret: str) -> AccessToken | None:
    """The live token with this secret, or None (unknown, revoked or expired)."""
    row = await session.scalar(
        select(t.AccessToken).where(t.AccessToken.token_hash == hash_secret(secret))
    )
    if row is None or row.revoked_at is not None:
        return None
    if row.expires_at is not None and row.expires_at <= utcnow():
        return None
    return to_token(row)


def needs_touch(token: AccessToken) -> bool:
    """Use is recorded at most once a minute, so that reads do not become writes."""
    return token.last_used_at is None or utcnow() - token.last_used_at > TOUCH_INTERVAL


async def touch_token(session: AsyncSession, *, token: AccessToken) -> None:
    stmt = update(t.AccessToken).where(t.AccessToken.id == token.id).values(last_used_at=utcnow())
    await session.execute(stmt)


async def list_tokens(session: AsyncSession, *, user_id: int) -> list[AccessToken]:
    stmt = (
        select(t.AccessToken)
        .where(t.AccessToken.user_id == user_id, t.AccessToken.kind == "personal")
        .order_by(t.AccessToken.id)
    )
    return [to_token(row) for row in await session.scalars(stmt)]


async def revoke_token(session: AsyncSession, *, token_id: int, user_id: int | None = None) -> None:
    """Revoke a token; with `user_id`, only if it belongs to that user."""
    row = await session.get(t.AccessToken, token_id)
    if row is None or (user_id is not None and row.user_id != user_id):
        raise NotFoundError(f"Token {token_id} not found")
    if row.revoked_at is None:
        row.revoked_at = utcnow()


async def revoke_secret(session: AsyncSession, *, secret: str) -> None:
    stmt = (
        update(t.AccessToken)
        .where(t.AccessToken.token_hash == hash_secret(secret))
        .values(revoked_at=utcnow())
    )
    await session.execute(stmt)
