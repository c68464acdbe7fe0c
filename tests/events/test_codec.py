"""Events survive the trip through NOTIFY payloads, each under PostgreSQL's 8000 bytes."""

from __future__ import annotations

import math

from labbook.events.codec import decode, encode
from labbook.events.model import CandidateChange, CandidateChanged, Event, MetricsLogged
from labbook.store.entities import MetricPoint


def roundtrip(events: list[Event]) -> list[Event]:
    return [e for payload in encode(events) for e in decode(payload)]


def test_small_events_share_one_payload() -> None:
    events: list[Event] = [
        CandidateChanged(kind=CandidateChange.CREATED, candidate_id=7, experiment_id=3),
        MetricsLogged(
            candidate_id=7,
            experiment_id=3,
            points=(MetricPoint(name="loss", value=0.5, step=1, timestamp=9),),
        ),
        CandidateChanged(kind=CandidateChange.DELETED, candidate_id=8, experiment_id=3),
    ]
    assert len(encode(events)) == 1
    assert roundtrip(events) == events


def test_nan_and_infinities_round_trip() -> None:
    values = [math.inf, -math.inf, 1e308, -0.0]
    points = tuple(
        MetricPoint(name="m", value=v, step=i, timestamp=i) for i, v in enumerate(values)
    )
    nan = MetricsLogged(
        candidate_id=1,
        experiment_id=2,
        points=(MetricPoint(name="m", value=math.nan, step=0, timestamp=0),),
    )
    [decoded_nan] = roundtrip([nan])
    assert isinstance(decoded_nan, MetricsLogged) and math.isnan(decoded_nan.points[0].value)
    assert roundtrip([MetricsLogged(candidate_id=1, experiment_id=2, points=points)]) == [
        MetricsLogged(candidate_id=1, experiment_id=2, points=points)
    ]


def test_a_large_batch_is_split_under_the_limit_and_keeps_its_order() -> None:
    name = "é" * 250  # escaped as \u00e9: six bytes a character
    points = tuple(
        MetricPoint(name=f"{name}{i % 3}", value=i / 7, step=i, timestamp=1_700_000_000_000 + i)
        for i in range(1000)
    )
    event = MetricsLogged(candidate_id=42, experiment_id=1, points=points)
    payloads = encode([event, CandidateChanged(CandidateChange.UPDATED, 42, 1)])
    assert len(payloads) > 100
    assert all(len(p.encode()) < 8000 for p in payloads)
    decoded = [e for p in payloads for e in decode(p)]
    assert [p for e in decoded if isinstance(e, MetricsLogged) for p in e.points] == list(points)
    assert decoded[-1] == CandidateChanged(CandidateChange.UPDATED, 42, 1)


def test_nothing_to_send_is_no_payload() -> None:
    assert encode([]) == []
