"""What the running app holds, shared by the adapters through `request.app.state`."""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.requests import HTTPConnection

from labbook.artifacts.base import ArtifactStore
from labbook.db.database import Database
from labbook.events.bus import EventBus
from labbook.settings import Settings


@dataclass(slots=True)
class AppState:
    settings: Settings
    db: Database
    artifacts: ArtifactStore
    events: EventBus = field(default_factory=EventBus)


def app_state(conn: HTTPConnection) -> AppState:
    state: AppState = conn.app.state.labbook
    return state
