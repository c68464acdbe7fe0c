"""`MetricPoint`s built in bulk, a thousand per logged batch.

A frozen dataclass's `__init__` sets each field through `object.__setattr__` (a global lookup
and a call per field, with keyword arguments on top): most of the cost of reading a batch.
`new_point` sets the slots directly, the same object for a third of the time.
"""

from __future__ import annotations

from dataclasses import fields

from labbook.store.entities import MetricPoint

_FIELDS = ("name", "value", "step", "timestamp")
# A field added to MetricPoint would be left unset here: fail at import instead.
assert tuple(f.name for f in fields(MetricPoint)) == _FIELDS, "update point_builder"

_new = object.__new__
_set_name, _set_value, _set_step, _set_timestamp = (
    MetricPoint.__dict__[name].__set__ for name in _FIELDS
)


def new_point(name: str, value: float, step: int, timestamp: int) -> MetricPoint:
    """`MetricPoint(name=name, value=value, step=step, timestamp=timestamp)`, cheaper."""
    point: MetricPoint = _new(MetricPoint)
    _set_name(point, name)
    _set_value(point, value)
    _set_step(point, step)
    _set_timestamp(point, timestamp)
    return point
