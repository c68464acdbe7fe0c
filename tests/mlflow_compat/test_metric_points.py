"""`metric_points` reads a batch column by column when every item has the usual shape; any
other batch reads as before, item by item: the same points, or the same error, either way."""

from __future__ import annotations

import math
from typing import Any

import pytest

from labbook.mlflow_compat.errors import MlflowApiError
from labbook.mlflow_compat.requests import Fields
from labbook.mlflow_compat.runs import metric_point, metric_points
from labbook.store.entities import MetricPoint

GOOD = {"key": "m", "value": 0.5, "timestamp": 1, "step": 2}
ODD_ITEMS: list[Any] = [
    {"key": "m", "value": 0.5, "timestamp": 1},
    {"key": "m", "value": 0.5, "timestamp": 1, "step": None},
    {"key": "m", "value": 0.5, "timestamp": 1, "step": 0.0},
    {"key": "m", "value": 0.5, "timestamp": 1, "step": False},
    {"key": "m", "value": 0.5, "timestamp": 1, "step": ""},
    {"key": "m", "value": 0.5, "timestamp": 1, "step": "7"},
    {"key": "m", "value": 0.5, "timestamp": 1, "step": 2**63},
    {"key": "m", "value": 0.5, "timestamp": 1, "step": -(2**63)},
    {"key": "m", "value": 0.5, "timestamp": -(2**63) - 1},
    {"key": "m", "value": 0.5, "timestamp": 2**63 - 1},
    {"key": "m", "value": 0.5, "timestamp": True},
    {"key": "m", "value": 0.5, "timestamp": 1.0},
    {"key": "m", "value": 0.5},
    {"key": "m", "timestamp": 1},
    {"value": 0.5, "timestamp": 1},
    {"key": "m", "value": 3, "timestamp": 1},
    {"key": "m", "value": True, "timestamp": 1},
    {"key": "m", "value": "NaN", "timestamp": 1},
    {"key": "m", "value": "-Infinity", "timestamp": 1},
    {"key": "m", "value": "abc", "timestamp": 1},
    {"key": "m", "value": None, "timestamp": 1},
    {"key": "", "value": 0.5, "timestamp": 1},
    {"key": "a\x00b", "value": 0.5, "timestamp": 1},
    {"key": "métrique", "value": 0.5, "timestamp": 1},
    {"key": ["m"], "value": 0.5, "timestamp": 1},
    {"key": 5, "value": 0.5, "timestamp": 1},
    {"key": "m", "value": 0.5, "timestamp": 1, "model_id": None},
    {"key": "m", "value": 0.5, "timestamp": 1, "model_id": "m-1"},
    {"key": "m", "value": 0.5, "timestamp": 1, "step": 3, "dataset_name": "d"},
    "m",
    None,
    [GOOD],
]


def _item_by_item(items: list[Any]) -> tuple[list[MetricPoint], list[str]]:
    """What a batch reads as through `metric_point`, one item at a time."""
    objects = list(Fields({"metrics": items}).objects("metrics"))
    return [metric_point(item) for item in objects], [o.where for o in objects if o.has("model_id")]


def _outcome(read: Any, items: list[Any]) -> Any:
    try:
        points, with_model = read(items)
    except MlflowApiError as exc:
        return type(exc), str(exc)
    return [(p.name, p.value, p.step, p.timestamp) for p in points], with_model


def _fast(items: list[Any]) -> tuple[list[MetricPoint], list[str]]:
    points, with_model = metric_points(Fields({"metrics": items}))
    return points, [item.where for item in with_model]


@pytest.mark.parametrize("odd", ODD_ITEMS, ids=repr)
def test_a_batch_with_one_odd_item_reads_as_item_by_item(odd: Any) -> None:
    items = [GOOD, {**GOOD, "key": "n", "step": 3}, odd, GOOD]
    assert _outcome(_fast, items) == _outcome(_item_by_item, items)


@pytest.mark.parametrize("odd", ODD_ITEMS, ids=repr)
def test_a_batch_of_one_odd_item_reads_as_item_by_item(odd: Any) -> None:
    assert _outcome(_fast, [odd]) == _outcome(_item_by_item, [odd])


def test_a_plain_batch_reads_every_point_in_order() -> None:
    items = [
        {"key": f"m{i % 3}", "value": i / 3, "timestamp": 10 + i, "step": i // 3} for i in range(30)
    ]
    items[4] = {"key": "m1", "value": math.inf, "timestamp": 14}  # no step: 0
    points, with_model = metric_points(Fields({"metrics": items}))
    assert (points, with_model) == _item_by_item(items)
    assert points[4] == MetricPoint(name="m1", value=math.inf, step=0, timestamp=14)
    assert metric_points(Fields({"metrics": []})) == ([], [])
