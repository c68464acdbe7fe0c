"""`EventBus`: fans this process's share of committed events out to its subscribers' inboxes.

On SQLite the database hands it events right after each commit (one process). On PostgreSQL
every process NOTIFYs inside its writing transactions and each bus listens on one connection,
so writes through any server process reach subscribers of every other.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from labbook.db.channel import Listener
from labbook.db.database import Database
from labbook.events.codec import decode
from labbook.events.inbox import Inbox
from labbook.events.model import Event

I = TypeVar("I", bound=Inbox)  # noqa: E741


class EventBus:
    def __init__(self) -> None:
        self._inboxes: set[Inbox] = set()
        self._listener: Listener | None = None
        self._db: Database | None = None

    async def start(self, db: Database) -> None:
        """Receive the committed events of `db`: after commit, or through LISTEN."""
        self._db = db
        if db.is_sqlite:
            db.on_commit = self.deliver
            return
        self._listener = Listener(db.url, self.deliver_payload)
        await self._listener.start()

    async def stop(self) -> None:
        if self._db is not None and self._db.on_commit == self.deliver:
            self._db.on_commit = None
        if self._listener is not None:
            await self._listener.stop()

    def deliver(self, events: list[Event]) -> None:
        for inbox in list(self._inboxes):
            inbox.offer(events)

    def deliver_payload(self, payload: str) -> None:
        self.deliver(decode(payload))

    @contextmanager
    def subscribe(self, inbox: I) -> Iterator[I]:
        """Deliver to `inbox` until the block ends."""
        self._inboxes.add(inbox)
        try:
            yield inbox
        finally:
            self._inboxes.discard(inbox)

    @property
    def listening(self) -> bool:
        return self._listener is None or self._listener.connected.is_set()
