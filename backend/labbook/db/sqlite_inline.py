"""SQLite on the event loop's own thread, behind aiosqlite's interface.

aiosqlite runs every statement on a thread of its own and wakes the event loop with the
answer: two thread switches per statement, 180 µs on this machine kind, where SQLite itself
spends 20 to 100 µs on a typical statement, and a logged batch runs ten of them. This driver
calls `sqlite3` inline instead and offers what SQLAlchemy's aiosqlite dialect and
`store.driver_sql` call on an aiosqlite connection, so the dialect stays the same. The loop
waits for each statement, as it waited for the GIL while aiosqlite's thread held it.

Writers on one loop queue on an asyncio lock taken at `BEGIN IMMEDIATE` and released when
the transaction ends: inline, SQLite's busy wait would hold the loop, and with it the writer
it waits for. Other processes and threads still queue on SQLite's busy timeout.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from typing import Any
from weakref import WeakKeyDictionary

BUSY_TIMEOUT = 30.0  # seconds a writer waits for the write lock before "database is locked"
Params = Sequence[Any] | dict[str, Any]


class WriteLocks:
    """One asyncio lock per event loop for the write transactions of one database file."""

    def __init__(self) -> None:
        self._locks: WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            WeakKeyDictionary()
        )
        self._last: tuple[asyncio.AbstractEventLoop | None, asyncio.Lock] = (None, asyncio.Lock())

    def current(self) -> asyncio.Lock:
        loop = asyncio.get_running_loop()
        if loop is self._last[0]:  # nearly always: a server runs one loop
            return self._last[1]
        if (lock := self._locks.get(loop)) is None:
            lock = self._locks[loop] = asyncio.Lock()
        self._last = (loop, lock)
        return lock


class _Immediate:
    """aiosqlite's work queue, as SQLAlchemy's isolation-level setter uses it: run now."""

    def put_nowait(self, item: tuple[asyncio.Future[Any], Callable[[], Any]]) -> None:
        future, function = item
        try:
            future.set_result(function())
        except Exception as error:
            future.set_exception(error)


class InlineCursor:
    def __init__(self, cursor: sqlite3.Cursor, owner: InlineConnection) -> None:
        self._cursor, self._owner = cursor, owner

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *_exc: object) -> None:
        self._cursor.close()

    async def execute(self, sql: str, parameters: Params = ()) -> InlineCursor:
        await self._owner.run(self._cursor.execute, sql, parameters)
        return self

    async def executemany(self, sql: str, rows: Iterable[Params]) -> InlineCursor:
        await self._owner.run(self._cursor.executemany, sql, rows)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(self._cursor.arraysize if size is None else size)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()

    async def __aiter__(self) -> AsyncIterator[Any]:
        for row in self._cursor:
            yield row

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value


class InlineConnection:
    """An aiosqlite-shaped connection whose coroutines finish without leaving the thread."""

    def __init__(self, conn: sqlite3.Connection, locks: WriteLocks) -> None:
        self._conn: sqlite3.Connection = conn
        self._connection: sqlite3.Connection | None = conn  # None once closed, as aiosqlite
        self._tx = _Immediate()
        self._locks = locks
        self._held: asyncio.Lock | None = None

    async def run(self, call: Callable[..., Any], sql: str, parameters: Any) -> Any:
        """One statement; `BEGIN IMMEDIATE` first takes this loop's write lock."""
        if self._held is None and sql.lstrip()[:15].upper() == "BEGIN IMMEDIATE":
            await self._lock()
        try:
            return call(sql, parameters)
        finally:
            self._settle()

    async def _lock(self) -> None:
        lock = self._locks.current()
        try:
            if lock.locked():  # only then: a timeout costs a timer handle
                async with asyncio.timeout(BUSY_TIMEOUT):
                    await lock.acquire()
            else:
                await lock.acquire()  # free: returns without yielding to the loop
        except TimeoutError:
            raise sqlite3.OperationalError("database is locked") from None
        self._held = lock

    def _settle(self) -> None:
        """Release the write lock once the transaction is over (committed, rolled back, or
        never begun because BEGIN failed)."""
        if not self._conn.in_transaction:
            self._release()

    def _release(self) -> None:
        held, self._held = self._held, None
        if held is not None:
            held.release()

    def cursor(self) -> InlineCursor:
        return InlineCursor(self._conn.cursor(), self)

    async def execute(self, sql: str, parameters: Params = ()) -> InlineCursor:
        return await self.cursor().execute(sql, parameters)

    async def execute_fetchall(self, sql: str, parameters: Params = ()) -> list[Any]:
        cursor = self._conn.cursor()
        try:
            await self.run(cursor.execute, sql, parameters)
            return cursor.fetchall()
        finally:
            cursor.close()

    async def executemany(self, sql: str, rows: Iterable[Params]) -> InlineCursor:
        return await self.cursor().executemany(sql, rows)

    async def commit(self) -> None:
        try:
            self._conn.commit()
        finally:
            self._settle()

    async def rollback(self) -> None:
        try:
            self._conn.rollback()
        finally:
            self._settle()

    async def close(self) -> None:
        self.stop()

    def stop(self) -> None:
        """Close now (SQLAlchemy's forced termination); the transaction ends with it."""
        self._connection = None
        self._conn.close()
        self._release()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._conn.create_function(*args, **kwargs)

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level


def connector(database: str) -> Callable[[], Any]:
    """The engine's `async_creator`: connections to `database` sharing one set of locks."""
    locks = WriteLocks()

    async def connect() -> InlineConnection:
        conn = sqlite3.connect(database, timeout=BUSY_TIMEOUT, check_same_thread=False)
        return InlineConnection(conn, locks)

    return connect
