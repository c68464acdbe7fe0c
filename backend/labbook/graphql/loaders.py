"""Per-request DataLoaders: one SQL statement per field per page, whatever the page size."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import TypeVar

from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.dataloader import DataLoader

from labbook.store import candidates, datasets, experiments, metrics, params_metadata, users
from labbook.store.entities import (
    Candidate,
    Experiment,
    KeyValue,
    MetricSummary,
    RunInputsOutputs,
    User,
)

V = TypeVar("V")
Batch = Callable[[AsyncSession, list[int]], Awaitable[dict[int, V]]]
Read = Callable[[], AbstractAsyncContextManager[AsyncSession]]  # `Context.read`


def _loader(db: Read, batch: Batch[V], default: V) -> DataLoader[int, V]:
    async def load(keys: Sequence[int]) -> list[V]:
        async with db() as session:
            found = await batch(session, list(keys))
        return [found.get(key, default) for key in keys]

    return DataLoader(load_fn=load)


def _optional(db: Read, batch: Batch[V]) -> DataLoader[int, V | None]:
    async def load(keys: Sequence[int]) -> list[V | None]:
        async with db() as session:
            found = await batch(session, list(keys))
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


class Loaders:
    """Keyed by candidate, experiment or user id."""

    def __init__(self, db: Read) -> None:
        self.params: DataLoader[int, list[KeyValue]] = _loader(
            db, lambda s, ids: params_metadata.params_of(s, candidate_ids=ids), []
        )
        self.metadata: DataLoader[int, list[KeyValue]] = _loader(
            db, lambda s, ids: params_metadata.metadata_of(s, candidate_ids=ids), []
        )
        self.metrics: DataLoader[int, list[MetricSummary]] = _loader(
            db, lambda s, ids: metrics.summaries_of(s, candidate_ids=ids), []
        )
        self.children: DataLoader[int, list[Candidate]] = _loader(
            db, lambda s, ids: candidates.list_children(s, parent_ids=ids), []
        )
        self.candidates: DataLoader[int, Candidate | None] = _optional(
            db, lambda s, ids: candidates.get_candidates(s, candidate_ids=ids)
        )
        self.users: DataLoader[int, User | None] = _optional(
            db, lambda s, ids: users.get_users(s, user_ids=ids)
        )
        self.experiments: DataLoader[int, Experiment | None] = _optional(
            db, lambda s, ids: experiments.get_experiments(s, experiment_ids=ids)
        )
        self.experiment_metadata: DataLoader[int, list[KeyValue]] = _loader(
            db, lambda s, ids: experiments.experiment_metadata(s, experiment_ids=ids), []
        )
        self.inputs_outputs: DataLoader[int, RunInputsOutputs] = _loader(
            db, lambda s, ids: datasets.inputs_outputs_of(s, candidate_ids=ids), RunInputsOutputs()
        )
        self.candidate_counts: DataLoader[int, int] = _loader(
            db, lambda s, ids: experiments.candidate_counts(s, experiment_ids=ids), 0
        )
