"""`signIn` and `signOut`: the web app's session cookie.

The cookie is HttpOnly, SameSite=Lax, Secure when `secure_cookies` is set. Cross-site request
forgery is blocked because `/graphql` only executes POST bodies of type `application/json` (a
browser cannot send that cross-site without a CORS preflight, which we never grant) and never
runs mutations over GET.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

import strawberry
from starlette.responses import Response

from labbook.auth.backend import SESSION_COOKIE
from labbook.auth.tokens import SESSION_PREFIX, new_secret
from labbook.db.tables import utcnow
from labbook.graphql.context import Context, Info
from labbook.graphql.types.errors import AuthenticationError
from labbook.graphql.types.user import UserType
from labbook.store import tokens, users

SESSION_LIFETIME = timedelta(days=14)

SignInPayload = Annotated[
    UserType | AuthenticationError,
    strawberry.union(
        "SignInPayload",
        description="The signed-in user, or AuthenticationError for a wrong username or password.",
    ),
]


@strawberry.input(description="Username and password.")
class SignInInput:
    username: str = strawberry.field(description="The sign-in name.")
    password: str = strawberry.field(description="The account's password.")


def _set_cookie(context: Context, secret: str | None) -> None:
    response = context.response
    if not isinstance(response, Response):
        return
    if secret is None:
        response.delete_cookie(SESSION_COOKIE, path="/")
        return
    response.set_cookie(
        SESSION_COOKIE,
        secret,
        max_age=int(SESSION_LIFETIME.total_seconds()),
        path="/",
        httponly=True,
        samesite="lax",
        secure=context.settings.secure_cookies,
    )


@strawberry.type
class SessionMutations:
    @strawberry.mutation(description="Start a web session: sets the `labbook_session` cookie.")
    async def sign_in(self, info: Info, input: SignInInput) -> SignInPayload:
        async with info.context.db.write() as session:
            user = await users.authenticate_user(
                session, username=input.username, password=input.password
            )
            if user is None:
                return AuthenticationError(message="Invalid username or password.")
            _, secret = await tokens.create_token(
                session,
                user_id=user.id,
                name="web session",
                scopes=["api"],
                kind="session",
                expires_at=utcnow() + SESSION_LIFETIME,
                secret=new_secret(SESSION_PREFIX),
            )
        _set_cookie(info.context, secret)
        return UserType.of(user)

    @strawberry.mutation(description="End the web session and clear its cookie.")
    async def sign_out(self, info: Info) -> bool:
        secret = info.context.request.cookies.get(SESSION_COOKIE)
        if secret:
            async with info.context.db.write() as session:
                await tokens.revoke_secret(session, secret=secret)
        _set_cookie(info.context, None)
        return True
