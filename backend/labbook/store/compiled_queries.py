"""SELECTs compiled once per request shape and run on the driver's connection.

A search page's statement takes longer to build and compile with SQLAlchemy (~2-4 ms for
a filtered, ordered candidate page) than the database takes to answer it, and executing it
through SQLAlchemy's adapter costs three or four driver calls where the driver's own
connection takes one. The same request (the first page of an experiment's runs, asked
again and again by clients and the web app) is therefore compiled once: `QueryMemo` keeps,
per key that names everything the statement depends on, its SQL, its parameter values and
the processors that turn the driver's raw values into Python ones.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from labbook.store.driver_sql import fetch_all, result_processor

Processor = Callable[[Any], Any] | None
Build = Callable[[], Any]


@dataclass(frozen=True, slots=True)
class CompiledQuery:
    sql: str
    args: tuple[Any, ...]
    # The columns whose raw values need converting (datetimes on SQLite), by position.
    processors: tuple[tuple[int, Callable[[Any], Any]], ...]

    def rows(self, raw: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
        if not self.processors:
            return raw
        return [self._load(row) for row in raw]

    def _load(self, raw: tuple[Any, ...]) -> tuple[Any, ...]:
        row = list(raw)
        for i, f in self.processors:
            if row[i] is not None:
                row[i] = f(row[i])
        return tuple(row)


def compile_query(session: AsyncSession, stmt: Any) -> CompiledQuery:
    """The SELECT with its values in the driver's parameter style (IN lists expanded)."""
    dialect = session.get_bind().dialect
    compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    keys = compiled.positiontup or ()
    values = [compiled.params[k] for k in keys]
    binds = [_bind_processor(compiled, k, dialect) for k in keys]
    args = tuple(v if f is None or v is None else f(v) for f, v in zip(binds, values, strict=True))
    columns = list(stmt.selected_columns)
    processors = [(i, result_processor(c.type, dialect)) for i, c in enumerate(columns)]
    needed = tuple((i, f) for i, f in processors if f is not None)
    return CompiledQuery(sql=compiled.string, args=args, processors=needed)


def _bind_processor(compiled: Any, key: str, dialect: Any) -> Processor:
    """The parameter's type's conversion; an expanded IN list's values (`param_1_2`) take
    their list's."""
    bind = compiled.binds[key if key in compiled.binds else key.rsplit("_", 1)[0]]
    return bind.type.dialect_impl(dialect).bind_processor(dialect)  # type: ignore[no-any-return]


class QueryMemo:
    """Compiled queries by key, up to `size` of them (then forgotten all at once)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._found: dict[Hashable, CompiledQuery] = {}

    def query(self, session: AsyncSession, key: Hashable, build: Build) -> CompiledQuery:
        found = self._found.get(key)
        if found is None:
            if len(self._found) >= self.size:
                self._found.clear()
            found = self._found[key] = compile_query(session, build())
        return found

    async def rows(
        self, session: AsyncSession, key: Hashable, build: Build
    ) -> list[tuple[Any, ...]]:
        """The processed rows of the SELECT `build` makes, compiled once per `key`."""
        query = self.query(session, key, build)
        return query.rows(await fetch_all(session, query.sql, query.args))
