"""The experiment page in the browser: the Metadata tab, the "My candidates" quick filter and
the empty state that shows how to log to the experiment."""

from __future__ import annotations

import re

import mlflow
import pytest
from playwright.sync_api import Page, expect

from labbook.db.database import Database
from labbook.settings import Settings
from labbook.store import projects, tokens, users
from labbook.store.entities import AccessLevel
from tests.conftest import ADMIN_TOKEN
from tests.e2e.conftest import mlflow_client, save_screenshot
from tests.live import run_coroutine

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

TIMEOUT = 15_000


async def _developer(settings: Settings, username: str) -> str:
    """A second user, Developer on the default project; returns their token."""
    db = Database(settings.db_url)
    async with db.write() as s:
        user = await users.create_user(s, username=username, password="password1")
        await projects.set_member(s, project_id=1, user_id=user.id, level=AccessLevel.DEVELOPER)
        secret = (await tokens.create_token(s, user_id=user.id, name="t", scopes=["api"]))[1]
    await db.dispose()
    return secret


def _log_run(client: mlflow.MlflowClient, experiment_id: str, name: str) -> None:
    run = client.create_run(experiment_id, run_name=name)
    client.log_metric(run.info.run_id, "loss", 0.5, step=0, synchronous=True)
    client.set_terminated(run.info.run_id)


def test_metadata_tab_adds_and_deletes_keys(
    signed_in_page: Page,
    live_server: str,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    page = signed_in_page
    client = mlflow_client(live_server, ADMIN_TOKEN, monkeypatch)
    experiment_id = client.create_experiment("described", tags={"team": "vision"})
    page.goto(f"{live_server}/default/-/ml/experiments/{experiment_id}?status=FINISHED")

    page.get_by_test_id("metadata-count").click()
    expect(page).to_have_url(re.compile(r"tab=metadata"))
    expect(page).to_have_url(re.compile(r"status=FINISHED"))
    expect(page.get_by_test_id("tab-metadata")).to_have_attribute("aria-selected", "true")
    rows = page.get_by_test_id("metadata-row")
    expect(rows).to_have_count(1, timeout=TIMEOUT)
    expect(rows.first).to_contain_text("vision")

    page.get_by_test_id("metadata-name").fill("dataset")
    page.get_by_test_id("metadata-value").fill("imagenet-1k")
    page.get_by_test_id("metadata-value").press("Enter")
    expect(rows.filter(has_text="dataset")).to_contain_text("imagenet-1k", timeout=TIMEOUT)
    expect(page.get_by_test_id("tab-metadata")).to_have_text("Metadata (2)")
    save_screenshot(page, request)

    page.get_by_role("button", name="Delete team").click()
    expect(rows).to_have_count(1, timeout=TIMEOUT)
    page.reload()  # the edits were saved, and the tab is in the URL
    expect(page.get_by_test_id("tab-metadata")).to_have_attribute("aria-selected", "true")
    expect(rows).to_have_count(1, timeout=TIMEOUT)
    expect(rows.first).to_contain_text("imagenet-1k")
    assert client.get_experiment(experiment_id).tags == {"dataset": "imagenet-1k"}


def test_my_candidates_shows_only_mine(
    signed_in_page: Page,
    live_server: str,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    page = signed_in_page
    bob_token = run_coroutine(lambda: _developer(settings, "bob"))
    admin = mlflow_client(live_server, ADMIN_TOKEN, monkeypatch)
    experiment_id = admin.create_experiment("shared")
    _log_run(admin, experiment_id, "admin-run")
    _log_run(mlflow_client(live_server, bob_token, monkeypatch), experiment_id, "bob-run")

    filter_text = "metrics.loss < 1"
    page.goto(f"{live_server}/default/-/ml/experiments/{experiment_id}")
    page.get_by_test_id("candidate-filter").fill(filter_text)
    page.get_by_test_id("candidate-filter").press("Enter")
    candidate_rows = page.get_by_test_id("candidate-row")
    expect(candidate_rows).to_have_count(2, timeout=TIMEOUT)

    page.get_by_test_id("mine-filter").click()
    expect(page).to_have_url(re.compile(r"mine=1"))
    expect(page.get_by_test_id("mine-filter")).to_have_attribute("aria-pressed", "true")
    expect(candidate_rows).to_have_count(1, timeout=TIMEOUT)
    expect(candidate_rows.first).to_contain_text("admin-run")
    expect(page.get_by_test_id("candidate-filter")).to_have_value(filter_text)
    save_screenshot(page, request)

    page.get_by_test_id("mine-filter").click()
    expect(candidate_rows).to_have_count(2, timeout=TIMEOUT)
    expect(page).not_to_have_url(re.compile(r"mine=1"))


def test_empty_experiment_shows_how_to_log(
    signed_in_page: Page,
    live_server: str,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    page = signed_in_page
    client = mlflow_client(live_server, ADMIN_TOKEN, monkeypatch)
    experiment_id = client.create_experiment("fresh-start")
    page.goto(f"{live_server}/default/-/ml/experiments/{experiment_id}")

    empty = page.get_by_test_id("empty-state")
    expect(empty).to_contain_text("No candidates associated with this experiment", timeout=TIMEOUT)
    snippet = page.get_by_test_id("mlflow-snippet")
    expect(snippet).to_contain_text(
        f"export MLFLOW_TRACKING_URI={live_server}/api/v4/projects/1/ml/mlflow"
    )
    expect(snippet).to_contain_text("export MLFLOW_TRACKING_TOKEN=")
    expect(snippet).to_contain_text('mlflow.set_experiment("fresh-start")')
    expect(page.get_by_role("button", name="Copy snippet")).to_be_visible()
    expect(page.get_by_test_id("new-candidate-hint")).to_contain_text("New candidate")
    save_screenshot(page, request)

    page.get_by_test_id("empty-new-candidate").click()
    expect(page.get_by_test_id("create-candidate-form")).to_be_visible()
