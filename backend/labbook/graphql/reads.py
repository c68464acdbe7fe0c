"""One read transaction for all the reads of a GraphQL query over HTTP.

Resolvers and DataLoaders each open a read when they need one. On PostgreSQL every read is a
pool checkout (whose pre-ping is BEGIN, `;`, ROLLBACK), a BEGIN and a COMMIT around its
statements: an experiment page took six of them, more round trips than statements. During a
query operation (`ShareReads`) they share one session instead, one at a time under a lock,
so the page is one checkout and one transaction. Mutations and subscriptions keep a read per
use: a mutation must read what it just wrote, and a subscription lives for hours.

A read that raises ends the shared transaction (rolled back, as `Database.read` would); the
next read opens a new one.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from labbook.db.database import Database


class SharedReads:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._lock = asyncio.Lock()
        self._stack: AsyncExitStack | None = None
        self._session: AsyncSession | None = None

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        async with self._lock:
            if self._session is None:
                self._stack = AsyncExitStack()
                self._session = await self._stack.enter_async_context(self._db.read())
            try:
                yield self._session
            except BaseException:
                await self._end(failed=True)
                raise

    async def close(self) -> None:
        async with self._lock:
            await self._end(failed=False)

    async def _end(self, *, failed: bool) -> None:
        stack, self._stack, self._session = self._stack, None, None
        if stack is not None:
            await stack.__aexit__(*(sys.exc_info() if failed else (None, None, None)))


class ShareReads(SchemaExtension):
    """Query operations read through one `SharedReads`, closed when the operation ends."""

    async def on_execute(self) -> AsyncIterator[None]:
        from labbook.graphql.context import Context  # the context module imports this one

        context = self.execution_context.context
        if (
            not isinstance(context, Context)
            or self.execution_context.operation_type is not OperationType.QUERY
        ):
            yield
            return
        context.shared_reads = shared = SharedReads(context.db)
        try:
            yield
        finally:
            context.shared_reads = None
            await shared.close()
