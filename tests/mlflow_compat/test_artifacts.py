"""The real `mlflow` client's artifact calls against a live server: byte-exact round trips."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import httpx
import mlflow
import numpy as np
import pytest
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

from labbook.settings import Settings
from tests.conftest import ADMIN_TOKEN

AUTH = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def _tree(root: Path) -> dict[str, bytes]:
    files = {
        "top.txt": b"top level\n",
        "sub1/a.json": b'{"a": 1}',
        "sub1/deeper/b.csv": b"x,y\n1,2\n",
        "sub2/c.bin": os.urandom(2048),
    }
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return files


def _read_all(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_log_list_download_round_trip(
    mlflow_client: MlflowClient, tmp_path: Path, live_server: str
) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "hello.txt").write_bytes(b"hello world\n")
    big = os.urandom(3 * 1024 * 1024 + 5)
    (src / "big.bin").write_bytes(big)
    tree = _tree(src / "tree")
    mlflow.set_experiment("artifacts")
    with mlflow.start_run() as run:
        mlflow.log_artifact(str(src / "hello.txt"))
        mlflow.log_artifact(str(src / "hello.txt"), artifact_path="nested/dir")
        mlflow.log_artifact(str(src / "big.bin"), artifact_path="bin")
        mlflow.log_artifacts(str(src / "tree"), artifact_path="tree")
        mlflow.log_text("some text", "notes/readme.md")
        mlflow.log_dict({"k": [1, 2]}, "config/conf.json")
    run_id = run.info.run_id
    assert run.info.artifact_uri.startswith("mlflow-artifacts:/ml_experiment_")

    root = mlflow_client.list_artifacts(run_id)
    assert [(f.path, f.is_dir, f.file_size) for f in root] == [
        ("bin", True, None),
        ("config", True, None),
        ("hello.txt", False, 12),
        ("nested", True, None),
        ("notes", True, None),
        ("tree", True, None),
    ]
    sub = mlflow_client.list_artifacts(run_id, "tree/sub1")
    assert [(f.path, f.is_dir) for f in sub] == [
        ("tree/sub1/a.json", False),
        ("tree/sub1/deeper", True),
    ]
    assert mlflow_client.list_artifacts(run_id, "hello.txt") == []
    assert mlflow_client.list_artifacts(run_id, "nope") == []

    out = tmp_path / "out"
    file = mlflow.artifacts.download_artifacts(
        run_id=run_id, artifact_path="bin/big.bin", dst_path=str(out)
    )
    assert hashlib.sha256(Path(file).read_bytes()).digest() == hashlib.sha256(big).digest()
    folder = mlflow.artifacts.download_artifacts(
        run_id=run_id, artifact_path="tree", dst_path=str(out / "t")
    )
    assert _read_all(Path(folder)) == tree
    everything = Path(mlflow_client.download_artifacts(run_id, "", dst_path=str(out / "all")))
    assert _read_all(everything / "tree") == tree
    assert (everything / "nested/dir/hello.txt").read_bytes() == b"hello world\n"
    assert mlflow.artifacts.load_text(f"runs:/{run_id}/notes/readme.md") == "some text"
    assert mlflow.artifacts.load_dict(f"{run.info.artifact_uri}/config/conf.json") == {"k": [1, 2]}


def test_missing_artifact_download(mlflow_client: MlflowClient, tmp_path: Path) -> None:
    with mlflow.start_run() as run:
        pass
    with pytest.raises(MlflowException) as info:
        mlflow.artifacts.download_artifacts(
            run_id=run.info.run_id, artifact_path="does/not/exist.txt", dst_path=str(tmp_path)
        )
    assert info.value.error_code == "RESOURCE_DOES_NOT_EXIST"


def test_project_scoped_tracking_uri(tracking_uri: str, tmp_path: Path) -> None:
    scoped = f"{tracking_uri}/api/v4/projects/1/ml/mlflow"
    mlflow.set_tracking_uri(scoped)
    client = MlflowClient(tracking_uri=scoped)
    (tmp_path / "w.txt").write_bytes(b"scoped")
    with mlflow.start_run() as run:
        mlflow.log_artifact(str(tmp_path / "w.txt"), artifact_path="sub")
        image = np.zeros((4, 4, 3), dtype=np.uint8)
        mlflow.log_image(image, key="sample", step=1, synchronous=True)
    paths = [f.path for f in client.list_artifacts(run.info.run_id, "images")]
    assert any("sample+step+1+timestamp+" in p for p in paths), paths
    out = client.download_artifacts(run.info.run_id, "sub/w.txt", dst_path=str(tmp_path / "o"))
    assert Path(out).read_bytes() == b"scoped"
    with httpx.Client(base_url=tracking_uri, headers=AUTH) as http:
        package = run.info.artifact_uri.removeprefix("mlflow-artifacts:/")
        generic = http.get(f"/api/v4/projects/1/packages/generic/{package}/sub/w.txt")
        assert generic.content == b"scoped"


def test_relogging_a_path_replaces_its_bytes(
    mlflow_client: MlflowClient, tmp_path: Path, settings: Settings
) -> None:
    (tmp_path / "f.txt").write_bytes(b"one")
    with mlflow.start_run() as run:
        mlflow.log_artifact(str(tmp_path / "f.txt"))
        (tmp_path / "f.txt").write_bytes(b"two")
        mlflow.log_artifact(str(tmp_path / "f.txt"))  # same path again: replaced
    blobs = [p for p in settings.artifacts_dir.rglob("*") if p.is_file()]
    assert [b.read_bytes() for b in blobs] == [b"two"]
    assert mlflow.artifacts.load_text(f"runs:/{run.info.run_id}/f.txt") == "two"
