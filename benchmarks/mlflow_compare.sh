#!/usr/bin/env bash
# labbook next to a real `mlflow server`, measured by the same official client (the shared
# harness in ../shared/bench: workloads W1–W5, ratios > 1 mean labbook is better).
#
#   benchmarks/mlflow_compare.sh --quick            # ~5 minutes
#   benchmarks/mlflow_compare.sh --rounds 3         # full sizes, medians of 3
#
# Results: benchmarks/results/mlflow-compare.json (and the table on stdout).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
harness="${LABBOOK_BENCH_HARNESS:-$root/../shared/bench}"
if [ ! -x "$harness/run.sh" ]; then
  echo "the benchmark harness is not at $harness (set LABBOOK_BENCH_HARNESS)" >&2
  exit 2
fi
mkdir -p "$root/benchmarks/results"
export BENCH_OUT="$root/benchmarks/results/mlflow-compare.json"
exec "$harness/run.sh" \
  --preset mlflow-sqlite --preset mlflow-sqlite-w1 \
  --launch "labbook=LABBOOK_INITIAL_ADMIN_TOKEN=bench-token $root/.venv/bin/labbook serve --host 127.0.0.1 --port {port} --data-dir {dir}" \
  --token labbook=bench-token "$@"
