"""Keeping the rollup pyramid (`metric_rollups`) on write, for long series only.

`log_metrics` calls `log_rollups` with the points it actually inserted, after it updated the
series' summaries in the same transaction. Each touched series' count is read after that
update (one SELECT for the batch's names) and the count before the batch derived from it
(`after - points inserted`), so a retried batch, whose points the history skipped, changes
nothing. Then per series:

- `before >= ROLLUP_FROM`: the new points are folded into its pyramid with one multi-row
  upsert for the batch (merging first, last, min, max and count into the stored buckets);
- `before < ROLLUP_FROM <= after`: its pyramid is built from its whole stored history (rows
  left for that key, if any, deleted first) and inserted with one plain INSERT;
- `after < ROLLUP_FROM`: nothing is written (a W1 run, 10 keys x 100 steps: 180 rows before).

Why the count is read after the summary upsert: on PostgreSQL the upsert locks the series'
summary row until commit, so two transactions adding to one series serialize there, and the
second reads the first's committed count. A transaction whose points another one's history
read could not see (not committed yet) thus finds `before >= ROLLUP_FROM` and folds them in;
the pyramid never misses or doubles a point. The same lock means two transactions never
write one series' rollup rows at once; each statement writes its rows in key order all the
same, as the summaries are, so concurrent writers lock rows in one order and cannot deadlock.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from operator import attrgetter
from typing import Any

from sqlalchemy import ColumnElement, case, delete, func, or_, tuple_
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.store.driver_sql import (
    driver_statement,
    execute_many,
    fetch_all,
    insert_returning,
)
from labbook.store.entities import MetricPoint
from labbook.store.metric_history import history_rows
from labbook.store.metric_rollups import (
    LOWEST,
    ROW_COLUMNS,
    Point,
    has_rollups,
    rollup_values,
)
from labbook.store.sql import dialect_name, insert


def _ordered(prefix: str, table: Any) -> ColumnElement[Any]:
    """A point's (step, timestamp, value) as a row value in MLflow's order."""
    value = func.coalesce(getattr(table, f"{prefix}_value"), LOWEST)
    return tuple_(getattr(table, f"{prefix}_step"), getattr(table, f"{prefix}_timestamp"), value)


def _extreme(prefix: str, table: Any) -> ColumnElement[Any]:
    columns = ("value", "step", "timestamp")
    return tuple_(*(getattr(table, f"{prefix}_{c}") for c in columns))


def _take(new: Any, when: ColumnElement[Any], prefix: str, columns: tuple[str, ...]) -> Any:
    r = t.CandidateMetricRollup
    names = [f"{prefix}_{c}" for c in columns]
    return {n: case((when, getattr(new, n)), else_=getattr(r, n)) for n in names}


def _merge_set(new: Any) -> dict[str, Any]:
    """The SET clause merging an incoming bucket into the stored one."""
    r = t.CandidateMetricRollup
    point, extreme = ("step", "timestamp", "value"), ("value", "step", "timestamp")
    lower = or_(r.min_value.is_(None), _extreme("min", new) < _extreme("min", r))
    higher = or_(r.max_value.is_(None), _extreme("max", new) > _extreme("max", r))
    return {
        "count": r.count + new.count,
        **_take(new, _ordered("first", new) < _ordered("first", r), "first", point),
        **_take(new, _ordered("last", new) > _ordered("last", r), "last", point),
        **_take(new, lower, "min", extreme),
        **_take(new, higher, "max", extreme),
    }


def by_name(points: list[MetricPoint]) -> dict[str, list[Point]]:
    series: dict[str, list[Point]] = {}
    for p in points:
        value = None if math.isnan(p.value) else p.value
        series.setdefault(p.name, []).append((p.step, p.timestamp, value))
    return series


def _upsert(session: AsyncSession) -> Any:
    stmt = insert(session, t.CandidateMetricRollup)
    keys = ["candidate_id", "name", "level", "bucket"]
    return stmt.on_conflict_do_update(index_elements=keys, set_=_merge_set(stmt.excluded))


_COUNTS = "SELECT name, count FROM candidate_metric_summaries WHERE candidate_id = "
_COUNTS_POSTGRESQL = _COUNTS + "$1 AND name = ANY($2::varchar[])"
# (a JSON array: one statement for any number of names, an index seek each)
_COUNTS_SQLITE = _COUNTS + "? AND name IN (SELECT value FROM json_each(?))"


async def _counts(session: AsyncSession, candidate_id: int, names: list[str]) -> dict[str, int]:
    """The summaries' counts of `names` (this transaction's, after its summary upsert)."""
    if dialect_name(session) == "postgresql":
        rows = await fetch_all(session, _COUNTS_POSTGRESQL, [candidate_id, names])
    else:
        rows = await fetch_all(session, _COUNTS_SQLITE, [candidate_id, json.dumps(names)])
    return {row[0]: row[1] for row in rows}


def _split(inserted: Counter[str], counts: dict[str, int]) -> tuple[set[str], list[str]]:
    """The series to fold the new points into, and those crossing ROLLUP_FROM now."""
    fold, build = set(), []
    for name, points in inserted.items():
        after = counts[name]
        if has_rollups(after - points):
            fold.add(name)
        elif has_rollups(after):
            build.append(name)
    return fold, sorted(build)


async def _built(session: AsyncSession, candidate_id: int, names: list[str]) -> list[Any]:
    """The whole pyramids of `names` from their stored histories, their old rows deleted."""
    r = t.CandidateMetricRollup
    await session.execute(delete(r).where(r.candidate_id == candidate_id, r.name.in_(names)))
    series = {}
    for name in names:
        rows = await history_rows(session, candidate_id=candidate_id, name=name)
        series[name] = [(step, ts, value) for _, value, step, ts in rows]
    return rollup_values(candidate_id, series)


def _kind(column: str) -> str:
    """A rollup column's PostgreSQL type (for `insert_returning`'s arrays)."""
    if column in ("candidate_id", "level"):
        return "integer"
    return "varchar" if column == "name" else "float8" if column.endswith("_value") else "bigint"


_TYPED = [(c, _kind(c)) for c in ROW_COLUMNS]


async def _insert_built(session: AsyncSession, candidate_id: int, names: list[str]) -> None:
    """The crossing series' pyramids, as one plain INSERT (their keys have no rows left): on
    PostgreSQL one statement of arrays instead of an upsert per row (a 4,096-point pyramid
    is 511 rows: 12 ms as upserts)."""
    rows = await _built(session, candidate_id, names)
    await insert_returning(
        session, into="candidate_metric_rollups", columns=_TYPED, rows=rows, tail=""
    )


_NAME = attrgetter("name")


async def log_rollups(
    session: AsyncSession, *, candidate_id: int, points: list[MetricPoint]
) -> None:
    """Keep the pyramids of the series these newly inserted points (in MLflow's order per
    name, as `log_metrics` sorts them) went to: one SELECT, then one upsert folding points
    into the long series, run by the driver, and one INSERT for series crossing the
    threshold. The points of short series are never looked at one by one (a W1 batch: 1,000
    of them)."""
    inserted = Counter(map(_NAME, points))
    if not inserted:
        return
    fold, build = _split(inserted, await _counts(session, candidate_id, sorted(inserted)))
    if fold:
        kept = points if len(fold) == len(inserted) else [p for p in points if p.name in fold]
        rows = rollup_values(candidate_id, by_name(kept), ordered=True)
        stmt = driver_statement(session, "metric_rollups_upsert", _upsert, ROW_COLUMNS)
        await execute_many(session, stmt, rows)
    if build:
        await _insert_built(session, candidate_id, build)
