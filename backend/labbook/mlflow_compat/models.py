"""MLflow 3 logged models: `/api/2.0/mlflow/logged-models…` (protocol §5.1, §10 rows 58 to 66).

`log_model` creates a model (PENDING), uploads its files under the returned `artifact_uri`
and finalizes it (READY). Every `runs:/` download also searches models by name, so
`logged-models/search` must answer even for scripts that never log a model.
"""

from __future__ import annotations

from typing import Any

from labbook.artifacts.base import safe_path
from labbook.errors import InvalidParameterError
from labbook.mlflow_compat.artifacts import entry_json
from labbook.mlflow_compat.handlers import Context, Tx, api_handler
from labbook.mlflow_compat.lookups import MAX_IID, find_experiment, find_run, tag_entries
from labbook.mlflow_compat.requests import Fields
from labbook.mlflow_compat.serialize import key_values, millis, wire_float
from labbook.store import logged_models as store
from labbook.store.entities import LoggedModel, LoggedModelStatus, ModelMetric
from labbook.store.experiments import DEFAULT_NAME, find_experiment_by_name
from labbook.store.logged_model_search import (
    ModelOrder,
    experiment_ids_of,
    search_logged_models,
)
from labbook.store.packages import list_folder

BASE = "/api/2.0/mlflow/logged-models"
STATUS_PREFIX = "LOGGED_MODEL_"


def model_json(model: LoggedModel) -> dict[str, Any]:
    info: dict[str, Any] = {
        "model_id": model.model_id,
        "experiment_id": str(model.experiment_iid),
        "name": model.name,
        "creation_timestamp_ms": millis(model.created_at),
        "last_updated_timestamp_ms": millis(model.updated_at),
        "artifact_uri": f"mlflow-artifacts:/{model.artifact_path}",
        "status": STATUS_PREFIX + model.status.name,
        "model_type": model.model_type,
        "tags": key_values(list(model.tags)),
    }
    if model.source_run_id:
        info["source_run_id"] = model.source_run_id
    if model.status_message:
        info["status_message"] = model.status_message
    data: dict[str, Any] = {"params": key_values(list(model.params))} if model.params else {}
    if model.metrics:
        data["metrics"] = [model_metric_json(m) for m in model.metrics]
    return {"info": info, "data": data}


def model_metric_json(metric: ModelMetric) -> dict[str, Any]:
    found = {
        "key": metric.name,
        "value": wire_float(metric.value),
        "timestamp": metric.timestamp,
        "step": metric.step,
        "model_id": metric.model_id,
        "run_id": metric.run_id,
        "dataset_name": metric.dataset_name,
        "dataset_digest": metric.dataset_digest,
    }
    return {k: v for k, v in found.items() if v is not None}


def model_metrics(items: list[Fields]) -> list[ModelMetric]:
    """The points of a `log-metric` / `log-batch` request that name a `model_id`."""
    return [
        ModelMetric(
            model_id=item.text("model_id"),
            name=item.text("key", required=True),
            value=item.number("value"),
            step=item.integer("step", default=0),
            timestamp=item.integer("timestamp"),
            dataset_name=item.opt_text("dataset_name"),
            dataset_digest=item.opt_text("dataset_digest"),
        )
        for item in items
        if item.opt_text("model_id")
    ]


def _status(fields: Fields) -> LoggedModelStatus:
    value = fields.text("status", required=True)
    try:
        return LoggedModelStatus[value.removeprefix(STATUS_PREFIX)]
    except KeyError:
        names = ", ".join(STATUS_PREFIX + s.name for s in LoggedModelStatus)
        raise InvalidParameterError(f"Invalid status '{value}': one of {names}") from None


async def _model(tx: Tx, ctx: Context) -> LoggedModel:
    model_id: str = ctx.request.path_params["model_id"]
    return await store.get_logged_model(tx.session, project_id=tx.project.id, model_id=model_id)


@api_handler
async def create_model(fields: Fields, ctx: Context) -> dict[str, Any]:
    experiment_id = fields.text("experiment_id", required=True)
    run_id = fields.opt_text("source_run_id")
    creator = ctx.principal.user.id if ctx.principal else None
    async with ctx.write() as tx:
        experiment = await find_experiment(
            tx.session,
            project=tx.project,
            experiment_id=experiment_id,
            creator_id=creator,
            create_default=True,
        )
        run = await find_run(tx.session, project=tx.project, run_id=run_id) if run_id else None
        model = await store.create_logged_model(
            tx.session,
            experiment=experiment,
            candidate=run,
            name=fields.text("name"),
            model_type=fields.text("model_type"),
            creator_id=creator,
            params=tag_entries(fields.objects("params")),
            tags=tag_entries(fields.objects("tags")),
        )
    return {"model": model_json(model)}


