"""A candidate's artifacts as the candidate page lists them, with working download paths."""

from __future__ import annotations

import httpx

from labbook.db.database import Database
from tests.graphql.conftest import data, make_candidate, make_experiment, run

ARTIFACTS = """query($path: String) { project(fullPath: "default") { candidate(iid: 1) {
  artifacts(path: $path) { path name isDir size downloadPath }
  artifactPackage { name version fileCount size } } } }"""


async def test_artifacts_list_folders_and_download(
    client: httpx.AsyncClient, app_db: Database
) -> None:
    await make_candidate(app_db, await make_experiment(app_db))
    empty = data(await run(client, ARTIFACTS))["project"]["candidate"]
    assert empty == {"artifacts": [], "artifactPackage": None}
    base = "/api/v4/projects/1/packages/generic/ml_experiment_1/1"
    for path, body in [("model/weights.bin", b"12345"), ("notes.txt", b"hi")]:
        assert (await client.put(f"{base}/{path}", content=body)).status_code in (200, 201)
    root = data(await run(client, ARTIFACTS))["project"]["candidate"]
    assert root["artifactPackage"] == {
        "name": "ml_experiment_1",
        "version": "1",
        "fileCount": 2,
        "size": 7,
    }
    assert root["artifacts"] == [
        {"path": "model", "name": "model", "isDir": True, "size": None, "downloadPath": None},
        {
            "path": "notes.txt",
            "name": "notes.txt",
            "isDir": False,
            "size": 2,
            "downloadPath": f"{base}/notes.txt",
        },
    ]
    inner = data(await run(client, ARTIFACTS, path="model"))["project"]["candidate"]["artifacts"]
    assert [a["path"] for a in inner] == ["model/weights.bin"]
    download = await client.get(inner[0]["downloadPath"])
    assert download.status_code == 200 and download.content == b"12345"
