"""Personal access tokens of the signed-in user: create (secret returned once) and revoke."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import strawberry

from labbook.errors import NotFoundError
from labbook.graphql.context import Info
from labbook.graphql.mutations.outcome import outcome
from labbook.graphql.permissions import require_writer
from labbook.graphql.types import errors as e
from labbook.graphql.types.node import expect_id
from labbook.graphql.types.token import AccessTokenCreated, AccessTokenType
from labbook.store import tokens

CreateAccessTokenPayload = Annotated[
    AccessTokenCreated
    | e.ValidationError
    | e.NotFoundError
    | e.PermissionDeniedError
    | e.AlreadyExistsError
    | e.InvalidStateError,
    strawberry.union(
        "CreateAccessTokenPayload",
        description="The new token with its secret, or why none was created.",
    ),
]
AccessTokenPayload = Annotated[
    AccessTokenType
    | e.ValidationError
    | e.NotFoundError
    | e.PermissionDeniedError
    | e.AlreadyExistsError
    | e.InvalidStateError,
    strawberry.union(
        "AccessTokenPayload", description="The token as changed, or why nothing changed."
    ),
]


@strawberry.input(description="A new personal access token.")
class CreateAccessTokenInput:
    name: str = strawberry.field(description="A label for it, 1 to 255 characters.")
    scopes: list[str] = strawberry.field(description="`api` and/or `read_api`.")
    expires_at: datetime | None = strawberry.field(
        default=None, description="When it stops working; omitted or null: never."
    )


@strawberry.input(description="A token by global id.")
class AccessTokenIdInput:
    id: strawberry.ID = strawberry.field(
        description="The global id of one of your own access tokens."
    )


async def _create(info: Info, input: CreateAccessTokenInput) -> AccessTokenCreated:
    user = require_writer(info.context).user
    async with info.context.db.write() as session:
        token, secret = await tokens.create_token(
            session,
            user_id=user.id,
            name=input.name,
            scopes=input.scopes,
            expires_at=input.expires_at,
        )
    return AccessTokenCreated(token=AccessTokenType.of(token), secret=secret)


async def _revoke(info: Info, node_id: str) -> AccessTokenType:
    user = require_writer(info.context).user
    token_id = expect_id(node_id, "AccessToken")
    async with info.context.db.write() as session:
        await tokens.revoke_token(session, token_id=token_id, user_id=user.id)
        found = [t for t in await tokens.list_tokens(session, user_id=user.id) if t.id == token_id]
    if not found:  # a web session, which is not listed: revoked, but not shown
        raise NotFoundError(f"No AccessToken with id '{node_id}'")
    return AccessTokenType.of(found[0])


@strawberry.type
class TokenMutations:
    @strawberry.mutation(description="Create a personal access token; the secret is shown once.")
    async def create_access_token(
        self, info: Info, input: CreateAccessTokenInput
    ) -> CreateAccessTokenPayload:
        return await outcome(_create(info, input))

    @strawberry.mutation(description="Revoke one of your personal access tokens.")
    async def revoke_access_token(
        self, info: Info, input: AccessTokenIdInput
    ) -> AccessTokenPayload:
        return await outcome(_revoke(info, input.id))
