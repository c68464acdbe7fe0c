"""Browser fixtures: Debian's Chromium driven by Playwright (never a downloaded browser)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import mlflow
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from labbook.web import default_frontend_dir
from tests.conftest import ADMIN_PASSWORD, ADMIN_TOKEN, skip_or_fail

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Module-scoped: Playwright's sync API keeps an event loop running in this thread until it
    stops, which would break the async tests of later modules."""
    if not Path(CHROMIUM).is_file():
        skip_or_fail("Chromium is not installed at /usr/bin/chromium: browser tests skipped")
    if not (default_frontend_dir() / "index.html").is_file():
        skip_or_fail("the web app is not built (make setup): browser tests skipped")
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context()
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def signed_in_page(page: Page, live_server: str) -> Page:
    """A tab signed in as the bootstrapped admin through the sign-in form."""
    page.goto(f"{live_server}/users/sign_in")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    expect(page).not_to_have_url(re.compile(r"/users/sign_in"), timeout=15_000)
    expect(page.get_by_test_id("user-menu")).to_be_visible(timeout=15_000)
    # The projects page sends a single project's member on to its experiments once the list
    # has loaded: let that happen first, or it closes a menu the test has just opened.
    page.wait_for_load_state("networkidle")
    return page


SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"


def save_screenshot(page: Page, request: pytest.FixtureRequest) -> None:
    """A full-page screenshot under test-output/screenshots/<test name>.png."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{request.node.originalname}.png"), full_page=True)


def mlflow_client(
    live_server: str, token: str, monkeypatch: pytest.MonkeyPatch
) -> mlflow.MlflowClient:
    """The official client on the default project, with `token`, failing fast (no retries)."""
    monkeypatch.setenv("MLFLOW_TRACKING_TOKEN", token)
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")
    return mlflow.MlflowClient(tracking_uri=f"{live_server}/api/v4/projects/1/ml/mlflow")


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch, live_server: str) -> mlflow.MlflowClient:
    """The official client as the bootstrapped admin."""
    return mlflow_client(live_server, ADMIN_TOKEN, monkeypatch)
