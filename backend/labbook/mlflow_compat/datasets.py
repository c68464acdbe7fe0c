"""`runs/log-inputs` (datasets with tags, models) and `runs/outputs` (models a run produced)."""

from __future__ import annotations

from typing import Any

from labbook.mlflow_compat.errors import invalid
from labbook.mlflow_compat.handlers import Context, api_handler
from labbook.mlflow_compat.lookups import find_run, tag_entries
from labbook.mlflow_compat.requests import Fields
from labbook.store.datasets import log_inputs, log_outputs
from labbook.store.entities import DatasetInputRecord, DatasetRecord, ModelOutputRecord

BASE = "/api/2.0/mlflow/runs"


def _object(fields: Fields, name: str) -> Fields:
    value = fields.raw(name)
    if not isinstance(value, dict):
        raise invalid(f"Missing value for required parameter '{fields.where}.{name}'.")
    return Fields(value, where=f"{fields.where}.{name}")


def dataset_input(item: Fields) -> DatasetInputRecord:
    d = _object(item, "dataset")
    record = DatasetRecord(
        name=d.text("name", required=True),
        digest=d.text("digest", required=True),
        source_type=d.text("source_type", required=True),
        source=d.text("source", required=True),
        schema=d.opt_text("schema"),
        profile=d.opt_text("profile"),
    )
    return DatasetInputRecord(dataset=record, tags=tuple(tag_entries(item.objects("tags"))))


@api_handler
async def log_run_inputs(fields: Fields, ctx: Context) -> dict[str, Any]:
    datasets = [dataset_input(item) for item in fields.objects("datasets")]
    model_ids = [m.text("model_id", required=True) for m in fields.objects("models")]
    async with ctx.write() as tx:
        run = await find_run(tx.session, project=tx.project, run_id=fields.run_id())
        await log_inputs(tx.session, candidate=run, datasets=datasets, model_ids=model_ids)
    return {}


@api_handler
async def log_run_outputs(fields: Fields, ctx: Context) -> dict[str, Any]:
    outputs = [
        ModelOutputRecord(
            model_id=m.text("model_id", required=True), step=m.integer("step", default=0)
        )
        for m in fields.objects("models")
    ]
    async with ctx.write() as tx:
        run = await find_run(tx.session, project=tx.project, run_id=fields.run_id())
        await log_outputs(tx.session, candidate=run, outputs=outputs)
    return {}


ROUTES = [
    ("POST", f"{BASE}/log-inputs", log_run_inputs),
    ("POST", f"{BASE}/outputs", log_run_outputs),
]
