"""Authorization for the GraphQL surface: thin wrappers over `labbook.auth.roles`.

Every resolver that touches project data goes through `authorized` (or `visible_project`), so
the rules stay in `auth.roles`; an invisible project and a missing one look the same.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from labbook.auth.roles import Action, Principal, authorize
from labbook.errors import AuthenticationError, NotFoundError, PermissionDeniedError
from labbook.graphql.context import Context
from labbook.store.entities import AccessLevel, Project
from labbook.store.projects import get_access_level, get_project


def require_principal(context: Context) -> Principal:
    if context.principal is None:
        raise AuthenticationError("Authentication required: sign in or send a token")
    return context.principal


def require_writer(context: Context) -> Principal:
    """Writes outside any project (own tokens, new projects) need a token that may write."""
    principal = require_principal(context)
    if not principal.can_write:
        raise PermissionDeniedError("This token has the read_api scope and cannot write")
    return principal


async def authorized(
    session: AsyncSession, context: Context, project_ref: str | int, action: Action
) -> Project:
    return await authorize(
        session, principal=context.principal, project_ref=project_ref, action=action
    )


async def visible_project(context: Context, project_ref: str | int) -> Project | None:
    """Members below Developer see the project but not its experiments; others see nothing."""
    async with context.read() as session:
        try:
            project = await authorized(session, context, project_ref, Action.READ)
            context.readable[project.id] = True
        except PermissionDeniedError:
            # READ was refused for the role alone, so the caller is a member.
            project = await get_project(session, ref=project_ref)
            context.readable[project.id] = False
        except (NotFoundError, AuthenticationError):
            return None
    return project


async def require_read(context: Context, project: Project) -> Project:
    """The project, if the caller may see its experiments (cached for the request)."""
    if project.id not in context.readable:
        await visible_project(context, project.id)
    if not context.readable.get(project.id):
        raise PermissionDeniedError(
            f"Viewing experiments needs the Developer role or higher in '{project.path}'"
        )
    return project


async def access_level(context: Context, project: Project) -> AccessLevel | None:
    """The caller's effective role: admins act as owners everywhere."""
    principal = context.principal
    if principal is None:
        return None
    if principal.user.is_admin:
        return AccessLevel.OWNER
    async with context.read() as session:
        return await get_access_level(session, project_id=project.id, user_id=principal.user.id)
