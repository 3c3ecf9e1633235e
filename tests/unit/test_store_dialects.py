"""Each store loads only its own SQL dialect (issue 17: the PostgreSQL dialect was
imported by every platform start on SQLite, the local platform's included), and the
partial indexes still carry their condition on PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex

from gpseeker.server.db import make_engine
from gpseeker.server.tables import ApplicationRow, BlockedCompanyRow
from tests.loaded_modules import modules_after


def test_a_platform_on_sqlite_never_loads_the_postgresql_dialect(tmp_path: Path) -> None:
    """On an existing database, as every start but the first is (the first runs the
    migrations, and Alembic loads every dialect it knows)."""
    probe = (
        "import asyncio\n"
        "from gpseeker.server import Platform\n"
        "async def main():\n"
        f"    platform = Platform('sqlite:///{tmp_path / 'platform.db'}')\n"
        "    await platform.start()\n"
        "    await platform.aclose()\n"
        "asyncio.run(main())\n"
    )
    modules_after(probe)  # new: makes the schema
    warm = modules_after(probe)
    assert [name for name in warm if "postgresql" in name or "asyncpg" in name] == []


def test_on_postgresql_the_partial_indexes_keep_their_condition() -> None:
    engine = make_engine("postgresql://nobody@127.0.0.1:9/none")  # never connects
    dialect = postgresql.dialect()
    conditions = {
        "ux_applications_active": "WHERE status != 'withdrawn'",
        "ix_company_blocks_organisation": "WHERE dismissed IS false",
    }
    indexes = {
        index.name: index
        for table in (ApplicationRow.__table__, BlockedCompanyRow.__table__)
        for index in table.indexes  # type: ignore[attr-defined]
    }
    for name, condition in conditions.items():
        assert condition in str(CreateIndex(indexes[name]).compile(dialect=dialect))
    del engine
