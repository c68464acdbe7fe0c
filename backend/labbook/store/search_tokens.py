"""The tokens of the search language (`store.search`), with their positions for errors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from labbook.errors import InvalidParameterError


@dataclass(frozen=True, slots=True)
class Token:
    kind: Literal["number", "ident", "string", "key", "op", "punct", "end"]
    text: str
    position: int
    end: int
    value: str = ""


_TOKENS = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<number>[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?(?![\w.]))
  | (?P<ident>(?:[^\W\d]|\.)[\w.]*)
  | (?P<string>'(?:[^'\\]|\\.|'')*'|"(?:[^"\\]|\\.|"")*")
  | (?P<key>`(?:[^`]|``)*`)
  | (?P<op>!=|<>|<=|>=|==|=|<|>)
  | (?P<punct>[(),])
    """,
    re.VERBOSE,
)


def _unquote(text: str) -> str:
    quote, body = text[0], text[1:-1]
    body = body.replace(quote * 2, quote)
    return re.sub(r"\\(.)", r"\1", body) if quote != "`" else body


def fail(text: str, message: str, position: int) -> InvalidParameterError:
    return InvalidParameterError(f"Invalid search '{text}': {message} at position {position}")


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(text):
        match = _TOKENS.match(text, pos)
        if match is None:
            raise fail(text, f"unexpected character '{text[pos]}'", pos)
        kind, piece = match.lastgroup or "ws", match.group()
        if kind != "ws":
            value = _unquote(piece) if kind in ("string", "key") else piece
            tokens.append(Token(kind, piece, pos, match.end(), value))  # type: ignore[arg-type]
        pos = match.end()
    tokens.append(Token("end", "end of input", len(text), len(text)))
    return tokens
