"""MLflow metric history endpoints: get-history (paged) and get-history-bulk-interval."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from labbook.mlflow_compat.errors import invalid
from labbook.mlflow_compat.handlers import Context, api_handler
from labbook.mlflow_compat.lookups import find_run
from labbook.mlflow_compat.requests import Fields
from labbook.mlflow_compat.serialize import history_json, metric_json
from labbook.store.entities import MetricPoint
from labbook.store.metric_history import HistoryCursor, cursor_of, history_rows, metric_history

BASE = "/api/2.0/mlflow/metrics"
HISTORY_PAGE = 25_000  # what the client asks for; also our cap per page
MAX_BULK_RUNS = 100
MAX_BULK_RESULTS = 2_500


def encode_token(cursor: HistoryCursor) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(cursor)).encode()).decode()


def _integer(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def decode_token(token: str) -> HistoryCursor:
    """(step, timestamp, value or None, id) of the last point sent (`metric_history`)."""
    try:
        step, ts, value, row_id = json.loads(base64.urlsafe_b64decode(token.encode()))
        number = value is None or _integer(value) or isinstance(value, float)
        if _integer(step) and _integer(ts) and _integer(row_id) and number:
            return step, ts, None if value is None else float(value), row_id
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        pass
    raise invalid(f"Invalid page_token '{token[:64]}'")


def _page_size(fields: Fields, *, default: int, limit: int) -> int:
    size = fields.integer("max_results", default=default)
    if size < 1:
        raise invalid(f"Invalid value {size} for parameter 'max_results': it must be at least 1")
    return min(size, limit)


@api_handler
async def get_metric_history(fields: Fields, ctx: Context) -> dict[str, Any]:
    run_id, key = fields.run_id(), fields.text("metric_key", required=True)
    size = _page_size(fields, default=HISTORY_PAGE, limit=HISTORY_PAGE)
    token = fields.opt_text("page_token")
    after = decode_token(token) if token else None
    async with ctx.read() as tx:
        run = await find_run(tx.session, project=tx.project, run_id=run_id)
        rows = await history_rows(
            tx.session, candidate_id=run.id, name=key, limit=size + 1, after=after
        )
    if not rows:
        return {}  # what the reference server answers for an unknown key
    result: dict[str, Any] = {"metrics": history_json(key, rows[:size])}
    if len(rows) > size:
        result["next_page_token"] = encode_token(cursor_of(rows[size - 1]))
    return result


def sample_steps(steps: list[int], limit: int) -> set[int]:
    """At most `limit` steps spread evenly over the sorted distinct steps, ends included."""
    if len(steps) <= limit:
        return set(steps)
    if limit == 1:
        return {steps[0]}
    stride = (len(steps) - 1) / (limit - 1)
    return {steps[round(i * stride)] for i in range(limit)}


def _in_range(point: MetricPoint, start: int | None, end: int | None) -> bool:
    return (start is None or point.step >= start) and (end is None or point.step <= end)


@api_handler
async def get_metric_history_bulk_interval(fields: Fields, ctx: Context) -> dict[str, Any]:
    run_ids, key = fields.texts("run_ids"), fields.text("metric_key", required=True)
    if not run_ids or len(run_ids) > MAX_BULK_RUNS:
        raise invalid(f"'run_ids' must name between 1 and {MAX_BULK_RUNS} runs")
    size = _page_size(fields, default=MAX_BULK_RESULTS, limit=MAX_BULK_RESULTS)
    start, end = fields.opt_integer("start_step"), fields.opt_integer("end_step")
    histories: list[tuple[str, list[MetricPoint]]] = []
    async with ctx.read() as tx:
        for run_id in dict.fromkeys(run_ids):
            run = await find_run(tx.session, project=tx.project, run_id=run_id)
            rows = await metric_history(tx.session, candidate_id=run.id, name=key)
            histories.append((run_id, [p for _, p in rows if _in_range(p, start, end)]))
    steps = sorted({p.step for _, points in histories for p in points})
    keep = sample_steps(steps, size)
    return {
        "metrics": [
            {**metric_json(p), "run_id": run_id}
            for run_id, points in histories
            for p in points
            if p.step in keep
        ]
    }


ROUTES = [
    ("GET", f"{BASE}/get-history", get_metric_history),
    ("GET", f"{BASE}/get-history-bulk-interval", get_metric_history_bulk_interval),
]
