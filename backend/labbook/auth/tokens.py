"""Token secrets: generated with `secrets`, stored only as SHA-256 (they are high-entropy)."""

from __future__ import annotations

import hashlib
import secrets

PERSONAL_PREFIX = "lbpat-"
SESSION_PREFIX = "lbsess-"


def new_secret(prefix: str = PERSONAL_PREFIX) -> str:
    return prefix + secrets.token_urlsafe(32)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def display_prefix(secret: str) -> str:
    """What lists show to tell tokens apart: the kind prefix and four characters."""
    head, _, rest = secret.partition("-")
    return f"{head}-{rest[:4]}" if rest else secret[:8]
