"""Experiments' internal ids from their MLflow ids, in one statement."""

from __future__ import annotations

from labbook.db.database import Database
from labbook.store import experiments, projects
from labbook.store.experiment_refs import experiment_ids_by_iid


async def test_ids_by_iid_within_the_project_deleted_or_not(db: Database) -> None:
    async with db.write() as s:
        p = await projects.create_project(s, path="refs")
        other = await projects.create_project(s, path="refs-other")
        a = await experiments.create_experiment(s, project_id=p.id, name="a", creator_id=None)
        b = await experiments.create_experiment(s, project_id=p.id, name="b", creator_id=None)
        elsewhere = await experiments.create_experiment(
            s, project_id=other.id, name="c", creator_id=None
        )
        await experiments.delete_experiment(s, experiment_id=b.id)
    async with db.read() as s:
        iids = [a.iid, b.iid, 10**6]
        found = await experiment_ids_by_iid(s, project_id=p.id, iids=iids)
        assert found == {a.iid: a.id, b.iid: b.id}
        assert await experiment_ids_by_iid(s, project_id=p.id, iids=[]) == {}
        theirs = await experiment_ids_by_iid(s, project_id=other.id, iids=[elsewhere.iid])
        assert theirs == {elsewhere.iid: elsewhere.id}
