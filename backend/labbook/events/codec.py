"""Events as compact JSON payloads, each under PostgreSQL's 8000-byte NOTIFY limit.

A payload is a JSON array of items: `["c", kind, candidate id, experiment id]` for a candidate
change, `["m", candidate id, experiment id, [[name, step, timestamp, value], ...]]` for metric
points. A large batch of points is split over several items and payloads. `json` writes
ASCII only (so characters are bytes) and round-trips NaN and infinities.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from labbook.events.model import CandidateChange, CandidateChanged, Event, MetricsLogged
from labbook.store.entities import MetricPoint

PAYLOAD_LIMIT = 7800  # bytes; PostgreSQL refuses 8000 and more


def _dumps(item: Any) -> str:
    return json.dumps(item, separators=(",", ":"))


def _metric_items(event: MetricsLogged) -> Iterator[str]:
    head = f'["m",{event.candidate_id},{event.experiment_id},['
    chunk: list[str] = []
    size = len(head) + 2
    for p in event.points:
        text = _dumps([p.name, p.step, p.timestamp, p.value])
        if chunk and size + len(text) + 1 > PAYLOAD_LIMIT:
            yield head + ",".join(chunk) + "]]"
            chunk, size = [], len(head) + 2
        chunk.append(text)
        size += len(text) + 1
    if chunk:
        yield head + ",".join(chunk) + "]]"


def _items(events: list[Event]) -> Iterator[str]:
    for event in events:
        if isinstance(event, CandidateChanged):
            yield _dumps(["c", event.kind.value, event.candidate_id, event.experiment_id])
        else:
            yield from _metric_items(event)


def encode(events: list[Event]) -> list[str]:
    """As few payloads as fit the limit, in order."""
    payloads: list[list[str]] = [[]]
    size = 2
    for item in _items(events):
        if payloads[-1] and size + len(item) + 1 > PAYLOAD_LIMIT:
            payloads.append([])
            size = 2
        payloads[-1].append(item)
        size += len(item) + 1
    return ["[" + ",".join(items) + "]" for items in payloads if items]


def _event(item: list[Any]) -> Event:
    if item[0] == "c":
        return CandidateChanged(
            kind=CandidateChange(item[1]), candidate_id=item[2], experiment_id=item[3]
        )
    points = (MetricPoint(name=n, step=s, timestamp=ts, value=v) for n, s, ts, v in item[3])
    return MetricsLogged(candidate_id=item[1], experiment_id=item[2], points=tuple(points))


def decode(payload: str) -> list[Event]:
    return [_event(item) for item in json.loads(payload)]
