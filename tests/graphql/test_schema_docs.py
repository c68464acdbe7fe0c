"""The schema documents itself: GraphiQL shows a description on every type and field."""

from __future__ import annotations

from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
)
from labbook.graphql.schema import schema


def _types() -> list[GraphQLNamedType]:
    """The schema's named types, without introspection's own (`__Type`, ...)."""
    types = schema._schema.type_map.values()
    return [t for t in types if not t.name.startswith("__")]


def _blank(description: str | None) -> bool:
    return not (description and description.strip())


def test_every_type_has_a_description() -> None:
    """Object, input, interface, union, enum and scalar types (built-in scalars included)."""
    missing = [t.name for t in _types() if _blank(t.description)]
    assert not missing, f"types without a description: {sorted(missing)}"


def test_every_field_and_input_field_has_a_description() -> None:
    kinds = GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType
    missing = [
        f"{t.name}.{name}"
        for t in _types()
        if isinstance(t, kinds)
        for name, field in t.fields.items()
        if _blank(field.description)
    ]
    assert not missing, f"fields without a description: {sorted(missing)}"


def test_every_enum_value_has_a_description() -> None:
    missing = [
        f"{t.name}.{name}"
        for t in _types()
        if isinstance(t, GraphQLEnumType)
        for name, value in t.values.items()
        if _blank(value.description)
    ]
    assert not missing, f"enum values without a description: {sorted(missing)}"


def test_the_checks_see_the_whole_schema() -> None:
    """The walk reaches the roots, a union payload and an input, so a pass means something."""
    names = {t.name for t in _types()}
    assert {"Query", "Mutation", "Subscription", "CandidatePayload", "SignInInput"} <= names
    mutation = schema._schema.mutation_type
    assert mutation is not None and "createCandidate" in mutation.fields
