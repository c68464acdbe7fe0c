"""Request parsing: a JSON body or a query string (repeated keys), read through typed getters.

Every getter raises `INVALID_PARAMETER_VALUE` naming the field, so a malformed or mistyped
request never reaches the store. The client sends NaN and ±infinity as the strings "NaN",
"Infinity" and "-Infinity" inside numeric fields; int64 values as numbers (strings accepted).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator, Mapping
from typing import Any

import orjson
from starlette.requests import Request

from labbook.mlflow_compat.errors import invalid, missing

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
MAX_JSON_BODY = 32 * 1024 * 1024
_SPECIAL_FLOATS = {"nan": math.nan, "infinity": math.inf, "-infinity": -math.inf, "inf": math.inf}
_SPECIAL_FLOATS["-inf"] = -math.inf


def _type_error(where: str, value: object, expected: str) -> Exception:
    shown = repr(value) if len(repr(value)) < 80 else repr(value)[:77] + "..."
    return invalid(f"Invalid value {shown} for parameter '{where}' supplied: expected {expected}.")


def _storable(where: str, value: str) -> str:
    """Text both databases can keep: no NUL character, no lone UTF-16 surrogate."""
    if "\x00" in value:
        raise invalid(f"Invalid value for parameter '{where}': it contains a NUL character.")
    if not value.isascii():
        try:
            value.encode()
        except UnicodeEncodeError:
            raise invalid(
                f"Invalid value for parameter '{where}': it is not valid Unicode."
            ) from None
    return value


def _int_as_text(value: Any) -> Any:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


class Fields:
    """Typed access to one JSON object (or a query string, where every value is a list)."""

    def __init__(self, data: Mapping[str, Any], *, query: bool = False, where: str = "") -> None:
        self.data = data
        self.query = query
        self.where = where

    def _name(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def raw(self, name: str) -> Any:
        """The value, None when absent or null; a query string's last repeated value."""
        value = self.data.get(name)
        if self.query and isinstance(value, list):
            return value[-1] if value else None
        return value

    def has(self, name: str) -> bool:
        return self.raw(name) is not None

    def text(self, name: str, *, required: bool = False, default: str = "") -> str:
        value = self.opt_text(name)
        if value is None:
            if required:
                raise missing(self._name(name))
            return default
        if required and not value:
            raise missing(self._name(name))
        return value

    def opt_text(self, name: str) -> str | None:
        value = self.raw(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise _type_error(self._name(name), value, "a string")
        return _storable(self._name(name), value)

    def id_text(self, name: str, *, required: bool = False, default: str = "") -> str:
        """An id such as `experiment_id`: a string, though a hand-written `1` is taken too."""
        value = _int_as_text(self.raw(name))
        if isinstance(value, str) and value:
            return _storable(self._name(name), value)
        return self.text(name, required=required, default=default)

    def opt_integer(self, name: str) -> int | None:
        value = self.raw(name)
        if value is None:
            return None
        if isinstance(value, str) and value.strip().lstrip("-").isdigit():
            value = int(value)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if not isinstance(value, int) or isinstance(value, bool):
            raise _type_error(self._name(name), value, "an integer")
        if not INT64_MIN <= value <= INT64_MAX:
            raise _type_error(self._name(name), value, "a 64-bit integer")
        return value

    def integer(self, name: str, *, default: int | None = None) -> int:
        value = self.opt_integer(name)
        if value is None:
            if default is None:
                raise missing(self._name(name))
            return default
        return value

    def number(self, name: str) -> float:
        value = self.raw(name)
        if value is None:
            raise missing(self._name(name))
        if isinstance(value, str):
            return self._parse_float(name, value)
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise _type_error(self._name(name), value, "a number")
        try:
            return float(value)
        except OverflowError:  # an integer beyond any double
            raise _type_error(self._name(name), value, "a number") from None

    def _parse_float(self, name: str, value: str) -> float:
        special = _SPECIAL_FLOATS.get(value.strip().lower())
        if special is not None:
            return special
        try:
            return float(value)
        except ValueError:
            raise _type_error(self._name(name), value, "a number") from None

    def boolean(self, name: str, *, default: bool = False) -> bool:
        value = self.raw(name)
        if value is None:
            return default
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
        if not isinstance(value, bool):
            raise _type_error(self._name(name), value, "a boolean")
        return value

    def array(self, name: str) -> list[Any]:
        """A JSON list as it is (a query string's lone value as a one-item list)."""
        value = self.data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            if self.query:
                return [value]
            raise _type_error(self._name(name), value, "a list")
        return value

    def texts(self, name: str, *, ids: bool = False) -> list[str]:
        """A list of strings; with `ids`, integers are taken as their decimal strings."""
        values = self.array(name)
        if ids:
            values = [_int_as_text(v) for v in values]
        for i, value in enumerate(values):
            if not isinstance(value, str):
                raise _type_error(f"{self._name(name)}[{i}]", value, "a string")
            _storable(f"{self._name(name)}[{i}]", value)
        return values

    def objects(self, name: str) -> Iterator[Fields]:
        """The items of a list of JSON objects, each as `Fields` (errors name `tags[2].key`)."""
        for i, value in enumerate(self.array(name)):
            if not isinstance(value, dict):
                raise _type_error(f"{self._name(name)}[{i}]", value, "an object")
            yield Fields(value, where=f"{self._name(name)}[{i}]")

    def run_id(self) -> str:
        """MLflow sends both `run_id` and the legacy `run_uuid`; either will do."""
        value = self.opt_text("run_id") or self.opt_text("run_uuid")
        if not value:
            raise missing(self._name("run_id"))
        return value


def _loads(body: bytes) -> Any:
    """orjson (a batch of 1,000 metrics parses several times faster), or the standard library
    for what orjson refuses but MLflow's clients may send: bare NaN and Infinity, integers
    beyond 64 bits, escaped lone surrogates (refused later, with a clearer message)."""
    try:
        return orjson.loads(body)
    except orjson.JSONDecodeError:
        return json.loads(body)


def parse_json(body: bytes) -> Mapping[str, Any]:
    if len(body) > MAX_JSON_BODY:
        raise invalid(f"The request body exceeds {MAX_JSON_BODY} bytes.")
    if not body.strip():
        return {}
    try:
        data = _loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise invalid(f"Malformed JSON in the request body: {exc}") from None
    if not isinstance(data, dict):
        raise invalid("The request body must be a JSON object.")
    return data


def query_fields(request: Request) -> Fields:
    params = request.query_params
    return Fields({key: params.getlist(key) for key in params}, query=True)


async def request_fields(request: Request) -> Fields:
    """The query string for GET; the JSON body otherwise (whatever the Content-Type says)."""
    if request.method in ("GET", "HEAD"):
        return query_fields(request)
    body = await request.body()
    if not body.strip() and request.query_params:
        return query_fields(request)
    return Fields(parse_json(body))
