"""The search language: trees for MLflow's syntax and our extensions, errors naming tokens."""

from __future__ import annotations

import pytest

from labbook.errors import InvalidParameterError
from labbook.store.search import (
    And,
    Comparison,
    Field,
    Not,
    Or,
    OrderKey,
    parse_filter,
    parse_order_by,
)


def leaf(text: str) -> Comparison:
    tree = parse_filter(text)
    assert isinstance(tree, Comparison)
    return tree


def test_blank_filters_are_none() -> None:
    assert parse_filter("") is None
    assert parse_filter("  \n") is None


def test_mlflow_example() -> None:
    tree = parse_filter(
        "metrics.acc > 0.9 and params.optimizer = 'adam' and tags.team LIKE 'ml%'"
        " and attributes.status = 'FINISHED'"
    )
    assert tree == And(
        (
            Comparison(Field("metric", "acc", position=0), ">", 0.9, 12),
            Comparison(Field("param", "optimizer", position=22), "=", "adam", 39),
            Comparison(Field("tag", "team", position=52), "LIKE", "ml%", 62),
            Comparison(Field("attribute", "status", position=77), "=", "FINISHED", 95),
        )
    )


@pytest.mark.parametrize(
    ("text", "kind", "key", "summary"),
    [
        ("metric.a = 1", "metric", "a", "last"),
        ("m.a = 1", None, None, None),
        ("params.a = 'x'", "param", "a", "last"),
        ("parameter.a = 'x'", "param", "a", "last"),
        ("parameters.a = 'x'", "param", "a", "last"),
        ("tag.a = 'x'", "tag", "a", "last"),
        ("attr.run_name = 'x'", "attribute", "run_name", "last"),
        ("run.status = 'x'", "attribute", "status", "last"),
        ("status = 'x'", "attribute", "status", "last"),
        ("metrics.val.loss < 1", "metric", "val.loss", "last"),
        ("metrics.loss.min < 1", "metric", "loss.min", "last"),
        ("metrics.`loss`.min < 1", "metric", "loss", "min"),
        ("metrics.`val.loss`.MAX < 1", "metric", "val.loss", "max"),
        ('metrics."f1 score".count > 1', "metric", "f1 score", "count"),
        ("metrics.`loss`.last < 1", "metric", "loss", "last"),
        ("metrics.`a``b` < 1", "metric", "a`b", "last"),
        ("tags.`mlflow.runName` = 'x'", "tag", "mlflow.runName", "last"),
        ('tags."mlflow.runName" = "x"', "tag", "mlflow.runName", "last"),
        ("METRICS.Loss < 1", "metric", "Loss", "last"),
    ],
)
def test_fields(text: str, kind: str | None, key: str | None, summary: str | None) -> None:
    if kind is None:
        with pytest.raises(InvalidParameterError, match="invalid entity type 'm' at position 0"):
            parse_filter(text)
        return
    field = leaf(text).field
    assert (field.kind, field.key, field.summary) == (kind, key, summary)


@pytest.mark.parametrize(
    ("text", "op", "value"),
    [
        ("metrics.a = 1", "=", 1.0),
        ("metrics.a == 1", "=", 1.0),
        ("metrics.a != -2.5", "!=", -2.5),
        ("metrics.a <> 1e3", "!=", 1000.0),
        ("metrics.a < 1.5E-3", "<", 0.0015),
        ("metrics.a <= .5", "<=", 0.5),
        ("metrics.a > +3", ">", 3.0),
        ("metrics.a>=0", ">=", 0.0),
        ("params.a like 'x%'", "LIKE", "x%"),
        ('params.a ILike "X%"', "ILIKE", "X%"),
        ("params.a IN ('x', \"y\")", "IN", ("x", "y")),
        ("params.a not in ('x')", "NOT IN", ("x",)),
        ("params.a IS NULL", "IS NULL", None),
        ("params.a is not null", "IS NOT NULL", None),
        ("params.a = 'it''s'", "=", "it's"),
        ("params.a = 'it\\'s'", "=", "it's"),
        ('params.a = "say ""hi"""', "=", 'say "hi"'),
    ],
)
def test_operators_and_values(text: str, op: str, value: object) -> None:
    c = leaf(text)
    assert (c.op, c.value) == (op, value)


def test_or_binds_looser_than_and_and_not_and_parentheses() -> None:
    a = "params.a = 'x'"
    tree = parse_filter(f"{a} OR {a} AND NOT {a}")
    assert isinstance(tree, Or)
    assert isinstance(tree.items[1], And)
    assert isinstance(tree.items[1].items[1], Not)
    grouped = parse_filter(f"({a} OR {a}) and {a}")
    assert isinstance(grouped, And) and isinstance(grouped.items[0], Or)
    nested = parse_filter(f"(({a}))")
    assert isinstance(nested, Comparison) and (nested.field.key, nested.value) == ("a", "x")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("metrics.x ~ 1", "unexpected character '~' at position 10"),
        ("metrics.x > ", "expected a quoted string or a number, found end of input at position 12"),
        ("metrics.x > abc", "expected a quoted string or a number, found 'abc' at position 12"),
        ("foo.bar = 1", "invalid entity type 'foo'"),
        ("datasets.name = 'x'", "datasets is not supported at position 0"),
        ("params.a = 'x' OR", "found end of input at position 17"),
        ("params.a = 'x' params.b = 'y'", "expected AND, OR or the end of the filter, found"
         " 'params.b' at position 15"),
        ("(params.a = 'x'", "expected '\\)', found end of input at position 15"),
        ("params.a IN 'x'", "expected '\\(' to open a list, found ''x'' at position 12"),
        ("params.a IN ('x' 'y')", "expected ',' or '\\)', found ''y'' at position 17"),
        ("params.a = 'open", "unexpected character ''' at position 11"),
        ("metrics.`loss`.avg < 1", "'.avg' is not a metric summary .* at position 14"),
        ("params.`lr`.min = 'x'", "'.min' is not a metric summary .* at position 11"),
        ("params. `lr` = 'x'", "expected a key after 'params.', found '`lr`' at position 8"),
        ("params.a 'x'", "expected a comparison operator .*, found ''x'' at position 9"),
        ("= 'x'", "expected a field .*, found '=' at position 0"),
    ],
)  # fmt: skip
def test_errors_name_the_token_and_position(text: str, message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        parse_filter(text)


def test_order_by() -> None:
    assert parse_order_by(["metrics.loss ASC", "params.lr", "attributes.start_time DESC"]) == [
        OrderKey(Field("metric", "loss"), True),
        OrderKey(Field("param", "lr"), True),
        OrderKey(Field("attribute", "start_time"), False),
    ]
    assert parse_order_by(["metrics.`loss`.min desc", "name", " "]) == [
        OrderKey(Field("metric", "loss", "min", quoted=True), False),
        OrderKey(Field("attribute", "name"), True),
    ]
    assert parse_order_by([]) == []


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (["metrics.loss DOWN"], "expected ASC, DESC or the end of the order key, found 'DOWN'"),
        (["metrics.loss ASC DESC"], "found 'DESC' at position 17"),
        (["metrics.loss", "metrics.loss DESC"], "'metrics.loss DESC' repeats a field"),
        (["bad.key"], "invalid entity type 'bad'"),
    ],
)
def test_order_by_errors(items: list[str], message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        parse_order_by(items)
