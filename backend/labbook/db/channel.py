"""PostgreSQL's LISTEN/NOTIFY channel for live events, shared by every server process.

`notify` runs inside the writing transaction, so PostgreSQL delivers only what commits.
`Listener` holds one LISTEN connection per process and reconnects when it drops; events
NOTIFYed while it is down are lost to this process (subscribers see later ones).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

import asyncpg
from sqlalchemy import func, select
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncSession

CHANNEL = "labbook_events"
APPLICATION_NAME = "labbook-listener"
log = logging.getLogger(__name__)


async def notify(session: AsyncSession, payloads: list[str]) -> None:
    for payload in payloads:
        await session.execute(select(func.pg_notify(CHANNEL, payload)))


def asyncpg_dsn(url: str) -> str:
    parsed = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=False)


class Listener:
    """Calls `on_payload` with every payload NOTIFYed on the channel, from this event loop."""

    def __init__(self, url: str, on_payload: Callable[[str], None], retry: float = 1.0) -> None:
        self.dsn, self.on_payload, self.retry = asyncpg_dsn(url), on_payload, retry
        self.connected = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self, wait: float = 5.0) -> None:
        """Start listening; wait up to `wait` seconds for the first connection."""
        self._task = asyncio.create_task(self._run())
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.connected.wait(), wait)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _run(self) -> None:
        while True:
            try:
                await self._listen()
            except (OSError, asyncpg.PostgresError, asyncpg.InterfaceError, TimeoutError) as exc:
                log.warning("live events: listener connection lost (%s); reconnecting", exc)
            self.connected.clear()
            await asyncio.sleep(self.retry)

    async def _listen(self) -> None:
        conn = await asyncpg.connect(
            self.dsn, server_settings={"application_name": APPLICATION_NAME}
        )
        closed = asyncio.Event()
        conn.add_termination_listener(lambda _conn: closed.set())
        try:
            await conn.add_listener(CHANNEL, self._received)
            self.connected.set()
            await _watch(conn, closed)
        finally:
            with contextlib.suppress(OSError, asyncpg.PostgresError, TimeoutError):
                await conn.close(timeout=2)

    def _received(self, _conn: Any, _pid: int, _channel: str, payload: object) -> None:
        try:
            self.on_payload(str(payload))
        except Exception:  # one bad payload must not stop the listener
            log.exception("live events: cannot deliver a payload")


async def _watch(conn: asyncpg.Connection, closed: asyncio.Event, every: float = 15.0) -> None:
    """Return when the connection closes; a silent network loss shows up as a failed ping."""
    while not closed.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(closed.wait(), every)
        if not closed.is_set():
            await conn.execute("SELECT 1", timeout=every)
