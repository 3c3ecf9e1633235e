"""The platform as a deployment sees it: restartable, and several workers agree."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import httpx
import pytest

from gpseeker.server import ServerSettings, create_app
from gpseeker.server.db import async_url

from .conftest import PlatformUsers


async def test_start_is_idempotent_and_the_file_uses_wal(
    tmp_path: Path, settings: ServerSettings
) -> None:
    database = tmp_path / "platform.sqlite3"
    app = create_app(f"sqlite+aiosqlite:///{database}", settings=settings)
    await app.state.platform.start()
    await app.state.platform.start()
    await app.state.platform.aclose()
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)


async def test_two_workers_on_one_database_give_an_employer_the_same_reference(
    tmp_path: Path, settings: ServerSettings
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'platform.sqlite3'}"
    first, second = create_app(url, settings=settings), create_app(url, settings=settings)
    refs = []
    for index, app in enumerate((first, second)):
        await app.state.platform.start()
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://worker") as client:
            users = PlatformUsers(client, app.state.platform)
            if index == 0:
                employer = await users.employer("Fuji Robotics")
                await users.searchable_seeker(skills=["Haskell"])
            refs.append(await users.ref_of(employer, "haskell"))
            opened = await client.get(
                f"/api/v1/employer/resume-bank/{refs[-1]}", headers=employer.auth
            )
            assert opened.status_code == 200
    for app in (first, second):
        await app.state.platform.aclose()
    assert refs[0] == refs[1]


async def test_an_embedded_client_that_forgot_start_still_gets_answers(
    tmp_path: Path, settings: ServerSettings
) -> None:
    app = create_app(f"sqlite+aiosqlite:///{tmp_path / 'p.sqlite3'}", settings=settings)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://embedded") as client:
        seeker = await PlatformUsers(client, app.state.platform).seeker()
        assert (await client.get("/api/v1/me", headers=seeker.auth)).status_code == 200
    await app.state.platform.aclose()


def test_plain_postgresql_urls_get_the_async_driver() -> None:
    assert async_url("postgresql://u:p@db/gp") == "postgresql+asyncpg://u:p@db/gp"
    assert async_url("postgres://db/gp") == "postgresql+asyncpg://db/gp"
    assert async_url("sqlite:///x.db") == "sqlite+aiosqlite:///x.db"
    assert async_url("sqlite+aiosqlite:///x.db") == "sqlite+aiosqlite:///x.db"


def test_a_bare_path_is_a_sqlite_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert async_url("platform.sqlite3") == f"sqlite+aiosqlite:///{tmp_path}/platform.sqlite3"
    assert async_url("/srv/gp/p.sqlite3") == "sqlite+aiosqlite:////srv/gp/p.sqlite3"
