"""The Relay `Node` interface and global ids: base64 of `Type:id`, opaque to clients."""

from __future__ import annotations

import base64
import binascii

import strawberry

from labbook.errors import NotFoundError


@strawberry.interface(description="An object with a globally unique id, fetchable by `node(id:)`.")
class Node:
    id: strawberry.ID = strawberry.field(description="Globally unique, opaque id.")


def global_id(type_name: str, pk: int) -> strawberry.ID:
    return strawberry.ID(base64.urlsafe_b64encode(f"{type_name}:{pk}".encode()).decode())


def parse_global_id(value: str) -> tuple[str, int]:
    """(type name, primary key); any malformed id is simply not found."""
    try:
        type_name, _, pk = base64.urlsafe_b64decode(value.encode()).decode().partition(":")
        return type_name, int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise NotFoundError(f"No object with id '{value}'") from exc


def expect_id(value: str, type_name: str) -> int:
    """The primary key of a global id that must name a `type_name`."""
    found, pk = parse_global_id(value)
    if found != type_name:
        raise NotFoundError(f"No {type_name} with id '{value}'")
    return pk
