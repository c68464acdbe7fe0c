"""The Candidates tab's filter completion (keyboard only) and bulk delete of selected rows."""

from __future__ import annotations

import mlflow
import pytest
from playwright.sync_api import Page, expect

from tests.e2e.conftest import save_screenshot
from tests.e2e.test_experiment_flows import TIMEOUT, _names, _open_experiment, _seed_three

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)


def test_complete_filter_then_bulk_delete_and_show_deleted(
    signed_in_page: Page,
    live_server: str,
    client: mlflow.MlflowClient,
    request: pytest.FixtureRequest,
) -> None:
    page = signed_in_page
    experiment_id = _seed_three(client)
    _open_experiment(page, live_server, experiment_id)
    rows = page.get_by_test_id("candidate-row")
    expect(rows).to_have_count(3, timeout=TIMEOUT)

    box = page.get_by_test_id("candidate-filter")
    box.click()
    box.press_sequentially("met")
    expect(box).to_have_attribute("aria-expanded", "true")
    options = page.get_by_role("listbox").get_by_role("option")
    expect(options.first).to_have_text("metrics.acc")
    box.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id") or "")
    box.press("Enter")
    expect(box).to_have_value("metrics.acc")
    expect(box).to_have_attribute("aria-expanded", "false")
    box.press_sequentially(" > 0.5")
    box.press("Enter")
    expect(rows).to_have_count(2, timeout=TIMEOUT)
    assert sorted(_names(page)) == ["run-high", "run-mid"]

    for name in ("run-mid", "run-high"):
        page.get_by_role("checkbox", name=f"Select {name}", exact=True).check()
    delete = page.get_by_test_id("delete-selected")
    expect(delete).to_have_text("Delete selected (2)")
    delete.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Delete 2 candidates?")
    dialog.get_by_test_id("confirm-button").click()
    expect(rows).to_have_count(0, timeout=TIMEOUT)
    expect(page.get_by_test_id("bulk-delete-error")).to_have_count(0)

    page.get_by_test_id("show-deleted-candidates").check()
    expect(rows).to_have_count(2, timeout=TIMEOUT)
    assert sorted(_names(page)) == ["run-high", "run-mid"]
    expect(page.locator("[data-testid=candidate-row].deleted")).to_have_count(2)
    save_screenshot(page, request)
