"""`Long`: a 64-bit signed integer (MLflow steps, point counts, byte sizes).

GraphQL's `Int` is 32-bit, and graphql-core refuses to serialize anything wider, so a step
above 2,147,483,647 would fail the whole field. `Long` goes out as a JSON number while it is
a safe JavaScript integer (|n| <= 2^53 - 1, the range a browser's `number` holds exactly) and
as a decimal string beyond, so no client silently reads a rounded value. It comes in as an
integer literal, a JSON number or a decimal string, within the 64-bit range.
"""

from __future__ import annotations

import re
from typing import Any, NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition

from graphql import GraphQLError, IntValueNode, StringValueNode, ValueNode

MAX_SAFE = 2**53 - 1
LOWEST, HIGHEST = -(2**63), 2**63 - 1
_DIGITS = re.compile(r"-?[0-9]+")


def serialize_long(value: Any) -> int | str:
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"Long cannot represent a non-integer value: {value!r}")
    return value if -MAX_SAFE <= value <= MAX_SAFE else str(value)


def parse_long(value: Any) -> int:
    """An integer from a JSON number or a decimal string, refused outside 64 bits (a
    `GraphQLError`, so the client reads why rather than a masked error)."""
    if isinstance(value, str) and _DIGITS.fullmatch(value):
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise GraphQLError(f"Long must be an integer or a string of digits, not {value!r}")
    if not LOWEST <= value <= HIGHEST:
        raise GraphQLError(f"Long must fit in 64 bits (signed): {value}")
    return value


def parse_long_literal(node: ValueNode, _variables: dict[str, Any] | None = None) -> int:
    if isinstance(node, IntValueNode | StringValueNode):
        return parse_long(int(node.value) if isinstance(node, IntValueNode) else node.value)
    raise GraphQLError("Long must be an integer or a string of digits")


Long = NewType("Long", int)

LONG = strawberry.scalar(
    name="Long",
    description="A 64-bit signed integer. Sent as a JSON number when its absolute value is at "
    "most 2^53 - 1 (exact in JavaScript), as a decimal string beyond; accepted as either.",
    serialize=serialize_long,
    parse_value=parse_long,
    parse_literal=parse_long_literal,
)
SCALARS: dict[object, ScalarDefinition] = {Long: LONG}  # the schema's `StrawberryConfig.scalar_map`
