"""Experiment flows in the browser: runs logged with the MLflow client, sorting, filtering,
a candidate's page, comparing candidates, and personal access tokens."""

from __future__ import annotations

import re
import time
from collections.abc import Callable

import mlflow
import pytest
from mlflow.entities import Metric, Param
from playwright.sync_api import Page, expect

from tests.e2e.conftest import save_screenshot

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

TIMEOUT = 15_000


def _log_run(
    client: mlflow.MlflowClient,
    experiment_id: str,
    name: str,
    params: dict[str, str],
    metrics: dict[str, list[float]],
) -> str:
    run = client.create_run(experiment_id, run_name=name)
    run_id = run.info.run_id
    points = [
        Metric(key, value, 1_700_000_000_000 + step, step)
        for key, values in metrics.items()
        for step, value in enumerate(values)
    ]
    client.log_batch(
        run_id, params=[Param(k, v) for k, v in params.items()], metrics=points, synchronous=True
    )
    client.set_terminated(run_id)
    return run_id


def _seed_three(client: mlflow.MlflowClient) -> str:
    experiment_id = client.create_experiment("flows")
    for name, lr, acc in (
        ("run-low", "0.1", 0.3),
        ("run-mid", "0.01", 0.6),
        ("run-high", "0.001", 0.9),
    ):
        _log_run(
            client,
            experiment_id,
            name,
            {"lr": lr, "optimizer": "adam"},
            {"acc": [acc / 3, acc / 2, acc], "epochs": [3.0]},
        )
    return experiment_id


def _names(page: Page) -> list[str]:
    rows = page.locator("[data-testid=candidate-row]")
    return [rows.nth(i).locator("a").first.inner_text().strip() for i in range(rows.count())]


def _wait_until(page: Page, condition: Callable[[], bool]) -> None:
    """Polls a condition on the test's side while Playwright keeps handling the page's events."""
    deadline = time.monotonic() + TIMEOUT / 1000
    while not condition():
        assert time.monotonic() < deadline, "condition not met in time"
        page.wait_for_timeout(50)


def _open_experiment(page: Page, live_server: str, experiment_id: str) -> None:
    page.goto(f"{live_server}/default/-/ml/experiments/{experiment_id}")
    expect(page.locator("[data-testid=candidates-table]")).to_be_visible(timeout=TIMEOUT)


def test_logged_runs_appear_with_params_and_metrics_and_live(
    signed_in_page: Page,
    live_server: str,
    client: mlflow.MlflowClient,
    request: pytest.FixtureRequest,
) -> None:
    page = signed_in_page
    experiment_id = _seed_three(client)
    sent: list[str] = []
    page.on("websocket", lambda ws: ws.on("framesent", lambda frame: sent.append(str(frame))))
    _open_experiment(page, live_server, experiment_id)
    rows = page.locator("[data-testid=candidate-row]")
    expect(rows).to_have_count(3, timeout=TIMEOUT)
    headers = page.locator("[data-testid=sort-header]")
    for column in ("params.lr", "params.optimizer", "metrics.acc", "metrics.epochs"):
        expect(headers.and_(page.locator(f"[title='{column}']"))).to_be_visible(timeout=TIMEOUT)
    high = rows.filter(has_text="run-high")
    expect(high).to_contain_text("0.001", timeout=TIMEOUT)
    expect(high).to_contain_text("adam")
    expect(high.locator("[role=cell].metric").first).to_have_text("0.9")

    # Live: once the page has subscribed to the experiment's events, a new run shows a banner.
    _wait_until(page, lambda: any('"subscribe"' in frame for frame in sent))
    _log_run(client, experiment_id, "run-live", {"lr": "0.5", "optimizer": "sgd"}, {"acc": [0.42]})
    banner = page.get_by_test_id("new-candidates")
    expect(banner).to_contain_text("1 new candidate", timeout=TIMEOUT)
    banner.get_by_role("button", name="Show").click()
    expect(rows).to_have_count(4, timeout=TIMEOUT)
    expect(rows.filter(has_text="run-live")).to_contain_text("0.42", timeout=TIMEOUT)
    expect(banner).to_be_hidden(timeout=TIMEOUT)
    save_screenshot(page, request)


