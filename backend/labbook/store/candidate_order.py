"""The order of a candidate search as a keyset: order keys, tie-breakers and segments.

The given keys come first, then `start_time DESC`, then `id DESC` (MLflow's default order is
the same without keys). A metric puts numbers first in either direction, then NaN, then the
candidates without it (MLflow's placement); params, tags, and a missing start or end time,
sort last in either direction.

When the first key is a param, tag or metric, the order is cut into segments (with the key,
NaN, without it), so that the first page is a plain join the database can serve by walking
the `(name, value)` index in order instead of sorting every candidate of the experiment.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from sqlalchemy import ColumnElement, case, func, literal_column, select
from sqlalchemy.orm import aliased

from labbook.db.tables import VALUE_PREFIX
from labbook.store.candidate_fields import (
    NULLABLE_ATTRIBUTES,
    START_TIME,
    C,
    attribute,
    keyed,
)
from labbook.store.keyset import AnySelect, Keyset, Narrow, Segment, SortColumn, unchanged
from labbook.store.search import Field, OrderKey, parse_order_by

Join = tuple[Any, ColumnElement[bool]]
Scope = tuple[Narrow, Narrow]


def order_keys(order_by: list[str] | None) -> list[OrderKey]:
    """The requested keys plus the start-time tie-breaker (the id comes last of all)."""
    keys = parse_order_by(order_by or [])
    if not any(k.field.kind == "attribute" and k.field.key in START_TIME for k in keys):
        keys.append(OrderKey(Field("attribute", "start_time"), ascending=False))
    return keys


def _sort_columns(key: OrderKey) -> tuple[Join | None, tuple[SortColumn, ...]]:
    """The columns to sort by and, for a keyed field, the outer join that brings them."""
    field = key.field
    if field.kind == "attribute":
        nullable = field.key in NULLABLE_ATTRIBUTES
        return None, (SortColumn(attribute(field), key.ascending, nullable=nullable),)
    table, name, kind = keyed(field)
    alias = aliased(table)
    value = getattr(alias, name)
    join = (alias, (alias.candidate_id == C.id) & (alias.name == field.key))
    if kind == "string":
        # By the indexed prefix, then the whole value: the same order (by code point), but
        # the `(name, prefix)` index can serve it.
        prefix = func.substr(value, literal_column("1"), literal_column(str(VALUE_PREFIX)))
        by_prefix = SortColumn(prefix, key.ascending, nullable=True)
        return join, (by_prefix, SortColumn(value, key.ascending, nullable=True))
    if field.summary == "count":
        return join, (SortColumn(value, key.ascending, nullable=True),)
    # NaN is stored as NULL: it sorts after numbers and before candidates without the metric.
    missing = case((alias.candidate_id.is_(None), 1), else_=0)
    return join, (SortColumn(value, key.ascending, nullable=True, missing=missing),)


def _outer(joins: list[Join], inner: Narrow | None = None) -> Narrow:
    def narrow(stmt: AnySelect) -> AnySelect:
        stmt = inner(stmt) if inner else stmt
        for alias, on in joins:
            stmt = stmt.outerjoin(alias, on)
        return stmt

    return narrow


def _segments(
    key: OrderKey,
    join: Join,
    head: tuple[SortColumn, ...],
    joins: list[Join],
    rest: tuple[SortColumn, ...],
    scope: Scope,
) -> tuple[Segment, ...]:
    """With the key (a plain join, by value), with NaN (metrics), without the key."""
    alias, on = join
    walked, scoped = scope
    value, flag = head[-1].value, head[-1].missing
    present = tuple(replace(c, nullable=False) for c in head)  # (the flag is 0 here)
    with_key = Segment(
        (*present, *rest),
        _outer(joins, lambda s: walked(s.join(alias, on & value.is_not(None)))),
    )
    # NOT EXISTS, not NOT IN: PostgreSQL makes it an anti-join instead of hashing every row.
    keyed = select(alias.candidate_id).where(
        alias.candidate_id == C.id, alias.name == key.field.key
    )
    none = (None,) * len(head)
    without = Segment(
        rest,
        _outer(joins, lambda s: scoped(s.where(~keyed.exists()))),
        fill=none if flag is None else (*none, 1),
    )
    if flag is None:
        return (with_key, without)
    with_nan = _outer(joins, lambda s: scoped(s.join(alias, on & value.is_(None))))
    return (with_key, Segment(rest, with_nan, fill=(*none, 0)), without)


def _signature(keys: list[OrderKey]) -> str:
    digest = hashlib.sha256()
    for key in keys:
        f = key.field
        digest.update(repr((f.kind, f.key, f.summary, key.ascending)).encode())
    return digest.hexdigest()[:12]


def candidate_keyset(
    keys: list[OrderKey], *, segmented: bool = True, scope: Scope = (unchanged, unchanged)
) -> Keyset:
    """The order (from `order_keys`) as a keyset; `segmented` cuts it by the first key's
    presence when that is a param, tag or metric (the cursors are the same either way).
    `scope` narrows the segment with the key, which may walk its index, and the others."""
    sorts = [_sort_columns(key) for key in keys]
    last = SortColumn(C.id, ascending=False)
    head_join, head = sorts[0]
    if head_join is None or not segmented:
        joins = [join for join, _ in sorts if join is not None]
        segment = Segment((*(c for _, cs in sorts for c in cs), last), _outer(joins))
        return Keyset((segment,), _signature(keys))
    joins = [join for join, _ in sorts[1:] if join is not None]
    rest = (*(c for _, cs in sorts[1:] for c in cs), last)
    return Keyset(_segments(keys[0], head_join, head, joins, rest, scope), _signature(keys))
