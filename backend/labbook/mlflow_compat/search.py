"""MLflow's search endpoints: `experiments/search` (POST and GET) and `runs/search`.

Both are reads (a read_api token may call them although they are POSTs). Filters and order
keys go to the store's search language as they are; `page_token` is the store's opaque keyset
cursor, and `next_page_token` is only sent when another page follows.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from labbook.errors import NotFoundError
from labbook.mlflow_compat.errors import invalid
from labbook.mlflow_compat.handlers import Context, api_handler
from labbook.mlflow_compat.lookups import (
    DEFAULT_EXPERIMENT_ID,
    find_experiment,
    load_runs,
    parse_iid,
)
from labbook.mlflow_compat.requests import Fields
from labbook.mlflow_compat.serialize import experiment_json, run_json
from labbook.store.candidate_search import search_candidates
from labbook.store.entities import Project
from labbook.store.experiment_refs import experiment_ids_by_iid
from labbook.store.experiment_search import Lifecycle, search_experiments
from labbook.store.experiments import experiment_metadata

MAX_RESULTS = 50_000
DEFAULT_RESULTS = 1_000
VIEW_TYPES: dict[str, Lifecycle] = {
    "ACTIVE_ONLY": "active",
    "DELETED_ONLY": "deleted",
    "ALL": "all",
    "1": "active",  # proto enum numbers, which proto3 JSON also allows
    "2": "deleted",
    "3": "all",
}


def _view_type(fields: Fields, name: str) -> Lifecycle:
    raw = fields.raw(name)
    value = "ACTIVE_ONLY" if raw is None or raw == "" else str(raw).upper()
    if isinstance(raw, bool) or value not in VIEW_TYPES:
        raise invalid(
            f"Invalid value {raw!r} for parameter '{name}': ACTIVE_ONLY, DELETED_ONLY or ALL"
        )
    return VIEW_TYPES[value]


def _max_results(fields: Fields) -> int:
    size = fields.integer("max_results", default=DEFAULT_RESULTS)
    if not 1 <= size <= MAX_RESULTS:
        raise invalid(
            f"Invalid value {size} for parameter 'max_results' supplied. "
            f"It must be between 1 and {MAX_RESULTS}"
        )
    return size


def _page(result: dict[str, Any], cursors: Sequence[str], has_more: bool) -> dict[str, Any]:
    if has_more and cursors:
        result["next_page_token"] = cursors[-1]
    return result


@api_handler
async def search_experiments_endpoint(fields: Fields, ctx: Context) -> dict[str, Any]:
    size, lifecycle = _max_results(fields), _view_type(fields, "view_type")
    filter_, order_by = fields.opt_text("filter"), fields.texts("order_by")
    after = fields.opt_text("page_token") or None
    async with ctx.read() as tx:
        page = await search_experiments(
            tx.session,
            project_id=tx.project.id,
            filter=filter_,
            order_by=order_by,
            lifecycle=lifecycle,
            limit=size,
            after=after,
        )
        tags = await experiment_metadata(tx.session, experiment_ids=[e.id for e in page.items])
    experiments = [experiment_json(e, tags[e.id]) for e in page.items]
    return _page({"experiments": experiments}, page.cursors, page.has_more)


def _iid(experiment_id: str) -> int | None:
    try:
        return parse_iid(experiment_id)
    except NotFoundError:
        return None


async def _experiment_ids(session: AsyncSession, project: Project, ids: list[str]) -> list[int]:
    """Internal ids of the named experiments; unknown ones match nothing, as in MLflow."""
    iids = [iid for i in set(ids) if i != DEFAULT_EXPERIMENT_ID and (iid := _iid(i)) is not None]
    by_iid = await experiment_ids_by_iid(session, project_id=project.id, iids=iids)
    found = list(by_iid.values())
    if DEFAULT_EXPERIMENT_ID in ids:
        try:
            default = await find_experiment(session, project=project, experiment_id="0")
        except NotFoundError:
            return found
        found.append(default.id)
    return found


@api_handler
async def search_runs_endpoint(fields: Fields, ctx: Context) -> dict[str, Any]:
    size, lifecycle = _max_results(fields), _view_type(fields, "run_view_type")
    ids, filter_ = fields.texts("experiment_ids", ids=True), fields.opt_text("filter")
    order_by, after = fields.texts("order_by"), fields.opt_text("page_token") or None
    async with ctx.read() as tx:
        experiment_ids = await _experiment_ids(tx.session, tx.project, ids)
        page = await search_candidates(
            tx.session,
            experiment_ids=experiment_ids,
            filter=filter_,
            order_by=order_by,
            lifecycle=lifecycle,
            limit=size,
            after=after,
        )
        data = await load_runs(tx.session, candidates=page.items)
    runs = [run_json(run, run_data) for run, run_data in zip(page.items, data, strict=True)]
    return _page({"runs": runs} if runs else {}, page.cursors, page.has_more)


ROUTES = [
    ("POST", "/api/2.0/mlflow/experiments/search", search_experiments_endpoint),
    ("GET", "/api/2.0/mlflow/experiments/search", search_experiments_endpoint),
    ("POST", "/api/2.0/mlflow/runs/search", search_runs_endpoint),
]
