"""A full disk and a damaged database file, as the candidate and the operator meet
them: a save refused in words (507), not a generic 500, and `/api/v1/health` telling
the operator what is wrong (writable, the integrity check at start, free space)."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import event, make_url

from gpseeker.server import ServerSettings, create_app
from gpseeker.server.platform import Platform
from tests.api.conftest import PlatformUsers, User, full_profile

FULL_DISK_SENTENCE = (
    "The platform has run out of storage space, so this could not be saved. "
    "Nothing you already saved is lost; try again later."
)


# The platform sees the disk and the file of a SQLite store only.
sqlite_only = pytest.mark.parametrize("store", ["sqlite"])


def long_profile(email: str) -> dict[str, Any]:
    """A profile of some 50 KB: saving it needs new pages in the file."""
    entry = {"title": "Engineer", "company": "Sakura Systems K.K.", "start": "2019-04"}
    experience = [
        {**entry, "description": f"Year {number}: " + "payments platform work. " * 200}
        for number in range(10)
    ]
    return full_profile(
        "Ana Souza",
        email,
        headline="Written on a full disk",
        summary="Distributed systems. " * 230,
        experience=experience,
    )


async def health(client: httpx.AsyncClient) -> dict[str, Any]:
    answer = await client.get("/api/v1/health")
    assert answer.status_code == 200, answer.text
    body: dict[str, Any] = answer.json()
    return body


async def test_health_reports_the_database_as_writable_and_checked(
    store: str, app: FastAPI, client: httpx.AsyncClient
) -> None:
    platform: Platform = app.state.platform
    await platform.database.integrity_checked()
    body = await health(client)
    assert body["status"] == "ok"
    database = body["database"]
    assert database["store"] == store
    assert database["writable"] is True
    assert database["problems"] == []
    assert database["free_space_low"] is False
    if store == "sqlite":
        assert database["integrity"] == "ok"
        assert database["free_bytes"] > 0
    else:
        assert database["integrity"] == "not_checked"
        assert database["free_bytes"] is None


@sqlite_only
async def test_a_full_disk_refuses_a_save_in_words_and_health_says_so(
    app: FastAPI, users: PlatformUsers, caplog: pytest.LogCaptureFixture
) -> None:
    seeker = await users.seeker()
    await users.save_profile(seeker, full_profile("Ana Souza", seeker.email))
    current = await users.client.get("/api/v1/me/profile", headers=seeker.auth)
    engine = app.state.platform.engine

    def no_room_to_grow(dbapi_connection: Any, _record: Any) -> None:
        # The file may not grow by a single page: SQLite fails the write exactly as
        # on a full disk ("database or disk is full"), from inside the driver.
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA max_page_count = 1")
        cursor.close()

    event.listen(engine.sync_engine, "connect", no_room_to_grow)
    await engine.dispose()
    caplog.set_level(logging.WARNING)
    headers = {**seeker.auth, "If-Match": current.headers["ETag"]}
    try:
        for _ in range(2):
            refused = await users.client.put(
                "/api/v1/me/profile", json=long_profile(seeker.email), headers=headers
            )
            assert refused.status_code == 507, refused.text
            assert refused.json()["error"]["code"] == "storage_full"
            assert refused.json()["error"]["message"] == FULL_DISK_SENTENCE
        kept = await users.client.get("/api/v1/me/profile", headers=seeker.auth)
        assert kept.json()["profile"]["headline"] == "Backend developer"

        body = await health(users.client)
        assert body["status"] == "degraded"
        assert body["database"]["writable"] is False
        assert any("lack of space" in problem for problem in body["database"]["problems"])
    finally:
        event.remove(engine.sync_engine, "connect", no_room_to_grow)
        await engine.dispose()
    # The cause is logged once, however many writes meet it.
    causes = [r for r in caplog.records if "database or disk is full" in r.getMessage()]
    assert len(causes) == 1, [r.getMessage() for r in caplog.records]
    assert causes[0].levelno == logging.ERROR
    assert "unhandled error" not in caplog.text

    # Space again: the same save goes through, and health sees it.
    saved = await users.client.put(
        "/api/v1/me/profile", json=long_profile(seeker.email), headers=headers
    )
    assert saved.status_code == 200, saved.text
    body = await health(users.client)
    assert body["status"] == "ok"
    assert body["database"]["writable"] is True


@sqlite_only
async def test_health_warns_when_free_space_runs_low(
    app: FastAPI, client: httpx.AsyncClient
) -> None:
    platform: Platform = app.state.platform
    await platform.database.integrity_checked()
    # More than any disk here has free: the warning must show.
    platform.database.low_space_bytes = 2**62
    body = await health(client)
    assert body["status"] == "degraded"
    assert body["database"]["free_space_low"] is True
    assert body["database"]["writable"] is True
    (problem,) = body["database"]["problems"]
    assert "bytes are free where the database is" in problem


def damage_table(path: Path, table: str) -> None:
    """Overwrite the first page of `table` with bytes no page can hold."""
    with sqlite3.connect(path) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = ?", (table,)
        ).fetchone()
    connection.close()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size)
        file.write(b"\xff" * page_size)


@dataclass
class Damaged:
    app: FastAPI
    client: httpx.AsyncClient
    seeker: User


@pytest.fixture
async def damaged(database_url: str, settings: ServerSettings) -> AsyncIterator[Damaged]:
    """A platform whose jobs table was damaged while it was stopped, started again."""
    first = create_app(database_url, settings=settings)
    await first.state.platform.start()
    transport = httpx.ASGITransport(app=first, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://platform.test") as client:
        users = PlatformUsers(client, first.state.platform)
        employer = await users.employer()
        for number in range(5):
            await users.post_job(employer, f"Engineer {number}")
        seeker = await users.seeker()
    await first.state.platform.aclose()
    path = make_url(database_url).database
    assert path is not None
    damage_table(Path(path), "jobs")

    app = create_app(database_url, settings=settings)
    await app.state.platform.start()
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://platform.test") as client:
        yield Damaged(app, client, seeker)
    await app.state.platform.aclose()


@sqlite_only
async def test_a_damaged_file_is_reported_by_health_and_answered_in_words(
    damaged: Damaged, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING)
    assert await damaged.app.state.platform.database.integrity_checked() == "damaged"
    body = await health(damaged.client)
    assert body["status"] == "degraded"
    assert body["database"]["integrity"] == "damaged"
    (problem,) = body["database"]["problems"]
    assert "The database is damaged" in problem
    assert ".recover" in problem  # what the operator can do about it

    auth = damaged.seeker.auth
    jobs = await damaged.client.get("/api/v1/jobs", params={"sort": "newest"}, headers=auth)
    assert jobs.status_code == 500, jobs.text
    assert jobs.json()["error"]["code"] == "database_damaged"
    assert "damaged" in jobs.json()["error"]["message"]
    # Other parts of the platform still answer.
    me = await damaged.client.get("/api/v1/me/profile", headers=auth)
    assert me.status_code == 200, me.text
    # Logged once, by the check at start: the request meeting it adds no line.
    assert not [r for r in caplog.records if r.getMessage().startswith("The database is damaged")]
    assert "unhandled error" not in caplog.text
