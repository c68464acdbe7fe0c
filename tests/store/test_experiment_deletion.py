"""Deleting an experiment deletes its live candidates; restoring brings back exactly those."""

from __future__ import annotations

from labbook.db.database import Database
from labbook.store import candidates, experiments, projects


async def test_delete_and_restore_carry_the_candidates(db: Database) -> None:
    async with db.write() as s:
        project = await projects.create_project(s, path="p")
        e = await experiments.create_experiment(s, project_id=project.id, name="e", creator_id=None)
        other = await experiments.create_experiment(
            s, project_id=project.id, name="other", creator_id=None
        )
        made = [
            await candidates.create_candidate(
                s, experiment=x, name=n, creator_id=None, start_time=0
            )
            for x, n in [(e, "a"), (e, "b"), (e, "gone-before"), (other, "elsewhere")]
        ]
        await candidates.delete_candidate(s, candidate_id=made[2].id)
    async with db.write() as s:
        await experiments.delete_experiment(s, experiment_id=e.id)
    async with db.read() as s:
        found = await candidates.get_candidates(s, candidate_ids=[c.id for c in made])
    assert all(found[c.id].deleted_at is not None for c in made[:3])
    assert found[made[3].id].deleted_at is None
    assert found[made[0].id].deleted_at != found[made[2].id].deleted_at

    async with db.write() as s:
        await experiments.restore_experiment(s, experiment_id=e.id)
    async with db.read() as s:
        live = await candidates.list_candidates(s, experiment_id=e.id)
        every = await candidates.list_candidates(s, experiment_id=e.id, include_deleted=True)
    assert sorted(c.name for c in live) == ["a", "b"]
    assert len(every) == 3


async def test_deleting_twice_keeps_the_first_time(db: Database) -> None:
    async with db.write() as s:
        project = await projects.create_project(s, path="p")
        e = await experiments.create_experiment(s, project_id=project.id, name="e", creator_id=None)
        run = await candidates.create_candidate(
            s, experiment=e, name="r", creator_id=None, start_time=0
        )
        first = await experiments.delete_experiment(s, experiment_id=e.id)
    async with db.write() as s:
        again = await experiments.delete_experiment(s, experiment_id=e.id)
        await experiments.restore_experiment(s, experiment_id=e.id)
        restored = await candidates.get_candidates(s, candidate_ids=[run.id])
    assert again.deleted_at == first.deleted_at
    assert restored[run.id].deleted_at is None
