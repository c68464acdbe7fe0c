"""Bulk reads for pages of many runs (MLflow `runs/search` answers 1,000 runs a page).

A run's params, tags and latest metric values come back as JSON texts the database builds,
in one statement for the whole page, and are sent on as they are: a page of 1,000 runs
carries 20,000 params and 10,000 metric values, and assembling them in SQL spares Python a
row, an object and a dict for each. Metric values are written with 17 significant digits
(SQLite's JSON keeps 15), so every double reads back exactly; NaN (stored as NULL) and
infinities as MLflow's strings.
"""

from __future__ import annotations

from typing import NamedTuple

import orjson
from sqlalchemy.ext.asyncio import AsyncSession

from labbook.store.driver_sql import fetch_all
from labbook.store.sql import dialect_name


class RunDocument(NamedTuple):
    """A run's data as JSON texts (`[{"key", "value"}]`, metrics with timestamp and step),
    and its user: the given tag's value, else its creator's name, else ""."""

    params: str
    tags: str
    metrics: str
    user: str


def _user(tag: str) -> str:
    """The run `c`'s user, with `tag` the placeholder of the user tag's name."""
    return f"""COALESCE(
    (SELECT value FROM candidate_metadata WHERE candidate_id = c.id AND name = {tag}),
    (SELECT username FROM users WHERE id = c.creator_id), '')"""


_SQLITE = f"""
SELECT c.id,
  (SELECT json_group_array(json_object('key', name, 'value', value)) FROM
    (SELECT name, value FROM candidate_params WHERE candidate_id = c.id ORDER BY name)),
  (SELECT json_group_array(json_object('key', name, 'value', value)) FROM
    (SELECT name, value FROM candidate_metadata WHERE candidate_id = c.id ORDER BY name)),
  (SELECT json_group_array(json_object('key', name, 'value', json(CASE
        WHEN last_value IS NULL THEN '"NaN"'
        WHEN last_value = 9e999 THEN '"Infinity"'
        WHEN last_value = -9e999 THEN '"-Infinity"'
        ELSE printf('%!.17g', last_value) END),
      'timestamp', last_timestamp, 'step', last_step)) FROM
    (SELECT * FROM candidate_metric_summaries WHERE candidate_id = c.id ORDER BY name)),
  {_user("?2")}
FROM candidates c WHERE c.id IN (SELECT value FROM json_each(?1))
"""

_POSTGRES = f"""
SELECT c.id,
  COALESCE((SELECT json_agg(json_build_object('key', name, 'value', value) ORDER BY name)
    FROM candidate_params WHERE candidate_id = c.id)::text, '[]'),
  COALESCE((SELECT json_agg(json_build_object('key', name, 'value', value) ORDER BY name)
    FROM candidate_metadata WHERE candidate_id = c.id)::text, '[]'),
  COALESCE((SELECT json_agg(json_build_object('key', name, 'value', CASE
        WHEN last_value IS NULL THEN to_json('NaN'::text)
        WHEN last_value = 'Infinity'::float8 THEN to_json('Infinity'::text)
        WHEN last_value = '-Infinity'::float8 THEN to_json('-Infinity'::text)
        ELSE to_json(last_value) END,
      'timestamp', last_timestamp, 'step', last_step) ORDER BY name)
    FROM candidate_metric_summaries WHERE candidate_id = c.id)::text, '[]'),
  {_user("$2")}
FROM candidates c WHERE c.id = ANY($1::bigint[])
"""


async def run_documents(
    session: AsyncSession, *, candidate_ids: list[int], user_tag: str
) -> dict[int, RunDocument]:
    """`RunDocument`s of these candidates (absent ones are left out), in one statement."""
    if dialect_name(session) == "postgresql":
        rows = await fetch_all(session, _POSTGRES, [candidate_ids, user_tag])
    else:
        rows = await fetch_all(session, _SQLITE, [orjson.dumps(candidate_ids).decode(), user_tag])
    return {row[0]: RunDocument(*row[1:]) for row in rows}


async def run_user(session: AsyncSession, *, candidate_id: int, tag: str) -> str:
    """The run's user alone (what `RunDocument.user` says), for answers without its data."""
    p = ("$1", "$2") if dialect_name(session) == "postgresql" else ("?1", "?2")
    sql = f"SELECT {_user(p[1])} FROM candidates c WHERE c.id = {p[0]}"
    rows = await fetch_all(session, sql, [candidate_id, tag])
    return str(rows[0][0])
