"""`labbook artifacts …`: maintenance of the stored artifact bytes."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

import click

from labbook.artifacts.factory import artifact_store
from labbook.db import migrations
from labbook.db.database import Database
from labbook.db.tables import utcnow
from labbook.settings import Settings, settings_from_env
from labbook.store.artifact_gc import GarbageReport, collect_garbage


@click.group(help="Maintain stored artifact files.")
def artifacts() -> None:
    pass


async def _collect(settings: Settings, grace: timedelta) -> GarbageReport:
    db, blobs = Database(settings.db_url), artifact_store(settings)
    try:
        return await collect_garbage(db, blobs, before=utcnow() - grace)
    finally:
        await blobs.close()
        await db.dispose()


@artifacts.command("gc", help="Delete stored bytes that no package file refers to.")
@click.option(
    "--grace-minutes",
    type=int,
    default=60,
    show_default=True,
    help="Leave alone anything written more recently (uploads still committing).",
)
@click.option("--database-url", envvar="LABBOOK_DATABASE_URL", help="SQLAlchemy URL.")
@click.option("--data-dir", envvar="LABBOOK_DATA_DIR", type=click.Path(path_type=Path))
def gc(grace_minutes: int, database_url: str | None, data_dir: Path | None) -> None:
    settings = settings_from_env().with_overrides(database_url=database_url, data_dir=data_dir)
    migrations.upgrade(settings.db_url)
    report = asyncio.run(_collect(settings, timedelta(minutes=grace_minutes)))
    orphans, incomplete = report.orphans, report.incomplete
    click.echo(f"removed {orphans} unreferenced file(s) and {incomplete} unfinished upload(s)")
