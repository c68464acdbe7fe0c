"""Creating projects and managing their members (Maintainer)."""

from __future__ import annotations

from typing import Annotated

import strawberry

from labbook.auth.roles import Action
from labbook.errors import NotFoundError
from labbook.graphql.context import Info
from labbook.graphql.mutations.outcome import outcome
from labbook.graphql.permissions import authorized, require_writer
from labbook.graphql.types import errors as e
from labbook.graphql.types.enums import AccessLevel
from labbook.graphql.types.project import ProjectType
from labbook.store import projects, users

ProjectPayload = Annotated[
    ProjectType
    | e.ValidationError
    | e.NotFoundError
    | e.PermissionDeniedError
    | e.AlreadyExistsError
    | e.InvalidStateError,
    strawberry.union(
        "ProjectPayload", description="The project as changed, or why nothing changed."
    ),
]


@strawberry.input(description="A new project; you become its owner.")
class CreateProjectInput:
    path: str = strawberry.field(description="URL-safe: letters, digits, `_-.`, `/`.")
    name: str | None = strawberry.field(
        default=None, description="Display name, up to 255 characters; the path when omitted."
    )
    description: str | None = strawberry.field(default="", description="Free text.")
    visibility: str | None = strawberry.field(default="private", description="private or public")


@strawberry.input(description="Give a user a role in a project (adds or changes).")
class ProjectMemberInput:
    project_path: strawberry.ID = strawberry.field(description="Project path or numeric id.")
    username: str = strawberry.field(description="The user's sign-in name.")
    access_level: AccessLevel = strawberry.field(
        description="The role to give; a project's last owner cannot be demoted."
    )


@strawberry.input(description="Remove a user from a project.")
class RemoveProjectMemberInput:
    project_path: strawberry.ID = strawberry.field(description="Project path or numeric id.")
    username: str = strawberry.field(
        description="The member's sign-in name; a project's last owner cannot be removed."
    )


async def _create(info: Info, input: CreateProjectInput) -> ProjectType:
    owner = require_writer(info.context).user
    async with info.context.db.write() as session:
        created = await projects.create_project(
            session,
            path=input.path,
            name=input.name,
            description=input.description or "",
            visibility=input.visibility or "private",
            owner_id=owner.id,
        )
    return ProjectType.of(created)


async def _set_member(
    info: Info, project_path: str, username: str, level: AccessLevel | None
) -> ProjectType:
    """`level` None removes the member."""
    async with info.context.db.write() as session:
        project = await authorized(session, info.context, project_path, Action.MANAGE_MEMBERS)
        user = await users.find_user(session, username=username)
        if user is None:
            raise NotFoundError(f"No user named '{username}'")
        if level is None:
            await projects.remove_member(session, project_id=project.id, user_id=user.id)
        else:
            await projects.set_member(session, project_id=project.id, user_id=user.id, level=level)
    return ProjectType.of(project)


@strawberry.type
class ProjectMutations:
    @strawberry.mutation(
        description="Create a project owned by you (needs a token that may write)."
    )
    async def create_project(self, info: Info, input: CreateProjectInput) -> ProjectPayload:
        return await outcome(_create(info, input))

    @strawberry.mutation(description="Add a member to a project (Maintainer).")
    async def add_project_member(self, info: Info, input: ProjectMemberInput) -> ProjectPayload:
        return await outcome(
            _set_member(info, input.project_path, input.username, input.access_level)
        )

    @strawberry.mutation(description="Change a member's role (Maintainer).")
    async def update_project_member(self, info: Info, input: ProjectMemberInput) -> ProjectPayload:
        return await outcome(
            _set_member(info, input.project_path, input.username, input.access_level)
        )

    @strawberry.mutation(description="Remove a member from a project (Maintainer).")
    async def remove_project_member(
        self, info: Info, input: RemoveProjectMemberInput
    ) -> ProjectPayload:
        return await outcome(_set_member(info, input.project_path, input.username, None))
