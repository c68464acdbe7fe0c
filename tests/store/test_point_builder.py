"""`new_point` builds the same MetricPoint as its constructor."""

from __future__ import annotations

import dataclasses
import math

import pytest

from labbook.store.entities import MetricPoint
from labbook.store.point_builder import new_point, new_points


def test_new_point_equals_the_constructed_one() -> None:
    built = new_point("loss", 0.5, 3, 1_700_000_000_000)
    assert built == MetricPoint(name="loss", value=0.5, step=3, timestamp=1_700_000_000_000)
    assert hash(built) == hash(
        MetricPoint(name="loss", value=0.5, step=3, timestamp=1_700_000_000_000)
    )
    assert dataclasses.asdict(built) == {
        "name": "loss",
        "value": 0.5,
        "step": 3,
        "timestamp": 1_700_000_000_000,
    }
    assert math.isnan(new_point("x", math.nan, 0, 0).value)


def test_new_point_is_still_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        new_point("loss", 0.5, 3, 1).value = 1.0  # type: ignore[misc]


def test_new_points_builds_each_point_from_its_columns() -> None:
    built = new_points(("a", "b"), (0.5, math.inf), (1, 2), (10, 20))
    assert built == [new_point("a", 0.5, 1, 10), new_point("b", math.inf, 2, 20)]
    assert new_points((), (), (), ()) == []
    with pytest.raises(dataclasses.FrozenInstanceError):
        built[0].step = 3  # type: ignore[misc]


def test_new_points_refuses_columns_of_different_lengths() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        new_points(("a", "b"), (0.5,), (1, 2), (10, 20))
