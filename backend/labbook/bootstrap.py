"""First start on an empty database: an admin, the `default` project and an admin token."""

from __future__ import annotations

import secrets
from dataclasses import dataclass

from labbook.db.database import Database
from labbook.settings import Settings
from labbook.store.projects import create_project
from labbook.store.tokens import create_token
from labbook.store.users import count_users, create_user


@dataclass(frozen=True, slots=True)
class Initial:
    password: str
    token: str
    project_id: int


async def bootstrap(db: Database, settings: Settings) -> Initial | None:
    """Create the first accounts if there are no users; return their secrets, or None."""
    async with db.write() as session:
        if await count_users(session):
            return None
        password = settings.initial_admin_password or secrets.token_urlsafe(12)
        admin = await create_user(session, username="admin", password=password, is_admin=True)
        project = await create_project(session, path="default", name="Default", owner_id=admin.id)
        _, token = await create_token(
            session,
            user_id=admin.id,
            name="initial admin token",
            scopes=["api"],
            secret=settings.initial_admin_token,
        )
    return Initial(password=password, token=token, project_id=project.id)


def welcome(initial: Initial, settings: Settings) -> str:
    base = settings.base_url
    return "\n".join(
        [
            "labbook: first start, created the admin account and the 'default' project.",
            f"  Sign in at {base}/users/sign_in as admin with password: {initial.password}",
            "  Point the mlflow client at it:",
            f"    export MLFLOW_TRACKING_URI={base}/api/v4/projects/{initial.project_id}/ml/mlflow",
            f"    export MLFLOW_TRACKING_TOKEN={initial.token}",
            "  These secrets are shown only this once.",
        ]
    )
