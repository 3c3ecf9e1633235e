"""The schema's life on each store: the migrations build what the models describe, an
old pre-Alembic file is adopted, a newer database is refused, concurrent upgrades
agree, and a current database starts without loading Alembic."""

from __future__ import annotations

import asyncio
import importlib.util
import sqlite3
import sys
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect, text

from gpseeker.cli import main
from gpseeker.server import ServerSettings, create_app, schema
from gpseeker.server.db import Base, make_engine
from gpseeker.server.platform import Platform
from gpseeker.server.schema import (
    HEAD,
    SchemaFromNewerGpseeker,
    SchemaOutOfDate,
    downgrade,
    prepare_for_serving,
    status_of,
    upgrade,
)
from tests.migrations.test_upgrade_keeps_data import everything, populate, users_of
from tests.stores import postgres_url

PLATFORM_TABLES = set(Base.metadata.tables)


def differences(connection: Connection) -> list[Any]:
    """What `alembic check` would report: models versus the database."""
    context = MigrationContext.configure(
        connection, opts={"include_name": schema.include_name, "compare_type": True}
    )
    return list(compare_metadata(context, Base.metadata))


async def database_differences(database_url: str) -> list[Any]:
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(differences)
    finally:
        await engine.dispose()


async def tables_in(database_url: str) -> set[str]:
    engine = make_engine(database_url)
    try:
        async with engine.connect() as connection:
            return await connection.run_sync(lambda c: set(inspect(c).get_table_names()))
    finally:
        await engine.dispose()


async def execute(database_url: str, *statements: str) -> None:
    engine = make_engine(database_url)
    try:
        async with engine.begin() as connection:
            for statement in statements:
                await connection.execute(text(statement))
    finally:
        await engine.dispose()


def test_the_head_constant_is_alembics_head() -> None:
    # start() compares the stored revision with HEAD without loading the scripts: a
    # new revision without a new HEAD would leave every database un-upgraded.
    assert schema.alembic_head() == HEAD
    assert schema.known_revisions()[0] == schema.INITIAL


async def test_the_migrations_build_exactly_what_the_models_describe(database_url: str) -> None:
    await upgrade(database_url)
    assert await database_differences(database_url) == []
    assert await tables_in(database_url) >= PLATFORM_TABLES


async def test_a_downgrade_to_nothing_drops_everything_and_the_upgrade_rebuilds_it(
    database_url: str,
) -> None:
    await upgrade(database_url)
    engine = make_engine(database_url)
    try:
        await downgrade(engine, "base")
    finally:
        await engine.dispose()
    assert await tables_in(database_url) == {"alembic_version"}
    await upgrade(database_url)
    assert await database_differences(database_url) == []


async def make_pre_alembic(database_url: str) -> None:
    """Turn a database at 0001 into what a gpseeker from before migrations (and from
    before job search and erase requests) left: no version table, no yearly-salary
    column or the indexes on it, no erasure column."""
    await execute(
        database_url,
        "DROP TABLE alembic_version",
        "DROP INDEX ix_jobs_newest",
        "DROP INDEX ix_jobs_salary",
        "DROP INDEX ix_jobs_id_facets",
        "ALTER TABLE jobs DROP COLUMN salary_yearly_min_jpy",
        "ALTER TABLE applications DROP COLUMN erased_for_employer_at",
    )


async def test_a_pre_alembic_database_is_adopted_with_its_data(
    database_url: str, settings: ServerSettings
) -> None:
    async with users_of(create_app(database_url, settings=settings)) as users:
        people = await populate(users)
        before = await everything(users, people)
    engine = make_engine(database_url)
    try:
        await downgrade(engine, schema.INITIAL)
    finally:
        await engine.dispose()
    await make_pre_alembic(database_url)
    assert (await status_of(database_url)).state == "pre-alembic"

    await prepare_for_serving(database_url)

    assert (await status_of(database_url)).state == "current"
    assert await database_differences(database_url) == []
    worker = create_app(database_url, settings=settings, upgrade_schema=False)
    async with users_of(worker) as users:
        # Its employer is now a pending organisation, which the operator verifies.
        await users.verify(people["employer"], "Fuji Robotics Inc.")
        assert await everything(users, people) == before
        # The yearly salary the old file lacked was computed from the posted one.
        ana = people["ana"]
        assert "Haskell developer" in await users.titles(ana, min_salary_jpy=6_000_000)
        assert await users.titles(ana, min_salary_jpy=9_000_000) == []


async def test_the_embedded_platform_adopts_a_pre_alembic_file(
    database_url: str, settings: ServerSettings
) -> None:
    await upgrade(database_url)
    engine = make_engine(database_url)
    try:
        await downgrade(engine, schema.INITIAL)
    finally:
        await engine.dispose()
    await make_pre_alembic(database_url)
    platform = Platform(database_url, settings)
    await platform.start()
    await platform.aclose()
    assert (await status_of(database_url)).state == "current"
    assert await database_differences(database_url) == []


