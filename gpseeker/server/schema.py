"""The platform's schema version: checked by `gpseeker serve`, upgraded by
`gpseeker db upgrade` and by the embedded platform.

The schema is Alembic's (`gpseeker/server/migrations/`), but reading where a database
stands is two catalog queries here, not an Alembic script load: `Platform.start()`
runs on every TUI launch, and a database at `HEAD` needs nothing more. Alembic is
imported only when something must change.

A database is in one of five states:

- empty: nothing to lose, so it is created at head wherever it is opened;
- pre-Alembic: platform tables but no `alembic_version` (files the embedded platform
  made with `create_all` before migrations existed). Those platforms repaired
  themselves at every start, so they are adopted the same way: the old fixups run,
  the file is stamped `0001`, then upgraded;
- older: a revision this gpseeker knows, before `HEAD`. The embedded platform
  upgrades it; `gpseeker serve` refuses and names `gpseeker db upgrade`, because an
  operator's database deserves a backup first;
- current: at `HEAD`;
- newer: a revision this gpseeker does not know (made by a later gpseeker). Refused
  everywhere: an older program cannot know what it would break.
"""

from __future__ import annotations

import asyncio
import dataclasses
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from sqlalchemy import Connection, make_url, text
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.runtime.environment import NameFilterParentNames

HEAD = "0006"
"""The newest revision in `migrations/versions/` (a test checks it is Alembic's head)."""
INITIAL = "0001"
"""The revision a pre-Alembic file is stamped with once the old fixups have run."""
MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"
# A pre-Alembic platform has at least the accounts table; anything else in the
# database (another application's tables) does not make it a platform.
PLATFORM_MARKER_TABLE = "users"
# SQLite's full-text indexes: virtual tables plus the shadow tables FTS5 makes for
# them. Created by literal SQL in the migrations, absent from the models.
FULL_TEXT_TABLE_PREFIXES = ("resume_fts", "jobs_fts")
# PostgreSQL's full-text columns and their GIN indexes (revision 0002): in the
# database, not in the models.
POSTGRES_FULL_TEXT_COLUMNS = {("resume_documents", "body_tsv"), ("jobs", "search_tsv")}
POSTGRES_FULL_TEXT_INDEXES = {"ix_resume_documents_body_tsv", "ix_jobs_search_tsv"}
# How long a second process waits for another's SQLite upgrade to finish: an
# upgrade that rebuilds a large table can take longer than a request's busy_timeout.
SQLITE_UPGRADE_WAIT_MS = 600_000

State = Literal["empty", "pre-alembic", "older", "current", "newer"]


class SchemaOutOfDate(Exception):
    """The database was made by an older gpseeker; the message says how to upgrade."""


class SchemaFromNewerGpseeker(SchemaOutOfDate):
    """The database was made by a newer gpseeker than this one; the message says so."""


@dataclasses.dataclass(frozen=True)
class SchemaStatus:
    """Where a database stands, as `gpseeker db current` prints it."""

    revision: str | None
    """The stored revision; None for an empty or a pre-Alembic database."""
    head: str
    state: State

    @property
    def upgrade_needed(self) -> bool:
        return self.state in ("empty", "pre-alembic", "older")


@dataclasses.dataclass(frozen=True)
class Upgraded:
    before: str | None
    """The revision before (None: the database was empty or pre-Alembic)."""
    after: str
    state_before: State


def shown_url(database_url: str) -> str:
    """The URL fit for a message or a terminal: the password replaced by ***."""
    try:
        return make_url(database_url).render_as_string(hide_password=True)
    except ArgumentError:
        return database_url  # not a URL at all, so no password in it to hide


def upgrade_command(database_url: str) -> str:
    return f"gpseeker db upgrade --db {shown_url(database_url)}"


def known_revisions() -> tuple[str, ...]:
    """Every revision this gpseeker ships, oldest first (loads the scripts)."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return tuple(reversed([script.revision for script in scripts.walk_revisions()]))


def alembic_head() -> str:
    """The head according to Alembic itself (loads the scripts)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revisions"
    return head


