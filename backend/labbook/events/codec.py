"""Events as compact JSON payloads, each under PostgreSQL's 8000-byte NOTIFY limit.

A payload is a JSON array of items: `["c", kind, candidate id, experiment id]` for a candidate
change, `["m", candidate id, experiment id, [[name, step, timestamp, value], ...]]` for metric
points. A large batch of points is split over several items and payloads. orjson writes a
batch's points in one call (UTF-8; the limit counts bytes); it would write NaN and infinities
as null, so those values travel as the strings "nan", "inf" and "-inf", which `float` reads.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from operator import attrgetter
from typing import Any

import orjson

from labbook.events.model import CandidateChange, CandidateChanged, Event, MetricsLogged
from labbook.store.entities import MetricPoint
from labbook.store.point_builder import new_points

PAYLOAD_LIMIT = 7800  # bytes; PostgreSQL refuses 8000 and more
_ROW, _VALUE = attrgetter("name", "step", "timestamp", "value"), attrgetter("value")


def _wire_value(value: float) -> float | str:
    return float(value) if math.isfinite(value) else repr(float(value))


def _wire_rows(points: tuple[MetricPoint, ...]) -> list[tuple[Any, ...]]:
    rows = list(map(_ROW, points))
    values = list(map(_VALUE, points))
    if set(map(type, values)) <= {float} and all(map(math.isfinite, values)):
        return rows  # the usual batch: every value is a finite float
    return [(*row[:3], _wire_value(row[3])) for row in rows]


def _metric_items(head: bytes, rows: list[tuple[Any, ...]]) -> Iterator[bytes]:
    """Items of `rows` under the limit: one if they fit, else parts of as many rows as the
    average row's size allows (a part that still does not fit is split again)."""
    item = head + orjson.dumps(rows) + b"]"
    if len(item) + 2 <= PAYLOAD_LIMIT or len(rows) == 1:
        yield item
        return
    room = (PAYLOAD_LIMIT - 3 - len(head)) * 15 // 16  # rows differ in size: a margin
    size = max(1, min(len(rows) // 2, room * len(rows) // len(item)))
    for start in range(0, len(rows), size):
        yield from _metric_items(head, rows[start : start + size])


def _items(events: list[Event]) -> Iterator[bytes]:
    for event in events:
        if isinstance(event, CandidateChanged):
            yield orjson.dumps(["c", event.kind.value, event.candidate_id, event.experiment_id])
        else:
            head = f'["m",{event.candidate_id},{event.experiment_id},'.encode()
            yield from _metric_items(head, _wire_rows(event.points))


def encode(events: list[Event]) -> list[str]:
    """As few payloads as fit the limit, in order."""
    payloads: list[list[bytes]] = [[]]
    size = 2
    for item in _items(events):
        if payloads[-1] and size + len(item) + 1 > PAYLOAD_LIMIT:
            payloads.append([])
            size = 2
        payloads[-1].append(item)
        size += len(item) + 1
    return [(b"[" + b",".join(items) + b"]").decode() for items in payloads if items]


def _points(rows: list[list[Any]]) -> tuple[MetricPoint, ...]:
    if not rows:
        return ()
    names, steps, stamps, values = zip(*rows, strict=True)
    if str in set(map(type, values)):  # "nan", "inf", "-inf"
        values = tuple(float(v) for v in values)
    return tuple(new_points(names, values, steps, stamps))


def _event(item: list[Any]) -> Event:
    if item[0] == "c":
        return CandidateChanged(
            kind=CandidateChange(item[1]), candidate_id=item[2], experiment_id=item[3]
        )
    return MetricsLogged(candidate_id=item[1], experiment_id=item[2], points=_points(item[3]))


def decode(payload: str) -> list[Event]:
    return [_event(item) for item in orjson.loads(payload)]
