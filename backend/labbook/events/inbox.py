"""Per-subscriber inboxes: the events one subscription wants, bounded for slow consumers.

A slow consumer never makes memory grow: candidate changes coalesce per candidate (the
subscriber reads the candidate's current state anyway) and the oldest metric points are
dropped once `limit` are waiting.
"""

from __future__ import annotations

import asyncio
from collections import deque

from labbook.events.model import CandidateChange, CandidateChanged, Event, MetricsLogged
from labbook.store.entities import MetricPoint


class Inbox:
    """Wakes its reader when something arrives; subclasses choose and keep events."""

    def __init__(self) -> None:
        self._wake = asyncio.Event()

    def offer(self, events: list[Event]) -> None:
        accepted = [self._accept(event) for event in events]  # each one, no short cut
        if any(accepted):
            self._wake.set()

    def _accept(self, event: Event) -> bool:
        raise NotImplementedError

    async def _wait(self) -> None:
        await self._wake.wait()
        self._wake.clear()


def _merge(old: CandidateChange | None, new: CandidateChange) -> CandidateChange:
    """Created then changed is still news of a creation."""
    if old is CandidateChange.CREATED and new is CandidateChange.UPDATED:
        return old
    return new


class CandidateInbox(Inbox):
    """Changes to the candidates of one experiment, at most one pending per candidate."""

    def __init__(self, experiment_id: int, limit: int = 1000) -> None:
        super().__init__()
        self.experiment_id, self.limit = experiment_id, limit
        self._pending: dict[int, CandidateChange] = {}

    def _accept(self, event: Event) -> bool:
        """New metric points change a candidate's summaries: an update for this view."""
        if event.experiment_id != self.experiment_id:
            return False
        kind = event.kind if isinstance(event, CandidateChanged) else CandidateChange.UPDATED
        old = self._pending.pop(event.candidate_id, None)
        self._pending[event.candidate_id] = _merge(old, kind)
        if len(self._pending) > self.limit:
            del self._pending[next(iter(self._pending))]
        return True

    async def get(self) -> list[tuple[int, CandidateChange]]:
        """(candidate id, change) in the order of their latest change; waits for some."""
        await self._wait()
        pending, self._pending = self._pending, {}
        return list(pending.items())


class MetricInbox(Inbox):
    """New points of one candidate, optionally of some metric names only."""

    def __init__(self, candidate_id: int, names: list[str] | None, limit: int = 10_000) -> None:
        super().__init__()
        self.candidate_id, self.names = candidate_id, set(names or ())
        self._points: deque[MetricPoint] = deque(maxlen=limit)

    def _accept(self, event: Event) -> bool:
        if not isinstance(event, MetricsLogged) or event.candidate_id != self.candidate_id:
            return False
        wanted = [p for p in event.points if not self.names or p.name in self.names]
        self._points.extend(wanted)
        return bool(wanted)

    async def get(self) -> list[MetricPoint]:
        """The points waiting, oldest first; waits for some."""
        await self._wait()
        points = list(self._points)
        self._points.clear()
        return points
