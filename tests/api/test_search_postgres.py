"""PostgreSQL full-text search: what only that store has (its DDL, its GIN indexes,
the triggers that keep the job vectors in step); behaviour both stores share is
tested beside the routes."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import event, text

from gpseeker.server.job_search import PostgresJobSearch
from gpseeker.server.platform import Platform
from gpseeker.server.search import PostgresResumeSearch

from . import stored
from .conftest import PlatformUsers


@pytest.fixture(autouse=True)
def postgres_only(store: str) -> None:
    if store != "postgresql":
        pytest.skip("PostgreSQL's own search machinery")


def platform_of(app: FastAPI) -> Platform:
    platform: Platform = app.state.platform
    return platform


async def test_the_ddl_runs_again_on_a_platform_that_has_it(app: FastAPI) -> None:
    # As the migration and every start run it: through text(), twice.
    async with platform_of(app).engine.begin() as connection:
        for _ in range(2):
            for statement in (*PostgresResumeSearch.DDL, *PostgresJobSearch.DDL):
                await connection.execute(text(statement))


async def explained(app: FastAPI, run: Any) -> list[str]:
    """The plans of the statements `run()` sends that match text, with their own
    parameters."""
    engine = platform_of(app).engine
    sent: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "@@" in statement:
            sent.append((statement, parameters))

    event.listen(engine.sync_engine, "before_cursor_execute", capture)
    try:
        await run()
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", capture)
    assert sent
    plans = []
    async with engine.connect() as connection:
        for statement, parameters in sent:
            result = await connection.exec_driver_sql("EXPLAIN " + statement, parameters)
            plans.append("\n".join(row[0] for row in result))
    return plans


async def test_a_resume_bank_search_uses_the_gin_index(
    app: FastAPI, users: PlatformUsers, database_url: str
) -> None:
    employer = await users.employer()
    await users.searchable_seeker("Ana Souza", skills=["Zygorithm"])
    async with stored.connect(database_url) as connection:
        # Ten thousand other searchable candidates, sharing common words.
        await connection.execute(
            "INSERT INTO users (id, email, password_hash, role, display_name, created_at) "
            "SELECT 1000 + g, 'c' || g || '@example.test', 'x', 'seeker', 'C', now() "
            "FROM generate_series(1, 10000) AS g"
        )
        await connection.execute(
            "INSERT INTO visibility (user_id, resume, show_past_companies, show_age, "
            "show_gender, show_nationality) "
            "SELECT 1000 + g, 'searchable', false, false, false, false "
            "FROM generate_series(1, 10000) AS g"
        )
        await connection.execute(
            "INSERT INTO resume_documents (candidate_id, body, hit, updated_at) "
            "SELECT 1000 + g, 'Backend developer Tokyo Kubernetes word' || g, "
            '\'{"headline": "Backend developer"}\'::json, now() '
            "FROM generate_series(1, 10000) AS g"
        )
        await connection.execute("ANALYZE")

    async def search() -> None:
        assert len(await users.search(employer, "zygorithm")) == 1

    plans = await explained(app, search)
    assert all("ix_resume_documents_body_tsv" in plan for plan in plans), plans


async def test_a_job_search_uses_the_gin_index(
    app: FastAPI, users: PlatformUsers, database_url: str
) -> None:
    employer = await users.employer("Fuji Robotics Inc.")
    await users.post_job(employer, "Zygorithm engineer")
    await users.post_job(employer, "Backend developer")
    async with stored.connect(database_url) as connection:
        columns = [
            row["column_name"]
            for row in await connection.fetch(
                "SELECT column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND table_name = 'jobs' "
                "AND column_name NOT IN ('id', 'search_tsv', 'title')"
            )
        ]
        names = ", ".join(columns)
        await connection.execute(
            f"INSERT INTO jobs (title, {names}) SELECT 'Backend developer ' || g, {names} "
            "FROM jobs, generate_series(1, 10000) AS g WHERE jobs.title = 'Backend developer'"
        )
        await connection.execute("ANALYZE")
    seeker = await users.seeker()

    async def search() -> None:
        assert await users.titles(seeker, q="zygorithm") == ["Zygorithm engineer"]

    plans = await explained(app, search)
    assert all("ix_jobs_search_tsv" in plan for plan in plans), plans


async def test_a_renamed_company_is_found_by_its_new_name(
    users: PlatformUsers, database_url: str
) -> None:
    # No route renames a company yet; an operator may, and the trigger must follow.
    employer = await users.employer("Fuji Robotics Inc.")
    await users.post_job(employer, "Welder")
    seeker = await users.seeker()
    assert await users.titles(seeker, q="fuji") == ["Welder"]
    async with stored.connect(database_url) as connection:
        await connection.execute("UPDATE employers SET company_name = 'Kobe Steelworks'")
    assert await users.titles(seeker, q="fuji") == []
    assert await users.titles(seeker, q="kobe steel") == ["Welder"]
