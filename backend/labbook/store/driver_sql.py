"""Statements run on the driver's own connection, inside the session's transaction.

The hot write path (every logged metric) writes hundreds of rows in a few statements.
Through SQLAlchemy, a statement costs three or four calls into the driver (cursor, execute,
fetch, close), each a greenlet switch, and every parameter of every row passes through
Python processing. Here a statement is one call of the driver: `executemany` or
`execute_fetchall` on SQLite (`db.sqlite_inline`), asyncpg's `executemany` or `fetch` (one
round trip), with SQL that SQLAlchemy compiled once per dialect. Only for Core tables with
plain column types (integers, floats, strings), whose values need no conversion.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Float, Numeric
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from labbook.store.sql import dialect_name


@dataclass(frozen=True, slots=True)
class DriverStatement:
    """SQL in the driver's parameter style, taking rows as tuples in the compiled `columns`
    order (a parameter may repeat a column, or be a constant the statement binds itself)."""

    sql: str
    pick: Callable[[tuple[Any, ...]], tuple[Any, ...]]  # from the row + constants
    constants: tuple[Any, ...]

    def args(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        return self.pick(row + self.constants)


def _compile(session: AsyncSession, stmt: Any, columns: Sequence[str]) -> DriverStatement:
    compiled = stmt.compile(dialect=session.get_bind().dialect, column_keys=list(columns))
    constants = {k: v for k, v in compiled.params.items() if k not in columns}
    names = [*columns, *constants]
    indexes = [names.index(key) for key in compiled.positiontup or ()]
    assert len(indexes) > 1, "itemgetter of one index returns a value, not a tuple"
    pick = itemgetter(*indexes)
    return DriverStatement(sql=compiled.string, pick=pick, constants=tuple(constants.values()))


_MEMO: dict[tuple[str, str], DriverStatement] = {}


def driver_statement(
    session: AsyncSession, key: str, build: Callable[[AsyncSession], Any], columns: Sequence[str]
) -> DriverStatement:
    """The statement `build` makes, compiled for this dialect once, for rows of `columns`."""
    memo_key = (dialect_name(session), key)
    found = _MEMO.get(memo_key)
    if found is None:
        found = _MEMO[memo_key] = _compile(session, build(session), columns)
    return found


@dataclass(frozen=True, slots=True)
class DriverQuery:
    """A SELECT (or a DML statement with RETURNING) compiled for the driver, with what turns
    Python values into the driver's parameters and its raw values back into Python ones."""

    sql: str
    keys: tuple[str, ...]
    binds: tuple[Callable[[Any], Any] | None, ...]
    constants: dict[str, Any]  # the values of literals the statement binds itself
    generated: dict[str, Callable[[Any], Any]]  # Python-side column defaults, run per call
    processors: tuple[Callable[[Any], Any] | None, ...]
    row: type[tuple[Any, ...]]  # a named tuple of the selected columns

    def args(self, params: dict[str, Any]) -> list[Any]:
        values = self.constants | {k: f(None) for k, f in self.generated.items()} | params
        pairs = zip(self.binds, self.keys, strict=True)
        return [values[k] if f is None else f(values[k]) for f, k in pairs]

    def load(self, raw: Sequence[Any]) -> Any:
        if not any(self.processors):
            return self.row(*raw)
        pairs = zip(self.processors, raw, strict=True)
        return self.row(*(v if f is None or v is None else f(v) for f, v in pairs))


def result_processor(kind: Any, dialect: Any) -> Callable[[Any], Any] | None:
    """The type's conversion of raw values; none for numbers, which both drivers return as
    Python numbers (asyncpg's float processor wants the column's type oid, unknown here)."""
    impl = kind.dialect_impl(dialect)
    return None if isinstance(impl, Numeric | Float) else impl.result_processor(dialect, None)


def _defaults(compiled: Any) -> dict[str, Any]:
    """The column defaults an INSERT or UPDATE fills in on the Python side (SQLAlchemy does
    at execution): a constant, or a callable such as a timestamp's."""
    pairs = [(c, c.default) for c in getattr(compiled, "insert_prefetch", ())]
    pairs += [(c, c.onupdate) for c in getattr(compiled, "update_prefetch", ())]
    return {c.key: d for c, d in pairs if d is not None and (d.is_scalar or d.is_callable)}


def _compile_query(session: AsyncSession, stmt: Any) -> DriverQuery:
    dialect = session.get_bind().dialect
    compiled = stmt.compile(dialect=dialect)
    keys = tuple(compiled.positiontup or ())
    binds = [compiled.binds[k].type.dialect_impl(dialect).bind_processor(dialect) for k in keys]
    columns = list(stmt.exported_columns)
    processors = [result_processor(c.type, dialect) for c in columns]
    defaults = _defaults(compiled)
    literals = {k: v for k, v in compiled.params.items() if v is not None}
    return DriverQuery(
        sql=compiled.string,
        keys=keys,
        binds=tuple(binds),
        constants=literals | {k: d.arg for k, d in defaults.items() if d.is_scalar},
        generated={k: d.arg for k, d in defaults.items() if d.is_callable},
        processors=tuple(processors),
        row=namedtuple("Row", [str(c.key) for c in columns], rename=True),
    )


