"""MLflow registry endpoints for model versions: `/api/2.0/mlflow/model-versions/…`
(protocol §5.2).

A version is `READY` as soon as it is created. `get-download-uri` answers an
`mlflow-artifacts:` URI, the only kind the client can list and download (design §6): the
folder the version's source resolved to when it was created.
"""

from __future__ import annotations

from typing import Any

from labbook.mlflow_compat.handlers import Context, api_handler
from labbook.mlflow_compat.lookups import tag_entries
from labbook.mlflow_compat.registry_json import version_json, version_number
from labbook.mlflow_compat.requests import Fields
from labbook.store import model_versions as store
from labbook.store.entities import KeyValue
from labbook.store.model_version_sources import resolve_source
from labbook.store.registry_search import search_model_versions

BASE = "/api/2.0/mlflow/model-versions"


def _key(fields: Fields) -> tuple[str, int]:
    """(registered model name, version number) of a request."""
    return fields.text("name", required=True), version_number(fields)


@api_handler
async def create_version(fields: Fields, ctx: Context) -> dict[str, Any]:
    name, source = fields.text("name", required=True), fields.text("source", required=True)
    tags = tag_entries(fields.objects("tags"))
    async with ctx.write() as tx:
        found = await resolve_source(
            tx.session,
            project_id=tx.project.id,
            source=source,
            run_id=fields.opt_text("run_id") or None,
            model_id=fields.opt_text("model_id") or None,
        )
        version = await store.create_version(
            tx.session,
            project_id=tx.project.id,
            name=name,
            source=source,
            found=found,
            description=fields.text("description"),
            run_link=fields.text("run_link"),
            tags=tags,
            creator_id=ctx.principal.user.id if ctx.principal else None,
        )
    return {"model_version": version_json(version)}


@api_handler
async def get_version(fields: Fields, ctx: Context) -> dict[str, Any]:
    name, number = _key(fields)
    async with ctx.read() as tx:
        version = await store.get_version(
            tx.session, project_id=tx.project.id, name=name, version=number
        )
    return {"model_version": version_json(version)}


@api_handler
async def update_version(fields: Fields, ctx: Context) -> dict[str, Any]:
    (name, number), description = _key(fields), fields.text("description")
    async with ctx.write() as tx:
        version = await store.update_version(
            tx.session, project_id=tx.project.id, name=name, version=number, description=description
        )
    return {"model_version": version_json(version)}


@api_handler
async def transition_stage(fields: Fields, ctx: Context) -> dict[str, Any]:
    (name, number), stage = _key(fields), fields.text("stage", required=True)
    archive = fields.boolean("archive_existing_versions")
    async with ctx.write() as tx:
        version = await store.transition_stage(
            tx.session,
            project_id=tx.project.id,
            name=name,
            version=number,
            stage=stage,
            archive_existing=archive,
        )
    return {"model_version": version_json(version)}


@api_handler
async def delete_version(fields: Fields, ctx: Context) -> dict[str, Any]:
    name, number = _key(fields)
    async with ctx.write() as tx:
        await store.delete_version(tx.session, project_id=tx.project.id, name=name, version=number)
    return {}


@api_handler
async def search_versions(fields: Fields, ctx: Context) -> dict[str, Any]:
    async with ctx.read() as tx:
        versions, token = await search_model_versions(
            tx.session,
            project_id=tx.project.id,
            filter_string=fields.text("filter"),
            order_by=fields.texts("order_by"),
            max_results=fields.integer("max_results", default=10_000),
            page_token=fields.opt_text("page_token"),
        )
    found = {"model_versions": [version_json(v) for v in versions]} if versions else {}
    return found | ({"next_page_token": token} if token else {})


@api_handler
async def set_tag(fields: Fields, ctx: Context) -> dict[str, Any]:
    (name, number), key = _key(fields), fields.text("key", required=True)
    tag = KeyValue(name=key, value=fields.text("value"))
    async with ctx.write() as tx:
        version = await store.get_version(
            tx.session, project_id=tx.project.id, name=name, version=number
        )
        await store.set_version_tags(tx.session, model_version_id=version.id, tags=[tag])
    return {}


@api_handler
async def delete_tag(fields: Fields, ctx: Context) -> dict[str, Any]:
    (name, number), key = _key(fields), fields.text("key", required=True)
    async with ctx.write() as tx:
        await store.delete_version_tag(
            tx.session, project_id=tx.project.id, name=name, version=number, key=key
        )
    return {}


@api_handler
async def get_download_uri(fields: Fields, ctx: Context) -> dict[str, Any]:
    name, number = _key(fields)
    async with ctx.read() as tx:
        version = await store.get_version(
            tx.session, project_id=tx.project.id, name=name, version=number
        )
    return {"artifact_uri": f"mlflow-artifacts:/{version.artifact_path}"}


ROUTES = [
    ("POST", f"{BASE}/create", create_version),
    ("GET", f"{BASE}/get", get_version),
    ("PATCH", f"{BASE}/update", update_version),
    ("POST", f"{BASE}/transition-stage", transition_stage),
    ("DELETE", f"{BASE}/delete", delete_version),
    ("GET", f"{BASE}/search", search_versions),
    ("POST", f"{BASE}/set-tag", set_tag),
    ("DELETE", f"{BASE}/delete-tag", delete_tag),
    ("GET", f"{BASE}/get-download-uri", get_download_uri),
]
