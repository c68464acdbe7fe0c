"""MLflow registry endpoints for registered models: `/api/2.0/mlflow/registered-models/…`
(protocol §5.2; §10 rows 152 to 173). Versions are in `model_versions`.

`create` answers `RESOURCE_ALREADY_EXISTS` for a taken name: that is what lets the client's
`register_model` go on to add a version. Almost every client call first reads the model with
`get` (its prompt check), so an unknown name must be a 404 `RESOURCE_DOES_NOT_EXIST`.
"""

from __future__ import annotations

from typing import Any

from labbook.mlflow_compat.handlers import Context, api_handler
from labbook.mlflow_compat.lookups import tag_entries
from labbook.mlflow_compat.registry_json import registered_model_json, version_json, version_number
from labbook.mlflow_compat.requests import Fields
from labbook.store import registered_models as store
from labbook.store.entities import KeyValue
from labbook.store.registry_search import search_registered_models

BASE = "/api/2.0/mlflow/registered-models"


def _name(fields: Fields) -> str:
    return fields.text("name", required=True)


@api_handler
async def create_registered_model(fields: Fields, ctx: Context) -> dict[str, Any]:
    name, tags = _name(fields), tag_entries(fields.objects("tags"))
    async with ctx.write() as tx:
        model = await store.create_registered_model(
            tx.session,
            project_id=tx.project.id,
            name=name,
            description=fields.text("description"),
            tags=tags,
            creator_id=ctx.principal.user.id if ctx.principal else None,
        )
    return {"registered_model": registered_model_json(model)}


@api_handler
async def get_registered_model(fields: Fields, ctx: Context) -> dict[str, Any]:
    async with ctx.read() as tx:
        model = await store.get_registered_model(
            tx.session, project_id=tx.project.id, name=_name(fields)
        )
    return {"registered_model": registered_model_json(model)}


@api_handler
async def rename_registered_model(fields: Fields, ctx: Context) -> dict[str, Any]:
    name, new_name = _name(fields), fields.text("new_name", required=True)
    async with ctx.write() as tx:
        model = await store.rename_registered_model(
            tx.session, project_id=tx.project.id, name=name, new_name=new_name
        )
    return {"registered_model": registered_model_json(model)}


@api_handler
async def update_registered_model(fields: Fields, ctx: Context) -> dict[str, Any]:
    name, description = _name(fields), fields.text("description")
    async with ctx.write() as tx:
        model = await store.update_registered_model(
            tx.session, project_id=tx.project.id, name=name, description=description
        )
    return {"registered_model": registered_model_json(model)}


@api_handler
async def delete_registered_model(fields: Fields, ctx: Context) -> dict[str, Any]:
    name = _name(fields)
    async with ctx.write() as tx:
        await store.delete_registered_model(tx.session, project_id=tx.project.id, name=name)
    return {}


@api_handler
async def search_models(fields: Fields, ctx: Context) -> dict[str, Any]:
    async with ctx.read() as tx:
        models, token = await search_registered_models(
            tx.session,
            project_id=tx.project.id,
            filter_string=fields.text("filter"),
            order_by=fields.texts("order_by"),
            max_results=fields.integer("max_results", default=100),
            page_token=fields.opt_text("page_token"),
        )
    found = {"registered_models": [registered_model_json(m) for m in models]} if models else {}
    return found | ({"next_page_token": token} if token else {})


@api_handler
async def get_latest_versions(fields: Fields, ctx: Context) -> dict[str, Any]:
    name, stages = _name(fields), fields.texts("stages")
    async with ctx.read() as tx:
        versions = await store.latest_versions(
            tx.session, project_id=tx.project.id, name=name, stages=stages
        )
    return {"model_versions": [version_json(v) for v in versions]} if versions else {}


@api_handler
async def set_tag(fields: Fields, ctx: Context) -> dict[str, Any]:
    name, key = _name(fields), fields.text("key", required=True)
    tag = KeyValue(name=key, value=fields.text("value"))
    async with ctx.write() as tx:
        await store.set_registered_model_tag(
            tx.session, project_id=tx.project.id, name=name, tag=tag
        )
    return {}


@api_handler
async def delete_tag(fields: Fields, ctx: Context) -> dict[str, Any]:
    name, key = _name(fields), fields.text("key", required=True)
    async with ctx.write() as tx:
        await store.delete_registered_model_tag(
            tx.session, project_id=tx.project.id, name=name, key=key
        )
    return {}


@api_handler
async def set_alias(fields: Fields, ctx: Context) -> dict[str, Any]:
    name, alias, version = (
        _name(fields),
        fields.text("alias", required=True),
        version_number(fields),
    )
    async with ctx.write() as tx:
        await store.set_alias(
            tx.session, project_id=tx.project.id, name=name, alias=alias, version=version
        )
    return {}


@api_handler
async def delete_alias(fields: Fields, ctx: Context) -> dict[str, Any]:
    name, alias = _name(fields), fields.text("alias", required=True)
    async with ctx.write() as tx:
        await store.delete_alias(tx.session, project_id=tx.project.id, name=name, alias=alias)
    return {}


@api_handler
async def get_by_alias(fields: Fields, ctx: Context) -> dict[str, Any]:
    name, alias = _name(fields), fields.text("alias", required=True)
    async with ctx.read() as tx:
        version = await store.get_version_by_alias(
            tx.session, project_id=tx.project.id, name=name, alias=alias
        )
    return {"model_version": version_json(version)}


ROUTES = [
    ("POST", f"{BASE}/create", create_registered_model),
    ("GET", f"{BASE}/get", get_registered_model),
    ("POST", f"{BASE}/rename", rename_registered_model),
    ("PATCH", f"{BASE}/update", update_registered_model),
    ("DELETE", f"{BASE}/delete", delete_registered_model),
    ("GET", f"{BASE}/search", search_models),
    ("POST", f"{BASE}/get-latest-versions", get_latest_versions),
    ("GET", f"{BASE}/get-latest-versions", get_latest_versions),
    ("POST", f"{BASE}/set-tag", set_tag),
    ("DELETE", f"{BASE}/delete-tag", delete_tag),
    ("POST", f"{BASE}/alias", set_alias),
    ("DELETE", f"{BASE}/alias", delete_alias),
    ("GET", f"{BASE}/alias", get_by_alias),
]
