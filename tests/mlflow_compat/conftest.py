"""Fixtures for the MLflow shim: the real `mlflow` client pointed at a live server."""

from __future__ import annotations

import os
from collections.abc import Iterator

import mlflow
import mlflow.tracking.fluent
import pytest
from mlflow.tracking import MlflowClient

from tests.conftest import ADMIN_TOKEN

ROOT = "/api/2.0/mlflow"


@pytest.fixture
def tracking_uri(live_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The live server as the client's tracking URI (the default project, at the root)."""
    monkeypatch.setenv("MLFLOW_TRACKING_URI", live_server)
    monkeypatch.setenv("MLFLOW_TRACKING_TOKEN", ADMIN_TOKEN)
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")
    monkeypatch.setenv("MLFLOW_HTTP_REQUEST_TIMEOUT", "20")
    _reset_fluent_state()
    mlflow.set_tracking_uri(live_server)
    yield live_server
    while mlflow.active_run():
        mlflow.end_run()
    _reset_fluent_state()
    mlflow.set_tracking_uri(None)


def _reset_fluent_state() -> None:
    # The fluent API keeps the active experiment in a module global, across servers.
    mlflow.tracking.fluent._active_experiment_id = None
    mlflow.tracking.fluent._last_active_run_id.set(None)
    os.environ.pop("MLFLOW_EXPERIMENT_ID", None)  # set_experiment exports it


@pytest.fixture
def mlflow_client(tracking_uri: str) -> MlflowClient:
    return MlflowClient(tracking_uri=tracking_uri)
