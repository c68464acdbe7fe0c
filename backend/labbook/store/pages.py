"""Pages of search results and their opaque keyset cursors.

A cursor is the url-safe base64 of JSON `[signature, [sort values…]]`: the values of the
item's sort keys (ending with its id), so the next page starts strictly after it whatever was
inserted meanwhile. The signature names the sort order, so a cursor is refused under another
order instead of silently landing somewhere else.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar, overload

from labbook.errors import InvalidParameterError

T = TypeVar("T")
CursorValue = int | float | str | datetime | None


@dataclass(slots=True)
class Page(Generic[T]):
    """`cursors[i]` addresses `items[i]`. `has_more`: more follow the last item, or, for a
    page taken `before` a cursor, more precede the first."""

    items: list[T]
    cursors: Sequence[str]
    has_more: bool


class Cursors(Sequence[str]):
    """The cursors of a page, encoded when asked for: MLflow only ever wants the last one,
    and encoding a thousand costs more than reading the rows."""

    def __init__(self, signature: str, values: list[Sequence[CursorValue]]) -> None:
        self.signature, self.values = signature, values

    def __len__(self) -> int:
        return len(self.values)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [encode_cursor(self.signature, v) for v in self.values[index]]
        return encode_cursor(self.signature, self.values[index])


def _plain(value: CursorValue) -> Any:
    return {"dt": value.isoformat()} if isinstance(value, datetime) else value


def _typed(value: Any) -> CursorValue:
    if isinstance(value, dict) and isinstance(value.get("dt"), str):
        return datetime.fromisoformat(value["dt"])
    if value is None or (isinstance(value, int | float | str) and not isinstance(value, bool)):
        return value
    raise ValueError("bad cursor value")


def encode_cursor(signature: str, values: Sequence[CursorValue]) -> str:
    payload = json.dumps([signature, [_plain(v) for v in values]], separators=(",", ":"))
    return base64.urlsafe_b64encode(payload.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, *, signature: str) -> list[CursorValue]:
    """The sort values in `cursor`; `InvalidParameterError` unless it fits this sort order."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        found, values = json.loads(raw)
        if found != signature or not isinstance(values, list):
            raise ValueError("cursor of another order")
        return [_typed(v) for v in values]
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as error:
        raise InvalidParameterError("Invalid page token", field="page_token") from error
