"""Committed writes reach subscribers; rolled-back ones never do (SQLite and PostgreSQL).

On PostgreSQL the writer is a second `Database` (another process, as far as the database
can tell) without any bus, so events travel only through NOTIFY and the bus's LISTEN.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

import asyncpg
import pytest

from labbook.db.channel import APPLICATION_NAME, asyncpg_dsn
from labbook.db.database import Database
from labbook.events.bus import EventBus
from labbook.events.inbox import CandidateInbox, MetricInbox
from labbook.events.model import CandidateChange
from labbook.store import candidates, experiments, metrics, projects, users
from labbook.store.entities import Experiment, MetricPoint


class Boom(Exception):
    pass


@dataclass
class Setup:
    bus: EventBus
    writer: Database
    experiment: Experiment


@pytest.fixture
async def setup(db: Database) -> AsyncIterator[Setup]:
    async with db.write() as s:
        user = await users.create_user(s, username="ada", password="password1")
        project = await projects.create_project(s, path="p", owner_id=user.id)
        experiment = await experiments.create_experiment(
            s, project_id=project.id, name="e", creator_id=user.id
        )
    bus = EventBus()
    await bus.start(db)
    writer = db if db.is_sqlite else Database(db.url)
    yield Setup(bus=bus, writer=writer, experiment=experiment)
    await bus.stop()
    if writer is not db:
        await writer.dispose()


async def create(writer: Database, experiment: Experiment, name: str) -> int:
    async with writer.write() as s:
        c = await candidates.create_candidate(
            s, experiment=experiment, name=name, creator_id=None, start_time=None
        )
    return c.id


async def create_then_fail(writer: Database, experiment: Experiment) -> None:
    async with writer.write() as s:
        await candidates.create_candidate(
            s, experiment=experiment, name="lost", creator_id=None, start_time=None
        )
        raise Boom


async def test_candidate_changes_arrive_after_commit(setup: Setup) -> None:
    with setup.bus.subscribe(CandidateInbox(setup.experiment.id)) as inbox:
        cid = await create(setup.writer, setup.experiment, "a")
        assert await asyncio.wait_for(inbox.get(), 5) == [(cid, CandidateChange.CREATED)]
        async with setup.writer.write() as s:
            await candidates.update_candidate(s, candidate_id=cid, name="b")
        assert await asyncio.wait_for(inbox.get(), 5) == [(cid, CandidateChange.UPDATED)]
        async with setup.writer.write() as s:
            await candidates.delete_candidate(s, candidate_id=cid)
        assert await asyncio.wait_for(inbox.get(), 5) == [(cid, CandidateChange.DELETED)]


async def test_a_rolled_back_write_emits_nothing(setup: Setup) -> None:
    with setup.bus.subscribe(CandidateInbox(setup.experiment.id)) as inbox:
        with pytest.raises(Boom):
            await create_then_fail(setup.writer, setup.experiment)
        # A later committed write is the first (and only) news the subscriber gets.
        cid = await create(setup.writer, setup.experiment, "kept")
        await asyncio.sleep(0.2)
        assert await asyncio.wait_for(inbox.get(), 5) == [(cid, CandidateChange.CREATED)]


async def test_new_metric_points_arrive_and_retries_are_not_news(setup: Setup) -> None:
    cid = await create(setup.writer, setup.experiment, "run")
    first = [MetricPoint(name="loss", value=0.5, step=1, timestamp=10)]
    second = [MetricPoint(name="loss", value=0.25, step=2, timestamp=20)]
    with setup.bus.subscribe(MetricInbox(cid, names=None)) as inbox:
        for batch in (first, first, second):  # the client retried the first batch
            async with setup.writer.write() as s:
                await metrics.log_metrics(s, candidate_id=cid, points=batch)
        await asyncio.sleep(0.2)
        assert await asyncio.wait_for(inbox.get(), 5) == first + second


async def test_the_listener_reconnects_after_losing_its_connection(db: Database) -> None:
    if db.is_sqlite:
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    async with db.write() as s:
        user = await users.create_user(s, username="ada", password="password1")
        project = await projects.create_project(s, path="p", owner_id=user.id)
        experiment = await experiments.create_experiment(
            s, project_id=project.id, name="e", creator_id=user.id
        )
    bus = EventBus()
    await bus.start(db)
    try:
        await _kill_listeners(db.url)
        await _until(lambda: not bus.listening)
        await _until(lambda: bus.listening)
        with bus.subscribe(CandidateInbox(experiment.id)) as inbox:
            cid = await create(db, experiment, "after")
            assert await asyncio.wait_for(inbox.get(), 5) == [(cid, CandidateChange.CREATED)]
    finally:
        await bus.stop()


async def _kill_listeners(url: str) -> None:
    conn = await asyncpg.connect(asyncpg_dsn(url))
    try:
        killed = await conn.fetchval(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
            " WHERE application_name = $1 AND datname = current_database()",
            APPLICATION_NAME,
        )
    finally:
        await conn.close()
    assert killed >= 1


async def _until(condition: Callable[[], bool]) -> None:
    for _ in range(500):
        if condition():
            return
        await asyncio.sleep(0.02)
    pytest.fail("condition not reached in 10 s")
