"""Events recorded on a write session; `Database.write` publishes them once it has committed.

Keeping them on the session (rather than publishing at once) means a rolled-back write
publishes nothing, and that store functions emit events without knowing who listens.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from labbook.events.model import Event

_KEY = "labbook.events"


def record(session: AsyncSession, event: Event) -> None:
    session.info.setdefault(_KEY, []).append(event)


def take(session: AsyncSession) -> list[Event]:
    """The events recorded so far (each once), removed from the session."""
    events: list[Event] = session.info.pop(_KEY, [])
    return list(dict.fromkeys(events))
