"""Inboxes keep what their subscriber asked for, coalesced and bounded for slow readers."""

from __future__ import annotations

import asyncio

import pytest

from labbook.events.inbox import CandidateInbox, MetricInbox
from labbook.events.model import CandidateChange, CandidateChanged, MetricsLogged
from labbook.store.entities import MetricPoint

CREATED, UPDATED, DELETED = (
    CandidateChange.CREATED,
    CandidateChange.UPDATED,
    CandidateChange.DELETED,
)


def change(kind: CandidateChange, candidate: int, experiment: int = 1) -> CandidateChanged:
    return CandidateChanged(kind=kind, candidate_id=candidate, experiment_id=experiment)


def points(candidate: int, *names: str, experiment: int = 1) -> MetricsLogged:
    logged = tuple(
        MetricPoint(name=n, value=float(i), step=i, timestamp=i) for i, n in enumerate(names)
    )
    return MetricsLogged(candidate_id=candidate, experiment_id=experiment, points=logged)


async def test_candidate_changes_coalesce_per_candidate_in_order_of_latest_change() -> None:
    inbox = CandidateInbox(experiment_id=1)
    inbox.offer([change(CREATED, 1), change(CREATED, 2), change(UPDATED, 1)])
    inbox.offer([change(UPDATED, 3), change(DELETED, 3), change(CREATED, 9, experiment=2)])
    assert await inbox.get() == [(2, CREATED), (1, CREATED), (3, DELETED)]
    inbox.offer([change(DELETED, 4), change(UPDATED, 4)])  # deleted, then restored
    assert await inbox.get() == [(4, UPDATED)]


async def test_new_metric_points_update_their_candidate_for_the_experiment_view() -> None:
    inbox = CandidateInbox(experiment_id=1)
    inbox.offer(
        [change(CREATED, 1), points(1, "loss"), points(2, "loss"), points(3, "x", experiment=2)]
    )
    assert await inbox.get() == [(1, CREATED), (2, UPDATED)]


async def test_a_slow_reader_keeps_only_the_latest_candidates() -> None:
    inbox = CandidateInbox(experiment_id=1, limit=3)
    inbox.offer([change(CREATED, i) for i in range(10)])
    assert await inbox.get() == [(7, CREATED), (8, CREATED), (9, CREATED)]


async def test_get_waits_for_a_wanted_event() -> None:
    inbox = CandidateInbox(experiment_id=1)
    waiting = asyncio.create_task(inbox.get())
    inbox.offer([change(CREATED, 1, experiment=2), points(1, "loss", experiment=2)])
    await asyncio.sleep(0.05)
    assert not waiting.done()
    inbox.offer([change(UPDATED, 5)])
    assert await asyncio.wait_for(waiting, 1) == [(5, UPDATED)]


async def test_metric_inbox_filters_by_candidate_and_name() -> None:
    inbox = MetricInbox(candidate_id=1, names=["loss"])
    inbox.offer([points(1, "loss", "acc", "loss"), points(2, "loss")])
    got = await inbox.get()
    assert [(p.name, p.step) for p in got] == [("loss", 0), ("loss", 2)]
    everything = MetricInbox(candidate_id=1, names=None)
    everything.offer([points(1, "loss", "acc")])
    assert [p.name for p in await everything.get()] == ["loss", "acc"]


async def test_a_slow_metric_reader_loses_the_oldest_points() -> None:
    inbox = MetricInbox(candidate_id=1, names=None, limit=4)
    inbox.offer([points(1, *["m"] * 10)])
    assert [p.step for p in await inbox.get()] == [6, 7, 8, 9]


async def test_unwanted_metric_events_do_not_wake_the_reader() -> None:
    inbox = MetricInbox(candidate_id=1, names=["loss"])
    inbox.offer([points(1, "acc")])
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(inbox.get(), 0.05)