def alembic_config(database_url: str | None = None) -> Config:
    """Alembic's configuration, built in code: an installed gpseeker has the
    migrations in its package and no alembic.ini anywhere."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if database_url is not None:
        # For developers running Alembic's commands without a connection of ours
        # (env.py then opens one); % is ConfigParser's interpolation character.
        config.set_main_option("sqlalchemy.url", database_url.replace("%", "%%"))
    return config


def include_name(name: str | None, type_: str, parent_names: NameFilterParentNames) -> bool:
    """Autogenerate's filter: the full-text indexes are the migrations' own literal
    SQL, not models (SQLite's FTS5 tables; PostgreSQL's tsvector columns, which
    SQLite could not have), so a comparison must not report them as things to drop."""
    if name is None:
        return True
    if type_ == "table":
        return not name.startswith(FULL_TEXT_TABLE_PREFIXES)
    if type_ == "column":
        return (parent_names.get("table_name"), name) not in POSTGRES_FULL_TEXT_COLUMNS
    if type_ == "index":
        return name not in POSTGRES_FULL_TEXT_INDEXES
    return True


async def read_status(connection: AsyncConnection) -> SchemaStatus:
    """Where the database stands, from two catalog queries (milliseconds)."""
    return await connection.run_sync(_read_status)


def _read_status(connection: Connection) -> SchemaStatus:
    present = _existing_tables(connection)
    revisions: list[str] = []
    if VERSION_TABLE in present:
        revisions = list(connection.scalars(text("SELECT version_num FROM alembic_version")))
    if not revisions:
        state: State = "pre-alembic" if PLATFORM_MARKER_TABLE in present else "empty"
        return SchemaStatus(revision=None, head=HEAD, state=state)
    if revisions == [HEAD]:
        return SchemaStatus(revision=HEAD, head=HEAD, state="current")
    # Only now is the list of revisions worth loading: something must change.
    known = known_revisions()
    revision = revisions[0] if len(revisions) == 1 else ",".join(sorted(revisions))
    state = "older" if revision in known and revision != HEAD else "newer"
    return SchemaStatus(revision=revision, head=HEAD, state=state)


def _existing_tables(connection: Connection) -> set[str]:
    """Which of the version table and the platform's marker table exist."""
    if connection.dialect.name == "postgresql":
        # to_regclass resolves through search_path: the `?schema=` of the URL.
        version, marker = connection.execute(
            text("SELECT to_regclass('alembic_version'), to_regclass('users')")
        ).one()
        found = {VERSION_TABLE: version, PLATFORM_MARKER_TABLE: marker}
        return {name for name, oid in found.items() if oid is not None}
    rows = connection.execute(
        text(
            "SELECT name FROM sqlite_master "
            "WHERE type = 'table' AND name IN ('alembic_version', 'users')"
        )
    )
    return {str(name) for name in rows.scalars()}


async def check(engine: AsyncEngine, database_url: str) -> SchemaStatus:
    """Raise `SchemaOutOfDate` unless the database is at `HEAD`, saying what to run."""
    async with engine.connect() as connection:
        status = await read_status(connection)
    if status.state != "current":
        raise refusal(status, database_url)
    return status


def refusal(status: SchemaStatus, database_url: str) -> SchemaOutOfDate:
    """The error for a database this gpseeker will not serve as it is."""
    command = upgrade_command(database_url)
    if status.state == "newer":
        return SchemaFromNewerGpseeker(
            f"The database is at schema {status.revision}, which this gpseeker does not "
            f"know: a newer gpseeker made it (this one needs {status.head}). Upgrade "
            f"gpseeker to use it; this version cannot run on it without risking its data."
        )
    if status.state == "older":
        return SchemaOutOfDate(
            f"The database is at schema {status.revision}, this gpseeker needs "
            f"{status.head}. Back it up, then run: {command}"
        )
    if status.state == "pre-alembic":
        return SchemaOutOfDate(
            f"The database was made by a gpseeker from before schema versions; this "
            f"gpseeker needs schema {status.head}. Back it up, then run: {command}"
        )
    return SchemaOutOfDate(f"The database has no gpseeker tables yet. Create them with: {command}")


def _alembic_lock() -> asyncio.Lock:
    """One Alembic run at a time in this event loop: Alembic's `op` and `context` are
    module-level proxies, so two runs interleaving at their awaits (two platforms
    starting at once) would send each other's operations to the wrong database."""
    loop = asyncio.get_running_loop()
    lock = _alembic_locks.get(loop)
    if lock is None:
        lock = _alembic_locks[loop] = asyncio.Lock()
    return lock


_alembic_locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
    weakref.WeakKeyDictionary()
)


async def upgrade_to_head(engine: AsyncEngine) -> Upgraded:
    """Bring the database to `HEAD` (creating, adopting or upgrading it); safe when
    several processes do it at once: the first one upgrades, the others wait for it
    and find nothing left to do. Raises `SchemaFromNewerGpseeker` for a newer one."""
    async with _alembic_lock():
        return await _upgrade_to_head(engine)


async def _upgrade_to_head(engine: AsyncEngine) -> Upgraded:
    async with engine.connect() as connection:
        dialect = connection.dialect.name
        if dialect == "sqlite":
            # A batch migration (SQLite's way to alter a table) drops and recreates
            # tables; with foreign keys on, dropping a parent would cascade-delete
            # its children. The pragma is refused inside a transaction, so first.
            await connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            await connection.exec_driver_sql(f"PRAGMA busy_timeout={SQLITE_UPGRADE_WAIT_MS}")
            await connection.commit()
            # The write lock before reading the revision: a second process waits
            # here, then reads the revision the first one wrote.
            await connection.exec_driver_sql("BEGIN IMMEDIATE")
        elif dialect == "postgresql":
            # Per schema: several platforms (or test runs) may share one database.
            await connection.execute(
                text("SELECT pg_advisory_lock(hashtext('gpseeker-schema:' || current_schema()))")
            )
        try:
            status = await read_status(connection)
            if status.state == "newer":
                raise refusal(status, engine.url.render_as_string(hide_password=True))
            if status.state == "pre-alembic":
                await _adopt(connection)
            if status.state != "current":
                await connection.run_sync(_alembic, "upgrade", "head")
            if dialect == "sqlite":
                problems = (await connection.exec_driver_sql("PRAGMA foreign_key_check")).all()
                if problems:
                    raise RuntimeError(f"the upgrade broke foreign keys: {problems[:5]}")
            await connection.commit()
        except BaseException:
            await connection.rollback()
            raise
        finally:
            await _unlock(connection, dialect)
    return Upgraded(before=status.revision, after=HEAD, state_before=status.state)


