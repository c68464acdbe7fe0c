"""Users: create, find, list, authenticate by password."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.auth.passwords import hash_password, verify_password
from labbook.db import tables as t
from labbook.errors import AlreadyExistsError, InvalidParameterError, NotFoundError
from labbook.store.entities import User
from labbook.store.limits import check_name

MIN_PASSWORD = 8


def to_user(row: t.User) -> User:
    return User(
        id=row.id,
        username=row.username,
        name=row.name,
        is_admin=row.is_admin,
        created_at=row.created_at,
    )


async def create_user(
    session: AsyncSession,
    *,
    username: str,
    password: str | None = None,
    name: str = "",
    is_admin: bool = False,
) -> User:
    username = check_name(username, limit=255, what="user")
    if await session.scalar(select(t.User.id).where(t.User.username == username)):
        raise AlreadyExistsError(f"User '{username}' already exists")
    if password is not None and len(password) < MIN_PASSWORD:
        raise InvalidParameterError(f"password must be at least {MIN_PASSWORD} characters")
    password_hash = await hash_password(password) if password is not None else None
    row = t.User(username=username, name=name or username, password_hash=password_hash)
    row.is_admin = is_admin
    session.add(row)
    await session.flush()
    return to_user(row)


async def get_user(session: AsyncSession, *, user_id: int) -> User:
    row = await session.get(t.User, user_id)
    if row is None:
        raise NotFoundError(f"User {user_id} not found")
    return to_user(row)


async def find_user(session: AsyncSession, *, username: str) -> User | None:
    row = await session.scalar(select(t.User).where(t.User.username == username))
    return to_user(row) if row else None


async def get_users(session: AsyncSession, *, user_ids: list[int]) -> dict[int, User]:
    rows = await session.scalars(select(t.User).where(t.User.id.in_(user_ids)))
    return {row.id: to_user(row) for row in rows}


async def list_users(session: AsyncSession) -> list[User]:
    rows = await session.scalars(select(t.User).order_by(t.User.id))
    return [to_user(row) for row in rows]


async def authenticate_user(session: AsyncSession, *, username: str, password: str) -> User | None:
    row = await session.scalar(select(t.User).where(t.User.username == username))
    if row is None or row.password_hash is None:
        return None
    return to_user(row) if await verify_password(row.password_hash, password) else None


async def count_users(session: AsyncSession) -> int:
    return len((await session.scalars(select(t.User.id).limit(1))).all())
