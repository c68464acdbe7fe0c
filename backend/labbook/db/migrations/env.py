"""Alembic environment: async engine, our metadata, batch mode for SQLite."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from labbook.db.engine import create_engine
from labbook.db.tables import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


async def _run_async() -> None:
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "")
    async with engine.connect() as connection:
        await connection.run_sync(_run)
        await connection.commit()
    await engine.dispose()


def _in_thread() -> None:
    asyncio.run(_run_async())


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported")
try:
    asyncio.get_running_loop()
except RuntimeError:
    asyncio.run(_run_async())
else:  # called from inside an event loop (tests, server start): use a helper thread
    import threading

    thread = threading.Thread(target=_in_thread)
    thread.start()
    thread.join()
