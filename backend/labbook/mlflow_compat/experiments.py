"""MLflow experiment endpoints: create, get, get-by-name, update, delete, restore, tags, search."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from labbook.auth.roles import Action
from labbook.errors import NotFoundError
from labbook.mlflow_compat.handlers import Context, Tx, api_handler
from labbook.mlflow_compat.lookups import DEFAULT_EXPERIMENT_ID, find_experiment, tag_entries
from labbook.mlflow_compat.requests import Fields
from labbook.mlflow_compat.serialize import experiment_json
from labbook.store import experiments as store
from labbook.store.entities import Experiment

BASE = "/api/2.0/mlflow/experiments"


def _creator(ctx: Context) -> int | None:
    return ctx.principal.user.id if ctx.principal else None


async def _experiment_json(session: AsyncSession, experiment: Experiment) -> dict[str, Any]:
    tags = await store.experiment_metadata(session, experiment_ids=[experiment.id])
    return {"experiment": experiment_json(experiment, tags[experiment.id])}


async def _find(tx: Tx, fields: Fields, ctx: Context) -> Experiment:
    experiment_id = fields.id_text("experiment_id", required=True)
    return await find_experiment(
        tx.session,
        project=tx.project,
        experiment_id=experiment_id,
        creator_id=_creator(ctx),
        create_default=experiment_id == DEFAULT_EXPERIMENT_ID,
    )


@api_handler
async def create_experiment(fields: Fields, ctx: Context) -> dict[str, Any]:
    # `artifact_location` is accepted and ignored: artifacts always live in the project's
    # packages, and honouring a client-chosen URI would let it point us at other hosts.
    name = fields.text("name", required=True)
    tags = tag_entries(fields.objects("tags"))
    async with ctx.write() as tx:
        experiment = await store.create_experiment(
            tx.session,
            project_id=tx.project.id,
            name=name,
            creator_id=_creator(ctx),
            metadata=tags,
        )
    return {"experiment_id": str(experiment.iid)}


@api_handler
async def get_experiment(fields: Fields, ctx: Context) -> dict[str, Any]:
    # Experiment "0" may have to be created, hence a write transaction (authorized as a read).
    default = fields.id_text("experiment_id") == DEFAULT_EXPERIMENT_ID
    async with ctx.write(Action.READ) if default else ctx.read() as tx:
        return await _experiment_json(tx.session, await _find(tx, fields, ctx))


@api_handler
async def get_experiment_by_name(fields: Fields, ctx: Context) -> dict[str, Any]:
    name = fields.text("experiment_name", required=True)
    async with ctx.read() as tx:
        found = await store.find_experiment_by_name(tx.session, project_id=tx.project.id, name=name)
        if found is None:
            raise NotFoundError(f"Could not find experiment with name '{name}'")
        return await _experiment_json(tx.session, found)


@api_handler
async def update_experiment(fields: Fields, ctx: Context) -> dict[str, Any]:
    new_name = fields.text("new_name", required=True)
    async with ctx.write() as tx:
        experiment = await _find(tx, fields, ctx)
        await store.rename_experiment(tx.session, experiment_id=experiment.id, name=new_name)
    return {}


@api_handler
async def delete_experiment(fields: Fields, ctx: Context) -> dict[str, Any]:
    async with ctx.write(Action.DELETE_EXPERIMENT) as tx:
        experiment = await _find(tx, fields, ctx)
        await store.delete_experiment(tx.session, experiment_id=experiment.id)
    return {}


@api_handler
async def restore_experiment(fields: Fields, ctx: Context) -> dict[str, Any]:
    async with ctx.write(Action.DELETE_EXPERIMENT) as tx:
        experiment = await _find(tx, fields, ctx)
        await store.restore_experiment(tx.session, experiment_id=experiment.id)
    return {}


@api_handler
async def set_experiment_tag(fields: Fields, ctx: Context) -> dict[str, Any]:
    key, value = fields.text("key", required=True), fields.text("value")
    async with ctx.write() as tx:
        experiment = await _find(tx, fields, ctx)
        await store.set_experiment_metadata(
            tx.session, experiment_id=experiment.id, name=key, value=value
        )
    return {}


@api_handler
async def delete_experiment_tag(fields: Fields, ctx: Context) -> dict[str, Any]:
    key = fields.text("key", required=True)
    async with ctx.write() as tx:
        experiment = await _find(tx, fields, ctx)
        await store.delete_experiment_metadata(tx.session, experiment_id=experiment.id, name=key)
    return {}


ROUTES = [
    ("POST", f"{BASE}/create", create_experiment),
    ("GET", f"{BASE}/get", get_experiment),
    ("GET", f"{BASE}/get-by-name", get_experiment_by_name),
    ("POST", f"{BASE}/update", update_experiment),
    ("POST", f"{BASE}/delete", delete_experiment),
    ("POST", f"{BASE}/restore", restore_experiment),
    ("POST", f"{BASE}/set-experiment-tag", set_experiment_tag),
    ("POST", f"{BASE}/delete-experiment-tag", delete_experiment_tag),
]
