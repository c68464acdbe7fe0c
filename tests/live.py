"""Runs the real app under uvicorn in a background thread, for clients that need a socket."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Callable, Coroutine, Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any, TypeVar

import uvicorn

from labbook.app import create_app
from labbook.bootstrap import bootstrap
from labbook.db import migrations
from labbook.db.database import Database
from labbook.settings import Settings

T = TypeVar("T")


def run_coroutine(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    """asyncio.run in a helper thread: works where a loop runs already (Playwright's sync API)."""
    result: list[T] = []
    thread = threading.Thread(target=lambda: result.append(asyncio.run(make())))
    thread.start()
    thread.join()
    if not result:
        raise RuntimeError("coroutine failed; see the traceback above")
    return result[0]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


async def _bootstrap(settings: Settings) -> None:
    db = Database(settings.db_url)
    await bootstrap(db, settings)
    await db.dispose()


@contextmanager
def run_live_server(settings: Settings) -> Iterator[str]:
    port = free_port()
    settings = replace(settings, host="127.0.0.1", port=port)
    migrations.upgrade(settings.db_url)
    run_coroutine(lambda: _bootstrap(settings))
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("live server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
