"""Benchmark: the fastest any server can answer W3's filtered page with this client.

    .venv/bin/python -m benchmarks.w3_filter_ceiling [--repeat 30]

Workload W3 of the shared harness times `search_runs` of a filter and an order that match
about 1,250 of its 5,000 runs, first page of 100. The client parses those 100 runs (10
metrics, 20 params and their tags each) into `Run` objects whatever the server does. This
times that same call against the harness's instant server answering a canned page of 100
such runs (the first 100 runs of the harness's own scan page, with a next-page token), so
W3's filtered page can be read against what the client alone costs on this machine: the
target "20 times faster than MLflow in the same run" needs MLflow's time to be at least 20
times this.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.w1_ceiling import HARNESS, canned_app, serve

FILTER = "metrics.m1 > 0.5 and params.p1 = 'x'"
ORDER = ["metrics.m2 DESC"]

FILTER_ROUTE = """
async def filtered(request):
    body = json.loads(await request.body() or b"{}")
    if body.get("filter"):
        return j(PAGES["filtered"])
    return j(PAGES["search-" + (body.get("page_token") or "0")])

app.routes.insert(0, Route("/api/2.0/mlflow/runs/search", filtered, methods=["POST"]))
"""


def filtered_page(pages: Path) -> None:
    """The first 100 runs of the canned scan page, as one filtered page with a next token."""
    runs = json.loads((pages / "search-0").read_text())["runs"][:100]
    (pages / "filtered").write_text(json.dumps({"runs": runs, "next_page_token": "1"}))


def timings(uri: str, repeat: int) -> list[float]:
    sys.path.insert(0, str(HARNESS))
    from workloads import make_client  # type: ignore[import-not-found]

    client = make_client(uri)
    found = []
    for _ in range(repeat + 3):
        start = time.perf_counter()
        page = client.search_runs(["1"], FILTER, order_by=ORDER, max_results=100)
        found.append((time.perf_counter() - start) * 1000)
        assert len(page) == 100
    return found[3:]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--port", type=int, default=5398)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="w3-ceiling-") as name:
        folder = Path(name)
        canned_app(folder)
        (folder / "app.py").write_text((folder / "app.py").read_text() + FILTER_ROUTE)
        filtered_page(folder / "pages")
        server = serve(folder, args.port)
        try:
            time.sleep(3)
            found = timings(f"http://127.0.0.1:{args.port}", args.repeat)
            print(json.dumps({"filter_p50_ms": round(statistics.median(found), 2)}))
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
