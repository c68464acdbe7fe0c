"""Events survive the trip through NOTIFY payloads, each under PostgreSQL's 8000 bytes."""

from __future__ import annotations

import math

import orjson

from labbook.events.codec import PAYLOAD_LIMIT, decode, encode
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
    name = "é" * 250  # two bytes a character in UTF-8: the limit counts bytes
    points = tuple(
        MetricPoint(name=f"{name}{i % 3}", value=i / 7, step=i, timestamp=1_700_000_000_000 + i)
        for i in range(1000)
    )
    event = MetricsLogged(candidate_id=42, experiment_id=1, points=points)
    payloads = encode([event, CandidateChanged(CandidateChange.UPDATED, 42, 1)])
    assert len(payloads) > 60
    assert all(len(p.encode()) < 8000 for p in payloads)
    decoded = [e for p in payloads for e in decode(p)]
    assert [p for e in decoded if isinstance(e, MetricsLogged) for p in e.points] == list(points)
    assert decoded[-1] == CandidateChanged(CandidateChange.UPDATED, 42, 1)


def test_nothing_to_send_is_no_payload() -> None:
    assert encode([]) == []


def test_non_finite_values_travel_as_strings_and_int_values_as_floats() -> None:
    values = [math.nan, math.inf, -math.inf, 3, 2**70]
    points = tuple(
        MetricPoint(name="m", value=v, step=i, timestamp=i) for i, v in enumerate(values)
    )
    [payload] = encode([MetricsLogged(candidate_id=1, experiment_id=2, points=points)])
    assert orjson.loads(payload)[0][3] == [
        ["m", 0, 0, "nan"],
        ["m", 1, 1, "inf"],
        ["m", 2, 2, "-inf"],
        ["m", 3, 3, 3.0],
        ["m", 4, 4, float(2**70)],
    ]
    [decoded] = decode(payload)
    assert isinstance(decoded, MetricsLogged)
    got = [p.value for p in decoded.points]
    assert math.isnan(got[0]) and got[1:] == [math.inf, -math.inf, 3.0, float(2**70)]
    assert all(type(v) is float for v in got)


def test_a_batch_of_plain_points_fills_few_payloads() -> None:
    points = tuple(
        MetricPoint(name=f"m{i % 10}", value=i / 3, step=i // 10, timestamp=1_700_000_000_000)
        for i in range(970)
    )
    payloads = encode([MetricsLogged(candidate_id=5, experiment_id=6, points=points)])
    sizes = [len(p.encode()) for p in payloads]
    assert all(size < PAYLOAD_LIMIT for size in sizes)
    assert len(payloads) <= sum(sizes) // (PAYLOAD_LIMIT * 3 // 4) + 1  # parts nearly full
    decoded = [e for p in payloads for e in decode(p)]
    assert {(e.candidate_id, e.experiment_id) for e in decoded if isinstance(e, MetricsLogged)} == {
        (5, 6)
    }
    assert [p for e in decoded if isinstance(e, MetricsLogged) for p in e.points] == list(points)


def test_an_event_without_points_round_trips() -> None:
    event = MetricsLogged(candidate_id=1, experiment_id=2, points=())
    assert roundtrip([event]) == [event]