async def _unlock(connection: AsyncConnection, dialect: str) -> None:
    if dialect == "sqlite":
        # The connection goes back to the pool: as every other connection is.
        await connection.exec_driver_sql("PRAGMA foreign_keys=ON")
        await connection.exec_driver_sql("PRAGMA busy_timeout=5000")
    elif dialect == "postgresql":
        await connection.execute(
            text("SELECT pg_advisory_unlock(hashtext('gpseeker-schema:' || current_schema()))")
        )
    await connection.commit()


async def _adopt(connection: AsyncConnection) -> None:
    """What `Platform.start()` did before migrations, then stamp: the file then has
    exactly the schema of `0001`, and the revisions after it apply as to any other."""
    # Imported here: only a pre-Alembic file needs the models' own DDL.
    from gpseeker.server.db import Base
    from gpseeker.server.job_search import SqliteJobSearch
    from gpseeker.server.jobs import upgrade_jobs_table
    from gpseeker.server.search import SqliteFtsSearch
    from gpseeker.server.tables.applications import upgrade_applications_table

    await connection.run_sync(Base.metadata.create_all)
    await connection.run_sync(upgrade_jobs_table)
    await connection.run_sync(upgrade_applications_table)
    if connection.dialect.name == "sqlite":
        await SqliteFtsSearch().create_schema(connection)
        await SqliteJobSearch().create_schema(connection)
    await connection.run_sync(_alembic, "stamp", INITIAL)


def _alembic(
    connection: Connection, action: Literal["upgrade", "downgrade", "stamp"], to: str
) -> None:
    from alembic import command

    config = alembic_config()
    # env.py runs on this connection, inside the transaction (and lock) held here.
    config.attributes["connection"] = connection
    run: Callable[[Config, str], None] = getattr(command, action)
    run(config, to)


async def downgrade(engine: AsyncEngine, to: str) -> None:
    """Take the database back to revision `to` ("base": nothing). For tests and for
    undoing an upgrade by hand; no command offers it, as it can drop data."""
    async with _alembic_lock(), engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            await connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            await connection.commit()
            await connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            await connection.run_sync(_alembic, "downgrade", to)
            await connection.commit()
        finally:
            if connection.dialect.name == "sqlite":
                await connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                await connection.commit()


async def status_of(database_url: str) -> SchemaStatus:
    """Where the database at `database_url` stands (`gpseeker db current`)."""
    from gpseeker.server.db import make_engine

    engine = make_engine(database_url)
    if _sqlite_file_missing(engine):
        # Looking must not leave an empty file behind (SQLite creates it on connect).
        await engine.dispose()
        return SchemaStatus(revision=None, head=HEAD, state="empty")
    try:
        async with engine.connect() as connection:
            return await read_status(connection)
    finally:
        await engine.dispose()


def _sqlite_file_missing(engine: AsyncEngine) -> bool:
    database = engine.url.database
    return (
        engine.dialect.name == "sqlite"
        and bool(database)
        and database != ":memory:"
        and not Path(str(database)).expanduser().exists()
    )


async def upgrade(database_url: str) -> Upgraded:
    """`gpseeker db upgrade`: bring the database at `database_url` to `HEAD`."""
    from gpseeker.server.db import make_engine
    from gpseeker.server.platform import create_sqlite_directory

    engine = make_engine(database_url)
    try:
        create_sqlite_directory(engine)
        return await upgrade_to_head(engine)
    finally:
        await engine.dispose()


async def prepare_for_serving(database_url: str) -> None:
    """Run once by `gpseeker serve` before any worker starts: an empty database gets
    the current schema; an older one raises `SchemaOutOfDate` naming `gpseeker db
    upgrade`; a current one is left alone."""
    from gpseeker.server.db import make_engine
    from gpseeker.server.platform import create_sqlite_directory

    engine = make_engine(database_url)
    try:
        create_sqlite_directory(engine)
        async with engine.connect() as connection:
            status = await read_status(connection)
        if status.state in ("older", "newer"):
            raise refusal(status, database_url)
        if status.state != "current":
            # Empty: nothing to lose. Pre-Alembic: such a platform upgraded itself at
            # every start, so its operator gets what the old gpseeker did, and more.
            await upgrade_to_head(engine)
    finally:
        await engine.dispose()
