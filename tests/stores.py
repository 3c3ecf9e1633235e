"""The two stores the platform runs on, for tests: SQLite always, PostgreSQL when
GPSEEKER_TEST_POSTGRES_URL names a server (CI sets it to the local one).

Every PostgreSQL platform a test makes lives in a schema of its own, named after
this run and numbered, and dropped afterwards: runs and tests never see each
other's rows, and a crashed run leaves nothing another run reads.
"""

from __future__ import annotations

import itertools
import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

POSTGRES_URL_VARIABLE = "GPSEEKER_TEST_POSTGRES_URL"
RUN = uuid.uuid4().hex[:8]
_numbers = itertools.count(1)


def postgres_url() -> str | None:
    return os.environ.get(POSTGRES_URL_VARIABLE) or None


STORES = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param(
        "postgresql",
        id="postgresql",
        marks=pytest.mark.skipif(
            postgres_url() is None, reason=f"{POSTGRES_URL_VARIABLE} is not set"
        ),
    ),
]


def _plain(url: str) -> str:
    """asyncpg's own connect() takes postgresql://, not SQLAlchemy's dialect names."""
    for prefix in ("postgresql+asyncpg://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql://" + url.removeprefix(prefix)
    return url


@asynccontextmanager
async def postgres_schema() -> AsyncIterator[str]:
    """A new, empty schema; yields the database URL that puts the platform in it."""
    import asyncpg

    base = postgres_url()
    assert base is not None, f"{POSTGRES_URL_VARIABLE} is not set"
    schema = f"gpseeker_test_{RUN}_{next(_numbers)}"
    connection = await asyncpg.connect(_plain(base))
    try:
        await connection.execute(f'CREATE SCHEMA "{schema}"')
    finally:
        await connection.close()
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}schema={schema}"
    finally:
        connection = await asyncpg.connect(_plain(base))
        try:
            await connection.execute(f'DROP SCHEMA "{schema}" CASCADE')
        finally:
            await connection.close()


@asynccontextmanager
async def fresh_database(store: str, folder: Path) -> AsyncIterator[str]:
    """The URL of an empty database on `store`."""
    if store == "sqlite":
        yield f"sqlite+aiosqlite:///{folder / 'platform.sqlite3'}"
        return
    async with postgres_schema() as url:
        yield url
