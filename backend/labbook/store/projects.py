"""Projects and their memberships."""

from __future__ import annotations

from sqlalchemy import delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.errors import (
    AlreadyExistsError,
    InvalidParameterError,
    InvalidStateError,
    NotFoundError,
)
from labbook.store.entities import AccessLevel, Member, Project
from labbook.store.limits import check_name, check_project_path
from labbook.store.users import to_user

VISIBILITIES = ("private", "public")


def to_project(row: t.Project) -> Project:
    return Project(
        id=row.id,
        path=row.path,
        name=row.name,
        description=row.description,
        visibility=row.visibility,
        created_at=row.created_at,
    )


async def create_project(
    session: AsyncSession,
    *,
    path: str,
    name: str | None = None,
    description: str = "",
    visibility: str = "private",
    owner_id: int | None = None,
) -> Project:
    path = check_project_path(path)
    if visibility not in VISIBILITIES:
        raise InvalidParameterError(f"visibility must be one of {VISIBILITIES}", field="visibility")
    if await session.scalar(select(t.Project.id).where(t.Project.path == path)):
        raise AlreadyExistsError(f"Project '{path}' already exists")
    row = t.Project(
        path=path,
        name=check_name(name or path, limit=255, what="project"),
        description=description,
        visibility=visibility,
    )
    session.add(row)
    await session.flush()
    if owner_id is not None:
        await set_member(session, project_id=row.id, user_id=owner_id, level=AccessLevel.OWNER)
    return to_project(row)


async def get_project(session: AsyncSession, *, ref: str | int) -> Project:
    """A project by numeric id or path (`ref` as in `/api/v4/projects/:id`)."""
    if isinstance(ref, int) or ref.isdigit():
        row = await session.get(t.Project, int(ref))
    else:
        row = await session.scalar(select(t.Project).where(t.Project.path == ref))
    if row is None:
        raise NotFoundError("Project not found")
    return to_project(row)


async def list_projects(
    session: AsyncSession, *, user_id: int | None, is_admin: bool = False, search: str = ""
) -> list[Project]:
    """Projects the user may see: member of, public, or all for an admin."""
    stmt = select(t.Project).order_by(t.Project.path)
    if not is_admin:
        member_of = select(t.Membership.project_id).where(t.Membership.user_id == user_id)
        stmt = stmt.where(or_(t.Project.visibility == "public", t.Project.id.in_(member_of)))
    if search:
        stmt = stmt.where(t.Project.path.contains(search, autoescape=True))
    return [to_project(row) for row in await session.scalars(stmt)]


async def get_access_level(
    session: AsyncSession, *, project_id: int, user_id: int
) -> AccessLevel | None:
    stmt = select(t.Membership.access_level).where(
        t.Membership.project_id == project_id, t.Membership.user_id == user_id
    )
    level = await session.scalar(stmt)
    return AccessLevel(level) if level is not None else None


async def set_member(
    session: AsyncSession, *, project_id: int, user_id: int, level: AccessLevel
) -> None:
    """Add a member, or change the role of an existing one."""
    stmt = select(t.Membership).where(
        t.Membership.project_id == project_id, t.Membership.user_id == user_id
    )
    row = await session.scalar(stmt)
    if row is None:
        session.add(t.Membership(project_id=project_id, user_id=user_id, access_level=int(level)))
    else:
        was_owner, row.access_level = row.access_level == AccessLevel.OWNER, int(level)
        if was_owner:
            await _ensure_an_owner(session, project_id)
    await session.flush()


async def _ensure_an_owner(session: AsyncSession, project_id: int) -> None:
    """A project that had an owner keeps one: its last owner cannot be demoted or removed."""
    await session.flush()
    stmt = select(t.Membership.id).where(
        t.Membership.project_id == project_id, t.Membership.access_level == int(AccessLevel.OWNER)
    )
    if await session.scalar(stmt.limit(1)) is None:
        raise InvalidStateError("A project needs an owner: make someone else Owner first")


async def remove_member(session: AsyncSession, *, project_id: int, user_id: int) -> None:
    stmt = delete(t.Membership).where(
        t.Membership.project_id == project_id, t.Membership.user_id == user_id
    )
    removed = (await session.execute(stmt.returning(t.Membership.access_level))).scalar()
    if removed is None:
        raise NotFoundError("Member not found")
    if removed == AccessLevel.OWNER:
        await _ensure_an_owner(session, project_id)


async def list_members(session: AsyncSession, *, project_id: int) -> list[Member]:
    stmt = (
        select(t.Membership, t.User)
        .join(t.User, t.User.id == t.Membership.user_id)
        .where(t.Membership.project_id == project_id)
        .order_by(t.User.username)
    )
    rows = (await session.execute(stmt)).all()
    return [
        Member(project_id=project_id, user=to_user(u), access_level=AccessLevel(m.access_level))
        for m, u in rows
    ]
