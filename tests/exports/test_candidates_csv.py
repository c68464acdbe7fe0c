"""CSV export of an experiment's candidates over HTTP: rows, quoting, access, errors, paging."""

from __future__ import annotations

import csv
import io

import httpx
from sqlalchemy import insert, text
from starlette.applications import Starlette

from labbook.db import tables as t
from labbook.db.tables import utcnow
from labbook.exports.candidates_csv import (
    PAGE_SIZE,
    CandidateQuery,
    csv_chunks,
    experiment_columns,
    fetch_page,
)
from labbook.store import candidates, experiments, metrics, params_metadata, projects, tokens, users
from labbook.store.entities import AccessLevel, CandidateStatus, Experiment, KeyValue, MetricPoint
from tests.conftest import app_state_of

URL = "/api/v4/projects/{project}/ml/experiments/{iid}/candidates.csv"
T0 = 1_700_000_000_000


def rows_of(response: httpx.Response) -> list[list[str]]:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    return list(csv.reader(io.StringIO(response.text)))


async def add_candidate(
    app: Starlette,
    experiment: Experiment,
    name: str,
    *,
    params: dict[str, str] | None = None,
    values: dict[str, float] | None = None,
) -> int:
    async with app_state_of(app).db.write() as s:
        c = await candidates.create_candidate(
            s, experiment=experiment, name=name, creator_id=1, start_time=T0
        )
        await candidates.update_candidate(
            s, candidate_id=c.id, status=CandidateStatus.FINISHED, end_time=T0 + 90_000
        )
        kvs = [KeyValue(name=k, value=v) for k, v in (params or {}).items()]
        await params_metadata.log_params(s, candidate_id=c.id, params=kvs)
        points = [
            MetricPoint(name=k, value=v, step=0, timestamp=T0) for k, v in (values or {}).items()
        ]
        await metrics.log_metrics(s, candidate_id=c.id, points=points)
        return c.iid


async def make_experiment(app: Starlette, name: str = "exp") -> Experiment:
    async with app_state_of(app).db.write() as s:
        return await experiments.create_experiment(s, project_id=1, name=name, creator_id=1)


async def test_filtered_sorted_rows_with_missing_keys(
    app: Starlette, client: httpx.AsyncClient
) -> None:
    e = await make_experiment(app)
    a = await add_candidate(app, e, "a", params={"lr": "0.1"}, values={"acc": 0.9, "loss": 1.5})
    await add_candidate(app, e, "b", params={"lr": "0.2"}, values={"loss": 0.5})
    c = await add_candidate(app, e, "c", values={"acc": 0.25})
    url = URL.format(project=1, iid=e.iid)
    response = await client.get(
        url, params={"filter": "metrics.acc > 0.1", "sort": "metrics.acc ASC"}
    )
    header, *rows = rows_of(response)
    assert header == [
        "experiment_iid", "candidate_iid", "eid", "name", "status", "created_at", "start_time",
        "end_time", "duration_s", "creator", "params.lr", "metrics.acc", "metrics.loss",
    ]  # fmt: skip
    assert [(r[1], r[3]) for r in rows] == [(str(c), "c"), (str(a), "a")]
    first = dict(zip(header, rows[0], strict=True))
    assert first["params.lr"] == "" and first["metrics.loss"] == ""  # c lacks both
    assert first["metrics.acc"] == "0.25" and first["status"] == "FINISHED"
    assert first["start_time"] == "2023-11-14T22:13:20+00:00"
    assert first["end_time"] == "2023-11-14T22:14:50+00:00"
    assert first["duration_s"] == "90.0" and first["creator"] == "admin"
    assert len(first["eid"]) == 32 and first["experiment_iid"] == str(e.iid)
    assert dict(zip(header, rows[1], strict=True))["params.lr"] == "0.1"


async def test_status_and_deleted_arguments(app: Starlette, client: httpx.AsyncClient) -> None:
    e = await make_experiment(app)
    await add_candidate(app, e, "done")
    async with app_state_of(app).db.write() as s:
        running = await candidates.create_candidate(
            s, experiment=e, name="running", creator_id=1, start_time=T0
        )
        gone = await candidates.create_candidate(
            s, experiment=e, name="gone", creator_id=None, start_time=None
        )
        await candidates.delete_candidate(s, candidate_id=gone.id)
    url = URL.format(project="default", iid=e.iid)
    names = lambda r: sorted(row[3] for row in rows_of(r)[1:])  # noqa: E731
    assert names(await client.get(url)) == ["done", "running"]
    assert names(await client.get(url, params={"status": "running"})) == ["running"]
    assert names(await client.get(url, params={"include_deleted": "true"})) == [
        "done",
        "gone",
        "running",
    ]
    row = rows_of(await client.get(url, params={"status": "RUNNING"}))[1]
    assert float(row[8]) > 0 and row[7] == ""  # a running candidate's duration runs until now
    assert running.iid == int(row[1])


async def test_quoting_and_file_name(app: Starlette, client: httpx.AsyncClient) -> None:
    e = await make_experiment(app, 'tricky "exp", ü')
    tricky = 'comma, "quote"\nnew line'
    await add_candidate(
        app, e, 'name, "quoted"', params={"a b": tricky}, values={"x": float("nan")}
    )
    response = await client.get(URL.format(project=1, iid=e.iid))
    header, row = rows_of(response)
    assert header[-2:] == ["params.a b", "metrics.x"]
    assert row[3] == 'name, "quoted"' and row[-2] == tricky and row[-1] == "nan"
    assert '"comma, ""quote""\nnew line"' in response.text
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="tricky _exp_, _-candidates.csv"')
    assert "filename*=UTF-8''tricky%20%22exp%22%2C%20%C3%BC-candidates.csv" in disposition


