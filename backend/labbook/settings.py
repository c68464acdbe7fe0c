"""Server configuration: environment variables prefixed `LABBOOK_`, overridable by CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path


def default_data_dir() -> Path:
    """`$XDG_DATA_HOME/labbook`, else `~/.local/share/labbook`."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "labbook"


@dataclass(frozen=True, kw_only=True)
class Settings:
    host: str = "127.0.0.1"
    port: int = 8080
    data_dir: Path = field(default_factory=default_data_dir)
    database_url: str | None = None
    public_url: str | None = None
    initial_admin_password: str | None = None
    initial_admin_token: str | None = None
    max_artifact_bytes: int = 5 * 1024**3
    # `s3://bucket/prefix` for an S3-compatible store; None keeps files under data_dir.
    artifacts_url: str | None = None
    s3_endpoint_url: str | None = None
    s3_region: str | None = None
    frontend_dir: Path | None = None
    secure_cookies: bool = False

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite+aiosqlite:///{self.data_dir / 'labbook.db'}"

    @property
    def artifacts_dir(self) -> Path:
        return self.data_dir / "artifacts"

    @property
    def base_url(self) -> str:
        return (self.public_url or f"http://{self.host}:{self.port}").rstrip("/")

    def with_overrides(self, **values: object) -> Settings:
        """A copy with every non-None value applied (CLI flags over environment)."""
        return replace(self, **{k: v for k, v in values.items() if v is not None})  # type: ignore[arg-type]


def _env(name: str) -> str | None:
    return os.environ.get(f"LABBOOK_{name}") or None


def settings_from_env() -> Settings:
    port = _env("PORT")
    data_dir = _env("DATA_DIR")
    max_bytes = _env("MAX_ARTIFACT_BYTES")
    frontend = _env("FRONTEND_DIR")
    return Settings().with_overrides(
        host=_env("HOST"),
        port=int(port) if port else None,
        data_dir=Path(data_dir) if data_dir else None,
        database_url=_env("DATABASE_URL"),
        public_url=_env("PUBLIC_URL"),
        initial_admin_password=_env("INITIAL_ADMIN_PASSWORD"),
        initial_admin_token=_env("INITIAL_ADMIN_TOKEN"),
        max_artifact_bytes=int(max_bytes) if max_bytes else None,
        artifacts_url=_env("ARTIFACTS_URL"),
        s3_endpoint_url=_env("S3_ENDPOINT_URL"),
        s3_region=_env("S3_REGION"),
        frontend_dir=Path(frontend) if frontend else None,
        secure_cookies=_env("SECURE_COOKIES") in ("1", "true") or None,
    )
