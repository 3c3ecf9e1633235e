"""The database plumbing every table module shares: the declarative base, the UTC
datetime type, the engine factory (SQLite pragmas, PostgreSQL URL rewriting) and an
"insert unless present" that works on both stores."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, Dialect, Index, Insert, Table, event, make_url, text
from sqlalchemy.dialects import sqlite
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from gpseeker.server.request_commits import track_commits


class Base(DeclarativeBase):
    pass


_POSTGRESQL_WHERE: dict[Index, str] = {}


def partial_index(name: str, *columns: str, where: str, unique: bool = False) -> Index:
    """An index over the rows matching `where` (SQL both stores read alike). SQLite's
    condition is set now; PostgreSQL's only once an engine for PostgreSQL is made, so
    that a platform on SQLite never loads the PostgreSQL dialect, which naming a
    `postgresql_where` would (tens of ms of every local platform start)."""
    index = Index(name, *columns, unique=unique, sqlite_where=text(where))
    _POSTGRESQL_WHERE[index] = where
    return index


def _partial_indexes_for_postgresql() -> None:
    for index, where in _POSTGRESQL_WHERE.items():
        index.dialect_options["postgresql"]["where"] = text(where)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware UTC in Python whatever the store keeps.

    SQLite has no time zones and would silently drop the offset, so values are stored
    there as naive UTC and made aware again when read.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are ambiguous; use timezone-aware UTC")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def async_url(database_url: str) -> str:
    """Accept the URLs people write and pick the async driver the platform needs."""
    for plain in ("postgresql://", "postgres://"):
        if database_url.startswith(plain):
            return "postgresql+asyncpg://" + database_url.removeprefix(plain)
    if database_url.startswith("sqlite://"):
        return "sqlite+aiosqlite://" + database_url.removeprefix("sqlite://")
    if "://" not in database_url:
        # A bare path is a SQLite file: `--db platform.sqlite3` means what it says.
        return f"sqlite+aiosqlite:///{Path(database_url).expanduser().absolute()}"
    return database_url


POSTGRES_APPLICATION_NAME = "gpseeker"
"""How the platform's sessions are named in PostgreSQL's pg_stat_activity."""


def make_engine(database_url: str, **options: Any) -> AsyncEngine:
    """An engine for `database_url`. A PostgreSQL URL may end in `?schema=NAME` to keep
    the platform's tables in that schema (several platforms, or test runs, in one
    database); the schema must exist."""
    url = make_url(async_url(database_url))
    if url.get_backend_name() == "postgresql":
        _partial_indexes_for_postgresql()
        # A connection PostgreSQL has ended (a restart, pg_terminate_backend, an idle
        # timeout in between) is found by a ping when taken from the pool, and replaced
        # with the rest of the pool, instead of failing the request that took it.
        options.setdefault("pool_pre_ping", True)
        # So that an operator tells the platform's sessions apart in pg_stat_activity.
        options.setdefault("connect_args", {}).setdefault("server_settings", {}).setdefault(
            "application_name", POSTGRES_APPLICATION_NAME
        )
    if url.get_backend_name() == "postgresql" and "schema" in url.query:
        schema = url.query["schema"]
        if not isinstance(schema, str) or not schema:
            raise ValueError("?schema= names one PostgreSQL schema")
        url = url.difference_update_query(["schema"])
        options.setdefault("connect_args", {}).setdefault("server_settings", {})["search_path"] = (
            schema
        )
    engine = create_async_engine(url, **options)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    track_commits(engine)
    return engine


SQLITE_BUSY_TIMEOUT_MS = 5000
"""How long a write waits for another's lock on a SQLite file before the request is
answered 503 "busy" (errors.py); past that the platform is overloaded, and a client
retrying later does better than a queue that grows."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # WAL lets readers (the TUI's searches) run while a write is in progress.
    cursor.execute("PRAGMA journal_mode=WAL")
    # FULL: a commit is on disk (the WAL synced) before the platform answers it. NORMAL
    # syncs only at checkpoints, so a power cut or a kernel crash could take writes a
    # candidate was told were saved. The cost, measured, is in docs/benchmarks.md.
    cursor.execute("PRAGMA synchronous=FULL")
    # Deleting a row deletes its dependants (an erased account takes everything).
    cursor.execute("PRAGMA foreign_keys=ON")
    # Erased means gone from the file: deleted content is overwritten with zeros
    # instead of lingering in free pages and free space until reused.
    cursor.execute("PRAGMA secure_delete=ON")
    # Several workers may share one file; wait for a lock instead of failing at once.
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    # Reading through a memory map instead of a read() per page: a keyword search
    # touches thousands of pages, and at 100k jobs this took a third off its time.
    # An address-space reservation, not memory: only pages read count, and the OS
    # may drop them again.
    cursor.execute("PRAGMA mmap_size=268435456")
    cursor.close()


def insert_ignoring_duplicates(table: Table, dialect_name: str) -> Insert:
    """An INSERT that does nothing when the key exists: two workers may race to it."""
    if dialect_name == "postgresql":
        # Imported here: the embedded (SQLite) platform should not pay for the dialect.
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table).on_conflict_do_nothing()
    return sqlite.insert(table).on_conflict_do_nothing()
