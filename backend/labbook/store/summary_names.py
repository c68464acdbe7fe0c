"""Reading `metrics.loss.min`: the metric named `loss.min`, or the minimum of `loss`?

MLflow reads an unquoted dotted key whole, and metric names may contain dots; the design (and
the web app) spells a summary `metrics.loss.min`. Both hold here: such a field means the
metric of that whole name if any candidate ever logged one, and the summary of the shorter
name otherwise. A quoted key (``metrics.`loss`.min``) is never ambiguous.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.db import tables as t
from labbook.store.search import (
    SUMMARIES,
    And,
    Comparison,
    Field,
    FilterExpr,
    Not,
    Or,
    OrderKey,
)


def _split(field: Field) -> tuple[str, str] | None:
    """(metric, summary) if the field's unquoted key may end with a summary."""
    if field.kind != "metric" or field.quoted or field.summary != "last":
        return None
    name, dot, suffix = field.key.rpartition(".")
    return (name, suffix.lower()) if dot and name and suffix.lower() in SUMMARIES else None


def _fields(tree: FilterExpr | None) -> list[Field]:
    if tree is None:
        return []
    if isinstance(tree, Comparison):
        return [tree.field]
    if isinstance(tree, Not):
        return _fields(tree.item)
    return [f for item in tree.items for f in _fields(item)]


def _resolved(field: Field, logged: set[str]) -> Field:
    split = _split(field)
    if split is None or field.key in logged:
        return field
    name, summary = split
    return replace(field, key=name, summary=summary)  # type: ignore[arg-type]


def _rewrite(tree: FilterExpr, logged: set[str]) -> FilterExpr:
    if isinstance(tree, Comparison):
        return replace(tree, field=_resolved(tree.field, logged))
    if isinstance(tree, Not):
        return Not(_rewrite(tree.item, logged))
    items = tuple(_rewrite(item, logged) for item in tree.items)
    return And(items) if isinstance(tree, And) else Or(items)


async def resolve_summaries(
    session: AsyncSession, tree: FilterExpr | None, keys: list[OrderKey]
) -> tuple[FilterExpr | None, list[OrderKey]]:
    """The filter and order keys with every ambiguous metric field decided."""
    fields = [*_fields(tree), *(k.field for k in keys)]
    names = {f.key for f in fields if _split(f) is not None}
    if not names:
        return tree, keys
    s = t.CandidateMetricSummary
    ordered = sorted(names)
    found = select(*(select(s.candidate_id).where(s.name == n).exists() for n in ordered))
    logged = {
        n for n, hit in zip(ordered, (await session.execute(found)).one(), strict=True) if hit
    }
    keys = [replace(k, field=_resolved(k.field, logged)) for k in keys]
    return (_rewrite(tree, logged) if tree is not None else None), keys
