"""Benchmark: the best any server can score on the harness's W1 workload with this client.

    .venv/bin/python -m benchmarks.w1_ceiling [--runs 100] [--repeat 3]

The shared harness's client floor (`floors.py`, "w1_runs") logs one prepared list of 1,000
metrics again and again against a server that answers instantly. Workload W1 itself builds
1,000 new `Metric` objects and its params and tags for every run, and parses what the server
answers. This runs W1 unchanged against that same instant server (the harness's canned app,
plus `experiments/create`, which W1 calls first), so W1's points/s can be read against what
the workload alone allows on this machine.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HARNESS = Path(os.environ.get("LABBOOK_BENCH_HARNESS", ROOT.parent / "shared" / "bench"))

EXPERIMENT_ROUTE = """
async def experiment_create(request):
    await request.body()
    return j(b'{"experiment_id": "1"}')

app.routes.append(Route("/api/2.0/mlflow/experiments/create", experiment_create, methods=["POST"]))
"""


def canned_app(folder: Path) -> None:
    """The harness's instant server and its pages, written to `folder`."""
    sys.path.insert(0, str(HARNESS))
    import floors  # type: ignore[import-not-found]

    (folder / "app.py").write_text(floors.CANNED_APP_SRC + EXPERIMENT_ROUTE)
    (folder / "pages").mkdir()
    floors._canned_pages(str(folder / "pages"))


def w1(uri: str, runs: int) -> dict[str, float]:
    cmd = [sys.executable, str(HARNESS / "workloads.py"), "--uri", uri, "--workload", "W1"]
    out = subprocess.run([*cmd, "--set", f"W1_RUNS={runs}"], capture_output=True, text=True)
    result = json.loads(out.stdout.splitlines()[-1])
    return {
        "points_per_s": result["points_per_s"],
        "client_cpu_ms_per_run": 1000 * result["client_cpu_s"] / runs,
    }


def serve(folder: Path, port: int) -> subprocess.Popen[bytes]:
    """The canned app of `folder` (`canned_app`) under uvicorn on `port`."""
    command = [sys.executable, "-m", "uvicorn", "app:app", "--port", str(port)]
    return subprocess.Popen(
        [*command, "--log-level", "warning"],
        cwd=folder,
        env=dict(os.environ, CANNED_DIR=str(folder / "pages")),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--port", type=int, default=5399)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="w1-ceiling-") as folder:
        canned_app(Path(folder))
        server = serve(Path(folder), args.port)
        try:
            subprocess.run([sys.executable, "-c", "import time; time.sleep(3)"], check=True)
            for _ in range(args.repeat):
                print(json.dumps(w1(f"http://127.0.0.1:{args.port}", args.runs)))
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
