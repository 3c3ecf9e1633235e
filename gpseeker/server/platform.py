"""`Platform`: one running instance of the reference server's state and resources.

Everything a request needs lives in the database (the secret included), so any
number of workers, each with its own `Platform`, serve the same platform.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import anyio
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from gpseeker.server import tables
from gpseeker.server.db import insert_ignoring_duplicates, make_engine
from gpseeker.server.db_state import DatabaseState
from gpseeker.server.hashing import HashingTurns
from gpseeker.server.job_search import JobTextSearch, job_search_for
from gpseeker.server.masking import MaskedViews
from gpseeker.server.schema import read_status, refusal, upgrade_to_head
from gpseeker.server.search import ResumeSearch, search_for
from gpseeker.server.security import Passwords, new_server_secret
from gpseeker.server.settings import ServerSettings
from gpseeker.server.throttle import KnownBlocks

REFERENCE_SECRET = "candidate_ref"  # noqa: S105 (the secret's name, not a secret)


class Platform:
    def __init__(
        self,
        database_url: str,
        settings: ServerSettings | None = None,
        *,
        upgrade_schema: bool = True,
    ) -> None:
        """`upgrade_schema`: bring the database to the current schema at start (the
        embedded platform, tests); if False, start() only checks, and raises
        `SchemaOutOfDate` (a worker of `gpseeker serve`, whose operator upgrades)."""
        self.settings = settings or ServerSettings()
        self.database_url = database_url
        self.upgrade_schema = upgrade_schema
        self.engine: AsyncEngine = make_engine(database_url)
        self.sessions: async_sessionmaker[AsyncSession] = async_sessionmaker(
            self.engine, expire_on_commit=False
        )
        self.database = DatabaseState(self.engine, self.settings.disk_space_low_bytes)
        """What health reports about the database: writable, integrity, free space."""
        self.search: ResumeSearch = search_for(self.engine.dialect.name)
        self.job_search: JobTextSearch = job_search_for(self.engine.dialect.name)
        self._passwords: Passwords | None = None
        self._secret: str | None = None
        self._lock = asyncio.Lock()
        self.masked_views = MaskedViews(
            self.settings.masked_view_cache_chars,
            self.settings.masked_view_cache_seconds,
            time.monotonic,
        )
        self._masking_limiter: anyio.CapacityLimiter | None = None
        self.known_blocks = KnownBlocks()
        """Sign-in blocks this worker has seen, until they end (throttle.KnownBlocks)."""

    @property
    def started(self) -> bool:
        return self._secret is not None and self._passwords is not None

    async def start(self) -> None:
        """Check (or bring) the schema to the current revision, and create the server
        secret if absent. Safe to call repeatedly, and from several workers at once."""
        async with self._lock:
            if self.started:
                return
            create_sqlite_directory(self.engine)
            # The usual case, a database at head, costs this one read: Alembic is
            # loaded only when something must change.
            async with self.engine.connect() as connection:
                status = await read_status(connection)
            if status.state != "current":
                if not self.upgrade_schema:
                    raise refusal(status, self.database_url)
                await upgrade_to_head(self.engine)
            async with self.sessions.begin() as session:
                await session.execute(
                    insert_ignoring_duplicates(
                        tables.ServerSecret.__table__,  # type: ignore[arg-type]
                        self.engine.dialect.name,
                    ).values(name=REFERENCE_SECRET, value=new_server_secret())
                )
                secret = await session.scalar(
                    select(tables.ServerSecret.value).where(
                        tables.ServerSecret.name == REFERENCE_SECRET
                    )
                )
            self._passwords = self._new_passwords()
            self._secret = secret
            self.database.start_integrity_check()

    def _new_passwords(self) -> Passwords:
        return Passwords(
            time_cost=self.settings.password_time_cost,
            memory_cost_kib=self.settings.password_memory_cost_kib,
            turns=HashingTurns(
                at_once=self.settings.password_hashes_at_once,
                queue=self.settings.password_hash_queue,
                per_client=self.settings.password_hash_queue_per_client,
                clean=self.settings.password_hashes_for_clean_tries,
            ),
        )

    @property
    def masking_limiter(self) -> anyio.CapacityLimiter:
        """One thread of this process masks at a time. Masking is pure Python, so a
        second thread would not mask faster under the GIL; it would only be one more
        thread that the event loop waits behind for the interpreter."""
        if self._masking_limiter is None:
            self._masking_limiter = anyio.CapacityLimiter(1)
        return self._masking_limiter

    @property
    def passwords(self) -> Passwords:
        if self._passwords is None:
            raise RuntimeError("Platform.start() has not run")
        return self._passwords

    @property
    def secret(self) -> str:
        if self._secret is None:
            raise RuntimeError("Platform.start() has not run")
        return self._secret

    async def seed_demo(self) -> None:
        """Load the demo employers and their jobs into an empty platform."""
        # Imported here: the demo data is only needed on a platform's first run.
        from gpseeker.server.seeding import seed_demo

        await self.start()
        await seed_demo(self)

    async def aclose(self) -> None:
        await self.database.aclose()
        await self.engine.dispose()
        if self._passwords is not None:
            self._passwords.close()
        self._secret = None
        self._passwords = None


def create_sqlite_directory(engine: AsyncEngine) -> None:
    """SQLite creates the file but not its folder; a new data directory is normal."""
    database = engine.url.database
    if engine.dialect.name == "sqlite" and database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
