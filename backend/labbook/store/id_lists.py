"""A list of ids as one statement parameter, so a statement over many rows compiles once.

`column IN (…)` with a varying list makes a new statement per length; `in_ids` takes the
whole list as a single parameter instead: a JSON array read by `json_each` on SQLite, an
array on PostgreSQL. For statements run by `driver_sql.fetch_rows`.
"""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import (
    BigInteger,
    ColumnElement,
    Select,
    Text,
    any_,
    bindparam,
    cast,
    func,
    literal_column,
    select,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine


class IdList(TypeDecorator[list[int]]):
    impl = Text
    cache_ok = True

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        postgres = dialect.name == "postgresql"
        return dialect.type_descriptor(ARRAY(BigInteger()) if postgres else Text())

    def process_bind_param(self, value: list[int] | None, dialect: Dialect) -> Any:
        return value if dialect.name == "postgresql" else orjson.dumps(value).decode()


def in_ids(column: Any, dialect: str, key: str = "ids") -> ColumnElement[bool]:
    """`column` is one of the ids passed as the parameter `key` (a list of ints)."""
    ids = bindparam(key, type_=IdList())
    if dialect == "postgresql":
        return column == any_(cast(ids, ARRAY(BigInteger())))  # type: ignore[no-any-return]
    values: Select[Any] = select(literal_column("value")).select_from(func.json_each(ids))
    return column.in_(values)  # type: ignore[no-any-return]
