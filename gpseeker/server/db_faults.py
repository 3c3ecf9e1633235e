"""What went wrong with the database, read from an exception: the three faults the
platform answers in their own words instead of a generic 500.

- a lost connection (a PostgreSQL backend terminated, restarted or unreachable):
  the transaction died with it, so the request may be sent again;
- a full disk (SQLite's "database or disk is full", PostgreSQL's disk_full);
- a damaged database (SQLite's "database disk image is malformed" or "file is not a
  database", PostgreSQL's data_corrupted and index_corrupted).

Each test walks the exception's causes too: SQLAlchemy reports a connection it had
already lost as a PendingRollbackError whose context is the DBAPIError.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from sqlalchemy.exc import DBAPIError

# PostgreSQL SQLSTATEs (Appendix A of its manual).
CONNECTION_EXCEPTION_CLASS = "08"
"""connection_exception, connection_failure, ...: the connection is gone."""
SHUTDOWN_SQLSTATES = frozenset({"57P01", "57P02", "57P03"})
"""admin_shutdown (pg_terminate_backend, a fast shutdown), crash_shutdown and
cannot_connect_now (the server is starting or stopping)."""
DISK_FULL_SQLSTATE = "53100"
DAMAGED_SQLSTATES = frozenset({"XX001", "XX002"})
"""data_corrupted, index_corrupted."""


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _sqlstate(error: BaseException) -> str | None:
    """PostgreSQL's code for the error: on SQLAlchemy's wrapper, or on asyncpg's own
    exception where SQLAlchemy does not wrap it (while opening a connection)."""
    cause = error.orig if isinstance(error, DBAPIError) else error
    state = getattr(cause, "sqlstate", None)
    return state if isinstance(state, str) else None


def _sqlite_code(error: BaseException) -> int | None:
    """SQLite's primary result code (an extended code's low byte)."""
    cause = error.orig if isinstance(error, DBAPIError) else error
    code = getattr(cause, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def lost_connection(error: BaseException) -> bool:
    """The database connection broke under this request: nothing it had not yet
    committed was kept, and the pool opens a new connection for the next one."""
    for link in _chain(error):
        if isinstance(link, DBAPIError) and link.connection_invalidated:
            return True
        state = _sqlstate(link) or ""
        if state.startswith(CONNECTION_EXCEPTION_CLASS) or state in SHUTDOWN_SQLSTATES:
            return True
        # Opening a connection to a server that is down: asyncpg raises the OSError
        # itself, unwrapped. (Another ConnectionError, say from a mail server, is not
        # the database's and stays a 500.)
        if isinstance(link, ConnectionError) and _raised_in_database_driver(link):
            return True
        if isinstance(link, DBAPIError) and isinstance(link.orig, ConnectionError):
            return True
    return False


DRIVER_PACKAGES = ("sqlalchemy", "asyncpg", "aiosqlite")


def _raised_in_database_driver(error: BaseException) -> bool:
    traceback = error.__traceback__
    while traceback is not None:
        module = str(traceback.tb_frame.f_globals.get("__name__", ""))
        if module.split(".", 1)[0] in DRIVER_PACKAGES:
            return True
        traceback = traceback.tb_next
    return False


def storage_full(error: BaseException) -> bool:
    """The database could not grow: no write succeeds until space is freed."""
    for link in _chain(error):
        if _sqlite_code(link) == sqlite3.SQLITE_FULL or _sqlstate(link) == DISK_FULL_SQLSTATE:
            return True
    return False


def damaged(error: BaseException) -> bool:
    """The database file (or a PostgreSQL page or index) cannot be read as written."""
    for link in _chain(error):
        if _sqlite_code(link) in {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}:
            return True
        if _sqlstate(link) in DAMAGED_SQLSTATES:
            return True
    return False


def first_line(error: BaseException) -> str:
    """The driver's message, without SQLAlchemy's SQL and help link."""
    cause = getattr(error, "orig", None) or error
    lines = str(cause).strip().splitlines()
    return lines[0] if lines else type(cause).__name__
