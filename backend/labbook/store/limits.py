"""Validation of names and values, with MLflow's limits (design §4)."""

from __future__ import annotations

import re

from labbook.errors import InvalidParameterError

MAX_KEY = 250
MAX_PARAM_VALUE = 64 * 1024
MAX_TAG_VALUE = 64 * 1024
MAX_EXPERIMENT_NAME = 500
MAX_RUN_NAME = 500
MAX_PROJECT_PATH = 255
# MLflow's key charset: alphanumerics, underscores, dashes, periods, spaces, slashes (and colons).
_KEY = re.compile(r"^[\w\-. /:]+$")
_PATH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*(/[A-Za-z0-9][A-Za-z0-9_.\-]*)*$")


def check_key(key: str, *, what: str) -> str:
    if not key or len(key) > MAX_KEY:
        raise InvalidParameterError(f"{what} key must be 1 to {MAX_KEY} characters", field="key")
    if not _KEY.match(key) or ".." in key.split("/") or key.startswith("/"):
        raise InvalidParameterError(
            f"Invalid {what} name: '{key}'. Names may only contain alphanumerics, underscores (_),"
            " dashes (-), periods (.), spaces ( ), colons (:) and slashes (/).",
            field="key",
        )
    return key


def check_value(value: str, *, limit: int, what: str) -> str:
    if len(value) > limit:
        raise InvalidParameterError(
            f"{what} value is {len(value)} characters long; the limit is {limit}", field="value"
        )
    return value


def check_name(name: str, *, limit: int, what: str) -> str:
    name = name.strip()
    if not name:
        raise InvalidParameterError(f"{what} name must not be empty", field="name")
    if len(name) > limit:
        raise InvalidParameterError(f"{what} name exceeds {limit} characters", field="name")
    return name


def check_project_path(path: str) -> str:
    if len(path) > MAX_PROJECT_PATH or not _PATH.match(path):
        raise InvalidParameterError(
            "project path must be letters, digits, '_', '-', '.' segments separated by '/'",
            field="path",
        )
    return path
