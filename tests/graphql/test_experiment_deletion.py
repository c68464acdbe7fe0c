"""deleteExperiment / restoreExperiment carry the candidates, as the MLflow endpoints do."""

from __future__ import annotations

import httpx

from labbook.db.database import Database
from labbook.store import candidates
from tests.graphql.conftest import data, make_candidate, make_experiment, run

ID = '{ project(fullPath: "default") { experiment(iid: 1) { id } } }'
MUTATION = """mutation($id: ID!) { %s(input: {id: $id}) { __typename } }"""


async def _live(db: Database, experiment_id: int) -> list[str]:
    async with db.read() as s:
        found = await candidates.list_candidates(s, experiment_id=experiment_id)
    return sorted(c.name for c in found)


async def test_delete_and_restore_carry_candidates(
    client: httpx.AsyncClient, app_db: Database
) -> None:
    experiment = await make_experiment(app_db)
    for name in ("a", "b", "early"):
        made = await make_candidate(app_db, experiment, name)
    async with app_db.write() as s:
        await candidates.delete_candidate(s, candidate_id=made.id)
    node_id = data(await run(client, ID))["project"]["experiment"]["id"]

    deleted = data(await run(client, MUTATION % "deleteExperiment", id=node_id))
    assert deleted["deleteExperiment"]["__typename"] == "Experiment"
    assert await _live(app_db, experiment.id) == []
    restored = data(await run(client, MUTATION % "restoreExperiment", id=node_id))
    assert restored["restoreExperiment"]["__typename"] == "Experiment"
    assert await _live(app_db, experiment.id) == ["a", "b"]
