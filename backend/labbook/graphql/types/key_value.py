"""`Param` and `Metadata`: name/value pairs of a candidate (MLflow params and tags)."""

from __future__ import annotations

from typing import cast

import strawberry

from labbook.store.entities import KeyValue


@strawberry.type(description="A hyperparameter of a candidate (write-once).")
class Param:
    name: str = strawberry.field(description="The param key.")
    value: str = strawberry.field(description="Its value, as logged (a string).")

    @classmethod
    def of(cls, kv: KeyValue) -> Param:
        return cls(name=kv.name, value=kv.value)

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, Param | KeyValue)  # the store's entries serve as they are


@strawberry.type(description="A metadata entry (an MLflow tag) of a candidate or experiment.")
class Metadata:
    name: str = strawberry.field(description="The tag key, e.g. `mlflow.runName`.")
    value: str = strawberry.field(description="Its value.")

    @classmethod
    def of(cls, kv: KeyValue) -> Metadata:
        return cls(name=kv.name, value=kv.value)

    @classmethod
    def is_type_of(cls, obj: object, _info: object) -> bool:
        return isinstance(obj, Metadata | KeyValue)


def params(entries: list[KeyValue]) -> list[Param]:
    """A page of 50 candidates has 1,000 params: no object is made for each."""
    return cast(list[Param], entries)


def metadata(entries: list[KeyValue]) -> list[Metadata]:
    return cast(list[Metadata], entries)