async def test_a_database_from_a_newer_gpseeker_is_refused_and_left_alone(
    database_url: str, settings: ServerSettings, capsys: pytest.CaptureFixture[str]
) -> None:
    await upgrade(database_url)
    await execute(database_url, "UPDATE alembic_version SET version_num = '0099'")

    with pytest.raises(SchemaFromNewerGpseeker) as refused:
        await prepare_for_serving(database_url)
    assert "schema 0099, which this gpseeker does not know: a newer gpseeker made it" in str(
        refused.value
    )
    # The embedded platform does not try to "upgrade" it either.
    platform = Platform(database_url, settings)
    with pytest.raises(SchemaFromNewerGpseeker):
        await platform.start()
    await platform.aclose()
    capsys.readouterr()
    assert await asyncio.to_thread(main, ["db", "upgrade", "--db", database_url]) == 1
    assert "a newer gpseeker made it" in capsys.readouterr().err
    status = await status_of(database_url)
    assert (status.revision, status.state, status.upgrade_needed) == ("0099", "newer", False)


async def test_a_serving_worker_refuses_an_empty_database_and_names_the_command(
    database_url: str, settings: ServerSettings
) -> None:
    worker = create_app(database_url, settings=settings, upgrade_schema=False)
    with pytest.raises(SchemaOutOfDate, match="Create them with: gpseeker db upgrade --db"):
        await worker.state.platform.start()
    await worker.state.platform.aclose()


async def test_starting_on_a_current_database_does_not_load_alembic(
    database_url: str, settings: ServerSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    await upgrade(database_url)

    def no_alembic(*_args: object) -> None:
        raise AssertionError("Alembic loaded for a database already at head")

    monkeypatch.setattr(schema, "_alembic", no_alembic)
    monkeypatch.setattr(schema, "known_revisions", no_alembic)
    for upgrade_schema in (True, False):
        app = create_app(database_url, settings=settings, upgrade_schema=upgrade_schema)
        await app.state.platform.start()
        await app.state.platform.aclose()
    await prepare_for_serving(database_url)


async def test_two_upgrades_started_at_once_on_an_empty_database_both_succeed(
    database_url: str, store: str
) -> None:
    command = [
        sys.executable,
        "-c",
        "import sys; from gpseeker.cli import main; sys.exit(main())",
        *("db", "upgrade", "--db", database_url),
    ]
    if store == "sqlite":
        # Hold SQLite's write lock, as an upgrade does, while both start: then they
        # are certain to meet at the lock rather than run one after the other.
        path = database_url.split(":///", 1)[1]
        holder = sqlite3.connect(path, isolation_level=None)
        holder.execute("PRAGMA journal_mode=WAL")
        holder.execute("BEGIN IMMEDIATE")
        upgraders = [await asyncio.create_subprocess_exec(*command, stdout=-1, stderr=-1)]
        upgraders.append(await asyncio.create_subprocess_exec(*command, stdout=-1, stderr=-1))
        await asyncio.sleep(4)  # both started and reached the lock (no way to observe)
        holder.execute("ROLLBACK")
        holder.close()
    else:
        import asyncpg

        base = postgres_url()
        assert base is not None
        schema_name = database_url.rsplit("schema=", 1)[1]
        holder = await asyncpg.connect(base.replace("postgresql+asyncpg://", "postgresql://"))
        key = "hashtext('gpseeker-schema:' || $1)"
        await holder.execute(f"SELECT pg_advisory_lock({key})", schema_name)
        upgraders = [await asyncio.create_subprocess_exec(*command, stdout=-1, stderr=-1)]
        upgraders.append(await asyncio.create_subprocess_exec(*command, stdout=-1, stderr=-1))
        for _ in range(300):  # until both wait for the lock this test holds
            waiting = await holder.fetchval(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                f"AND objid::bigint = ({key}::bigint & 4294967295)",
                schema_name,
            )
            if waiting >= 2:
                break
            await asyncio.sleep(0.05)
        assert waiting >= 2, "the upgrades did not wait for the schema's lock"
        await holder.execute(f"SELECT pg_advisory_unlock({key})", schema_name)
        await holder.close()
    results = [await upgrader.communicate() for upgrader in upgraders]
    codes = [upgrader.returncode for upgrader in upgraders]
    outs = sorted(out.decode() for out, _ in results)
    assert codes == [0, 0], [err.decode() for _, err in results]
    assert outs[0].startswith(f"Created the schema at {HEAD} in the empty database")
    assert outs[1].startswith(f"The database is already at schema {HEAD}")
    assert (await status_of(database_url)).state == "current"
    assert await database_differences(database_url) == []


def test_the_postgresql_search_ddl_is_what_the_migrations_create() -> None:
    # The search classes query what revision 0002 created; a change to their DDL is
    # a schema change, and needs a revision of its own (copying the new statements).
    from gpseeker.server.job_search import PostgresJobSearch
    from gpseeker.server.search import PostgresResumeSearch

    revision = schema.MIGRATIONS / "versions" / "0002_postgres_full_text.py"
    spec = importlib.util.spec_from_file_location("revision_0002", revision)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.RESUME_SEARCH == PostgresResumeSearch.DDL
    assert module.JOB_SEARCH == PostgresJobSearch.DDL
