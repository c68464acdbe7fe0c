# labbook: `make run` serves on http://127.0.0.1:8080; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
FRONTEND_SRC := $(shell find frontend/src frontend/index.html frontend/vite.config.ts frontend/tsconfig*.json frontend/package.json -type f 2>/dev/null)

.PHONY: setup setup-test run test lint typecheck pytest frontend-check schema bench lock clean

setup: $(BIN)/.runtime frontend/dist/index.html

setup-test: setup $(BIN)/.test

run: setup
	$(BIN)/labbook serve

test: setup-test lint typecheck frontend-check pytest

PIP := $(BIN)/pip install -q --disable-pip-version-check -c constraints.txt

$(BIN)/.runtime: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) -e .
	touch $@

$(BIN)/.test: $(BIN)/.runtime pyproject.toml constraints.txt
	$(PIP) -e '.[test]'
	touch $@

frontend/node_modules/.package-lock.json: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund --loglevel=error

frontend/dist/index.html: frontend/node_modules/.package-lock.json $(FRONTEND_SRC)
	cd frontend && npm run build --silent

lint:
	$(BIN)/ruff format --check backend tests benchmarks
	$(BIN)/ruff check backend tests benchmarks

typecheck:
	$(BIN)/mypy

frontend-check: frontend/node_modules/.package-lock.json
	cd frontend && npm run lint --silent && npm test --silent

pytest:
	$(BIN)/pytest -n 2

schema: $(BIN)/.runtime
	$(BIN)/labbook export-schema > schema.graphql

bench: setup-test
	benchmarks/mlflow_compare.sh --quick
	$(BIN)/python -m benchmarks.search_scale
	$(BIN)/python -m benchmarks.graphql_metric_history
	$(BIN)/python -m benchmarks.graphql_candidates_page
	$(BIN)/python -m benchmarks.bundle_size
	$(BIN)/python -m benchmarks.web_speed

# Re-pin constraints.txt to the newest releases pyproject.toml allows (run, test, then commit).
lock:
	rm -rf /tmp/labbook-lock && $(PYTHON) -m venv /tmp/labbook-lock
	/tmp/labbook-lock/bin/pip install -q --disable-pip-version-check -e '.[test,s3]'
	{ sed -n 1,2p constraints.txt; /tmp/labbook-lock/bin/pip freeze --exclude-editable; } > constraints.new
	mv constraints.new constraints.txt

clean:
	rm -rf $(VENV) frontend/node_modules frontend/dist
