"""The query root: `currentUser`, `projects`, `project(fullPath:)`, `node(id:)`."""

from __future__ import annotations

import strawberry

from labbook.graphql.compare import compare_metrics
from labbook.graphql.context import Info
from labbook.graphql.nodes import resolve_node
from labbook.graphql.pagination import (
    Listing,
    connection,
    constant,
    encode_cursor,
    page_args,
    slice_sorted,
)
from labbook.graphql.permissions import require_principal, visible_project
from labbook.graphql.types.metric import MetricSeries
from labbook.graphql.types.node import Node
from labbook.graphql.types.project import ProjectConnection, ProjectType
from labbook.graphql.types.token import AccessTokenType
from labbook.graphql.types.user import UserType
from labbook.store import projects, tokens


@strawberry.type(description="Read the graph of projects, experiments and candidates.")
class Query:
    @strawberry.field(description="The signed-in user, or null.")
    def current_user(self, info: Info) -> UserType | None:
        principal = info.context.principal
        return UserType.of(principal.user) if principal else None

    @strawberry.field(description="Projects you can see; `search` matches part of the path.")
    async def projects(
        self,
        info: Info,
        search: str | None = None,
        first: int | None = None,
        after: str | None = None,
        last: int | None = None,
        before: str | None = None,
    ) -> ProjectConnection:
        principal = info.context.principal
        async with info.context.read() as session:
            found = await projects.list_projects(
                session,
                user_id=principal.user.id if principal else None,
                is_admin=principal.user.is_admin if principal else False,
                search=search or "",
            )
        page, has_next, has_prev = slice_sorted(
            found, lambda p: p.path, page_args(first, after, last, before)
        )
        listing = Listing(
            items=page,
            cursors=[encode_cursor(p.path) for p in page],
            has_next=has_next,
            has_previous=has_prev,
            count=constant(len(found)),
        )
        return connection(listing, ProjectType.of, ProjectConnection)

    @strawberry.field(description="A project by path or numeric id; null if you cannot see it.")
    async def project(self, info: Info, full_path: strawberry.ID) -> ProjectType | None:
        project = await visible_project(info.context, str(full_path))
        return ProjectType.of(project) if project else None

    @strawberry.field(description="Your personal access tokens (not their secrets).")
    async def access_tokens(self, info: Info) -> list[AccessTokenType]:
        user = require_principal(info.context).user
        async with info.context.read() as session:
            found = await tokens.list_tokens(session, user_id=user.id)
        return [AccessTokenType.of(t) for t in found]

    @strawberry.field(
        description="Downsampled histories of `names` for each candidate (a comparison chart)."
    )
    async def compare_metrics(
        self,
        info: Info,
        candidate_ids: list[strawberry.ID],
        names: list[str],
        max_points: int | None = 1000,
    ) -> list[MetricSeries]:
        points = 1000 if max_points is None else max_points
        return await compare_metrics(info.context, candidate_ids, names, points)

    @strawberry.field(description="Any object by its global id.")
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return await resolve_node(info.context, str(id))
