"""An experiment's candidates as CSV, streamed one keyset page at a time.

The rows are those of GraphQL `Experiment.candidates` with the same filter, sort, status and
deleted arguments; the columns are the candidate's attributes, then one per param and one per
metric (its latest value) that the experiment's candidates use.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from labbook.db.database import Database
from labbook.store import experiment_keys, metrics, params_metadata, users
from labbook.store.candidate_search import Lifecycle, search_candidates
from labbook.store.entities import Candidate, CandidateStatus, Experiment, KeyValue, MetricSummary
from labbook.store.pages import Page

PAGE_SIZE = 500
ATTRIBUTES = [
    "experiment_iid",
    "candidate_iid",
    "eid",
    "name",
    "status",
    "created_at",
    "start_time",
    "end_time",
    "duration_s",
    "creator",
]
Cell = str | int | float | None


@dataclass(frozen=True, slots=True, kw_only=True)
class CandidateQuery:
    """Which candidates, in which order: the arguments of `Experiment.candidates`."""

    filter: str | None = None
    sort: str | None = None
    status: CandidateStatus | None = None
    lifecycle: Lifecycle = "active"


@dataclass(frozen=True, slots=True)
class Keys:
    params: list[str]
    metrics: list[str]

    def header(self) -> list[str]:
        return [*ATTRIBUTES, *(f"params.{k}" for k in self.params)] + [
            f"metrics.{k}" for k in self.metrics
        ]


@dataclass(frozen=True, slots=True)
class Details:
    """What a page of candidates needs besides the candidates: by candidate or user id."""

    params: dict[int, list[KeyValue]]
    metrics: dict[int, list[MetricSummary]]
    creators: dict[int, str]


def iso_ms(epoch_ms: int | None) -> str | None:
    return None if epoch_ms is None else datetime.fromtimestamp(epoch_ms / 1000, UTC).isoformat()


def duration_s(c: Candidate) -> float | None:
    """As GraphQL's `duration`: until now while running, unknown otherwise without an end."""
    if c.start_time is None or (c.end_time is None and c.status is not CandidateStatus.RUNNING):
        return None
    end = c.end_time if c.end_time is not None else time.time() * 1000
    return (end - c.start_time) / 1000


def candidate_row(c: Candidate, keys: Keys, details: Details) -> list[Cell]:
    params = {p.name: p.value for p in details.params.get(c.id, [])}
    latest = {m.name: m.last_value for m in details.metrics.get(c.id, [])}
    creator = details.creators.get(c.creator_id) if c.creator_id is not None else None
    times = [c.created_at.isoformat(), iso_ms(c.start_time), iso_ms(c.end_time)]
    head: list[Cell] = [c.experiment_iid, c.iid, c.eid, c.name, c.status.name, *times]
    return [*head, duration_s(c), creator, *(params.get(k) for k in keys.params)] + [
        latest.get(k) for k in keys.metrics
    ]


def to_csv(rows: Sequence[Sequence[Cell]]) -> str:
    """RFC 4180 text (quotes doubled, fields with commas, quotes or newlines quoted)."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


async def experiment_columns(db: Database, experiment: Experiment) -> Keys:
    async with db.read() as session:
        params = await experiment_keys.param_keys(session, experiment_id=experiment.id)
        names = await experiment_keys.metric_keys(session, experiment_id=experiment.id)
    return Keys(params, names)


async def fetch_page(
    db: Database, experiment: Experiment, query: CandidateQuery, after: str | None
) -> tuple[Page[Candidate], Details]:
    """One page of matching candidates with their params, metric summaries and creators."""
    async with db.read() as session:
        page = await search_candidates(
            session,
            experiment_ids=[experiment.id],
            filter=query.filter,
            order_by=[query.sort] if query.sort else None,
            lifecycle=query.lifecycle,
            status=query.status,
            limit=PAGE_SIZE,
            after=after,
        )
        ids = [c.id for c in page.items]
        creator_ids = sorted({c.creator_id for c in page.items if c.creator_id is not None})
        found = await users.get_users(session, user_ids=creator_ids)
        details = Details(
            params=await params_metadata.params_of(session, candidate_ids=ids),
            metrics=await metrics.summaries_of(session, candidate_ids=ids),
            creators={i: u.username for i, u in found.items()},
        )
    return page, details


def page_csv(page: Page[Candidate], keys: Keys, details: Details) -> str:
    return to_csv([candidate_row(c, keys, details) for c in page.items])


async def csv_chunks(
    db: Database,
    experiment: Experiment,
    query: CandidateQuery,
    keys: Keys,
    first: tuple[Page[Candidate], Details],
) -> AsyncIterator[str]:
    """The header and every page from `first` on, each page read in its own transaction."""
    yield to_csv([keys.header()])
    page, details = first
    yield page_csv(page, keys, details)
    while page.has_more and page.cursors:
        page, details = await fetch_page(db, experiment, query, page.cursors[-1])
        yield page_csv(page, keys, details)