def test_sort_by_metric_and_filter(
    signed_in_page: Page,
    live_server: str,
    client: mlflow.MlflowClient,
    request: pytest.FixtureRequest,
) -> None:
    page = signed_in_page
    experiment_id = _seed_three(client)
    _open_experiment(page, live_server, experiment_id)
    rows = page.locator("[data-testid=candidate-row]")
    expect(rows).to_have_count(3, timeout=TIMEOUT)

    acc_header = page.locator("[role=columnheader]").filter(
        has=page.locator("[data-testid=sort-header][title='metrics.acc']")
    )
    acc_header.get_by_role("button").click()
    expect(acc_header).to_have_attribute("aria-sort", "descending", timeout=TIMEOUT)
    expect(rows.first).to_contain_text("run-high", timeout=TIMEOUT)
    assert _names(page) == ["run-high", "run-mid", "run-low"]
    acc_header.get_by_role("button").click()
    expect(acc_header).to_have_attribute("aria-sort", "ascending", timeout=TIMEOUT)
    expect(rows.first).to_contain_text("run-low", timeout=TIMEOUT)
    assert _names(page) == ["run-low", "run-mid", "run-high"]

    page.get_by_test_id("candidate-filter").fill("metrics.acc > 0.5")
    page.get_by_role("button", name="Apply").click()
    expect(rows).to_have_count(2, timeout=TIMEOUT)
    expect(rows.first).to_contain_text("run-mid", timeout=TIMEOUT)
    assert _names(page) == ["run-mid", "run-high"]
    expect(page.get_by_test_id("filter-error")).to_have_count(0)

    page.get_by_test_id("candidate-filter").fill("metrics.acc >>> oops")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_test_id("filter-error")).to_be_visible(timeout=TIMEOUT)
    expect(page.get_by_test_id("candidate-filter")).to_have_attribute("aria-invalid", "true")
    save_screenshot(page, request)


def test_candidate_page_shows_params_and_metric_chart(
    signed_in_page: Page,
    live_server: str,
    client: mlflow.MlflowClient,
    request: pytest.FixtureRequest,
) -> None:
    page = signed_in_page
    experiment_id = _seed_three(client)
    _open_experiment(page, live_server, experiment_id)
    page.locator("[data-testid=candidate-row]").filter(has_text="run-mid").get_by_role(
        "link", name="run-mid"
    ).click()
    expect(page).to_have_url(re.compile(r"/default/-/ml/candidates/\d+$"), timeout=TIMEOUT)
    params = page.get_by_test_id("param-row")
    expect(params).to_have_count(2, timeout=TIMEOUT)
    expect(params.filter(has_text="lr")).to_contain_text("0.01")
    expect(params.filter(has_text="optimizer")).to_contain_text("adam")
    chart = page.get_by_role("img", name=re.compile("acc"))
    page.locator(".charts").scroll_into_view_if_needed(timeout=TIMEOUT)
    expect(chart.locator("canvas")).to_be_visible(timeout=TIMEOUT)
    save_screenshot(page, request)


def test_compare_three_candidates_only_differences(
    signed_in_page: Page,
    live_server: str,
    client: mlflow.MlflowClient,
    request: pytest.FixtureRequest,
) -> None:
    page = signed_in_page
    experiment_id = _seed_three(client)
    _open_experiment(page, live_server, experiment_id)
    expect(page.locator("[data-testid=candidate-row]")).to_have_count(3, timeout=TIMEOUT)
    for name in ("run-low", "run-mid", "run-high"):
        page.get_by_role("checkbox", name=f"Select {name}", exact=True).check()
    compare = page.get_by_test_id("compare-button")
    expect(compare).to_have_text("Compare (3)", timeout=TIMEOUT)
    compare.click()
    expect(page).to_have_url(re.compile(r"/candidates/compare\?ids="), timeout=TIMEOUT)
    table = page.get_by_test_id("compare-table")
    expect(table.locator("thead th")).to_have_count(4, timeout=TIMEOUT)
    param_rows = page.get_by_test_id("compare-param-row")
    metric_rows = page.get_by_test_id("compare-metric-row")
    expect(param_rows).to_have_count(2, timeout=TIMEOUT)
    expect(metric_rows).to_have_count(2, timeout=TIMEOUT)

    page.get_by_test_id("only-differences").check()
    expect(param_rows).to_have_count(1, timeout=TIMEOUT)
    expect(param_rows.locator("th")).to_have_text("lr")
    expect(metric_rows).to_have_count(1, timeout=TIMEOUT)
    expect(metric_rows.locator("th")).to_have_text("acc")
    save_screenshot(page, request)


def test_create_and_revoke_personal_access_token(
    signed_in_page: Page, live_server: str, request: pytest.FixtureRequest
) -> None:
    page = signed_in_page
    # Through the user menu: the server answers a direct load of /-/... paths with 404.
    page.get_by_test_id("user-menu").click()
    page.get_by_test_id("access-tokens-link").click()
    expect(page).to_have_url(f"{live_server}/-/user_settings/personal_access_tokens")
    page.get_by_test_id("token-name").fill("browser-token")
    page.get_by_test_id("scope-read_api").check()
    page.get_by_test_id("create-token").click()
    secret = page.get_by_test_id("token-secret")
    expect(secret).to_contain_text("browser-token", timeout=TIMEOUT)
    expect(secret.locator("code")).not_to_be_empty(timeout=TIMEOUT)
    row = page.get_by_test_id("token-row").filter(has_text="browser-token")
    expect(row).to_contain_text("Active", timeout=TIMEOUT)
    expect(row).to_contain_text("read_api")

    row.get_by_role("button", name="Revoke browser-token").click()
    page.get_by_test_id("confirm-button").click()
    expect(row).to_contain_text("Revoked", timeout=TIMEOUT)
    expect(row.get_by_test_id("revoke-token")).to_have_count(0)
    save_screenshot(page, request)
