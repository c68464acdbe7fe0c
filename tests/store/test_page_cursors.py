"""`pages.Cursors`: encoded on demand, the same as encoding each one up front."""

from __future__ import annotations

import math
from datetime import UTC, datetime

from labbook.store.pages import Cursors, decode_cursor, encode_cursor

VALUES = [[1.5, 7], [None, 1, 3], [math.inf, datetime(2026, 1, 1, tzinfo=UTC), 2]]


def test_cursors_encode_when_asked() -> None:
    cursors = Cursors("sig", VALUES)
    eager = [encode_cursor("sig", v) for v in VALUES]
    assert len(cursors) == 3 and list(cursors) == eager
    assert cursors[-1] == eager[-1] and cursors[1:] == eager[1:]
    assert decode_cursor(cursors[2], signature="sig") == VALUES[2]
    assert not Cursors("sig", [])
