"""What a platform's PostgreSQL schema holds, read beside the server for tests that
check erasure: every row of every table as text, and the state of the resume index.

(The SQLite tests read the database file itself; PostgreSQL's files belong to the
server, so these read through SQL what any session, or a later dump, could read.)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import make_url

from tests.stores import _plain


def schema_of(database_url: str) -> str:
    schema = make_url(database_url).query["schema"]
    assert isinstance(schema, str)
    return schema


@asynccontextmanager
async def connect(database_url: str) -> AsyncIterator[Any]:
    """An asyncpg connection inside the platform's schema."""
    import asyncpg

    url = make_url(database_url).difference_update_query(["schema"])
    connection = await asyncpg.connect(
        _plain(url.render_as_string(hide_password=False)),
        server_settings={"search_path": schema_of(database_url)},
    )
    try:
        yield connection
    finally:
        await connection.close()


async def tables(connection: Any) -> list[str]:
    rows = await connection.fetch(
        "SELECT table_name FROM information_schema.tables "
        "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
    )
    return sorted(row["table_name"] for row in rows)


async def stored_text(database_url: str) -> bytes:
    """Every row of every table of the schema as text (generated and trigger-kept
    columns included, so the search vectors are read too), lowercased."""
    async with connect(database_url) as connection:
        parts = []
        for table in await tables(connection):
            rows = await connection.fetch(f'SELECT t::text AS row FROM "{table}" AS t')
            parts.extend(row["row"] for row in rows)
    return "\n".join(parts).lower().encode()


async def rows_of(database_url: str, user_id: int) -> dict[str, int]:
    """Rows left in any table that refers to this user, by table."""
    left: dict[str, int] = {}
    async with connect(database_url) as connection:
        for table in await tables(connection):
            columns = {
                row["column_name"]
                for row in await connection.fetch(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = current_schema() AND table_name = $1",
                    table,
                )
            }
            for column in ({"user_id", "candidate_id"} & columns) | (
                {"id"} if table == "users" else set()
            ):
                count = await connection.fetchval(
                    f'SELECT count(*) FROM "{table}" WHERE "{column}" = $1', user_id
                )
                if count:
                    left[table] = count
    return left


async def fetch_one(database_url: str, query: str, *args: Any) -> Any:
    async with connect(database_url) as connection:
        return await connection.fetchrow(query, *args)


async def vacuumed_since(database_url: str, table: str) -> tuple[Any, int]:
    """(last manual VACUUM, dead tuples) of a table of the schema, as the server's
    statistics say (the count lags: backends report theirs up to a second late)."""
    async with connect(database_url) as connection:
        row = await connection.fetchrow(
            "SELECT last_vacuum, n_dead_tup FROM pg_stat_user_tables "
            "WHERE schemaname = current_schema() AND relname = $1",
            table,
        )
    assert row is not None, table
    return row["last_vacuum"], int(row["n_dead_tup"])
