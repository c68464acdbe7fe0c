"""A shortcut through graphql-core for objects whose selected fields are all plain attributes.

A page of 50 candidates with 20 params and 10 metric summaries is some 4,300 fields, and
graphql-core spends several microseconds on each (resolve info, path, awaitable checks,
completion), more than the SQL behind the page. Most of them are leaves of small objects
(`Param`, `Metric`, `MetricPoint`) read straight from an attribute. When every field selected
on such an object is a Strawberry basic field (no resolver, arguments or extensions) of a
scalar or enum type, or `__typename`, its result is built here: the attribute and the type's
`coerce_output_value`, as graphql-core would. A list of such objects, or of scalars (the
`steps` and `values` of a compared series), is built column by column with `map`. Anything
unusual (a null in a non-null field, a value the scalar refuses, `@defer` or `@stream`, a
resolve middleware) goes graphql-core's normal way, which then reports the error exactly as
before: the shortcut has no side effects to undo.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from operator import attrgetter
from typing import Any

from graphql.execution.collect_fields import FieldDetailsList
from graphql.pyutils import Path
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.schema.schema_converter import GraphQLCoreConverter

from graphql import (
    GraphQLLeafType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLString,
    Undefined,
)
from labbook.graphql.types.scalars import MAX_SAFE

Build = Callable[[list[Any]], list[dict[str, Any]]]
Leaf = tuple[str, Callable[[Any], Any], GraphQLLeafType, bool]  # key, get, type, non-null


class _Refused(Exception):
    """The shortcut cannot answer; graphql-core's normal path will (and report any error)."""


def _leaf_type(field_type: GraphQLOutputType) -> tuple[GraphQLLeafType, bool] | None:
    non_null = isinstance(field_type, GraphQLNonNull)
    inner = field_type.of_type if isinstance(field_type, GraphQLNonNull) else field_type
    return (inner, non_null) if isinstance(inner, GraphQLLeafType) else None


def _getter(field_def: Any) -> Callable[[Any], Any] | None:
    """How Strawberry reads a basic field: its default resolver on the python name."""
    if not getattr(field_def.resolve, "_is_default", False):
        return None
    field = field_def.extensions[GraphQLCoreConverter.DEFINITION_BACKREF]
    name, resolver = field.python_name, field.default_resolver
    return attrgetter(name) if resolver is getattr else lambda source: resolver(source, name)


def _leaf(object_type: GraphQLObjectType, key: str, details: FieldDetailsList) -> Leaf | None:
    node = details[0].node
    if node.name.value == "__typename":
        return (key, lambda _source: object_type.name, GraphQLString, True)
    field_def = object_type.fields.get(node.name.value)
    if field_def is None or field_def.args or node.arguments:
        return None
    leaf, getter = _leaf_type(field_def.type), _getter(field_def)
    if leaf is None or getter is None:
        return None
    return (key, getter, leaf[0], leaf[1])


def _floats(values: list[Any]) -> bool:
    return all(type(v) is float for v in values) and all(map(math.isfinite, values))


def _longs(values: list[Any]) -> bool:
    return all(type(v) is int for v in values) and (
        not values or (min(values) >= -MAX_SAFE and max(values) <= MAX_SAFE)
    )


# Scalars whose coercion leaves these values as they are: checked for a whole list at once.
_UNCHANGED: dict[str, Callable[[list[Any]], bool]] = {
    "Float": _floats,
    "Long": _longs,
    "String": lambda values: all(type(v) is str for v in values),
    "Boolean": lambda values: all(type(v) is bool for v in values),
}


def _coerced(values: list[Any], leaf_type: GraphQLLeafType, non_null: bool) -> list[Any]:
    """Leaf values coerced; refused where graphql-core would report an error."""
    unchanged = _UNCHANGED.get(leaf_type.name)
    if unchanged is not None and unchanged(values):
        return values
    coerce = leaf_type.coerce_output_value
    if any(v is None or v is Undefined for v in values):
        if non_null:
            raise _Refused
        coerced = [None if v is None or v is Undefined else coerce(v) for v in values]
        if sum(c is None for c in coerced) != sum(v is None or v is Undefined for v in values):
            raise _Refused
        return coerced
    coerced = list(map(coerce, values))
    if any(c is None or c is Undefined for c in coerced):
        raise _Refused
    return coerced


