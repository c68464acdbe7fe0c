"""`MetricPoint`s built in bulk, a thousand per logged batch.

A frozen dataclass's `__init__` sets each field through `object.__setattr__` (a global lookup
and a call per field, with keyword arguments on top): most of the cost of reading a batch.
`new_point` sets the slots directly, the same object for a third of the time; `new_points`
sets them column by column with `map`, without a Python call per point.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import fields
from itertools import repeat

from labbook.store.entities import MetricPoint

_FIELDS = ("name", "value", "step", "timestamp")
# A field added to MetricPoint would be left unset here: fail at import instead.
assert tuple(f.name for f in fields(MetricPoint)) == _FIELDS, "update point_builder"

_new = object.__new__
_SETTERS = tuple(MetricPoint.__dict__[name].__set__ for name in _FIELDS)
_set_name, _set_value, _set_step, _set_timestamp = _SETTERS


def new_point(name: str, value: float, step: int, timestamp: int) -> MetricPoint:
    """`MetricPoint(name=name, value=value, step=step, timestamp=timestamp)`, cheaper."""
    point: MetricPoint = _new(MetricPoint)
    _set_name(point, name)
    _set_value(point, value)
    _set_step(point, step)
    _set_timestamp(point, timestamp)
    return point


def new_points(
    names: Sequence[str], values: Sequence[float], steps: Sequence[int], stamps: Sequence[int]
) -> list[MetricPoint]:
    """`new_point` over columns of equal length, each field set in one pass in C."""
    if not len(names) == len(values) == len(steps) == len(stamps):
        raise ValueError("point columns differ in length")
    points: list[MetricPoint] = list(map(_new, repeat(MetricPoint, len(names))))
    for setter, column in zip(_SETTERS, (names, values, steps, stamps), strict=True):
        deque(map(setter, points, column), maxlen=0)  # consumes the map, keeps nothing
    return points
