"""What this worker knows about its database's health, for `GET /api/v1/health`, and
the one clear log line for each fault.

- writable: false once a write failed for lack of space, until a write succeeds again
  (and always if the SQLite file cannot be written, or PostgreSQL is read-only);
- integrity: SQLite's `PRAGMA quick_check`, run once at start in the background
  (about a second for a 500 MB file, so a worker's start does not wait for it), and
  "damaged" as soon as a request meets a damaged page;
- free space: on the SQLite file's filesystem, "low" under `disk_space_low_bytes`.
  PostgreSQL keeps its files on its own server, out of the platform's sight.

A fault is logged once when first met and once when it clears, not for each of the
hundreds of requests that meet it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import sqlite3
from pathlib import Path
from typing import Literal

import anyio.to_thread
from pydantic import BaseModel, Field
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from gpseeker.server.db_faults import damaged, first_line

log = logging.getLogger(__name__)

Integrity = Literal["ok", "damaged", "checking", "not_checked"]
QUICK_CHECK_PROBLEMS = 5
"""How many problems quick_check lists before it stops: the first few tell an
operator enough, and a badly damaged file would otherwise list thousands."""


class DatabaseHealth(BaseModel):
    store: Literal["sqlite", "postgresql"]
    writable: bool = Field(
        description="False after a write failed for lack of space (until one succeeds), "
        "or when the database cannot be written at all."
    )
    integrity: Integrity = Field(
        description="SQLite: the quick check run when the worker started, or damaged "
        "once a request met a damaged page. PostgreSQL: not_checked unless a request "
        "met corrupted data."
    )
    free_bytes: int | None = Field(
        description="Free space on the SQLite file's filesystem; null on PostgreSQL."
    )
    free_space_low: bool
    problems: list[str] = Field(description="Each fault, in a sentence for the operator.")


class DatabaseState:
    def __init__(self, engine: AsyncEngine, low_space_bytes: int) -> None:
        self.store: Literal["sqlite", "postgresql"] = (
            "sqlite" if engine.dialect.name == "sqlite" else "postgresql"
        )
        database = engine.url.database
        self.path: Path | None = (
            Path(database).expanduser().absolute()
            if self.store == "sqlite" and database and database != ":memory:"
            else None
        )
        self.low_space_bytes = low_space_bytes
        self.integrity: Integrity = "not_checked"
        self.damage: str | None = None
        self.full_error: str | None = None
        self._check: asyncio.Task[None] | None = None
        self._checking: sqlite3.Connection | None = None
        self._closing = False

    # --- what requests report ---------------------------------------------------------

    def storage_full_met(self, error: BaseException) -> None:
        if self.full_error is None:
            free = self.free_bytes()
            log.error(
                "The database cannot grow: %s%s. Every write is refused (507) until space "
                "is freed; reads go on.",
                first_line(error),
                "" if free is None else f" ({free:,} bytes free where {self.path} is)",
            )
        self.full_error = first_line(error)

    def write_succeeded(self) -> None:
        if self.full_error is not None:
            log.warning("Writes succeed again: the database has room.")
            self.full_error = None

    def damage_met(self, error: BaseException) -> None:
        if self.damage is None:
            log.error(
                "The database is damaged: %s. %s",
                first_line(error),
                self._repair_advice(),
            )
            self.damage = first_line(error)
        self.integrity = "damaged"

    # --- the check at start -----------------------------------------------------------

    def start_integrity_check(self) -> None:
        """Run SQLite's quick check in a thread; health says "checking" until it ends."""
        if self.path is None or self._check is not None:
            return
        self._closing = False
        if self.integrity == "not_checked":
            self.integrity = "checking"
        self._check = asyncio.get_running_loop().create_task(self._run_check(self.path))

    async def integrity_checked(self) -> Integrity:
        """Wait for the check at start (tests, and anyone who must know)."""
        if self._check is not None:
            await asyncio.shield(self._check)
        return self.integrity

    async def _run_check(self, path: Path) -> None:
        try:
            problems = await anyio.to_thread.run_sync(self._quick_check, path)
        except sqlite3.Error as error:
            if damaged(error):
                problems = [str(error)]
            else:
                # Interrupted by aclose(), or the file could not be opened: nothing is
                # known about the pages, so nothing is claimed.
                if self.integrity == "checking":
                    self.integrity = "not_checked"
                if not self._closing:
                    log.warning("Could not check the database's integrity: %s", error)
                return
        if self.integrity == "damaged":
            return  # a request met the damage first and logged it
        if problems == ["ok"]:
            self.integrity = "ok"
            return
        self.integrity = "damaged"
        self.damage = "; ".join(problems)
        log.error(
            "The database failed its integrity check at start: %s. %s",
            self.damage,
            self._repair_advice(),
        )

    def _quick_check(self, path: Path) -> list[str]:
        # Its own read-only connection: the check reads every page, and the pool's
        # connections stay free for requests meanwhile (WAL lets both read at once).
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        self._checking = connection
        try:
            rows = connection.execute(f"PRAGMA quick_check({QUICK_CHECK_PROBLEMS})").fetchall()
        finally:
            self._checking = None
            connection.close()
        return [str(row[0]) for row in rows]

    async def aclose(self) -> None:
        self._closing = True
        if self._check is not None and not self._check.done():
            checking = self._checking
            if checking is not None:
                checking.interrupt()  # the thread's quick_check ends with an error
            with contextlib.suppress(Exception):
                await self._check
        self._check = None

    # --- what health says -------------------------------------------------------------

    def free_bytes(self) -> int | None:
        if self.path is None:
            return None
        try:
            return shutil.disk_usage(self.path.parent).free
        except OSError:
            return None

    async def report(self, connection: AsyncConnection) -> DatabaseHealth:
        """The database's state; `connection` has just answered, so it is reachable."""
        problems: list[str] = []
        writable = True
        if self.full_error is not None:
            writable = False
            problems.append(
                f"Writes fail for lack of space ({self.full_error}); free space where the "
                "database is."
            )
        if self.path is not None and self.path.exists() and not os.access(self.path, os.W_OK):
            writable = False
            problems.append(f"The platform may not write {self.path}.")
        if self.store == "postgresql":
            read_only = await connection.scalar(
                text("SELECT current_setting('transaction_read_only')")
            )
            if read_only == "on":
                writable = False
                problems.append("PostgreSQL accepts no writes here (a standby, or read-only).")
        if self.integrity == "damaged":
            problems.append(f"The database is damaged: {self.damage}. {self._repair_advice()}")
        free = self.free_bytes()
        low = free is not None and free < self.low_space_bytes
        if low:
            problems.append(
                f"Only {free:,} bytes are free where the database is "
                f"(under {self.low_space_bytes:,}): free some before writes fail."
            )
        return DatabaseHealth(
            store=self.store,
            writable=writable,
            integrity=self.integrity,
            free_bytes=free,
            free_space_low=low,
            problems=problems,
        )

    def _repair_advice(self) -> str:
        if self.path is not None:
            return (
                f"Stop the platform and restore {self.path} from a backup, or rescue what "
                f"can be read: sqlite3 {self.path} .recover | sqlite3 recovered.sqlite3"
            )
        return "Restore the damaged table from a backup (PostgreSQL's amcheck names it)."
