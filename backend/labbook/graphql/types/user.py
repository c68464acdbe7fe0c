"""`User`: a person who signs in; shown as creators and members."""

from __future__ import annotations

import strawberry

from labbook.graphql.types.node import Node, global_id
from labbook.store import entities


@strawberry.type(name="User", description="A person with an account.")
class UserType(Node):
    username: str = strawberry.field(description="Unique sign-in name.")
    name: str = strawberry.field(description="Display name.")
    is_admin: bool = strawberry.field(description="Administrators may do everything.")

    @classmethod
    def of(cls, user: entities.User) -> UserType:
        return cls(
            id=global_id("User", user.id),
            username=user.username,
            name=user.name,
            is_admin=user.is_admin,
        )
