"""Every project mutation against every kind of caller who may not perform it."""

from __future__ import annotations

import httpx
import pytest

from labbook.db.database import Database
from labbook.store.entities import AccessLevel
from tests.graphql.conftest import UserClient, codes, data, make_candidate, make_experiment, run
from tests.graphql.test_permissions import _experiment_id

MUTATIONS = {
    "updateExperiment": '{id: "$E", name: "x"}',
    "deleteExperiment": '{id: "$E"}',
    "restoreExperiment": '{id: "$E"}',
    "purgeExperiment": '{id: "$E"}',
    "createCandidate": '{experimentId: "$E"}',
    "updateCandidate": '{id: "$C", name: "x"}',
    "deleteCandidate": '{id: "$C"}',
    "restoreCandidate": '{id: "$C"}',
    "purgeCandidate": '{id: "$C"}',
    "setMetadata": '{id: "$C", name: "k", value: "v"}',
    "deleteMetadata": '{id: "$E", name: "k"}',
    "addProjectMember": '{projectPath: "default", username: "admin", accessLevel: GUEST}',
    "removeProjectMember": '{projectPath: "default", username: "admin"}',
}
# Developers may do the rest; these need a Maintainer.
MAINTAINER_ONLY = {
    "deleteExperiment",
    "restoreExperiment",
    "purgeExperiment",
    "purgeCandidate",
    "addProjectMember",
    "removeProjectMember",
}


async def ids(client: httpx.AsyncClient) -> dict[str, str]:
    body = data(await run(client, '{ project(fullPath: "default") { candidate(iid: 1) { id } } }'))
    return {"$E": await _experiment_id(client), "$C": body["project"]["candidate"]["id"]}


def mutation(name: str, found: dict[str, str]) -> str:
    args = MUTATIONS[name]
    for key, value in found.items():
        args = args.replace(key, value)
    return f"mutation {{ {name}(input: {args}) {{ __typename }} }}"


@pytest.mark.parametrize("name", sorted(MUTATIONS))
async def test_callers_without_the_right_are_refused(
    name: str,
    client: httpx.AsyncClient,
    anon_client: httpx.AsyncClient,
    user_client: UserClient,
    app_db: Database,
) -> None:
    await make_candidate(app_db, await make_experiment(app_db))
    found = await ids(client)
    query = mutation(name, found)
    assert codes(await run(anon_client, query)) == ["UNAUTHENTICATED"]
    refused = {
        "stranger": (await user_client("stranger"), "NotFoundError"),
        "reporter": (await user_client("rep", AccessLevel.REPORTER), "PermissionDeniedError"),
        "read_api": (
            await user_client("ro", AccessLevel.OWNER, scopes="read_api"),
            "PermissionDeniedError",
        ),
    }
    if name in MAINTAINER_ONLY:
        refused["developer"] = (
            await user_client("dev", AccessLevel.DEVELOPER),
            "PermissionDeniedError",
        )
    for who, (caller, error) in refused.items():
        assert data(await run(caller, query))[name] == {"__typename": error}, who
