"""The inline SQLite driver: writers on one loop queue instead of failing or stalling the loop,
the write lock is given back however a transaction ends, and another connection of the same
file (another process, or a thread with its own loop) still waits on SQLite's busy timeout."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from labbook.db import sqlite_inline
from labbook.db.database import Database
from labbook.db.sqlite_inline import InlineConnection, WriteLocks


@pytest.fixture
def sqlite_db(tmp_path: Path) -> Database:
    return Database(f"sqlite+aiosqlite:///{tmp_path / 'inline.db'}")


async def _counter(db: Database) -> None:
    async with db.write() as s:
        await s.execute(text("CREATE TABLE counter (n INTEGER)"))
        await s.execute(text("INSERT INTO counter VALUES (0)"))


async def test_concurrent_writers_on_one_loop_take_turns(sqlite_db: Database) -> None:
    """Each writer reads, yields to the loop, then writes: without the lock the second
    BEGIN IMMEDIATE would busy-wait on the loop that the first writer needs."""
    await _counter(sqlite_db)

    async def bump() -> None:
        async with sqlite_db.write() as s:
            n = await s.scalar(text("SELECT n FROM counter"))
            await asyncio.sleep(0.01)
            await s.execute(text("UPDATE counter SET n = :n"), {"n": n + 1})

    started = time.monotonic()
    await asyncio.gather(*(bump() for _ in range(20)))
    async with sqlite_db.read() as s:
        assert await s.scalar(text("SELECT n FROM counter")) == 20  # no lost update
    assert time.monotonic() - started < 5
    await sqlite_db.dispose()


async def test_the_lock_is_released_after_an_error(sqlite_db: Database) -> None:
    await _counter(sqlite_db)
    with pytest.raises(Exception, match="no such table"):
        async with sqlite_db.write() as s:
            await s.execute(text("UPDATE missing SET n = 1"))
    async with sqlite_db.write() as s:  # would wait BUSY_TIMEOUT if the lock were kept
        await s.execute(text("UPDATE counter SET n = 5"))
    assert not sqlite_db.engine.pool.checkedout()
    await sqlite_db.dispose()


async def test_a_writer_waiting_too_long_fails_as_sqlite_would(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_inline, "BUSY_TIMEOUT", 0.05)
    locks = WriteLocks()
    first = InlineConnection(sqlite3.connect(tmp_path / "a.db", isolation_level=None), locks)
    second = InlineConnection(sqlite3.connect(tmp_path / "a.db", isolation_level=None), locks)
    await first.execute_fetchall("BEGIN IMMEDIATE")
    with pytest.raises(sqlite3.OperationalError, match="database is locked"):
        await second.execute_fetchall("BEGIN IMMEDIATE")
    await first.rollback()
    await second.execute_fetchall("BEGIN IMMEDIATE")  # free again
    await second.commit()
    await first.close()
    await second.close()


async def test_a_writer_in_another_thread_is_waited_for(sqlite_db: Database) -> None:
    """A write transaction held by another connection outside this loop: SQLite's busy
    timeout waits for it (briefly holding this loop), then the write goes through."""
    await _counter(sqlite_db)
    path = sqlite_db.engine.url.database
    assert path is not None
    held = threading.Event()

    def hold() -> None:
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE counter SET n = 100")
        held.set()
        time.sleep(0.2)
        conn.execute("COMMIT")
        conn.close()

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait()
    async with sqlite_db.write() as s:
        await s.execute(text("UPDATE counter SET n = n + 1"))
    thread.join()
    async with sqlite_db.read() as s:
        assert await s.scalar(text("SELECT n FROM counter")) == 101
    await sqlite_db.dispose()
