"""MLflow run endpoints: create, get, update, delete, restore, log-*, tags."""

from __future__ import annotations

import time
from itertools import repeat
from operator import itemgetter
from typing import Any, cast

import orjson

from labbook.mlflow_compat.errors import invalid
from labbook.mlflow_compat.handlers import Context, Tx, api_handler
from labbook.mlflow_compat.lookups import (
    find_experiment,
    find_run,
    load_run,
    run_user_id,
    tag_entries,
)
from labbook.mlflow_compat.models import model_metrics
from labbook.mlflow_compat.requests import INT64_MAX, INT64_MIN, Fields
from labbook.mlflow_compat.serialize import USER_TAG, RunData, run_info_json, run_json
from labbook.store import candidates as store
from labbook.store import tracking
from labbook.store.entities import (
    Candidate,
    CandidateStatus,
    KeyValue,
    MetricPoint,
    ModelMetric,
)
from labbook.store.logged_model_metrics import log_model_metrics
from labbook.store.point_builder import new_point, new_points
from labbook.store.run_ends import end_live_run

BASE = "/api/2.0/mlflow/runs"
_COLUMNS = (itemgetter("key"), itemgetter("value"), itemgetter("timestamp"))


def _status(fields: Fields) -> CandidateStatus | None:
    value = fields.opt_text("status")
    if value is None:
        return None
    try:
        return CandidateStatus(value.lower())
    except ValueError:
        names = ", ".join(s.value.upper() for s in CandidateStatus)
        raise invalid(f"Invalid value '{value}' for parameter 'status': one of {names}") from None


def metric_point(fields: Fields) -> MetricPoint:
    return MetricPoint(
        name=fields.text("key", required=True),
        value=fields.number("value"),
        timestamp=fields.integer("timestamp"),
        step=fields.integer("step", default=0),
    )


def _plain_point(item: Any) -> MetricPoint | None:
    """A point in the client's usual shape, checked inline: a batch holds a thousand of them.

    None for anything else (and for points of a logged model), which `metric_point` then
    reads, and rejects, field by field.
    """
    if type(item) is not dict or "model_id" in item:
        return None
    key, value, step = item.get("key"), item.get("value"), item.get("step")
    ts = item.get("timestamp")
    if type(key) is not str or not _plain_key(key):
        return None
    if type(value) is not float or type(ts) is not int or type(step) not in (int, type(None)):
        return None
    step = step or 0
    if not (INT64_MIN <= ts <= INT64_MAX and INT64_MIN <= step <= INT64_MAX):
        return None
    return new_point(key, value, step, ts)


def _plain_key(key: str) -> bool:
    return bool(key) and key.isascii() and "\x00" not in key


def _int64s(column: list[Any]) -> bool:
    return set(map(type, column)) == {int} and INT64_MIN <= min(column) <= max(column) <= INT64_MAX


def _plain_points(items: list[Any]) -> list[MetricPoint] | None:
    """Every item's point when all have the usual shape (as `_plain_point` takes it), checked
    a column at a time in C rather than item by item; None when any has not."""
    if set(map(type, items)) != {dict} or any(map(dict.__contains__, items, repeat("model_id"))):
        return None
    try:
        keys, values, stamps = (list(map(column, items)) for column in _COLUMNS)
    except KeyError:
        return None
    steps: list[Any] = list(map(dict.get, items, repeat("step")))
    if None in steps:  # an absent step is 0
        steps = [0 if step is None else step for step in steps]
    if set(map(type, keys)) != {str} or not all(map(_plain_key, set(keys))):
        return None
    if set(map(type, values)) != {float} or not (_int64s(stamps) and _int64s(steps)):
        return None
    return new_points(keys, values, steps, stamps)


def metric_points(fields: Fields) -> tuple[list[MetricPoint], list[Fields]]:
    """A batch's points, and the items among them that also belong to a logged model."""
    items = fields.array("metrics")
    if items and (points := _plain_points(items)) is not None:
        return points, []
    plain = [_plain_point(item) for item in items]
    if all(p is not None for p in plain):
        return cast(list[MetricPoint], plain), []
    objects = list(fields.objects("metrics"))
    points = [p or metric_point(item) for p, item in zip(plain, objects, strict=True)]
    return points, [item for item in objects if item.raw("model_id") is not None]


def param_entry(fields: Fields) -> KeyValue:
    return KeyValue(name=fields.text("key", required=True), value=fields.text("value"))


@api_handler
async def create_run(fields: Fields, ctx: Context) -> dict[str, Any]:
    experiment_id = fields.id_text("experiment_id", default="0")
    name = fields.opt_text("run_name")
    start_time = fields.opt_integer("start_time") or int(time.time() * 1000)
    tags = tag_entries(fields.objects("tags"))
    creator = ctx.principal.user.id if ctx.principal else None
    async with ctx.write() as tx:
        experiment = await find_experiment(
            tx.session,
            project=tx.project,
            experiment_id=experiment_id,
            creator_id=creator,
            create_default=True,
        )
        run = await tracking.start_run(
            tx.session,
            experiment=experiment,
            name=name,
            creator_id=creator,
            start_time=start_time,
            tags=tags,
        )
        return {"run": run_json(run, _new_run_data(run, tags, ctx))}


