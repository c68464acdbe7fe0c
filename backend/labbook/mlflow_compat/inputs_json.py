"""A run's `inputs` (datasets, models) and `outputs` (models) in MLflow's JSON shapes."""

from __future__ import annotations

from typing import Any

from labbook.store.entities import DatasetInputRecord, KeyValue, RunInputsOutputs


def _tags(tags: tuple[KeyValue, ...]) -> list[dict[str, str]]:
    return [{"key": t.name, "value": t.value} for t in tags]


def dataset_input_json(item: DatasetInputRecord) -> dict[str, Any]:
    d = item.dataset
    dataset = {"name": d.name, "digest": d.digest, "source_type": d.source_type, "source": d.source}
    dataset |= {"schema": d.schema} if d.schema is not None else {}
    dataset |= {"profile": d.profile} if d.profile is not None else {}
    return {"tags": _tags(item.tags), "dataset": dataset}


def inputs_json(io: RunInputsOutputs) -> dict[str, Any]:
    result: dict[str, Any] = {}
    if io.dataset_inputs:
        result["dataset_inputs"] = [dataset_input_json(i) for i in io.dataset_inputs]
    if io.model_inputs:
        result["model_inputs"] = [{"model_id": m} for m in io.model_inputs]
    return result


def outputs_json(io: RunInputsOutputs) -> dict[str, Any]:
    if not io.model_outputs:
        return {}
    return {"model_outputs": [{"model_id": o.model_id, "step": o.step} for o in io.model_outputs]}
