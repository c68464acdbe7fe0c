"""Compiling search trees (`store.search`) to SQLAlchemy: structure, comparisons, LIKE.

Shared by candidate and experiment search; what a field means is theirs to say.
LIKE is case-sensitive on both backends, as in MLflow: PostgreSQL's LIKE already is, and on
SQLite (whose LIKE ignores ASCII case) the pattern becomes an equivalent GLOB, which still
uses an index for a fixed prefix. A backslash escapes `%` and `_` on both.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Literal

from sqlalchemy import ColumnElement, Float, SQLColumnExpression, and_, literal, not_, or_

from labbook.errors import InvalidParameterError
from labbook.store.search import And, Comparison, FilterExpr, Not, Value

ValueType = Literal["string", "number"]
Leaf = Callable[[Comparison], ColumnElement[bool]]
Convert = Callable[[Any], Any]


def compile_filter(tree: FilterExpr, leaf: Leaf) -> ColumnElement[bool]:
    """The tree as one SQL condition; `leaf` compiles each comparison."""
    if isinstance(tree, Comparison):
        return leaf(tree)
    if isinstance(tree, Not):
        return not_(compile_filter(tree.item, leaf))
    parts = [compile_filter(item, leaf) for item in tree.items]
    return and_(*parts) if isinstance(tree, And) else or_(*parts)


def unsupported(c: Comparison, what: str) -> InvalidParameterError:
    return InvalidParameterError(
        f"Invalid search: {c.field.describe()} does not support {what} (at position {c.position})"
    )


def _checked(c: Comparison, value: Value, kind: ValueType) -> Value:
    if kind == "string" and not isinstance(value, str):
        raise InvalidParameterError(
            f"Invalid search: {c.field.describe()} compares with quoted strings;"
            f" {value:g} is not quoted (at position {c.position})"
        )
    if kind == "number" and not isinstance(value, float):
        raise InvalidParameterError(
            f"Invalid search: {c.field.describe()} compares with numbers;"
            f" '{value}' is a string (at position {c.position})"
        )
    return value


def number(value: Any) -> Any:
    """An integral number binds as an int (usable by BIGINT indexes), others as floats."""
    if value.is_integer() and abs(value) < 2**63:
        return int(value)
    return literal(value, Float)


def glob_pattern(pattern: str) -> str:
    """A LIKE pattern as an SQLite GLOB pattern (same matches, case-sensitive)."""
    out: list[str] = []
    chars = iter(pattern)
    for ch in chars:
        if ch == "\\":
            ch = next(chars, "\\")
            out.append(f"[{ch}]" if ch in "*?[" else ch)
        elif ch in "%_":
            out.append("*" if ch == "%" else "?")
        else:
            out.append(f"[{ch}]" if ch in "*?[" else ch)
    return "".join(out)


def like(expr: SQLColumnExpression[Any], pattern: str, *, dialect: str) -> ColumnElement[bool]:
    if dialect == "sqlite":
        return expr.op("GLOB")(glob_pattern(pattern))
    return expr.like(pattern, escape="\\")


def compare(
    expr: SQLColumnExpression[Any],
    c: Comparison,
    *,
    kind: ValueType,
    dialect: str,
    convert: Convert | None = None,
) -> ColumnElement[bool]:
    """`expr <op> value` for a comparison whose field is a plain column or expression."""
    if c.op == "IS NULL":
        return expr.is_(None)
    if c.op == "IS NOT NULL":
        return expr.is_not(None)
    if c.op in ("LIKE", "ILIKE") and kind != "string":
        raise unsupported(c, c.op)
    bind = convert or (number if kind == "number" else str)
    if c.op in ("IN", "NOT IN"):
        assert isinstance(c.value, tuple)
        values = [bind(_checked(c, v, kind)) for v in c.value]
        return expr.in_(values) if c.op == "IN" else expr.not_in(values)
    assert isinstance(c.value, str | float)
    value = bind(_checked(c, c.value, kind))
    if c.op in ("LIKE", "ILIKE"):
        return like(expr, value, dialect=dialect) if c.op == "LIKE" else expr.ilike(value, "\\")
    return _OPERATORS[c.op](expr, value)


_OPERATORS: dict[str, Callable[[Any, Any], ColumnElement[bool]]] = {
    "=": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}