def _new_run_data(run: Candidate, tags: list[KeyValue], ctx: Context) -> RunData:
    """All a new run holds: the tags just set (the last value of each) and its name; no
    params, metrics or inputs. Built here, not read back: creating runs is a hot path."""
    latest = {tag.name: tag.value for tag in tags} | {tracking.RUN_NAME_TAG: run.name}
    entries = [{"key": k, "value": v} for k, v in sorted(latest.items())]
    creator = ctx.principal.user.username if ctx.principal else ""
    return RunData(tags=orjson.dumps(entries).decode(), user=latest.get(USER_TAG, creator))


@api_handler
async def get_run(fields: Fields, ctx: Context) -> dict[str, Any]:
    run_id = fields.run_id()
    async with ctx.read() as tx:
        run = await find_run(tx.session, project=tx.project, run_id=run_id)
        return {"run": run_json(run, await load_run(tx.session, candidate=run))}


@api_handler
async def update_run(fields: Fields, ctx: Context) -> dict[str, Any]:
    run_id, status = fields.run_id(), _status(fields)
    end_time, name = fields.opt_integer("end_time"), fields.opt_text("run_name")
    async with ctx.write() as tx:
        ended = None if name else await _end(tx, run_id, status, end_time)
        run, user_id = ended or await _update(tx, run_id, status, end_time, name)
    return {"run_info": run_info_json(run, user_id)}


async def _end(
    tx: Tx, run_id: str, status: CandidateStatus | None, end_time: int | None
) -> tuple[Candidate, str] | None:
    """How clients end every run (no new name): one statement; None if the run is not live."""
    return await end_live_run(
        tx.session,
        project_id=tx.project.id,
        eid=run_id,
        status=status,
        end_time=end_time,
        user_tag=USER_TAG,
    )


async def _update(
    tx: Tx, run_id: str, status: CandidateStatus | None, end_time: int | None, name: str | None
) -> tuple[Candidate, str]:
    """Any update, with its errors (an unknown run, a deleted one, a bad name)."""
    run = await find_run(tx.session, project=tx.project, run_id=run_id)
    run = await tracking.update_run(
        tx.session, candidate=run, status=status, end_time=end_time, name=name
    )
    return run, await run_user_id(tx.session, candidate=run)


@api_handler
async def delete_run(fields: Fields, ctx: Context) -> dict[str, Any]:
    run_id = fields.run_id()
    async with ctx.write() as tx:
        run = await find_run(tx.session, project=tx.project, run_id=run_id)
        await store.delete_candidate(tx.session, candidate_id=run.id)
    return {}


@api_handler
async def restore_run(fields: Fields, ctx: Context) -> dict[str, Any]:
    run_id = fields.run_id()
    async with ctx.write() as tx:
        run = await find_run(tx.session, project=tx.project, run_id=run_id)
        await store.restore_candidate(tx.session, candidate_id=run.id)
    return {}


async def _log(
    ctx: Context,
    run_id: str,
    *,
    metrics: list[MetricPoint] | None = None,
    params: list[KeyValue] | None = None,
    tags: list[KeyValue] | None = None,
    model_points: list[ModelMetric] | None = None,
) -> dict[str, Any]:
    async with ctx.write() as tx:
        run = await find_run(tx.session, project=tx.project, run_id=run_id)
        await tracking.log_batch(
            tx.session, candidate=run, metrics=metrics or [], params=params or [], tags=tags or []
        )
        if model_points:  # points with a `model_id` also belong to that logged model
            await log_model_metrics(
                tx.session, project_id=tx.project.id, candidate=run, points=model_points
            )
    return {}


@api_handler
async def log_metric(fields: Fields, ctx: Context) -> dict[str, Any]:
    return await _log(
        ctx, fields.run_id(), metrics=[metric_point(fields)], model_points=model_metrics([fields])
    )


@api_handler
async def log_parameter(fields: Fields, ctx: Context) -> dict[str, Any]:
    return await _log(ctx, fields.run_id(), params=[param_entry(fields)])


@api_handler
async def set_tag(fields: Fields, ctx: Context) -> dict[str, Any]:
    return await _log(ctx, fields.run_id(), tags=[param_entry(fields)])


@api_handler
async def log_batch(fields: Fields, ctx: Context) -> dict[str, Any]:
    metrics, with_model = metric_points(fields)
    return await _log(
        ctx,
        fields.run_id(),
        metrics=metrics,
        params=[param_entry(item) for item in fields.objects("params")],
        tags=[param_entry(item) for item in fields.objects("tags")],
        model_points=model_metrics(with_model),
    )


@api_handler
async def delete_tag(fields: Fields, ctx: Context) -> dict[str, Any]:
    run_id, key = fields.run_id(), fields.text("key", required=True)
    async with ctx.write() as tx:
        run = await find_run(tx.session, project=tx.project, run_id=run_id)
        await tracking.delete_run_tag(tx.session, candidate=run, name=key)
    return {}


ROUTES = [
    ("POST", f"{BASE}/create", create_run),
    ("GET", f"{BASE}/get", get_run),
    ("POST", f"{BASE}/update", update_run),
    ("POST", f"{BASE}/delete", delete_run),
    ("POST", f"{BASE}/restore", restore_run),
    ("POST", f"{BASE}/log-metric", log_metric),
    ("POST", f"{BASE}/log-parameter", log_parameter),
    ("POST", f"{BASE}/set-tag", set_tag),
    ("POST", f"{BASE}/delete-tag", delete_tag),
    ("POST", f"{BASE}/log-batch", log_batch),
]
