"""Benchmark: server CPU per MLflow read request (the read side of harness workloads W3, W4).

    .venv/bin/python -m benchmarks.mlflow_reads --uri http://127.0.0.1:PORT --pid PID \
        [--token T] [--reps N]

Against a running server (`--pid` is its process, read from /proc) that already holds the
harness's data: the experiment `bench-w3-n5000-v1` of its W3 workload and the largest
`bench-w4-*` run's `loss` history (run `../shared/bench/workloads.py --workload W3,W4` once).
Times, with plain HTTP so that no client parsing is counted: the W3 filtered page (100 runs,
`metrics.m1 > 0.5 and params.p1 = 'x'` by `metrics.m2 DESC`), the W3 scan (every run, pages
of 1,000) and the W4 history (pages of 25,000). Server CPU is the honest number on a shared
machine: wall times there mostly measure the other processes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

import httpx

API = "/api/2.0/mlflow"
FILTER = "metrics.m1 > 0.5 and params.p1 = 'x'"


def cpu_ms(pid: int) -> float:
    """User + system CPU of every thread of the process so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def paged(call: Callable[[str | None], dict[str, Any]], items: str) -> int:
    count, token = 0, None
    while True:
        page = call(token)
        count += len(page.get(items, []))
        if not (token := page.get("next_page_token")):
            return count


def cases(client: httpx.Client) -> dict[str, Callable[[], int]]:
    def post(body: dict[str, Any]) -> dict[str, Any]:
        return dict(client.post(f"{API}/runs/search", json=body).raise_for_status().json())

    name = {"experiment_name": "bench-w3-n5000-v1"}
    experiment = client.get(f"{API}/experiments/get-by-name", params=name).raise_for_status()
    exp_id = experiment.json()["experiment"]["experiment_id"]
    run_id = largest_w4_run(client)

    def history(token: str | None) -> dict[str, Any]:
        query: dict[str, str | int] = {"run_id": run_id, "metric_key": "loss", "max_results": 25000}
        query |= {"page_token": token} if token else {}
        return dict(client.get(f"{API}/metrics/get-history", params=query).json())

    def scan(token: str | None) -> dict[str, Any]:
        body = {"experiment_ids": [exp_id], "max_results": 1000}
        return post(body | ({"page_token": token} if token else {}))

    first = {"experiment_ids": [exp_id], "filter": FILTER, "order_by": ["metrics.m2 DESC"]}
    found = {
        "W3 filtered page": lambda: len(post({**first, "max_results": 100})["runs"]),
        "W3 scan": lambda: paged(scan, "runs"),
        "W4 history": lambda: paged(history, "metrics"),
    }
    return found if run_id else {k: v for k, v in found.items() if k != "W4 history"}


def largest_w4_run(client: httpx.Client) -> str | None:
    """The W4 run with the longest `loss` history; None without W4 data (its case is left out)."""
    body = {"filter": "name LIKE 'bench-w4-%'", "max_results": 100}
    found = client.post(f"{API}/experiments/search", json=body).raise_for_status().json()
    ids = [e["experiment_id"] for e in found.get("experiments", [])]
    runs = client.post(f"{API}/runs/search", json={"experiment_ids": ids, "max_results": 100})
    with_loss = [r for r in runs.json().get("runs", []) if r["data"].get("metrics")]
    if not with_loss:
        return None
    return str(max(with_loss, key=lambda r: r["data"]["metrics"][0]["step"])["info"]["run_id"])


# Calls per sample: /proc counts CPU in clock ticks (10 ms), coarser than one filtered page.
BATCH = {"W3 filtered page": 20}


def measure(case: Callable[[], int], pid: int, reps: int, batch: int) -> tuple[int, float, float]:
    """Items per call and the medians over `reps` samples of server CPU and wall per call."""
    case()  # warm-up
    cpu, wall, n = [], [], 0
    for _ in range(reps):
        c0, t0 = cpu_ms(pid), time.perf_counter()
        for _ in range(batch):
            n = case()
        wall.append((time.perf_counter() - t0) * 1000 / batch)
        cpu.append((cpu_ms(pid) - c0) / batch)
    return n, statistics.median(cpu), statistics.median(wall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--uri", required=True)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--token", default="bench-token")
    parser.add_argument("--reps", type=int, default=5)
    args = parser.parse_args()
    headers = {"Authorization": f"Bearer {args.token}"}
    with httpx.Client(base_url=args.uri, headers=headers, timeout=300) as client:
        for name, case in cases(client).items():
            n, cpu, wall = measure(case, args.pid, args.reps, BATCH.get(name, 1))
            print(
                f"{name:17} {n:7} items  server CPU {cpu:7.1f} ms"
                f"  wall {wall:7.1f} ms (medians of {args.reps})"
            )


if __name__ == "__main__":
    main()
