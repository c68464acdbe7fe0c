"""Sign in through the browser and see the experiment list with the right candidate counts."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from labbook.db.database import Database
from labbook.settings import Settings
from labbook.store import candidates, experiments
from tests.conftest import ADMIN_PASSWORD
from tests.live import run_coroutine

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


async def _seed(settings: Settings) -> None:
    db = Database(settings.db_url)
    async with db.write() as s:
        for name, runs in (("resnet", 3), ("bert", 1)):
            e = await experiments.create_experiment(s, project_id=1, name=name, creator_id=1)
            for i in range(runs):
                await candidates.create_candidate(
                    s, experiment=e, name=f"run-{i}", creator_id=1, start_time=i
                )
    await db.dispose()


def test_sign_in_and_see_experiments(page: Page, live_server: str, settings: Settings) -> None:
    run_coroutine(lambda: _seed(settings))
    page.goto(f"{live_server}/default/-/ml/experiments")
    expect(page).to_have_url(f"{live_server}/users/sign_in?redirect=/default/-/ml/experiments")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", ADMIN_PASSWORD)
    page.click("button[type=submit]")
    rows = page.locator("[data-testid=experiment-row]")
    expect(rows).to_have_count(2)
    counts = {
        rows.nth(i).locator("a").first.inner_text(): rows.nth(i)
        .locator("[data-testid=candidate-count]")
        .inner_text()
        for i in range(2)
    }
    assert counts == {"resnet": "3", "bert": "1"}


def test_wrong_password_shows_an_error(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/users/sign_in")
    page.fill("input[name=username]", "admin")
    page.fill("input[name=password]", "wrong-password")
    page.click("button[type=submit]")
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page).to_have_url(f"{live_server}/users/sign_in")
