"""Events recorded on a write session; `Database.write` publishes them once it has committed.

Keeping them on the session (rather than publishing at once) means a rolled-back write
publishes nothing, and that store functions emit events without knowing who listens.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from labbook.events.model import CandidateChanged, Event

_KEY = "labbook.events"


def record(session: AsyncSession, event: Event) -> None:
    session.info.setdefault(_KEY, []).append(event)


def take(session: AsyncSession) -> list[Event]:
    """The events recorded so far (each once), removed from the session."""
    events: list[Event] = session.info.pop(_KEY, [])
    # Only candidate changes repeat (each tag, param or metric write records one); hashing a
    # metric event would hash each of its points, and the database already dropped repeats.
    seen: set[CandidateChanged] = set()
    kept = []
    for event in events:
        if isinstance(event, CandidateChanged):
            if event in seen:
                continue
            seen.add(event)
        kept.append(event)
    return kept
