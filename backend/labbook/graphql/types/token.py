"""`AccessToken`: a personal access token as listed (never its secret)."""

from __future__ import annotations

from datetime import datetime

import strawberry

from labbook.graphql.types.node import Node, global_id
from labbook.store import entities


@strawberry.type(
    name="AccessToken", description="A personal access token (the secret is shown once)."
)
class AccessTokenType(Node):
    name: str = strawberry.field(description="Its owner's label for it.")
    prefix: str = strawberry.field(description="The start of the secret, to tell tokens apart.")
    scopes: list[str] = strawberry.field(description="`api` (read and write) or `read_api`.")
    expires_at: datetime | None = strawberry.field(
        description="From then on it is refused; null if it never expires."
    )
    last_used_at: datetime | None = strawberry.field(
        description="When it last authenticated a request (updated at most once a minute); "
        "null if never used."
    )
    revoked_at: datetime | None = strawberry.field(
        description="When it was revoked (it is refused since); null while active."
    )
    created_at: datetime = strawberry.field(description="When it was created.")

    @classmethod
    def of(cls, t: entities.AccessToken) -> AccessTokenType:
        return cls(
            id=global_id("AccessToken", t.id),
            name=t.name,
            prefix=t.prefix,
            scopes=list(t.scopes),
            expires_at=t.expires_at,
            last_used_at=t.last_used_at,
            revoked_at=t.revoked_at,
            created_at=t.created_at,
        )


@strawberry.type(description="A token just created: copy the secret now, it is not shown again.")
class AccessTokenCreated:
    token: AccessTokenType = strawberry.field(description="The new token, as it will be listed.")
    secret: str = strawberry.field(
        description="The full secret, for `Authorization: Bearer` or the `PRIVATE-TOKEN` header. "
        "Only its hash is stored, so it cannot be shown again."
    )