def _column(items: list[Any], leaf: Leaf) -> list[Any]:
    """One field of every item."""
    _, get, leaf_type, non_null = leaf
    return _coerced(list(map(get, items)), leaf_type, non_null)


def _builder(leaves: list[Leaf]) -> Build:
    """Column by column: a list of 20,000 points costs a few `map`s, not 40,000 calls."""
    keys = [leaf[0] for leaf in leaves]

    def build(items: list[Any]) -> list[dict[str, Any]]:
        columns = [_column(items, leaf) for leaf in leaves]
        return [dict(zip(keys, row, strict=True)) for row in zip(*columns, strict=True)]

    return build


class ShortcutExecutionContext(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's execution context with the plain-object shortcut."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Per (object type, field group): the builder, or None when the shortcut does not apply.
        self._builders: dict[tuple[GraphQLObjectType, int], tuple[Any, Build | None]] = {}

    def _build(self, object_type: GraphQLObjectType, details: FieldDetailsList) -> Build | None:
        key = (object_type, id(details))
        if key not in self._builders:  # the group is kept alive beside it: its id stays unique
            self._builders[key] = (details, self._plan(object_type, details))
        return self._builders[key][1]

    def _plan(self, object_type: GraphQLObjectType, details: FieldDetailsList) -> Build | None:
        if self.middleware_manager is not None and self.middleware_manager.middlewares:
            return None
        grouped, defers, _ = self.collect_subfields(object_type, details)
        if defers or any(d.defer_usage for group in grouped.values() for d in group):
            return None
        leaves = [_leaf(object_type, key, group) for key, group in grouped.items()]
        if not leaves or any(leaf is None for leaf in leaves):
            return None
        return _builder([leaf for leaf in leaves if leaf is not None])

    def collect_and_execute_subfields(
        self,
        return_type: GraphQLObjectType,
        field_details_list: FieldDetailsList,
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        build = self._build(return_type, field_details_list)
        if build is not None:
            try:
                return build([result])[0]
            except Exception:
                pass
        return super().collect_and_execute_subfields(
            return_type, field_details_list, path, result, position_context
        )

    def complete_list_value(
        self,
        return_type: GraphQLList[GraphQLOutputType],
        field_details_list: FieldDetailsList,
        info: GraphQLResolveInfo[Any],
        path: Path,
        result: Any,
        position_context: Any,
    ) -> Any:
        if isinstance(result, list | tuple):
            found = self._list_shortcut(return_type.of_type, field_details_list, path, result)
            if found is not None:
                return found
        return super().complete_list_value(
            return_type, field_details_list, info, path, result, position_context
        )

    def _list_shortcut(
        self, item_type: GraphQLOutputType, details: FieldDetailsList, path: Path, items: Any
    ) -> list[Any] | None:
        """Every item of a list of leaves or plain objects at once, or None for the normal path."""
        if (leaf := _leaf_type(item_type)) is not None:
            if self.get_stream_usage(details, path):
                return None
            try:
                return _coerced(list(items), leaf[0], leaf[1])
            except Exception:  # the normal path reports it properly
                return None
        if not isinstance(item_type, GraphQLNonNull):
            return None
        object_type = item_type.of_type
        if not isinstance(object_type, GraphQLObjectType) or self.get_stream_usage(details, path):
            return None
        build = self._build(object_type, details)
        if build is None:
            return None
        is_type_of: Any = object_type.is_type_of  # Strawberry's reads no info
        try:
            if is_type_of is not None and not all(is_type_of(i, None) is True for i in items):
                return None
            return build(list(items))
        except Exception:
            return None
