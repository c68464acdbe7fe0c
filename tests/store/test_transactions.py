"""A write transaction is all or nothing, also for statements run on the driver's connection."""

from __future__ import annotations

from labbook.db.database import Database
from labbook.store import params_metadata
from labbook.store.entities import KeyValue
from tests.store.test_experiment_keys import refused_param_batch


async def test_a_refused_param_batch_keeps_none_of_its_rows(db: Database) -> None:
    _, a = await refused_param_batch(db)
    async with db.read() as s:
        kept = await params_metadata.params_of(s, candidate_ids=[a])
    assert kept == {a: [KeyValue(name="lr", value="1")]}
