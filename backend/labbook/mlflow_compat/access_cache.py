"""A short-lived, per-process memo of who is asking and what they may do on a project.

A training loop calls `log-metric` many times a second with the same token; resolving the
token, its user, the project and the membership on every call would double the queries of
each request. Only successful answers are kept, for `TTL` seconds: a revoked token, a removed
member or a changed role takes effect everywhere within that time.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from labbook.auth.roles import Action, Principal
from labbook.store.entities import Project

TTL = 5.0
MAX_ENTRIES = 10_000


def credentials_key(headers: Mapping[str, str], cookies: Mapping[str, str]) -> str | None:
    """A digest of whatever credentials the request carries; None when it carries none."""
    parts = [headers.get("authorization", ""), headers.get("private-token", "")]
    parts.append(cookies.get("labbook_session", ""))
    if not any(parts):
        return None
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


@dataclass(slots=True)
class AccessCache:
    ttl: float = TTL
    _entries: dict[Any, tuple[float, Any]] = field(default_factory=dict)

    def _get(self, key: Any) -> Any:
        found = self._entries.get(key)
        if found is None or found[0] < time.monotonic():
            return None
        return found[1]

    def _put(self, key: Any, value: Any) -> None:
        if len(self._entries) >= MAX_ENTRIES:
            self._entries.clear()
        self._entries[key] = (time.monotonic() + self.ttl, value)

    def principal(self, credentials: str) -> Principal | None:
        found: Principal | None = self._get(("principal", credentials))
        return found

    def remember_principal(self, credentials: str, principal: Principal) -> None:
        self._put(("principal", credentials), principal)

    def project(self, principal: Principal | None, ref: str, action: Action) -> Project | None:
        found: Project | None = self._get(("project", _who(principal), ref, action))
        return found

    def remember_project(
        self, principal: Principal | None, ref: str, action: Action, project: Project
    ) -> None:
        self._put(("project", _who(principal), ref, action), project)


def _who(principal: Principal | None) -> int | None:
    return principal.token.id if principal else None
