"""Registered models and model versions in MLflow's JSON shapes (protocol §5.2, §9).

Versions go out as strings ("1"), times as epoch milliseconds, stages by MLflow's names, and
every version as `READY` (its files exist before it is registered, so the client never polls).
Optional members are left out when empty, as the reference server does.
"""

from __future__ import annotations

from typing import Any

from labbook.errors import InvalidParameterError
from labbook.mlflow_compat.requests import Fields
from labbook.mlflow_compat.serialize import key_values, millis
from labbook.store.entities import ModelVersion, RegisteredModel


def version_json(version: ModelVersion) -> dict[str, Any]:
    found: dict[str, Any] = {
        "name": version.name,
        "version": str(version.version),
        "creation_timestamp": millis(version.created_at),
        "last_updated_timestamp": millis(version.updated_at),
        "current_stage": version.stage,
        "description": version.description,
        "source": version.source,
        "run_id": version.run_id,
        "status": "READY",
        "run_link": version.run_link,
        "model_id": version.model_id,
    }
    if version.tags:
        found["tags"] = key_values(list(version.tags))
    if version.aliases:
        found["aliases"] = list(version.aliases)
    return {k: v for k, v in found.items() if v is not None}


def registered_model_json(model: RegisteredModel) -> dict[str, Any]:
    found: dict[str, Any] = {
        "name": model.name,
        "creation_timestamp": millis(model.created_at),
        "last_updated_timestamp": millis(model.updated_at),
    }
    if model.description:
        found["description"] = model.description
    if model.latest_versions:
        found["latest_versions"] = [version_json(v) for v in model.latest_versions]
    if model.tags:
        found["tags"] = key_values(list(model.tags))
    if model.aliases:
        found["aliases"] = [{"alias": a, "version": str(v)} for a, v in model.aliases]
    return found


def version_number(fields: Fields) -> int:
    """The `version` field: MLflow sends it as a string of digits."""
    text = fields.id_text("version", required=True)
    if not text.isascii() or not text.isdigit() or len(text) > 9:
        raise InvalidParameterError(
            f"Parameter 'version' must be an integer, got '{text}'.", field="version"
        )
    return int(text)
