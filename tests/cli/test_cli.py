"""The `labbook` command, run as a user runs it: a subprocess on a fresh data folder."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.live import free_port

LABBOOK = [sys.executable, "-m", "labbook"]


def run(data_dir: Path, *args: str, input: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "LABBOOK_DATA_DIR": str(data_dir)}
    env.pop("LABBOOK_DATABASE_URL", None)
    return subprocess.run(
        [*LABBOOK, *args], env=env, capture_output=True, text=True, input=input, timeout=60
    )


def ok(data_dir: Path, *args: str) -> str:
    done = run(data_dir, *args)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_help_documents_every_command(tmp_path: Path) -> None:
    out = ok(tmp_path, "--help")
    for command in ("serve", "db", "export-schema", "user", "project", "member", "token"):
        assert command in out
    assert "--database-url" in ok(tmp_path, "serve", "--help")


def test_users_projects_members_and_tokens(tmp_path: Path) -> None:
    ok(tmp_path, "db", "upgrade")
    assert "created user alice" in ok(
        tmp_path, "user", "create", "alice", "--password", "s3cret-pw"
    )
    assert "alice" in ok(tmp_path, "user", "list")
    ok(tmp_path, "project", "create", "vision", "--visibility", "public")
    assert "vision\tpublic" in ok(tmp_path, "project", "list")
    ok(tmp_path, "member", "add", "--project", "vision", "--user", "alice", "--role", "developer")
    secret = ok(tmp_path, "token", "create", "--user", "alice", "--name", "ci").strip()
    assert secret.startswith("lbpat-")
    assert ok(tmp_path, "token", "revoke", secret).strip() == "revoked"


def test_bad_input_is_a_clean_error(tmp_path: Path) -> None:
    ok(tmp_path, "project", "create", "p")
    dup = run(tmp_path, "project", "create", "p")
    assert dup.returncode != 0
    assert "already exists" in dup.stderr
    assert "Traceback" not in dup.stderr
    missing = run(
        tmp_path, "member", "add", "--project", "p", "--user", "nobody", "--role", "guest"
    )
    assert "no user named nobody" in missing.stderr
    bad = run(tmp_path, "token", "create", "--user", "x", "--name", "n", "--scopes", "root")
    assert bad.returncode != 0


def _serve(data_dir: Path, port: int, env: dict[str, str]) -> subprocess.Popen[str]:
    full = {**os.environ, "LABBOOK_DATA_DIR": str(data_dir), **env}
    full.pop("LABBOOK_DATABASE_URL", None)
    return subprocess.Popen(
        [*LABBOOK, "serve", "--port", str(port)], env=full, stderr=subprocess.PIPE, text=True
    )


def _wait_ready(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/-/readiness").status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    pytest.fail("server did not become ready")


def _stop(proc: subprocess.Popen[str]) -> str:
    proc.terminate()
    _, err = proc.communicate(timeout=15)
    return err


def test_first_start_prints_secrets_once(tmp_path: Path) -> None:
    port = free_port()
    env = {
        "LABBOOK_INITIAL_ADMIN_TOKEN": "lbpat-chosen-token",
        "LABBOOK_INITIAL_ADMIN_PASSWORD": "pw-chosen-1",
    }
    proc = _serve(tmp_path, port, env)
    _wait_ready(port)
    headers = {"Authorization": "Bearer lbpat-chosen-token"}
    assert httpx.get(f"http://127.0.0.1:{port}/-/health", headers=headers).status_code == 200
    first = _stop(proc)
    assert (
        f"export MLFLOW_TRACKING_URI=http://127.0.0.1:{port}/api/v4/projects/1/ml/mlflow" in first
    )
    assert "export MLFLOW_TRACKING_TOKEN=lbpat-chosen-token" in first
    assert "pw-chosen-1" in first
    proc = _serve(tmp_path, port, env)
    _wait_ready(port)
    second = _stop(proc)
    assert "lbpat-chosen-token" not in second
    assert "pw-chosen-1" not in second
    assert (tmp_path / "labbook.db").is_file()
