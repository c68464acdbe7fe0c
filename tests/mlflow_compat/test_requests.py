"""Request parsing: typed getters over JSON bodies and query strings."""

from __future__ import annotations

import math

import pytest

from labbook.mlflow_compat.errors import MlflowApiError
from labbook.mlflow_compat.requests import Fields, parse_json


def test_numbers_accept_mlflow_encodings() -> None:
    fields = Fields({"a": "NaN", "b": "Infinity", "c": "-Infinity", "d": 1, "e": "0.5"})
    assert math.isnan(fields.number("a"))
    assert fields.number("b") == math.inf
    assert fields.number("c") == -math.inf
    assert fields.number("d") == 1.0
    assert fields.number("e") == 0.5


@pytest.mark.parametrize("value", [True, "abc", [1], {"x": 1}, 10**400])
def test_numbers_refuse_other_values(value: object) -> None:
    with pytest.raises(MlflowApiError) as caught:
        Fields({"v": value}).number("v")
    assert caught.value.error_code == "INVALID_PARAMETER_VALUE"
    assert "'v'" in caught.value.message


def test_integers() -> None:
    fields = Fields({"a": "12", "b": 3.0, "c": 2**63, "d": False, "e": 1.5})
    assert fields.integer("a") == 12
    assert fields.integer("b") == 3
    assert fields.integer("missing", default=7) == 7
    for name in ("c", "d", "e", "missing"):
        with pytest.raises(MlflowApiError):
            fields.integer(name)


def test_query_strings_take_repeated_keys() -> None:
    fields = Fields({"ids": ["1", "2"], "n": ["5"], "flag": ["True"]}, query=True)
    assert fields.texts("ids") == ["1", "2"]
    assert fields.integer("n") == 5
    assert fields.boolean("flag") is True
    assert fields.texts("absent") == []


def test_required_text_and_run_id() -> None:
    assert Fields({"run_uuid": "abc"}).run_id() == "abc"
    assert Fields({"run_id": "a", "run_uuid": "b"}).run_id() == "a"
    with pytest.raises(MlflowApiError, match="'run_id'"):
        Fields({}).run_id()
    with pytest.raises(MlflowApiError, match="'name'"):
        Fields({"name": ""}).text("name", required=True)
    assert Fields({"name": None}).text("name", default="x") == "x"


def test_nested_objects_name_their_position() -> None:
    fields = Fields({"tags": [{"key": "a"}, {"value": "v"}]})
    items = list(fields.objects("tags"))
    assert items[0].text("key", required=True) == "a"
    with pytest.raises(MlflowApiError, match=r"tags\[1\]\.key"):
        items[1].text("key", required=True)


@pytest.mark.parametrize("body", [b"{", b"[]", b"1", b"\xff"])
def test_parse_json_refuses_non_objects(body: bytes) -> None:
    with pytest.raises(MlflowApiError):
        parse_json(body)


def test_parse_json_keeps_nan_tokens() -> None:
    assert math.isnan(parse_json(b'{"v": NaN}')["v"])
    assert parse_json(b"  ") == {}


def test_ids_may_be_numbers() -> None:
    fields = Fields({"experiment_id": 3, "experiment_ids": [1, "2"], "flag": True})
    assert fields.id_text("experiment_id") == "3"
    assert fields.texts("experiment_ids", ids=True) == ["1", "2"]
    assert fields.id_text("missing", default="0") == "0"
    with pytest.raises(MlflowApiError):
        fields.id_text("flag")
    with pytest.raises(MlflowApiError):
        fields.texts("experiment_ids")
