"""Setting damaged local files aside, and telling SQLite's damage from its moods."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from gpseeker.local.local_files import is_damaged_database, set_aside, sqlite_says, why_unwritable

NOON = dt.datetime(2026, 1, 2, 12, 0, 0)


def test_a_file_set_aside_keeps_its_content_under_a_name_that_says_so(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    path.write_bytes(b"\xff")

    moved = set_aside(path, now=NOON)

    assert moved == tmp_path / "tokens.json.damaged-20260102-120000"
    assert moved.read_bytes() == b"\xff"
    assert not path.exists()


def test_an_earlier_damaged_file_is_never_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "profile.json"
    path.write_text("first")
    first = set_aside(path, now=NOON)
    path.write_text("second")

    second = set_aside(path, now=NOON)

    assert first is not None and second is not None and first != second
    assert (first.read_text(), second.read_text()) == ("first", "second")


def test_a_file_that_cannot_be_moved_is_reported_as_such(tmp_path: Path) -> None:
    assert set_aside(tmp_path / "missing.json") is None


def damaged_database(tmp_path: Path) -> Path:
    path = tmp_path / "platform.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("create table t (x)")
        connection.executemany("insert into t values (?)", [("x" * 500,)] * 200)
    connection.close()
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
    return path


def test_a_truncated_database_is_recognised_through_any_wrapping(tmp_path: Path) -> None:
    path = damaged_database(tmp_path)
    with pytest.raises(sqlite3.DatabaseError) as raised:
        sqlite3.connect(path).execute("select count(*) from t").fetchall()

    wrapped = RuntimeError("(sqlite3.DatabaseError) ... https://sqlalche.me/e/21/4xp6")
    wrapped.__cause__ = raised.value

    assert is_damaged_database(wrapped)
    assert sqlite_says(wrapped) == "database disk image is malformed"


def test_a_busy_database_is_not_damaged() -> None:
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorname = "SQLITE_BUSY"  # type: ignore[attr-defined]
    assert not is_damaged_database(busy)
    assert not is_damaged_database(OSError("disk full"))


def test_why_a_write_failed_in_words() -> None:
    assert why_unwritable(OSError(28, "No space left on device")) == "the disk is full"
    assert why_unwritable(OSError(30, "Read-only file system")) == "the disk is read-only"
