"""Reads of many rows, executed on the session's connection rather than through the ORM.

`session.execute` runs even a plain column SELECT through the ORM's result machinery, which
spends several microseconds on every row; on a page of 1,000 runs (20,000 params) or of
25,000 history points that is most of the request. The connection returns the same rows,
in the same transaction, for a fraction of the cost. Use it for column SELECTs only: entity
SELECTs (`select(t.Candidate)`) come back as columns, not objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Executable


async def plain_rows(session: AsyncSession, stmt: Executable) -> Sequence[Row[*tuple[Any, ...]]]:
    connection = await session.connection()
    return (await connection.execute(stmt)).all()