@api_handler
async def get_model(_fields: Fields, ctx: Context) -> dict[str, Any]:
    async with ctx.read() as tx:
        return {"model": model_json(await _model(tx, ctx))}


@api_handler
async def finalize_model(fields: Fields, ctx: Context) -> dict[str, Any]:
    status = _status(fields)
    async with ctx.write() as tx:
        model = await _model(tx, ctx)
        model = await store.finalize_logged_model(tx.session, model=model, status=status)
    return {"model": model_json(model)}


@api_handler
async def delete_model(_fields: Fields, ctx: Context) -> dict[str, Any]:
    async with ctx.write() as tx:
        model = await _model(tx, ctx)
        await store.delete_logged_model(tx.session, logged_model_id=model.id)
    return {}


@api_handler
async def set_model_tags(fields: Fields, ctx: Context) -> dict[str, Any]:
    tags = tag_entries(fields.objects("tags"))
    async with ctx.write() as tx:
        model = await _model(tx, ctx)
        await store.set_model_tags(tx.session, logged_model_id=model.id, tags=tags)
    return {}


@api_handler
async def delete_model_tag(_fields: Fields, ctx: Context) -> dict[str, Any]:
    key: str = ctx.request.path_params["tag_key"]
    async with ctx.write() as tx:
        model = await _model(tx, ctx)
        await store.delete_model_tag(tx.session, logged_model_id=model.id, key=key)
    return {}


@api_handler
async def log_model_params(fields: Fields, ctx: Context) -> dict[str, Any]:
    params = tag_entries(fields.objects("params"))
    async with ctx.write() as tx:
        model = await _model(tx, ctx)
        await store.log_model_params(tx.session, logged_model_id=model.id, params=params)
    return {}


def _orders(fields: Fields) -> list[ModelOrder]:
    return [
        ModelOrder(
            field=item.text("field_name", required=True), ascending=item.boolean("ascending")
        )
        for item in fields.objects("order_by")
    ]


async def _experiment_ids(tx: Tx, ids: list[str]) -> list[int]:
    """Experiment row ids for MLflow ids; "0" is the project's `Default`, unknown ids match none."""
    iids = [int(i) for i in ids if i.isascii() and i.isdigit() and 0 < int(i) <= MAX_IID]
    found = await experiment_ids_of(tx.session, project_id=tx.project.id, iids=iids)
    if "0" in ids:
        default = await find_experiment_by_name(
            tx.session, project_id=tx.project.id, name=DEFAULT_NAME
        )
        found += [default.id] if default else []
    return found


@api_handler
async def search_models(fields: Fields, ctx: Context) -> dict[str, Any]:
    async with ctx.read() as tx:
        models, token = await search_logged_models(
            tx.session,
            project_id=tx.project.id,
            experiment_ids=await _experiment_ids(tx, fields.texts("experiment_ids")),
            filter_string=fields.text("filter"),
            order=_orders(fields),
            max_results=fields.integer("max_results", default=100),
            page_token=fields.opt_text("page_token"),
        )
    result: dict[str, Any] = {"models": [model_json(m) for m in models]} if models else {}
    return result | ({"next_page_token": token} if token else {})


def _folder(model: LoggedModel, directory: str) -> tuple[str, str, str, str]:
    """(package, version, the model's root folder, the folder asked for) of a model's files."""
    name, version, *rest = model.artifact_path.split("/", 2)
    root = rest[0] if rest else ""
    asked = safe_path(directory, allow_empty=True)
    return name, version, root, "/".join(p for p in (root, asked) if p)


@api_handler
async def list_model_artifacts(fields: Fields, ctx: Context) -> dict[str, Any]:
    directory = fields.text("artifact_directory_path")
    async with ctx.read() as tx:
        model = await _model(tx, ctx)
        name, version, root, folder = _folder(model, directory)
        entries = await list_folder(
            tx.session, project_id=tx.project.id, name=name, version=version, directory=folder
        )
    cut = len(root) + 1 if root else 0
    files = [entry_json(e, base_name=False) | {"path": e.path[cut:]} for e in entries]
    return {"root_uri": f"mlflow-artifacts:/{model.artifact_path}", "files": files}


MODEL = f"{BASE}/{{model_id}}"
ROUTES = [
    ("POST", BASE, create_model),
    ("POST", f"{BASE}/search", search_models),
    ("GET", MODEL, get_model),
    ("PATCH", MODEL, finalize_model),
    ("DELETE", MODEL, delete_model),
    ("PATCH", f"{MODEL}/tags", set_model_tags),
    ("DELETE", f"{MODEL}/tags/{{tag_key:path}}", delete_model_tag),
    ("POST", f"{MODEL}/params", log_model_params),
    ("GET", f"{MODEL}/artifacts/directories", list_model_artifacts),
]