async def users_with_tokens(app: Starlette) -> dict[str, str]:
    secrets: dict[str, str] = {}
    async with app_state_of(app).db.write() as s:
        for who, level in [
            ("dev", AccessLevel.DEVELOPER),
            ("rep", AccessLevel.REPORTER),
            ("out", None),
        ]:
            u = await users.create_user(s, username=who, password="password1")
            if level is not None:
                await projects.set_member(s, project_id=1, user_id=u.id, level=level)
            secrets[who] = (
                await tokens.create_token(s, user_id=u.id, name="t", scopes=["read_api"])
            )[1]
    return secrets


async def test_access(app: Starlette, anon_client: httpx.AsyncClient) -> None:
    e = await make_experiment(app)
    await add_candidate(app, e, "a")
    secrets = await users_with_tokens(app)
    url = URL.format(project="default", iid=e.iid)
    assert (await anon_client.get(url)).status_code == 401
    expected = {"dev": 200, "rep": 403, "out": 404}
    for who, status in expected.items():
        response = await anon_client.get(url, headers={"Authorization": f"Bearer {secrets[who]}"})
        assert response.status_code == status, who
    bad = await anon_client.get(url, headers={"Authorization": "Bearer lbpat-nope"})
    assert bad.status_code == 401


async def test_bad_input(app: Starlette, client: httpx.AsyncClient) -> None:
    e = await make_experiment(app)
    url = URL.format(project=1, iid=e.iid)
    bad = await client.get(url, params={"filter": "metrics.acc >> 1"})
    assert bad.status_code == 400
    assert "Invalid search 'metrics.acc >> 1'" in bad.json()["message"]
    assert "'>'" in bad.json()["message"]
    bad_sort = await client.get(url, params={"sort": "nonsense.key"})
    assert bad_sort.status_code == 400 and bad_sort.json()["message"]
    bad_status = await client.get(url, params={"status": "DONE"})
    message = bad_status.json()["message"]
    assert message == "Invalid status 'DONE': expected one of RUNNING, SCHEDULED, " + (
        "FINISHED, FAILED, KILLED"
    )
    assert (await client.get(url, params={"include_deleted": "maybe"})).status_code == 400
    assert (await client.get(URL.format(project=1, iid=999))).status_code == 404
    assert (await client.get(URL.format(project="no%2Fsuch", iid=e.iid))).status_code == 404


def score(i: int, n: int) -> float:
    return float((i * 7919) % n)


async def bulk_candidates(app: Starlette, e: Experiment, n: int) -> None:
    """`n` finished candidates with a param `i` and a metric `score`, in three statements
    (through the store, 2,000 candidates take minutes on a busy machine)."""
    now = utcnow()
    rows = [
        {"id": 1000 + i, "experiment_id": e.id, "project_id": e.project_id, "iid": 1000 + i,
         "eid": f"{i:032x}", "name": f"c{i}", "description": "", "status": "finished",
         "start_time": T0 + i, "end_time": T0 + i + 1000, "created_at": now, "updated_at": now,
         "creator_id": 1}
        for i in range(n)
    ]  # fmt: skip
    params = [{"candidate_id": 1000 + i, "name": "i", "value": str(i)} for i in range(n)]
    summaries = [
        {"candidate_id": 1000 + i, "name": "score", "last_value": score(i, n), "last_step": 0,
         "last_timestamp": T0, "min_value": score(i, n), "max_value": score(i, n), "count": 1}
        for i in range(n)
    ]  # fmt: skip
    async with app_state_of(app).db.write() as s:
        await s.execute(insert(t.Candidate), rows)
        await s.execute(insert(t.CandidateParam), params)
        await s.execute(insert(t.CandidateMetricSummary), summaries)
    async with app_state_of(app).db.write() as s:
        # What autovacuum (PostgreSQL) or the server's refresh (SQLite) soon does after a bulk
        # load; without statistics PostgreSQL plans the first sorted page badly (seconds).
        await s.execute(text("ANALYZE"))


async def test_large_export_in_pages(app: Starlette, client: httpx.AsyncClient) -> None:
    e = await make_experiment(app)
    n = 2000
    await bulk_candidates(app, e, n)
    response = await client.get(
        URL.format(project=1, iid=e.iid), params={"sort": "metrics.score DESC"}
    )
    rows = rows_of(response)[1:]
    assert len(rows) == n
    assert [float(r[-1]) for r in rows] == sorted((score(i, n) for i in range(n)), reverse=True)
    assert len({r[1] for r in rows}) == n
    db = app_state_of(app).db
    query = CandidateQuery(sort="metrics.score DESC")
    first = await fetch_page(db, e, query, None)
    chunks = [
        chunk async for chunk in csv_chunks(db, e, query, await experiment_columns(db, e), first)
    ]
    assert len(chunks) == 1 + n // PAGE_SIZE  # the header, then one chunk per page
    paged = list(csv.reader(io.StringIO("".join(chunks))))[1:]
    assert [r[1] for r in paged] == [r[1] for r in rows]


async def test_public_project_readable_without_token(
    app: Starlette, anon_client: httpx.AsyncClient
) -> None:
    async with app_state_of(app).db.write() as s:
        p = await projects.create_project(s, path="open/data", visibility="public")
        e = await experiments.create_experiment(s, project_id=p.id, name="shared", creator_id=None)
    await add_candidate(app, e, "visible")
    rows = rows_of(await anon_client.get(URL.format(project="open%2Fdata", iid=e.iid)))
    assert [r[3] for r in rows[1:]] == ["visible"]
