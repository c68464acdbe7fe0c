"""How SQLite should run a candidate search (`candidate_filters.Plan`), decided by counting.

SQLite's planner does not count on LIMIT stopping an index walk early, and judges a param
filter by the average value's frequency; it may sort every match of a large experiment, or
walk a metric's index through every other experiment for a small one. Counting up to a
threshold decides instead: a small experiment is visited candidate by candidate; a keyed
order walks its index when a page should be found within `WALK_ROWS` rows of it; otherwise
the planner sorts the matches it finds from the filter's index. PostgreSQL's planner needs
none of this.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.store.candidate_fields import C, keyed
from labbook.store.candidate_filters import Plan, count_rows, matching_ids
from labbook.store.keyset import Narrow, unchanged
from labbook.store.search import Field, OrderKey
from labbook.store.sql import dialect_name

WALK_THRESHOLD = 5000  # candidates (or matches) that make an experiment large
# Walked rows of the key's index that cost about as much as sorting a large experiment's
# matches: each walked row takes several lookups, each sorted candidate about one.
WALK_ROWS = 1000
SMALLEST_PAGE = 10  # the key's rows are counted far enough for pages of this size or more
PLAN_TTL = 30.0
MAX_PLANS = 1024


@dataclass(frozen=True, slots=True)
class _Counts:
    large: bool  # the experiments hold `WALK_THRESHOLD` candidates or more
    matches: int = 0  # with a keyed order: matches, counted up to `WALK_THRESHOLD`
    key_rows: int = 0  # rows of the key in every experiment, counted up to `_cap(matches)`


_COUNTS: dict[tuple[Any, ...], tuple[float, _Counts]] = {}


def _cap(matches: int) -> int:
    return WALK_ROWS * matches // (SMALLEST_PAGE + 1)


def _plan_of(counts: _Counts, key: OrderKey, limit: int) -> Plan:
    """With `m` matches among the `n` rows of the key, taken as spread evenly along its
    index, a page of `limit` lies within about `limit * n / m` rows of it."""
    if not counts.large:
        return Plan(segmented=False, probe=True)
    if key.field.kind == "attribute":
        return Plan(segmented=False)
    near = min(_cap(counts.matches), WALK_ROWS * counts.matches // (max(limit, 0) + 1))
    if counts.matches >= WALK_THRESHOLD or counts.key_rows < near:
        return Plan(walk=True, probe=True)
    return Plan(segmented=False)


async def _counted(session: AsyncSession, field: Field, **where: Any) -> _Counts:
    everything = matching_ids(session, **{**where, "tree": None})
    if await count_rows(session, everything, WALK_THRESHOLD) < WALK_THRESHOLD:
        return _Counts(large=False)
    if field.kind == "attribute":
        return _Counts(large=True)
    matches = await count_rows(session, matching_ids(session, **where), WALK_THRESHOLD)
    if matches >= WALK_THRESHOLD or _cap(matches) == 0:
        return _Counts(large=True, matches=matches)
    table = keyed(field)[0]
    rows = select(table.candidate_id).where(table.name == field.key)
    return _Counts(True, matches, await count_rows(session, rows, _cap(matches)))


async def plan_search(session: AsyncSession, key: OrderKey, limit: int, **where: Any) -> Plan:
    """The plan for a page of `limit` in the order `key` comes first in. Its counts are
    remembered for `PLAN_TTL` seconds: they cost as much as a page (a large experiment's
    first page is asked for again and again), and a stale plan is only slower, never wrong."""
    if dialect_name(session) != "sqlite":
        return Plan()
    ids, rest = tuple(where["experiment_ids"]), (where["tree"], where["lifecycle"], where["status"])
    sort = (key.field.kind, key.field.key, key.field.summary)
    memo_key = (id(session.get_bind()), WALK_THRESHOLD, WALK_ROWS, sort, ids, *rest)
    now = time.monotonic()
    cached = _COUNTS.get(memo_key)
    if cached is None or now - cached[0] >= PLAN_TTL:
        if len(_COUNTS) >= MAX_PLANS:
            _COUNTS.clear()
        cached = _COUNTS[memo_key] = (now, await _counted(session, key.field, **where))
    return _plan_of(cached[1], key, limit)


def scope(experiment_ids: Sequence[int], plan: Plan) -> tuple[Narrow, Narrow]:
    """When walking, the segment with the key hides the experiment index from the planner
    (`+ 0`), so that it walks the key's index; the others (NaN, without the key) use it."""
    if not plan.walk:
        return unchanged, unchanged
    hidden = (C.experiment_id + 0).in_(experiment_ids)
    shown = C.experiment_id.in_(experiment_ids)
    return (lambda s: s.where(hidden)), (lambda s: s.where(shown))
