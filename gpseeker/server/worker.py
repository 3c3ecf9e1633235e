"""The app of one `gpseeker serve --workers N` worker process.

Workers are spawned processes, so they cannot be handed a `FastAPI` object: each
imports `create_worker_app` (uvicorn's `factory=True`) and builds its own platform
from what `serve` put in one environment variable, the database URL and every
`ServerSettings` field serve set. The clock (`now`) is not passed: a worker keeps
the real one.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import signal
import sys
import threading
import time
import typing
from typing import Any

from fastapi import FastAPI
from pydantic import TypeAdapter
from uvicorn.config import STARTUP_FAILURE

from gpseeker.server.app import create_app
from gpseeker.server.settings import ServerSettings

ENVIRONMENT_VARIABLE = "GPSEEKER_SERVE_WORKER"
APP = "gpseeker.server.worker:create_worker_app"
"""The import string uvicorn's workers load (with factory=True)."""

_NOT_PASSED = frozenset({"now"})


def _field_types() -> dict[str, Any]:
    hints = typing.get_type_hints(ServerSettings)
    return {
        field.name: hints[field.name]
        for field in dataclasses.fields(ServerSettings)
        if field.name not in _NOT_PASSED
    }


def worker_environment(database_url: str, settings: ServerSettings) -> dict[str, str]:
    """The environment variable that carries `database_url` and `settings` to workers."""
    fields = {
        name: TypeAdapter(kind).dump_python(getattr(settings, name), mode="json")
        for name, kind in _field_types().items()
    }
    return {ENVIRONMENT_VARIABLE: json.dumps({"database_url": database_url, "settings": fields})}


def settings_from_environment() -> tuple[str, ServerSettings]:
    """The database URL and settings `serve` passed; a clear error if it passed none."""
    carried = os.environ.get(ENVIRONMENT_VARIABLE)
    if not carried:
        raise RuntimeError(f"{ENVIRONMENT_VARIABLE} is not set; start workers with gpseeker serve")
    passed = json.loads(carried)
    kinds = _field_types()
    # Validated by type, so a Path comes back a Path and an unknown name fails loudly
    # instead of a worker quietly running with a default the parent did not mean.
    fields = {name: TypeAdapter(kinds[name]).validate_python(value)
              for name, value in passed["settings"].items()}  # fmt: skip
    return str(passed["database_url"]), ServerSettings(**fields)


def create_worker_app() -> FastAPI:
    try:
        database_url, settings = settings_from_environment()
        # serve prepared the schema once before any worker started; a worker checks.
        app = create_app(database_url, settings=settings, upgrade_schema=False)
    except Exception:
        # uvicorn's supervisor restarts a worker that crashes, forever; this exit
        # code is the one that tells it the next would fail the same way.
        logging.getLogger("uvicorn.error").exception("This worker cannot build the app")
        sys.exit(STARTUP_FAILURE)
    threading.Thread(
        target=_stop_when_orphaned, args=(os.getppid(),), name="orphan-watch", daemon=True
    ).start()
    return app


def _stop_when_orphaned(parent: int) -> None:
    """Stop this worker (gracefully, as SIGTERM does) once `serve` is gone.

    A `serve` killed outright (SIGKILL, the OOM killer) cannot stop its workers, and
    they would go on answering on the port, out of any operator's sight.
    """
    while os.getppid() == parent:
        time.sleep(1)
    os.kill(os.getpid(), signal.SIGTERM)
