"""Candidate flows in the browser: a run logged with the MLflow client (chart, zoom, artifact
previews of every kind), and a candidate created, edited, deleted and restored through the UI.

Screenshots (test-output/screenshots/): one per test under its name, plus
`test_artifact_previews-<kind>.png` for each previewed artifact kind."""

from __future__ import annotations

import re
import struct
import zlib
from pathlib import Path

import mlflow
import pytest
from mlflow.entities import Dataset, DatasetInput, InputTag, LoggedModelOutput, Metric, Param
from playwright.sync_api import Page, expect

from tests.e2e.conftest import SCREENSHOTS, save_screenshot

pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)

TIMEOUT = 15_000
CSV = 'epoch,loss,note\n1,0.5,"warm, up"\n2,0.25,"said ""ok"""\n3,0.125,plain\n'
HTML = (
    "<h1>Evaluation report</h1><p>accuracy 0.93</p>"
    "<script>document.body.dataset.ran = 'yes'</script>"
)


def _png(width: int, height: int) -> bytes:
    """A real RGB PNG (a red-to-blue gradient), written by hand: no imaging library needed."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))
        )

    rows = b"".join(
        b"\x00"
        + b"".join(bytes((255 * x // width, 64, 255 - 255 * x // width)) for x in range(width))
        for _ in range(height)
    )
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def _artifacts(folder: Path) -> dict[str, Path]:
    files = {
        "notes.txt": b"trained on the full set\nsecond line\n",
        "metrics.json": b'{"accuracy": 0.93, "classes": ["cat", "dog"]}',
        "table.csv": CSV.encode(),
        "plot.png": _png(64, 32),
        "report.html": HTML.encode(),
        "README.md": b"# Model card\n\nTrained with **adam**.\n",
    }
    for name, body in files.items():
        (folder / name).write_bytes(body)
    return {name: folder / name for name in files}


def _log_run_with_artifacts(client: mlflow.MlflowClient, tmp_path: Path) -> str:
    experiment_id = client.create_experiment("candidate-flows")
    run_id = client.create_run(experiment_id, run_name="vision-run").info.run_id
    points = [
        Metric("loss", 1.0 / (step + 1), 1_700_000_000_000 + step * 1000, step)
        for step in range(200)
    ]
    params = [Param("lr", "0.01"), Param("optimizer", "adam")]
    client.log_batch(run_id, params=params, metrics=points, synchronous=True)
    for name, path in _artifacts(tmp_path).items():
        client.log_artifact(
            run_id, str(path), artifact_path="reports" if name != "notes.txt" else None
        )
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "train.log").write_bytes(b"epoch done\n" * 300_000)  # 3.3 MB: the first MiB is shown
    (logs / "big.json").write_bytes(b"[" + b"1," * 700_000 + b"1]")  # 1.4 MB: must be whole
    client.log_artifacts(run_id, str(logs), artifact_path="logs")
    client.set_terminated(run_id)
    return experiment_id


def _log_lineage(client: mlflow.MlflowClient, experiment_id: str) -> str:
    """A run with source and CI tags, a training dataset and a logged model; its model id."""
    run_id = client.create_run(experiment_id, run_name="lineage-run").info.run_id
    for key, value in {
        "mlflow.source.name": "train.py",
        "mlflow.source.git.commit": "0123abcd",
        "mlflow.source.git.repoURL": "https://gitlab.example.com/ml/vision.git",
        "gitlab.CI_JOB_ID": "4242",
        "gitlab.CI_PROJECT_URL": "https://gitlab.example.com/ml/vision",
    }.items():
        client.set_tag(run_id, key, value)
    source = '{"url": "https://example.com/digits.csv"}'
    dataset = Dataset(name="digits", digest="d1g357", source_type="http", source=source)
    context = [InputTag("mlflow.data.context", "training")]
    client.log_inputs(run_id, datasets=[DatasetInput(dataset, tags=context)])
    model_id = client.create_logged_model(experiment_id, name="clf", source_run_id=run_id).model_id
    client.log_outputs(run_id, [LoggedModelOutput(model_id, step=3)])
    client.set_terminated(run_id)
    return model_id


def _shot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def _open_candidate(page: Page, live_server: str, experiment_id: str, name: str) -> None:
    page.goto(f"{live_server}/default/-/ml/experiments/{experiment_id}")
    row = page.locator("[data-testid=candidate-row]").filter(has_text=name)
    row.get_by_role("link", name=name).click()
    expect(page).to_have_url(re.compile(r"/default/-/ml/candidates/\d+"), timeout=TIMEOUT)
    expect(page.get_by_test_id("candidate-name")).to_have_text(name, timeout=TIMEOUT)


def _preview(page: Page, name: str) -> None:
    page.get_by_test_id("artifact-file").filter(has_text=re.compile(f"^{re.escape(name)}$")).click()
    expect(page.get_by_test_id("artifact-preview")).to_contain_text(name, timeout=TIMEOUT)
    expect(page).to_have_url(
        re.compile(r"artifact=reports(%2F|/)" + re.escape(name)), timeout=TIMEOUT
    )


def test_chart_and_zoom(
    signed_in_page: Page,
    live_server: str,
    client: mlflow.MlflowClient,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    page = signed_in_page
    _open_candidate(page, live_server, _log_run_with_artifacts(client, tmp_path), "vision-run")
    expect(page.get_by_test_id("param-row")).to_have_count(2, timeout=TIMEOUT)
    chart = page.get_by_test_id("metric-chart")
    chart.scroll_into_view_if_needed(timeout=TIMEOUT)
    over = chart.locator(".u-over")
    expect(over).to_be_visible(timeout=TIMEOUT)
    box = over.bounding_box()
    assert box is not None
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * 0.25, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, y, steps=5)
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"steps=\d+-\d+"), timeout=TIMEOUT)
    low, high = map(int, re.search(r"steps=(\d+)-(\d+)", page.url).groups())  # type: ignore[union-attr]
    assert 30 <= low < high <= 120, (low, high)
    expect(page.get_by_test_id("history-zoom")).to_contain_text(f"Steps {low}\u2013{high}")
    expect(chart.locator("canvas")).to_be_visible(timeout=TIMEOUT)
    save_screenshot(page, request)
    page.get_by_test_id("history-reset-zoom").click()
    expect(page).not_to_have_url(re.compile("steps="), timeout=TIMEOUT)
    page.get_by_test_id("history-axis").select_option("time")
    page.get_by_test_id("history-smoothing").fill("0.8")
    expect(page).to_have_url(re.compile(r"axis=time.*smoothing=0\.8|smoothing=0\.8.*axis=time"))
    expect(chart.locator(".u-legend")).to_contain_text("vision-run (smoothed)", timeout=TIMEOUT)
    expect(chart.get_by_role("img")).to_have_attribute("aria-label", re.compile("by time"))
    _shot(page, f"{request.node.originalname}-time-smoothed")


def test_source_ci_datasets_and_models(
    signed_in_page: Page,
    live_server: str,
    client: mlflow.MlflowClient,
    request: pytest.FixtureRequest,
) -> None:
    page = signed_in_page
    experiment_id = client.create_experiment("lineage")
    model_id = _log_lineage(client, experiment_id)
    _open_candidate(page, live_server, experiment_id, "lineage-run")
    commit = page.get_by_role("link", name="0123abcd")
    expect(commit).to_have_attribute(
        "href", "https://gitlab.example.com/ml/vision/commit/0123abcd", timeout=TIMEOUT
    )
    job = page.get_by_role("link", name="4242")
    expect(job).to_have_attribute("href", "https://gitlab.example.com/ml/vision/-/jobs/4242")
    dataset = page.get_by_test_id("dataset-row")
    expect(dataset).to_contain_text("digits", timeout=TIMEOUT)
    expect(dataset).to_contain_text("training")
    expect(dataset).to_contain_text("https://example.com/digits.csv")
    expect(page.get_by_test_id("logged-models")).to_contain_text(f"{model_id} at step 3")
    save_screenshot(page, request)


def test_artifact_previews(
    signed_in_page: Page,
    live_server: str,
    client: mlflow.MlflowClient,
    tmp_path: Path,
    request: pytest.FixtureRequest,
) -> None:
    page = signed_in_page
    _open_candidate(page, live_server, _log_run_with_artifacts(client, tmp_path), "vision-run")
    files = page.get_by_test_id("artifact-file")
    files.filter(has_text="notes.txt").click()
    expect(page.get_by_test_id("preview-text")).to_have_text(
        "trained on the full set\nsecond line\n", timeout=TIMEOUT
    )
    _shot(page, f"{request.node.originalname}-text")
    folder = page.get_by_role("button", name="reports/")
    expect(folder).to_have_attribute("aria-expanded", "false")
    folder.click()
    expect(folder).to_have_attribute("aria-expanded", "true")
    expect(files).to_have_count(6, timeout=TIMEOUT)

    _preview(page, "metrics.json")
    expect(page.get_by_test_id("preview-text")).to_contain_text('"accuracy": 0.93', timeout=TIMEOUT)
    _shot(page, f"{request.node.originalname}-json")

    _preview(page, "table.csv")
    expect(page.locator("[data-testid=csv-preview] th")).to_have_text(["epoch", "loss", "note"])
    rows = page.get_by_test_id("csv-row")
    expect(rows).to_have_count(3, timeout=TIMEOUT)
    expect(rows.nth(0).locator("td")).to_have_text(["1", "0.5", "warm, up"])
    expect(rows.nth(1).locator("td")).to_have_text(["2", "0.25", 'said "ok"'])
    _shot(page, f"{request.node.originalname}-csv")

    _preview(page, "plot.png")
    image = page.get_by_test_id("preview-image")
    expect(image).to_be_visible(timeout=TIMEOUT)
    page.wait_for_function(
        "el => el.complete && el.naturalWidth === 64", arg=image.element_handle()
    )
    _shot(page, f"{request.node.originalname}-image")

    _preview(page, "report.html")
    frame = page.get_by_test_id("preview-html")
    expect(frame).to_have_attribute("sandbox", "")
    inside = page.frame_locator("[data-testid=preview-html]")
    expect(inside.locator("h1")).to_have_text("Evaluation report", timeout=TIMEOUT)
    expect(inside.locator("body")).not_to_have_attribute("data-ran", "yes")
    _shot(page, f"{request.node.originalname}-html")

    _preview(page, "README.md")
    markdown = page.get_by_test_id("preview-markdown")
    expect(markdown.locator("h1")).to_have_text("Model card", timeout=TIMEOUT)
    expect(markdown.locator("strong")).to_have_text("adam")
    _shot(page, f"{request.node.originalname}-markdown")

    logs = page.get_by_role("button", name="logs/")
    logs.click()
    expect(logs).to_have_attribute("aria-expanded", "true")
    files.filter(has_text="train.log").click()
    expect(page.get_by_test_id("preview-truncated")).to_be_visible(timeout=TIMEOUT)
    text = page.get_by_test_id("preview-text").inner_text()
    assert text.startswith("epoch done\n") and 1_000_000 <= len(text) <= 1024 * 1024
    files.filter(has_text="big.json").click()
    expect(page.get_by_test_id("preview-too-large")).to_be_visible(timeout=TIMEOUT)
    _shot(page, f"{request.node.originalname}-too-large")

    _preview(page, "README.md")
    page.reload()  # the previewed file is in the URL
    expect(page.get_by_test_id("preview-markdown").locator("h1")).to_have_text(
        "Model card", timeout=TIMEOUT
    )
    download = page.get_by_test_id("preview-download")
    response = page.request.get(f"{live_server}{download.get_attribute('href')}")
    assert response.ok and response.text().startswith("# Model card")
    save_screenshot(page, request)


def _create_by_hand(page: Page, live_server: str, experiment_id: str) -> None:
    page.goto(f"{live_server}/default/-/ml/experiments/{experiment_id}")
    page.get_by_test_id("new-candidate").click()
    form = page.get_by_test_id("create-candidate-form")
    form.get_by_test_id("candidate-name-input").fill("by-hand")
    form.get_by_test_id("params-name").fill("depth")
    form.get_by_test_id("params-value").fill("12")
    form.get_by_test_id("metrics-name").fill("f1")
    form.get_by_test_id("metrics-value").fill("0.81")
    form.get_by_test_id("metadata-name").fill("origin")
    form.get_by_test_id("metadata-value").fill("notebook on a laptop")
    page.get_by_test_id("create-candidate-submit").click()
    expect(form).to_have_count(0, timeout=TIMEOUT)
    row = page.locator("[data-testid=candidate-row]").filter(has_text="by-hand")
    expect(row).to_have_count(1, timeout=TIMEOUT)
    expect(row).to_contain_text("0.81")


def test_create_edit_delete_restore(
    signed_in_page: Page,
    live_server: str,
    client: mlflow.MlflowClient,
    request: pytest.FixtureRequest,
) -> None:
    page = signed_in_page
    experiment_id = client.create_experiment("by-hand-results")
    _create_by_hand(page, live_server, experiment_id)
    _shot(page, f"{request.node.originalname}-created")
    _open_candidate(page, live_server, experiment_id, "by-hand")
    expect(page.get_by_test_id("param-row")).to_have_text(["depth12"], timeout=TIMEOUT)
    expect(page.get_by_test_id("metrics-summary")).to_contain_text("0.81")

    page.get_by_role("button", name="Edit candidate name").click()
    page.get_by_label("candidate name", exact=True).fill("by-hand-v2")
    page.get_by_label("candidate name", exact=True).press("Enter")
    expect(page.get_by_test_id("candidate-name")).to_have_text("by-hand-v2", timeout=TIMEOUT)

    page.get_by_test_id("status-select").select_option("FAILED")
    expect(page.get_by_test_id("status-select")).to_have_value("FAILED", timeout=TIMEOUT)

    page.get_by_role("button", name="Edit description").click()
    page.get_by_label("description", exact=True).fill(
        "Scored **offline** on the <b onclick=x()>holdout</b>."
    )
    page.get_by_role("button", name="Save").click()
    description = page.get_by_test_id("description")
    expect(description.locator("strong")).to_have_text("offline", timeout=TIMEOUT)
    expect(description.locator("[onclick]")).to_have_count(0)

    metadata = page.get_by_test_id("metadata-row")
    expect(metadata.filter(has_text="origin")).to_contain_text("notebook on a laptop")
    page.get_by_test_id("metadata-name").fill("reviewed")
    page.get_by_test_id("metadata-value").fill("yes")
    page.get_by_role("button", name="Set").click()
    expect(metadata.filter(has_text="reviewed")).to_contain_text("yes", timeout=TIMEOUT)
    page.reload()  # every edit was saved
    expect(page.get_by_test_id("candidate-name")).to_have_text("by-hand-v2", timeout=TIMEOUT)
    expect(page.get_by_test_id("status-select")).to_have_value("FAILED")
    expect(page.get_by_test_id("description").locator("strong")).to_have_text("offline")
    expect(metadata.filter(has_text="reviewed")).to_contain_text("yes")
    expect(metadata.filter(has_text="origin")).to_contain_text("notebook on a laptop")
    save_screenshot(page, request)

    candidate_url = page.url
    page.get_by_test_id("delete-candidate").click()
    page.get_by_test_id("confirm-button").click()
    expect(page.get_by_test_id("restore-candidate")).to_be_visible(timeout=TIMEOUT)
    _shot(page, f"{request.node.originalname}-deleted")
    page.goto(f"{live_server}/default/-/ml/experiments/{experiment_id}")
    expect(page.get_by_text("No candidates associated with this experiment")).to_be_visible(
        timeout=TIMEOUT
    )
    page.goto(candidate_url)
    page.get_by_test_id("restore-candidate").click()
    expect(page.get_by_test_id("delete-candidate")).to_be_visible(timeout=TIMEOUT)
    page.goto(f"{live_server}/default/-/ml/experiments/{experiment_id}")
    row = page.locator("[data-testid=candidate-row]").filter(has_text="by-hand-v2")
    expect(row).to_have_count(1, timeout=TIMEOUT)
