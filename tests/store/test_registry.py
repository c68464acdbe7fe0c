"""The model registry through the store: models, versions, stages, aliases, tags, search."""

from __future__ import annotations

import pytest

from labbook.db.database import Database
from labbook.errors import AlreadyExistsError, InvalidParameterError, NotFoundError
from labbook.store import candidates, experiments, model_versions, projects, registered_models
from labbook.store.entities import KeyValue
from labbook.store.model_version_sources import resolve_source
from labbook.store.registry_search import search_model_versions, search_registered_models


async def _project(db: Database) -> tuple[int, str]:
    """(project id, the run id of one candidate in it)."""
    async with db.write() as s:
        project = await projects.create_project(s, path="p")
        e = await experiments.create_experiment(s, project_id=project.id, name="e", creator_id=None)
        run = await candidates.create_candidate(
            s, experiment=e, name="r", creator_id=None, start_time=0
        )
    return project.id, run.eid


async def _add_version(db: Database, project_id: int, name: str, run_id: str) -> int:
    async with db.write() as s:
        source = f"runs:/{run_id}/model"
        found = await resolve_source(
            s, project_id=project_id, source=source, run_id=None, model_id=None
        )
        version = await model_versions.create_version(
            s, project_id=project_id, name=name, source=source, found=found
        )
    return version.version


async def test_versions_are_numbered_and_never_reused(db: Database) -> None:
    project_id, run_id = await _project(db)
    async with db.write() as s:
        await registered_models.create_registered_model(s, project_id=project_id, name="m")
        with pytest.raises(AlreadyExistsError):
            await registered_models.create_registered_model(s, project_id=project_id, name="m")
    assert [await _add_version(db, project_id, "m", run_id) for _ in range(2)] == [1, 2]
    async with db.write() as s:
        await model_versions.delete_version(s, project_id=project_id, name="m", version=2)
    assert await _add_version(db, project_id, "m", run_id) == 3
    async with db.read() as s:
        got = await model_versions.get_version(s, project_id=project_id, name="m", version=3)
    assert (got.run_id, got.artifact_path, got.stage) == (run_id, "ml_experiment_1/1/model", "None")


async def test_stages_latest_versions_and_archiving(db: Database) -> None:
    project_id, run_id = await _project(db)
    async with db.write() as s:
        await registered_models.create_registered_model(s, project_id=project_id, name="m")
    for _ in range(3):
        await _add_version(db, project_id, "m", run_id)
    async with db.write() as s:
        for number in (1, 2):
            await model_versions.transition_stage(
                s, project_id=project_id, name="m", version=number, stage="production"
            )
        await model_versions.transition_stage(
            s, project_id=project_id, name="m", version=3, stage="Production", archive_existing=True
        )
        with pytest.raises(InvalidParameterError):
            await model_versions.transition_stage(
                s, project_id=project_id, name="m", version=1, stage="Gold"
            )
    async with db.read() as s:
        model = await registered_models.get_registered_model(s, project_id=project_id, name="m")
        staging = await registered_models.latest_versions(
            s, project_id=project_id, name="m", stages=["Staging"]
        )
    assert sorted((v.stage, v.version) for v in model.latest_versions) == [
        ("Archived", 2),
        ("Production", 3),
    ]
    assert staging == []


async def test_aliases_follow_and_vanish_with_their_version(db: Database) -> None:
    project_id, run_id = await _project(db)
    async with db.write() as s:
        await registered_models.create_registered_model(s, project_id=project_id, name="m")
    await _add_version(db, project_id, "m", run_id)
    await _add_version(db, project_id, "m", run_id)
    async with db.write() as s:
        for number in (1, 2):
            await registered_models.set_alias(
                s, project_id=project_id, name="m", alias="champion", version=number
            )
        found = await registered_models.get_version_by_alias(
            s, project_id=project_id, name="m", alias="champion"
        )
        assert (found.version, found.aliases) == (2, ("champion",))
        await model_versions.delete_version(s, project_id=project_id, name="m", version=2)
    async with db.read() as s:
        model = await registered_models.get_registered_model(s, project_id=project_id, name="m")
        with pytest.raises(NotFoundError):
            await registered_models.get_version_by_alias(
                s, project_id=project_id, name="m", alias="champion"
            )
    assert model.aliases == ()