_QUERIES: dict[tuple[str, str], DriverQuery] = {}


async def fetch_rows(
    session: AsyncSession, key: str, build: Callable[[], Any], params: dict[str, Any]
) -> list[Any]:
    """The rows of the statement `build` makes (compiled once per dialect under `key`), as
    named tuples; parameters by name, converted as their SQLAlchemy types say."""
    memo_key = (dialect_name(session), key)
    query = _QUERIES.get(memo_key)
    if query is None:
        query = _QUERIES[memo_key] = _compile_query(session, build())
    raw = await fetch_all(session, query.sql, query.args(params))
    return [query.load(row) for row in raw]


_DRIVER = "labbook.driver_connection"


async def driver_connection(session: AsyncSession) -> Any:
    """The aiosqlite or asyncpg connection under the session's transaction (remembered for
    that transaction: asking the session costs two greenlet switches per statement)."""
    transaction = session.sync_session.get_transaction()
    found = session.info.get(_DRIVER)
    if found is not None and found[0] is transaction:
        return found[1]
    adapted, driver = await session.run_sync(_connection)  # one greenlet, not two
    await _begun(adapted)
    session.info[_DRIVER] = (session.sync_session.get_transaction(), driver)
    return driver


def _connection(session: Session) -> tuple[Any, Any]:
    """SQLAlchemy's adapter of the session's connection (beginning its transaction if need
    be), and the driver's connection it wraps."""
    pooled = session.connection().connection
    return pooled.dbapi_connection, pooled.driver_connection


async def _begun(adapted: Any) -> None:
    """SQLAlchemy's asyncpg adapter sends BEGIN with its own first statement: a statement on
    the driver's connection before that would run outside the transaction and commit on its
    own (a refused batch would keep its first rows). Begin the transaction here."""
    if getattr(adapted, "_transaction", False) is None:  # asyncpg, not begun yet
        await adapted._start_transaction()


async def execute_many(
    session: AsyncSession, stmt: DriverStatement, rows: Sequence[tuple[Any, ...]]
) -> None:
    if rows:
        args = [stmt.args(row) for row in rows]
        await (await driver_connection(session)).executemany(stmt.sql, args)


async def fetch_all(session: AsyncSession, sql: str, args: Sequence[Any]) -> list[tuple[Any, ...]]:
    """Rows of one statement with positional parameters (`?` on SQLite, `$n` on PostgreSQL)."""
    conn = await driver_connection(session)
    if dialect_name(session) == "sqlite":
        return [tuple(row) for row in await conn.execute_fetchall(sql, args)]
    return [tuple(row) for row in await conn.fetch(sql, *args)]


SQLITE_ROWS = 1000  # rows per INSERT on SQLite: a few thousand parameters, far below its limit


@lru_cache(maxsize=64)
def _values_sql(head: str, width: int, rows: int, tail: str) -> str:
    row = f"({','.join('?' * width)})"
    return f"{head} VALUES {','.join([row] * rows)} {tail}"


def _unnest_sql(head: str, types: tuple[str, ...], tail: str) -> str:
    arrays = ", ".join(f"${i}::{kind}[]" for i, kind in enumerate(types, 1))
    return f"{head} SELECT * FROM unnest({arrays}) {tail}"


async def insert_returning(
    session: AsyncSession,
    *,
    into: str,
    columns: Sequence[tuple[str, str]],
    rows: Sequence[tuple[Any, ...]],
    tail: str,
) -> list[tuple[Any, ...]]:
    """INSERT `rows` (tuples in the order of `columns`, each a name and its PostgreSQL type)
    followed by `tail` (`ON CONFLICT … RETURNING …`); the rows it returns.

    PostgreSQL takes the rows as one array per column (one statement, kept in order, so
    concurrent writers lock rows in the same order); SQLite as multi-row VALUES.
    """
    head = f"INSERT INTO {into} ({', '.join(name for name, _ in columns)})"
    if not rows:
        return []
    if dialect_name(session) == "postgresql":
        arrays = [list(values) for values in zip(*rows, strict=True)]
        sql = _unnest_sql(head, tuple(kind for _, kind in columns), tail)
        return await fetch_all(session, sql, arrays)
    found: list[tuple[Any, ...]] = []
    for i in range(0, len(rows), SQLITE_ROWS):
        chunk = rows[i : i + SQLITE_ROWS]
        sql = _values_sql(head, len(columns), len(chunk), tail)
        found += await fetch_all(session, sql, [value for row in chunk for value in row])
    return found
