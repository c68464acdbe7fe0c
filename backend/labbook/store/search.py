"""The search language (design §7): MLflow's filter and order-by syntax, parsed to typed trees.

Filters follow MLflow's `search_runs` grammar and extend it:

    metrics.acc > 0.9 and params.optimizer = 'adam' and tags.team LIKE 'ml%'
    (attributes.status = 'FINISHED' OR NOT tags.`mlflow.parentRunId` IS NOT NULL)

- A field is `<prefix>.<key>`; prefixes are MLflow's (`metric(s)`, `param(s)`,
  `parameter(s)`, `tag(s)`, `attribute(s)`, `attr`, `run`). A bare name is an attribute, as in
  MLflow (`name LIKE 'a%'`, `status = 'FAILED'`). Which attributes exist is up to the caller
  (runs and experiments differ), so the tree keeps every field's position for its errors.
- An unquoted key runs to the next space or operator, dots included: `metrics.val.loss` is
  the metric `val.loss` (MLflow accepts `tags.mlflow.parentRunId` unquoted). Keys with other
  characters are quoted with backquotes or double quotes: ``metrics.`f1 score` ``.
- Metric summaries: a metric compares by its latest value unless a summary follows the key:
  `.last`, `.min`, `.max` or `.count`. After a quoted key it always is one
  (``metrics.`loss`.min``, ``metrics."val.loss".max``). After an unquoted key
  (`metrics.loss.min`, as the design spells it) the parser cannot tell it from a dotted key,
  so the field keeps the whole key with `quoted=False` and the store decides: the metric
  named `loss.min` if one was ever logged (MLflow's reading), the minimum of `loss`
  otherwise (`store.summary_names`).
- Values: strings in single or double quotes (a doubled quote or a backslash escapes one),
  numbers (`-1.5e-3`), lists `('a', 'b')` after `IN` / `NOT IN`.
- Operators: `= != <> < <= > >= LIKE ILIKE IN NOT IN IS NULL IS NOT NULL`; keywords are
  case-insensitive. `AND` binds tighter than `OR`; `NOT` negates; parentheses group.

Order keys are `<field> [ASC|DESC]` with the same fields (ascending by default).
Every error is an `InvalidParameterError` naming the offending token and its position.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from labbook.errors import InvalidParameterError
from labbook.store.search_tokens import Token, fail, tokenize

Kind = Literal["metric", "param", "tag", "attribute"]
Summary = Literal["last", "min", "max", "count"]
Value = str | float
Operator = Literal[
    "=", "!=", "<", "<=", ">", ">=", "LIKE", "ILIKE", "IN", "NOT IN", "IS NULL", "IS NOT NULL"
]

PREFIXES: dict[str, Kind] = {
    "metric": "metric",
    "metrics": "metric",
    "param": "param",
    "params": "param",
    "parameter": "param",
    "parameters": "param",
    "tag": "tag",
    "tags": "tag",
    "attribute": "attribute",
    "attributes": "attribute",
    "attr": "attribute",
    "run": "attribute",
}
SUMMARIES: tuple[Summary, ...] = ("last", "min", "max", "count")


@dataclass(frozen=True, slots=True)
class Field:
    kind: Kind
    key: str
    summary: Summary = "last"
    position: int = 0
    quoted: bool = False

    def describe(self) -> str:
        return f"{self.kind} '{self.key}'" + ("" if self.summary == "last" else f".{self.summary}")


@dataclass(frozen=True, slots=True)
class Comparison:
    field: Field
    op: Operator
    # A string or number; a tuple for IN / NOT IN; None for IS [NOT] NULL.
    value: Value | tuple[Value, ...] | None
    position: int = 0


@dataclass(frozen=True, slots=True)
class And:
    items: tuple[FilterExpr, ...]


@dataclass(frozen=True, slots=True)
class Or:
    items: tuple[FilterExpr, ...]


@dataclass(frozen=True, slots=True)
class Not:
    item: FilterExpr


FilterExpr = Comparison | And | Or | Not


@dataclass(frozen=True, slots=True)
class OrderKey:
    field: Field
    ascending: bool = True


class _Parser:
    """Recursive descent over the token list; `i` is the next token."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.i = 0

    @property
    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        token = self.tokens[self.i]
        self.i += 1
        return token

    def error(self, token: Token, expected: str) -> InvalidParameterError:
        found = "end of input" if token.kind == "end" else f"'{token.text}'"
        return fail(self.text, f"expected {expected}, found {found}", token.position)

    def keyword(self, *words: str) -> bool:
        """Consume the keyword(s) if they come next, case-insensitively."""
        ahead = self.tokens[self.i : self.i + len(words)]
        if [t.text.upper() if t.kind == "ident" else None for t in ahead] != list(words):
            return False
        self.i += len(words)
        return True

    def expect_end(self, what: str) -> None:
        if self.peek.kind != "end":
            raise self.error(self.peek, what)

    # -- filters ---------------------------------------------------------------------------

    def disjunction(self) -> FilterExpr:
        items = [self.conjunction()]
        while self.keyword("OR"):
            items.append(self.conjunction())
        return items[0] if len(items) == 1 else Or(tuple(items))

    def conjunction(self) -> FilterExpr:
        items = [self.unary()]
        while self.keyword("AND"):
            items.append(self.unary())
        return items[0] if len(items) == 1 else And(tuple(items))

    def unary(self) -> FilterExpr:
        if self.keyword("NOT"):
            return Not(self.unary())
        if self.peek.text == "(" and self.peek.kind == "punct":
            self.take()
            inner = self.disjunction()
            if self.take().text != ")":
                raise self.error(self.tokens[self.i - 1], "')'")
            return inner
        return self.comparison()

    def comparison(self) -> Comparison:
        field = self.field()
        token = self.peek
        op = self.operator()
        if op in ("IS NULL", "IS NOT NULL"):
            return Comparison(field, op, None, token.position)
        if op in ("IN", "NOT IN"):
            return Comparison(field, op, self.value_list(), token.position)
        return Comparison(field, op, self.value(), token.position)

    def operator(self) -> Operator:
        token = self.peek
        if token.kind == "op":
            self.take()
            return {"==": "=", "<>": "!="}.get(token.text, token.text)  # type: ignore[return-value]
        for words, op in _WORD_OPERATORS:
            if self.keyword(*words):
                return op
        raise self.error(token, "a comparison operator (=, !=, <, <=, >, >=, LIKE, ILIKE, IN, IS)")

    def value(self) -> Value:
        token = self.take()
        if token.kind == "string":
            return token.value
        if token.kind == "number":
            return float(token.text)
        raise self.error(token, "a quoted string or a number")

    def value_list(self) -> tuple[Value, ...]:
        if self.take().text != "(":
            raise self.error(self.tokens[self.i - 1], "'(' to open a list")
        values = [self.value()]
        while self.peek.text == ",":
            self.take()
            values.append(self.value())
        if self.take().text != ")":
            raise self.error(self.tokens[self.i - 1], "',' or ')'")
        return tuple(values)

    # -- fields ----------------------------------------------------------------------------

    def field(self) -> Field:
        token = self.take()
        if token.kind != "ident" or token.text.startswith("."):
            raise self.error(token, "a field such as metrics.<key>, params.<key> or tags.<key>")
        prefix, dot, key = token.text.partition(".")
        if not dot:
            return Field("attribute", token.text, position=token.position)
        kind = self.prefix(prefix, token)
        if key:
            return Field(kind, key, position=token.position)
        quoted = self.take()
        if quoted.kind not in ("string", "key") or quoted.position != token.end or not quoted.value:
            raise self.error(quoted, f"a key after '{token.text}'")
        return Field(kind, quoted.value, self.summary(kind, quoted), token.position, quoted=True)

    def prefix(self, prefix: str, token: Token) -> Kind:
        if prefix.lower() in ("dataset", "datasets"):
            raise fail(self.text, "searching by datasets is not supported", token.position)
        kind = PREFIXES.get(prefix.lower())
        if kind is None:
            valid = ", ".join(sorted(PREFIXES))
            message = (
                f"invalid entity type '{prefix}' at position {token.position} (valid: {valid})"
            )
            raise InvalidParameterError(f"Invalid search '{self.text}': {message}")
        return kind

    def summary(self, kind: Kind, quoted: Token) -> Summary:
        token = self.peek
        if token.kind != "ident" or not token.text.startswith(".") or token.position != quoted.end:
            return "last"
        self.take()
        name = token.text[1:].lower()
        if kind != "metric" or name not in SUMMARIES:
            choices = "/".join(SUMMARIES)
            raise fail(
                self.text, f"'{token.text}' is not a metric summary ({choices})", token.position
            )
        return name

    # -- order -----------------------------------------------------------------------------

    def order_key(self) -> OrderKey:
        field = self.field()
        ascending = not self.keyword("DESC")
        if ascending:
            self.keyword("ASC")
        self.expect_end("ASC, DESC or the end of the order key")
        return OrderKey(field, ascending)


_WORD_OPERATORS: tuple[tuple[tuple[str, ...], Operator], ...] = (
    (("LIKE",), "LIKE"),
    (("ILIKE",), "ILIKE"),
    (("IN",), "IN"),
    (("NOT", "IN"), "NOT IN"),
    (("IS", "NULL"), "IS NULL"),
    (("IS", "NOT", "NULL"), "IS NOT NULL"),
)


def parse_filter(text: str) -> FilterExpr | None:
    """The tree of a filter string; None when it is empty or blank."""
    if not text.strip():
        return None
    parser = _Parser(text)
    tree = parser.disjunction()
    parser.expect_end("AND, OR or the end of the filter")
    return tree


def parse_order_by(items: list[str]) -> list[OrderKey]:
    """Order keys in priority order; the same field twice is an error, as in MLflow."""
    items = [item for item in items if item.strip()]
    keys = [_Parser(item).order_key() for item in items]
    seen: set[tuple[Kind, str, Summary]] = set()
    for item, key in zip(items, keys, strict=True):
        ident = (key.field.kind, key.field.key, key.field.summary)
        if ident in seen:
            raise InvalidParameterError(f"Invalid order_by: '{item}' repeats a field")
        seen.add(ident)
    return keys
