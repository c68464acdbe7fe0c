"""`GET /api/v4/projects/:id/ml/experiments/:iid/candidates.csv`: every candidate the filter
selects, as a CSV attachment streamed page by page.

Query parameters as GraphQL `Experiment.candidates`: `filter`, `sort`, `status`
(e.g. `FINISHED`) and `include_deleted` (`true`/`false`). Reading needs the Developer role
(or a public project), as every read of experiment data.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from starlette.datastructures import QueryParams
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from labbook.auth.backend import authenticate
from labbook.auth.roles import Action, authorize
from labbook.errors import InvalidParameterError
from labbook.exports.candidates_csv import (
    CandidateQuery,
    csv_chunks,
    experiment_columns,
    fetch_page,
)
from labbook.packages.errors import gitlab_endpoint
from labbook.state import app_state
from labbook.store.candidate_search import Lifecycle
from labbook.store.entities import CandidateStatus, Experiment
from labbook.store.experiments import get_experiment

PATH = "/api/v4/projects/{project:path}/ml/experiments/{iid:int}/candidates.csv"
BOOLEANS = {"": False, "0": False, "false": False, "1": True, "true": True}


def parse_status(text: str) -> CandidateStatus | None:
    if not text:
        return None
    found = CandidateStatus.__members__.get(text.upper())
    if found is None:
        names = ", ".join(CandidateStatus.__members__)
        raise InvalidParameterError(f"Invalid status '{text}': expected one of {names}")
    return found


def parse_lifecycle(text: str) -> Lifecycle:
    included = BOOLEANS.get(text.lower())
    if included is None:
        raise InvalidParameterError(f"Invalid include_deleted '{text}': expected true or false")
    return "all" if included else "active"


def parse_query(params: QueryParams) -> CandidateQuery:
    return CandidateQuery(
        filter=params.get("filter") or None,
        sort=params.get("sort") or None,
        status=parse_status(params.get("status", "")),
        lifecycle=parse_lifecycle(params.get("include_deleted", "")),
    )


def attachment(experiment_name: str) -> str:
    """A Content-Disposition naming `<experiment name>-candidates.csv`: an ASCII fallback
    (quotes, backslashes and control characters replaced) and the exact UTF-8 name."""
    name = f"{experiment_name}-candidates.csv"
    fallback = re.sub(r'[^\x20-\x7e]|["\\]', "_", name)
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


async def _experiment(request: Request) -> Experiment:
    db = app_state(request).db
    principal = await authenticate(db, request.headers, request.cookies)
    async with db.read() as session:
        project = await authorize(
            session,
            principal=principal,
            project_ref=request.path_params["project"],
            action=Action.READ,
        )
        return await get_experiment(session, project_id=project.id, iid=request.path_params["iid"])


@gitlab_endpoint
async def candidates_csv(request: Request) -> Response:
    query = parse_query(request.query_params)
    experiment = await _experiment(request)
    db = app_state(request).db
    keys = await experiment_columns(db, experiment)
    first = await fetch_page(db, experiment, query, None)  # a bad filter fails here: 400
    return StreamingResponse(
        csv_chunks(db, experiment, query, keys, first),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": attachment(experiment.name),
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )


routes: list[BaseRoute] = [Route(PATH, candidates_csv, methods=["GET"])]
