"""The `labbook` command: serve, migrate, export the schema, manage users, projects, tokens."""

from __future__ import annotations

import asyncio
import gc
import socket
import sys
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

import click
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import configure_mappers

from labbook.artifact_commands import artifacts
from labbook.bootstrap import bootstrap, welcome
from labbook.db import migrations
from labbook.db.database import Database
from labbook.db.tables import utcnow
from labbook.errors import LabbookError
from labbook.settings import Settings, settings_from_env
from labbook.store import projects, tokens, users
from labbook.store.entities import AccessLevel

T = TypeVar("T")


def _settings(database_url: str | None = None, data_dir: Path | None = None) -> Settings:
    return settings_from_env().with_overrides(database_url=database_url, data_dir=data_dir)


def _in_transaction(settings: Settings, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run one store call in a write transaction; domain errors become a clean CLI error."""

    async def run() -> T:
        db = Database(settings.db_url)
        try:
            async with db.write() as session:
                return await work(session)
        finally:
            await db.dispose()

    migrations.upgrade(settings.db_url)
    try:
        return asyncio.run(run())
    except LabbookError as exc:
        raise click.ClickException(exc.message) from exc


db_options = [
    click.option("--database-url", envvar="LABBOOK_DATABASE_URL", help="SQLAlchemy URL."),
    click.option("--data-dir", envvar="LABBOOK_DATA_DIR", type=click.Path(path_type=Path)),
]


def with_db(f: Callable[..., None]) -> Callable[..., None]:
    for option in reversed(db_options):
        f = option(f)
    return f


@click.group(help="labbook: an ML experiment tracker that speaks the MLflow client's protocol.")
def main() -> None:
    pass


def _listen(host: str, port: int) -> socket.socket:
    # TCP_NODELAY on the listener is inherited by accepted sockets: no delayed-ACK stalls.
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    return sock


@main.command(help="Run migrations, create the first accounts if needed, and serve.")
@click.option("--host", envvar="LABBOOK_HOST", help="Interface to bind (default 127.0.0.1).")
@click.option("--port", envvar="LABBOOK_PORT", type=int, help="Port (default 8080).")
@with_db
def serve(
    host: str | None, port: int | None, database_url: str | None, data_dir: Path | None
) -> None:
    import uvicorn

    from labbook.app import create_app

    settings = _settings(database_url, data_dir).with_overrides(host=host, port=port)
    migrations.upgrade(settings.db_url)
    initial = asyncio.run(_bootstrap(settings))
    if initial:
        click.echo(initial, err=True)
    click.echo(f"labbook: data in {settings.data_dir}; serving {settings.base_url}", err=True)
    config = uvicorn.Config(create_app(settings), log_level="warning", access_log=False)
    _freeze_startup_objects()
    uvicorn.Server(config).run(sockets=[_listen(settings.host, settings.port)])


def _freeze_startup_objects() -> None:
    """Modules, mappers and schemas live as long as the server: moved out of the collector's
    reach, a full collection no longer walks them (it did, ~90 ms a time, several times per
    large search page or metric history)."""
    configure_mappers()
    gc.freeze()


async def _bootstrap(settings: Settings) -> str | None:
    db = Database(settings.db_url)
    try:
        initial = await bootstrap(db, settings)
    finally:
        await db.dispose()
    return welcome(initial, settings) if initial else None


@main.group(help="Database maintenance.")
def db() -> None:
    pass


@db.command(help="Apply all pending migrations.")
@with_db
def upgrade(database_url: str | None, data_dir: Path | None) -> None:
    migrations.upgrade(_settings(database_url, data_dir).db_url)
    click.echo("database is up to date")


@main.command("export-schema", help="Print the GraphQL schema (SDL) to stdout.")
def export_schema() -> None:
    from labbook.graphql.schema import schema

    sys.stdout.write(schema.as_str() + "\n")


@main.group(help="Manage users.")
def user() -> None:
    pass


@user.command("create", help="Create a user (asks for the password when not given).")
@click.argument("username")
@click.option("--name", default="")
@click.option("--admin", is_flag=True, help="Make the user an administrator.")
@click.password_option(envvar="LABBOOK_PASSWORD")
@with_db
def user_create(
    username: str,
    name: str,
    admin: bool,
    password: str,
    database_url: str | None,
    data_dir: Path | None,
) -> None:
    created = _in_transaction(
        _settings(database_url, data_dir),
        lambda s: users.create_user(
            s, username=username, password=password, name=name, is_admin=admin
        ),
    )
    click.echo(f"created user {created.username} (id {created.id})")


@user.command("list", help="List users.")
@with_db
def user_list(database_url: str | None, data_dir: Path | None) -> None:
    for u in _in_transaction(_settings(database_url, data_dir), users.list_users):
        click.echo(f"{u.id}\t{u.username}\t{'admin' if u.is_admin else ''}")


@main.group(help="Manage projects.")
def project() -> None:
    pass


@project.command("create", help="Create a project with a URL-safe PATH.")
@click.argument("path")
@click.option("--name", default=None)
@click.option("--visibility", type=click.Choice(["private", "public"]), default="private")
@with_db
def project_create(
    path: str, name: str | None, visibility: str, database_url: str | None, data_dir: Path | None
) -> None:
    created = _in_transaction(
        _settings(database_url, data_dir),
        lambda s: projects.create_project(s, path=path, name=name, visibility=visibility),
    )
    click.echo(f"created project {created.path} (id {created.id})")


@project.command("list", help="List projects.")
@with_db
def project_list(database_url: str | None, data_dir: Path | None) -> None:
    found = _in_transaction(
        _settings(database_url, data_dir),
        lambda s: projects.list_projects(s, user_id=None, is_admin=True),
    )
    for p in found:
        click.echo(f"{p.id}\t{p.path}\t{p.visibility}")


@main.group(help="Manage project members.")
def member() -> None:
    pass


ROLES = [level.name.lower() for level in AccessLevel]


@member.command("add", help="Add USER to PROJECT with ROLE (or change their role).")
@click.option("--project", "project_ref", required=True, help="Project id or path.")
@click.option("--user", "username", required=True)
@click.option("--role", type=click.Choice(ROLES), required=True)
@with_db
def member_add(
    project_ref: str, username: str, role: str, database_url: str | None, data_dir: Path | None
) -> None:
    async def work(s: AsyncSession) -> None:
        found = await _user(s, username)
        p = await projects.get_project(s, ref=project_ref)
        await projects.set_member(
            s, project_id=p.id, user_id=found, level=AccessLevel[role.upper()]
        )

    _in_transaction(_settings(database_url, data_dir), work)
    click.echo(f"{username} is {role} of {project_ref}")


async def _user(session: AsyncSession, username: str) -> int:
    found = await users.find_user(session, username=username)
    if found is None:
        raise click.ClickException(f"no user named {username}")
    return found.id


@main.group(help="Manage personal access tokens.")
def token() -> None:
    pass


@token.command("create", help="Create a token and print its secret (shown only once).")
@click.option("--user", "username", required=True)
@click.option("--name", required=True)
@click.option("--scopes", default="api", help="Comma-separated: api, read_api.")
@click.option("--expires-in-days", type=int, default=None)
@with_db
def token_create(
    username: str,
    name: str,
    scopes: str,
    expires_in_days: int | None,
    database_url: str | None,
    data_dir: Path | None,
) -> None:
    expires = utcnow() + timedelta(days=expires_in_days) if expires_in_days else None

    async def work(s: AsyncSession) -> str:
        user_id = await _user(s, username)
        _, secret = await tokens.create_token(
            s, user_id=user_id, name=name, scopes=scopes.split(","), expires_at=expires
        )
        return secret

    click.echo(_in_transaction(_settings(database_url, data_dir), work))


@token.command("revoke", help="Revoke a token, given its id or its secret.")
@click.argument("token_ref")
@with_db
def token_revoke(token_ref: str, database_url: str | None, data_dir: Path | None) -> None:
    async def work(s: AsyncSession) -> None:
        if token_ref.isdigit():
            await tokens.revoke_token(s, token_id=int(token_ref))
        else:
            await tokens.revoke_secret(s, secret=token_ref)

    _in_transaction(_settings(database_url, data_dir), work)
    click.echo("revoked")


main.add_command(artifacts)
