"""SELECTs compiled once per key and run on the driver's connection."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from labbook.db import tables as t
from labbook.db.database import Database
from labbook.store import experiments, projects
from labbook.store.compiled_queries import QueryMemo


async def test_a_query_is_built_once_per_key_and_its_values_converted(db: Database) -> None:
    async with db.write() as s:
        p = await projects.create_project(s, path="compiled")
        made = [
            await experiments.create_experiment(s, project_id=p.id, name=n, creator_id=None)
            for n in ("a", "b", "c")
        ]
    built: list[int] = []

    def build(ids: list[int]) -> Any:
        built.append(len(ids))
        e = t.Experiment
        return select(e.id, e.name, e.created_at, e.deleted_at).where(e.id.in_(ids)).order_by(e.id)

    memo = QueryMemo(size=2)
    ids = [e.id for e in made]
    async with db.read() as s:
        for _ in range(2):
            rows = await memo.rows(s, ("all", *ids), lambda: build(ids))
            assert [(r[0], r[1], r[3]) for r in rows] == [(e.id, e.name, None) for e in made]
            assert all(isinstance(r[2], datetime) and r[2].tzinfo is not None for r in rows)
        assert built == [3]
        assert await memo.rows(s, ("one",), lambda: build(ids[:1])) == rows[:1]
        assert await memo.rows(s, ("two",), lambda: build(ids[:2])) == rows[:2]  # forgets all
        await memo.rows(s, ("all", *ids), lambda: build(ids))
    assert built == [3, 1, 2, 3]
