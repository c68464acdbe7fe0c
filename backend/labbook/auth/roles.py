"""What a caller may do: the one place where roles and scopes are checked."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from sqlalchemy.ext.asyncio import AsyncSession

from labbook.errors import AuthenticationError, NotFoundError, PermissionDeniedError
from labbook.store.entities import AccessLevel, AccessToken, Project, User
from labbook.store.projects import get_access_level, get_project


@dataclass(frozen=True, slots=True, kw_only=True)
class Principal:
    """Who is asking: a user, through a token (personal or web session) with scopes."""

    user: User
    token: AccessToken

    @property
    def can_write(self) -> bool:
        return "api" in self.token.scopes


class Action(Enum):
    READ = "read"
    WRITE = "write"
    DELETE_EXPERIMENT = "delete_experiment"
    MANAGE_MEMBERS = "manage_members"


REQUIRED = {
    Action.READ: AccessLevel.DEVELOPER,
    Action.WRITE: AccessLevel.DEVELOPER,
    Action.DELETE_EXPERIMENT: AccessLevel.MAINTAINER,
    Action.MANAGE_MEMBERS: AccessLevel.MAINTAINER,
}


async def authorize(
    session: AsyncSession, *, principal: Principal | None, project_ref: str | int, action: Action
) -> Project:
    """The project if the caller may do `action` in it; 401/403/404-style errors otherwise."""
    project = await get_project(session, ref=project_ref)
    public_read = project.visibility == "public" and action is Action.READ
    if principal is None:
        if public_read:
            return project
        raise AuthenticationError("Authentication required: send a token (Authorization: Bearer)")
    if action is not Action.READ and not principal.can_write:
        raise PermissionDeniedError("This token has the read_api scope and cannot write")
    if principal.user.is_admin or public_read:
        return project
    level = await get_access_level(session, project_id=project.id, user_id=principal.user.id)
    if level is None:
        raise NotFoundError("Project not found")
    if level < REQUIRED[action]:
        raise PermissionDeniedError(
            f"This needs the {REQUIRED[action].name.title()} role or higher in '{project.path}'"
        )
    return project


def require_admin(principal: Principal | None) -> Principal:
    if principal is None:
        raise AuthenticationError("Authentication required")
    if not principal.user.is_admin:
        raise PermissionDeniedError("Only administrators may do this")
    return principal
