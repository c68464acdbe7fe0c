"""Artifact path safety: normalized, confined, and refused with a clear error otherwise."""

from __future__ import annotations

import pytest

from labbook.artifacts.base import MAX_PATH, safe_path
from labbook.errors import InvalidParameterError


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("a.txt", "a.txt"),
        ("dir/sub/file.bin", "dir/sub/file.bin"),
        ("dir//sub/./file", "dir/sub/file"),
        ("dir/", "dir"),
        ("images/key+step+1+timestamp+5.png", "images/key+step+1+timestamp+5.png"),
        ("with space/ünïcode.txt", "with space/ünïcode.txt"),
        ("..hidden/a..b", "..hidden/a..b"),
    ],
)
def test_safe_paths_are_normalized(given: str, expected: str) -> None:
    assert safe_path(given) == expected


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("../etc/passwd", "'..'"),
        ("a/../../b", "'..'"),
        ("a/..", "'..'"),
        ("/etc/passwd", "absolute"),
        ("C:/Windows/win.ini", "absolute"),
        ("a\\..\\b", "backslash"),
        ("a\x00b", "control"),
        ("a\nb", "control"),
        ("", "required"),
        ("./", "required"),
        ("x" * (MAX_PATH + 1), "longer"),
    ],
)
def test_unsafe_paths_are_refused(given: str, reason: str) -> None:
    with pytest.raises(InvalidParameterError, match=reason):
        safe_path(given)


def test_empty_path_allowed_where_asked() -> None:
    assert safe_path("", allow_empty=True) == ""
