"""A candidate's datasets (MLflow `log_input`) as the candidate page shows them."""

from __future__ import annotations

import httpx

from labbook.db.database import Database
from labbook.store import datasets
from labbook.store.entities import DatasetInputRecord, DatasetRecord, KeyValue
from tests.graphql.conftest import data, make_candidate, make_experiment, run

QUERY = """{ project(fullPath: "default") { candidate(iid: 1) {
  datasets { name digest sourceType tags { name value } } modelInputs
  modelOutputs { modelId step } } } }"""


async def test_datasets_of_a_candidate(client: httpx.AsyncClient, app_db: Database) -> None:
    c = await make_candidate(app_db, await make_experiment(app_db))
    assert data(await run(client, QUERY))["project"]["candidate"] == {
        "datasets": [],
        "modelInputs": [],
        "modelOutputs": [],
    }
    record = DatasetRecord(
        name="iris", digest="abc123", source_type="local", source="{}", schema=None, profile=None
    )
    context = KeyValue(name="mlflow.data.context", value="training")
    async with app_db.write() as s:
        await datasets.log_inputs(
            s, candidate=c, datasets=[DatasetInputRecord(dataset=record, tags=(context,))]
        )
    found = data(await run(client, QUERY))["project"]["candidate"]["datasets"]
    assert found == [
        {
            "name": "iris",
            "digest": "abc123",
            "sourceType": "local",
            "tags": [{"name": "mlflow.data.context", "value": "training"}],
        }
    ]
