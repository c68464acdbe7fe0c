"""The plain-object shortcut gives graphql-core's answers, errors included."""

from __future__ import annotations

import json
from enum import Enum

import pytest
import strawberry

from labbook.graphql.execution import ShortcutExecutionContext
from labbook.graphql.schema import schema
from labbook.graphql.view import GraphQLView


@strawberry.enum
class Colour(Enum):
    RED = "red"


@strawberry.type
class Item:
    name: str
    size: float | None
    colour: Colour
    label: str  # non-null: a None here is an error the normal path reports

    @strawberry.field
    def shout(self) -> str:
        return self.name.upper()


ITEMS = [
    Item(name="a", size=None, colour=Colour.RED, label="x"),
    Item(name="b", size=2.5, colour=Colour.RED, label="y"),
]


@strawberry.type
class Query:
    @strawberry.field
    def items(self) -> list[Item]:
        return ITEMS

    @strawberry.field
    def numbers(self) -> list[int]:
        return [1, 2, 3]

    @strawberry.field
    def maybe(self) -> list[float | None]:
        return [1.5, None, 2.0]

    @strawberry.field
    def bad_numbers(self) -> list[int]:
        return [1, None, 2**40]  # type: ignore[list-item]

    @strawberry.field
    def broken(self) -> list[Item]:
        return [ITEMS[0], Item(name="c", size=1.0, colour=Colour.RED, label=None)]  # type: ignore[arg-type]


def execute(query: str, shortcut: bool) -> tuple[object, list[str]]:
    context_class = ShortcutExecutionContext if shortcut else None
    schema = strawberry.Schema(query=Query, execution_context_class=context_class)
    result = schema.execute_sync(query)
    return result.data, [f"{e.message} at {e.path}" for e in result.errors or []]


@pytest.mark.parametrize(
    "query",
    [
        "{ items { name size colour __typename n: name } }",
        "{ items { ... on Item { name } ...F } } fragment F on Item { size }",
        "{ items { name shout } }",  # a resolver: the normal path
        "{ items { name @include(if: false) size @skip(if: false) } }",
        "{ broken { name label } }",
        "{ broken { name } }",
        "{ numbers maybe }",
        "{ badNumbers }",
    ],
)
def test_the_shortcut_answers_as_graphql_core_does(query: str) -> None:
    assert execute(query, shortcut=True) == execute(query, shortcut=False)


def test_a_null_in_a_non_null_field_is_still_an_error_with_its_path() -> None:
    data, errors = execute("{ broken { label } }", shortcut=True)
    assert data is None
    assert errors == [
        "Cannot return null for non-nullable field Item.label. at ['broken', 1, 'label']"
    ]


def test_responses_are_json_even_past_what_orjson_writes() -> None:
    view = GraphQLView(schema)
    assert json.loads(view.encode_json({"data": {"n": 2**53, "x": 1.5}})) == {
        "data": {"n": 2**53, "x": 1.5}
    }
    assert json.loads(view.encode_json({"data": {"n": 2**70}})) == {"data": {"n": 2**70}}
