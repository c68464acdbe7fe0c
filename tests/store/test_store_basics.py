"""Projects, users, memberships, tokens, experiments and candidates through the store."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from labbook.db.database import Database
from labbook.db.tables import utcnow
from labbook.errors import (
    AlreadyExistsError,
    InvalidParameterError,
    InvalidStateError,
    NotFoundError,
)
from labbook.store import candidates, experiments, params_metadata, projects, tokens, users
from labbook.store.entities import AccessLevel, CandidateStatus, KeyValue


async def test_user_password_and_token_lifecycle(db: Database) -> None:
    async with db.write() as s:
        alice = await users.create_user(s, username="alice", password="correct horse")
        _, secret = await tokens.create_token(s, user_id=alice.id, name="ci", scopes=["read_api"])
        _, old = await tokens.create_token(
            s, user_id=alice.id, name="old", scopes=["api"], expires_at=utcnow() - timedelta(days=1)
        )
    async with db.read() as s:
        assert await users.authenticate_user(s, username="alice", password="correct horse")
        assert await users.authenticate_user(s, username="alice", password="wrong pass") is None
        found = await tokens.resolve_token(s, secret=secret)
        assert found is not None and found.scopes == ("read_api",)
        assert await tokens.resolve_token(s, secret=old) is None
    async with db.write() as s:
        await tokens.revoke_secret(s, secret=secret)
    async with db.read() as s:
        assert await tokens.resolve_token(s, secret=secret) is None


async def test_duplicate_user_and_bad_scope_are_refused(db: Database) -> None:
    async with db.write() as s:
        u = await users.create_user(s, username="bob", password="password1")
        with pytest.raises(AlreadyExistsError):
            await users.create_user(s, username="bob", password="password2")
        with pytest.raises(InvalidParameterError):
            await tokens.create_token(s, user_id=u.id, name="x", scopes=["sudo"])


async def test_project_membership_roles(db: Database) -> None:
    async with db.write() as s:
        owner = await users.create_user(s, username="owner", password="password1")
        p = await projects.create_project(s, path="team/vision", owner_id=owner.id)
        dev = await users.create_user(s, username="dev", password="password1")
        await projects.set_member(s, project_id=p.id, user_id=dev.id, level=AccessLevel.DEVELOPER)
        await projects.set_member(s, project_id=p.id, user_id=dev.id, level=AccessLevel.MAINTAINER)
    async with db.read() as s:
        assert (await projects.get_project(s, ref="team/vision")).id == p.id
        assert (await projects.get_project(s, ref=str(p.id))).path == "team/vision"
        level = await projects.get_access_level(s, project_id=p.id, user_id=dev.id)
        assert level is AccessLevel.MAINTAINER
        seen = await projects.list_projects(s, user_id=dev.id)
        assert [x.path for x in seen] == ["team/vision"]
        assert await projects.list_projects(s, user_id=None) == []
        with pytest.raises(NotFoundError):
            await projects.get_project(s, ref="nope")


async def _project(db: Database) -> int:
    async with db.write() as s:
        return (await projects.create_project(s, path="p")).id


async def test_experiment_iids_names_soft_delete_and_reuse(db: Database) -> None:
    pid = await _project(db)
    async with db.write() as s:
        a = await experiments.create_experiment(s, project_id=pid, name="a", creator_id=None)
        b = await experiments.create_experiment(s, project_id=pid, name="b", creator_id=None)
        assert (a.iid, b.iid) == (1, 2)
        with pytest.raises(AlreadyExistsError):
            await experiments.create_experiment(s, project_id=pid, name="a", creator_id=None)
        await experiments.delete_experiment(s, experiment_id=a.id)
        again = await experiments.create_experiment(s, project_id=pid, name="a", creator_id=None)
        assert again.iid == 3
        with pytest.raises(InvalidStateError):
            await experiments.restore_experiment(s, experiment_id=a.id)
        await experiments.rename_experiment(s, experiment_id=a.id, name="a-old")
        restored = await experiments.restore_experiment(s, experiment_id=a.id)
        assert restored.deleted_at is None and restored.name == "a-old"


async def test_experiment_metadata_and_over_long_name(db: Database) -> None:
    pid = await _project(db)
    async with db.write() as s:
        e = await experiments.create_experiment(s, project_id=pid, name="e", creator_id=None)
        await experiments.set_experiment_metadata(s, experiment_id=e.id, name="team", value="x")
        await experiments.set_experiment_metadata(s, experiment_id=e.id, name="team", value="y")
        with pytest.raises(InvalidParameterError):
            await experiments.create_experiment(s, project_id=pid, name="n" * 501, creator_id=None)
    async with db.read() as s:
        meta = await experiments.experiment_metadata(s, experiment_ids=[e.id])
        assert meta[e.id] == [KeyValue(name="team", value="y")]


async def test_candidate_lifecycle_params_and_metadata(db: Database) -> None:
    pid = await _project(db)
    async with db.write() as s:
        e = await experiments.create_experiment(s, project_id=pid, name="e", creator_id=None)
        c = await candidates.create_candidate(
            s, experiment=e, name="run", creator_id=None, start_time=1
        )
        assert c.iid == 1 and len(c.eid) == 32 and int(c.eid, 16) >= 0
        await params_metadata.log_params(
            s, candidate_id=c.id, params=[KeyValue(name="lr", value="0.1")]
        )
        await params_metadata.log_params(
            s, candidate_id=c.id, params=[KeyValue(name="lr", value="0.1")]
        )
        with pytest.raises(InvalidParameterError, match="Changing param values"):
            await params_metadata.log_params(
                s, candidate_id=c.id, params=[KeyValue(name="lr", value="0.2")]
            )
        note = KeyValue(name="mlflow.note.content", value="# hello")
        await params_metadata.set_metadata(s, candidate_id=c.id, entries=[note])
        done = await candidates.update_candidate(
            s, candidate_id=c.id, status=CandidateStatus.FINISHED, end_time=5
        )
        assert done.status is CandidateStatus.FINISHED and done.description == "# hello"
    async with db.read() as s:
        got = await candidates.get_candidate(s, eid=c.eid)
        assert (got.end_time, got.experiment_iid) == (5, e.iid)
        assert (await params_metadata.params_of(s, candidate_ids=[c.id]))[c.id][0].value == "0.1"


async def test_candidate_soft_delete_restore_and_purge(db: Database) -> None:
    pid = await _project(db)
    async with db.write() as s:
        e = await experiments.create_experiment(s, project_id=pid, name="e", creator_id=None)
        c = await candidates.create_candidate(
            s, experiment=e, name="r", creator_id=None, start_time=1
        )
        deleted = await candidates.delete_candidate(s, candidate_id=c.id)
        with pytest.raises(InvalidStateError):
            candidates.ensure_live(deleted)
        assert await candidates.list_candidates(s, experiment_id=e.id) == []
        await candidates.restore_candidate(s, candidate_id=c.id)
        assert len(await candidates.list_candidates(s, experiment_id=e.id)) == 1
        await candidates.purge_candidate(s, candidate_id=c.id)
        with pytest.raises(NotFoundError):
            await candidates.get_candidate(s, eid=c.eid)


async def test_concurrent_candidate_creation_gets_unique_sequential_iids(db: Database) -> None:
    pid = await _project(db)
    async with db.write() as s:
        e = await experiments.create_experiment(s, project_id=pid, name="e", creator_id=None)

    async def create(i: int) -> int:
        async with db.write() as s:
            c = await candidates.create_candidate(
                s, experiment=e, name=f"r{i}", creator_id=None, start_time=i
            )
            return c.iid

    iids = await asyncio.gather(*(create(i) for i in range(16)))
    assert sorted(iids) == list(range(1, 17))


async def test_candidate_changes_are_the_experiments_last_activity(db: Database) -> None:
    pid = await _project(db)
    async with db.write() as s:
        e = await experiments.create_experiment(s, project_id=pid, name="e", creator_id=None)
        c = await candidates.create_candidate(
            s, experiment=e, name="r", creator_id=None, start_time=1
        )
    async with db.read() as s:
        created = await experiments.get_experiment_by_id(s, experiment_id=e.id)
    assert created.last_activity_at > e.last_activity_at
    async with db.write() as s:
        await candidates.update_candidate(s, candidate_id=c.id, status=CandidateStatus.FINISHED)
    async with db.read() as s:
        finished = await experiments.get_experiment_by_id(s, experiment_id=e.id)
    assert finished.last_activity_at > created.last_activity_at


async def test_the_last_owner_can_be_neither_demoted_nor_removed(db: Database) -> None:
    async with db.write() as s:
        owner = await users.create_user(s, username="own", password="password1")
        p = await projects.create_project(s, path="o", owner_id=owner.id)
        other = await users.create_user(s, username="oth", password="password1")
    with pytest.raises(InvalidStateError):
        async with db.write() as s:
            await projects.set_member(s, project_id=p.id, user_id=owner.id, level=AccessLevel.GUEST)
    with pytest.raises(InvalidStateError):
        async with db.write() as s:
            await projects.remove_member(s, project_id=p.id, user_id=owner.id)
    async with db.write() as s:
        await projects.set_member(s, project_id=p.id, user_id=other.id, level=AccessLevel.OWNER)
        await projects.remove_member(s, project_id=p.id, user_id=owner.id)
    async with db.read() as s:
        assert await projects.get_access_level(s, project_id=p.id, user_id=owner.id) is None
        level = await projects.get_access_level(s, project_id=p.id, user_id=other.id)
        assert level is AccessLevel.OWNER
