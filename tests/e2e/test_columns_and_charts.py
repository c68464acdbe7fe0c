"""The experiment page's column picker (hide, reorder, pin, remembered), the CSV export of
everything a filter selects, and the parallel coordinates chart, in the browser."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import mlflow
import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import save_screenshot
from tests.e2e.test_experiment_flows import TIMEOUT, _log_run, _open_experiment, _seed_three

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
WIDE_PARAMS = [f"p{i:02d}" for i in range(12)]


def _seed_wide(client: mlflow.MlflowClient) -> str:
    """Runs with enough params that the table scrolls sideways."""
    experiment_id = client.create_experiment("wide")
    for n, lr in enumerate(("0.1", "0.01", "0.001")):
        params = {"lr": lr, **{key: f"value-{n}-{key}" for key in WIDE_PARAMS}}
        _log_run(client, experiment_id, f"run-{n}", params, {"acc": [0.3 * (n + 1)]})
    return experiment_id


def _header_titles(page: Page) -> list[str]:
    headers = page.locator("[data-testid=candidates-table] [role=columnheader]")
    return [headers.nth(i).inner_text().strip() for i in range(1, headers.count())]


def _item(page: Page, column: str) -> Locator:
    return page.locator(f"[data-testid=column-item][data-column='{column}']")


def test_columns_hide_reorder_pin_and_remembered(
    signed_in_page: Page,
    live_server: str,
    client: mlflow.MlflowClient,
    request: pytest.FixtureRequest,
) -> None:
    page = signed_in_page
    experiment_id = _seed_wide(client)
    _open_experiment(page, live_server, experiment_id)
    expect(page.locator("[data-testid=candidate-row]")).to_have_count(3, timeout=TIMEOUT)
    page.get_by_test_id("column-picker").click()

    # Hide: found through the search box.
    page.get_by_test_id("column-search").fill("p03")
    expect(page.get_by_test_id("column-item")).to_have_count(1)
    _item(page, "params.p03").get_by_role("checkbox").uncheck()
    page.get_by_test_id("column-search").fill("")
    expect(page).to_have_url(re.compile(r"hide=params\.p03"), timeout=TIMEOUT)
    assert "p03" not in _header_titles(page)

    # Reorder: drag acc onto Status, then move lr up with its keyboard-reachable button.
    _item(page, "metrics.acc").drag_to(_item(page, "status"))
    expect(page.locator("[role=columnheader]").nth(2)).to_have_text("acc", timeout=TIMEOUT)
    up = _item(page, "params.lr").get_by_role("button", name="Move lr up")
    up.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"order="), timeout=TIMEOUT)
    titles = _header_titles(page)
    assert titles.index("lr") == titles.index("Creator") - 1, titles

    # Pin lr: it goes first and stays at the left while the table scrolls sideways.
    _item(page, "params.lr").get_by_test_id("column-pin").click()
    expect(page).to_have_url(re.compile(r"pin=params\.lr"), timeout=TIMEOUT)
    page.get_by_test_id("column-picker").click()  # close the menu
    expect(page.locator("[role=columnheader]").nth(1)).to_have_text("lr", timeout=TIMEOUT)
    table = page.get_by_test_id("candidates-table")
    lr_header = page.locator("[role=columnheader].pinned").filter(has_text="lr")
    name_header = page.locator("[role=columnheader]").filter(has_text="Name")
    before = lr_header.bounding_box(), name_header.bounding_box()
    table.evaluate("el => { el.scrollLeft = 500 }")
    page.wait_for_timeout(200)
    after = lr_header.bounding_box(), name_header.bounding_box()
    assert before[0] and after[0] and before[1] and after[1]
    assert abs(after[0]["x"] - before[0]["x"]) < 1, "the pinned column moved"
    assert after[1]["x"] < before[1]["x"] - 400, "the table did not scroll"
    save_screenshot(page, request)

    # Remembered for this experiment: a plain link restores the view into the URL.
    page.goto(f"{live_server}/default/-/ml/experiments/{experiment_id}")
    expect(page.locator("[data-testid=candidate-row]")).to_have_count(3, timeout=TIMEOUT)
    expect(page).to_have_url(re.compile(r"pin=params\.lr"), timeout=TIMEOUT)
    expect(page.locator("[role=columnheader]").nth(1)).to_have_text("lr", timeout=TIMEOUT)
    restored = _header_titles(page)
    assert restored[0] == "lr" and "p03" not in restored and restored.index("acc") == 2


def test_export_csv_has_every_row_the_filter_selects(
    signed_in_page: Page,
    live_server: str,
    client: mlflow.MlflowClient,
    request: pytest.FixtureRequest,
    tmp_path: Path,
) -> None:
    page = signed_in_page
    experiment_id = _seed_three(client)
    _log_run(client, experiment_id, 'tricky, "quoted"', {"lr": "0.5"}, {"acc": [0.7]})
    query = "filter=metrics.acc%20%3E%200.5&sort=metrics.acc%20DESC"
    page.goto(f"{live_server}/default/-/ml/experiments/{experiment_id}?{query}")
    expect(page.locator("[data-testid=candidate-row]")).to_have_count(3, timeout=TIMEOUT)
    with page.expect_download(timeout=TIMEOUT) as info:
        page.get_by_test_id("export-csv").click()
    download = info.value
    assert download.suggested_filename == "flows-candidates.csv"
    path = tmp_path / "export.csv"
    download.save_as(path)
    with path.open(newline="", encoding="utf-8") as f:
        header, *rows = list(csv.reader(f))
    assert header[:5] == ["experiment_iid", "candidate_iid", "eid", "name", "status"]
    assert header[-4:] == ["params.lr", "params.optimizer", "metrics.acc", "metrics.epochs"]
    names = [row[3] for row in rows]
    assert names == ["run-high", 'tricky, "quoted"', "run-mid"]
    acc = header.index("metrics.acc")
    assert [float(row[acc]) for row in rows] == [0.9, 0.7, 0.6]
    assert rows[1][header.index("params.optimizer")] == ""  # that run logged no optimizer
    save_screenshot(page, request)


def test_parallel_coordinates_render_hover_and_brush(
    signed_in_page: Page,
    live_server: str,
    client: mlflow.MlflowClient,
    request: pytest.FixtureRequest,
) -> None:
    page = signed_in_page
    experiment_id = _seed_three(client)
    axes = "pc=param:lr&pc=param:optimizer&pc=metric:acc"
    page.goto(f"{live_server}/default/-/ml/experiments/{experiment_id}?tab=charts&{axes}")
    chart = page.get_by_test_id("parallel-coordinates")
    canvas = chart.locator("canvas")
    canvas.scroll_into_view_if_needed(timeout=TIMEOUT)
    expect(canvas).to_have_attribute(
        "aria-label",
        "Parallel coordinates of 3 candidates over lr, optimizer, acc",
        timeout=TIMEOUT,
    )
    painted = canvas.evaluate(
        "c => c.getContext('2d').getImageData(0, 0, c.width, c.height).data"
        ".filter((v, i) => i % 4 === 3 && v > 0).length"
    )
    assert painted > 1000, "the canvas is blank"

    # run-low has the largest lr: the top of the first axis (x 70, y 28 in the chart).
    box = canvas.bounding_box()
    assert box
    page.mouse.move(box["x"] + 74, box["y"] + 29)
    expect(page.get_by_test_id("parallel-tooltip")).to_have_text("run-low", timeout=TIMEOUT)

    # Brush the upper half of the lr axis: only run-low stays.
    page.mouse.move(box["x"] + 70, box["y"] + 30)  # just under the top: snapped to it
    page.mouse.down()
    page.mouse.move(box["x"] + 70, box["y"] + 120, steps=5)
    page.mouse.up()
    expect(page.get_by_test_id("parallel-count")).to_have_text("1 of 3 candidates")
    page.get_by_test_id("parallel-axis").and_(page.locator("[value='metric:epochs']")).check()
    expect(page).to_have_url(re.compile(r"pc=metric%3Aepochs|pc=metric:epochs"), timeout=TIMEOUT)
    save_screenshot(page, request)
