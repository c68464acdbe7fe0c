"""`new_point` builds the same MetricPoint as its constructor."""

from __future__ import annotations

import dataclasses
import math

import pytest

from labbook.store.entities import MetricPoint
from labbook.store.point_builder import new_point


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