async def test_rename_update_tags_and_delete(db: Database) -> None:
    project_id, run_id = await _project(db)
    async with db.write() as s:
        await registered_models.create_registered_model(
            s, project_id=project_id, name="a", tags=[KeyValue(name="k", value="v")]
        )
        await registered_models.create_registered_model(s, project_id=project_id, name="b")
        with pytest.raises(AlreadyExistsError):
            await registered_models.rename_registered_model(
                s, project_id=project_id, name="a", new_name="b"
            )
        renamed = await registered_models.rename_registered_model(
            s, project_id=project_id, name="a", new_name="c"
        )
        described = await registered_models.update_registered_model(
            s, project_id=project_id, name="c", description="d"
        )
        await registered_models.delete_registered_model_tag(
            s, project_id=project_id, name="c", key="missing"
        )
    assert (renamed.name, renamed.tags, described.description) == (
        "c",
        (KeyValue(name="k", value="v"),),
        "d",
    )
    await _add_version(db, project_id, "c", run_id)
    async with db.write() as s:
        await registered_models.delete_registered_model(s, project_id=project_id, name="c")
    async with db.read() as s:
        versions, _ = await search_model_versions(s, project_id=project_id)
    assert versions == []


async def test_search_filters_order_and_pages(db: Database) -> None:
    project_id, run_id = await _project(db)
    async with db.write() as s:
        for name, team in [("alpha", "ml"), ("beta", "ml"), ("gamma", "ops"), ("prompt", "")]:
            tags = [KeyValue(name="team", value=team)] if team else []
            if name == "prompt":
                tags = [KeyValue(name="mlflow.prompt.is_prompt", value="true")]
            await registered_models.create_registered_model(
                s, project_id=project_id, name=name, tags=tags
            )
    await _add_version(db, project_id, "beta", run_id)

    async def names(filter_string: str = "", order_by: list[str] | None = None) -> list[str]:
        async with db.read() as s:
            found, _ = await search_registered_models(
                s, project_id=project_id, filter_string=filter_string, order_by=order_by
            )
        return [m.name for m in found]

    no_prompts = " AND tag.`mlflow.prompt.is_prompt` != 'true'"
    assert await names("name LIKE '%a'" + no_prompts) == ["alpha", "beta", "gamma"]
    assert await names("name ILIKE 'G%'") == ["gamma"]
    assert await names("tags.team = 'ml'", order_by=["name DESC"]) == ["beta", "alpha"]
    assert await names("tags.team != 'ml'") == ["gamma", "prompt"]
    async with db.read() as s:
        first, token = await search_registered_models(s, project_id=project_id, max_results=3)
        rest, end = await search_registered_models(
            s, project_id=project_id, max_results=3, page_token=token
        )
        versions, _ = await search_model_versions(
            s, project_id=project_id, filter_string="name = 'beta' AND version_number >= 1"
        )
        with pytest.raises(InvalidParameterError):
            await search_registered_models(s, project_id=project_id, filter_string="run_id = 'x'")
    assert [m.name for m in first + rest] == ["alpha", "beta", "gamma", "prompt"]
    assert token and end is None
    assert [(v.name, v.version) for v in versions] == [("beta", 1)]
    assert [v.version for v in next(m for m in first if m.name == "beta").latest_versions] == [1]


async def test_large_pages_load_in_chunks(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_versions, "CHUNK", 2)
    project_id, run_id = await _project(db)
    async with db.write() as s:
        await registered_models.create_registered_model(s, project_id=project_id, name="m")
    for _ in range(5):
        await _add_version(db, project_id, "m", run_id)
    async with db.write() as s:
        await registered_models.set_alias(s, project_id=project_id, name="m", alias="a", version=5)
        versions, _ = await search_model_versions(
            s, project_id=project_id, order_by=["version_number ASC"]
        )
    assert [v.version for v in versions] == [1, 2, 3, 4, 5]
    assert [v.aliases for v in versions][-1] == ("a",)
