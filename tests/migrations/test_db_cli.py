"""`gpseeker db current` and `gpseeker db upgrade` as an operator reads them."""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

import pytest

from gpseeker.cli import main
from gpseeker.server.db import make_engine
from gpseeker.server.schema import HEAD, INITIAL, downgrade, shown_url


async def gpseeker(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    # main() runs its own event loop, so not on this one.
    code = await asyncio.to_thread(main, list(args))
    out, err = capsys.readouterr()
    return code, out, err


def with_password(database_url: str) -> str:
    """The same PostgreSQL URL with a password in it (the test server trusts anyone,
    so the password is ignored); SQLite URLs have none to hide."""
    return database_url.replace("://postgres@", "://postgres:hunter2@", 1)


async def test_db_current_and_upgrade_on_an_empty_then_an_older_database(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    url = with_password(database_url)
    shown = shown_url(url)
    assert "hunter2" not in shown

    code, out, _ = await gpseeker(capsys, "db", "current", "--json", "--db", url)
    assert code == 0
    assert json.loads(out) == {
        "database": shown,
        "revision": None,
        "head": HEAD,
        "state": "empty",
        "upgrade_needed": True,
    }

    code, out, _ = await gpseeker(capsys, "db", "upgrade", "--db", url)
    assert (code, out) == (0, f"Created the schema at {HEAD} in the empty database {shown}\n")
    code, out, _ = await gpseeker(capsys, "db", "upgrade", "--db", url)
    assert (code, out) == (0, f"The database is already at schema {HEAD}: {shown}\n")

    code, out, _ = await gpseeker(capsys, "db", "current", "--db", url)
    assert code == 0
    assert out == (
        f"Database: {shown}\nSchema: {HEAD}\nThis gpseeker needs: {HEAD}\nUpgrade needed: no\n"
    )

    engine = make_engine(database_url)
    try:
        await downgrade(engine, INITIAL)
    finally:
        await engine.dispose()
    code, out, _ = await gpseeker(capsys, "db", "current", "--json", "--db", url)
    assert json.loads(out)["revision"] == INITIAL
    assert json.loads(out)["upgrade_needed"] is True
    code, out, _ = await gpseeker(capsys, "db", "current", "--db", url)
    assert f"Upgrade needed: yes: back it up, then gpseeker db upgrade --db {shown}\n" in out
    assert "hunter2" not in out

    code, out, _ = await gpseeker(capsys, "db", "upgrade", "--db", url)
    assert (code, out) == (0, f"Upgraded the database from schema {INITIAL} to {HEAD}: {shown}\n")


@pytest.mark.parametrize("store", ["sqlite"])
async def test_looking_at_a_missing_sqlite_file_does_not_create_it(
    database_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = database_url.split(":///", 1)[1]
    code, out, _ = await gpseeker(capsys, "db", "current", "--json", "--db", database_url)
    assert (code, json.loads(out)["state"]) == (0, "empty")
    assert not await asyncio.to_thread(os.path.exists, path)


async def test_db_upgrade_takes_a_plain_file_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--db platform.sqlite3` is a SQLite file, as a person means it, not an error."""
    path = tmp_path / "platform.sqlite3"
    code, out, err = await gpseeker(capsys, "db", "upgrade", "--db", str(path))
    assert (code, err) == (0, "")
    assert out.startswith(f"Created the schema at {HEAD} in the empty database")
    assert path.exists()
