"""A candidate's inputs and outputs: datasets it used and MLflow 3 logged models."""

from __future__ import annotations

import strawberry

from labbook.graphql.types.key_value import Metadata
from labbook.graphql.types.scalars import Long
from labbook.store.entities import DatasetInputRecord, ModelOutputRecord


@strawberry.type(description="A dataset a candidate used (MLflow `log_input`).")
class DatasetInput:
    name: str = strawberry.field(description="The dataset's name.")
    digest: str = strawberry.field(description="Identifies this version of the data.")
    source_type: str = strawberry.field(description="e.g. `local`, `s3`, `http`.")
    source: str = strawberry.field(description="Where the data came from (JSON).")
    schema: str | None = strawberry.field(description="Its schema (JSON), if logged.")
    profile: str | None = strawberry.field(description="Its profile (JSON), if logged.")
    tags: list[Metadata] = strawberry.field(description="e.g. `mlflow.data.context`.")

    @classmethod
    def of(cls, record: DatasetInputRecord) -> DatasetInput:
        d = record.dataset
        return cls(
            name=d.name,
            digest=d.digest,
            source_type=d.source_type,
            source=d.source,
            schema=d.schema,
            profile=d.profile,
            tags=[Metadata.of(kv) for kv in record.tags],
        )


@strawberry.type(description="A logged model a candidate produced, at a step.")
class ModelOutput:
    model_id: str = strawberry.field(description="The MLflow logged model id.")
    step: Long = strawberry.field(description="The training step it was logged at.")

    @classmethod
    def of(cls, record: ModelOutputRecord) -> ModelOutput:
        return cls(model_id=record.model_id, step=Long(record.step))
