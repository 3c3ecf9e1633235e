"""Alembic's environment for the platform's database.

`gpseeker.server.schema` runs Alembic on a connection it already holds (inside its
lock and transaction) and passes it in `config.attributes["connection"]`. Without
one (a developer calling Alembic's commands with `schema.alembic_config(url)`, e.g.
to autogenerate a revision), this opens the platform's own async engine on
`sqlalchemy.url`, so `?schema=` and the SQLite pragmas apply as they do when serving.
"""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy import Connection

from gpseeker.server import tables  # noqa: F401 (registers every table on the metadata)
from gpseeker.server.db import Base, make_engine
from gpseeker.server.schema import include_name

config = context.config


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite alters a table by copying it; batch mode writes that out.
        render_as_batch=connection.dialect.name == "sqlite",
        include_name=include_name,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_on_own_engine(url: str) -> None:
    engine = make_engine(url)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(run_migrations)
            await connection.commit()
    finally:
        await engine.dispose()


if context.is_offline_mode():
    raise SystemExit("gpseeker's migrations run against a database, not as --sql scripts")
given = config.attributes.get("connection")
if given is not None:
    run_migrations(given)
else:
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("no database: build the config with schema.alembic_config(url)")
    asyncio.run(run_on_own_engine(url))
