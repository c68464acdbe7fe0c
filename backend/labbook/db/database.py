"""`Database`: the engine plus read and write transactions.

SQLite takes its write lock at the start of a write transaction (`BEGIN IMMEDIATE`), so two
writers queue (on the loop's write lock in `sqlite_inline`, across processes on the busy
timeout) instead of failing when one upgrades a read lock; reads start a plain deferred
transaction and never block on writers (WAL).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.util.concurrency import await_

from labbook.db import channel
from labbook.db.engine import create_engine
from labbook.events import codec, record
from labbook.events.model import Event


def _set_autocommit_driver(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event emit BEGIN itself (pysqlite's own BEGIN is deferred).
    dbapi_connection.isolation_level = None


def _begin(conn: Connection) -> None:
    readonly = conn.get_execution_options().get("labbook_readonly", False)
    # On the driver's own connection: one call, where a statement through SQLAlchemy's
    # adapter takes three (cursor, execute, close). Every write transaction starts here.
    driver: Any = conn.connection.driver_connection
    await_(driver.execute_fetchall("BEGIN" if readonly else "BEGIN IMMEDIATE"))


class Database:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = create_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        if self.is_sqlite:
            event.listen(self.engine.sync_engine, "connect", _set_autocommit_driver)
            event.listen(self.engine.sync_engine, "begin", _begin)
        reader = self.engine.execution_options(labbook_readonly=True)
        self._write = async_sessionmaker(self.engine, expire_on_commit=False)
        self._read = async_sessionmaker(reader, expire_on_commit=False)
        # SQLite: who gets the events of each committed write (the process's event bus).
        self.on_commit: Callable[[list[Event]], None] | None = None

    @asynccontextmanager
    async def write(self) -> AsyncIterator[AsyncSession]:
        """A session in a transaction that commits on success and rolls back on error.

        Events the store recorded on the session go out only if it commits: NOTIFYed inside
        the transaction on PostgreSQL, handed to `on_commit` after it on SQLite.
        """
        async with _transaction(self._write()) as session:
            yield session
            events = record.take(session)
            if events and not self.is_sqlite:
                await channel.notify(session, codec.encode(events))
        if events and self.on_commit is not None and self.is_sqlite:
            self.on_commit(events)

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        async with _transaction(self._read()) as session:
            yield session

    async def dispose(self) -> None:
        await self.engine.dispose()


@asynccontextmanager
async def _transaction(session: AsyncSession) -> AsyncIterator[AsyncSession]:
    """The session's (auto-begun) transaction, committed on success, else rolled back.

    Each call into an AsyncSession is a greenlet of its own, whose end frees its stack with a
    system call: `session.begin()` and closing the session after a commit (which already
    gave the connection back) cost two of them per request and did nothing else here.
    """
    try:
        yield session
        await session.commit()
        session.expunge_all()  # rows loaded stay detached, as closing the session left them
    except BaseException:
        await asyncio.shield(session.close())  # rolls back; not interrupted by a cancel
        raise
