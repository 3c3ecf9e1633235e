"""Damaged local files: what went wrong in words, setting a file aside, and the notice.

A file gpseeker keeps on this computer (the sign-in tokens, a draft, the local
platform's database) can be cut short by a full disk, garbled by an editor, replaced
by a folder or locked by a permission. None of that may end in a traceback: the file
is moved aside under a name that says so (never deleted: it may hold the only copy of
something), the app carries on without it, and the candidate reads one notice that
names both paths and says what happens next. Nothing here imports Textual, pydantic
or the server, so every layer can use it.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import sqlite3
import stat
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

DAMAGED_MARK = ".damaged-"
"""Between a file's name and the time it was set aside: profile.json.damaged-20260102-030405."""


@dataclass(frozen=True)
class FileNotice:
    """One thing the candidate should know about a local file, said in sentences."""

    path: Path
    message: str
    severity: Literal["warning", "error"] = "warning"
    title: str = "A local file was damaged"
    """The app's heading for it; the plain commands say only the message."""


def why_unreadable(error: BaseException) -> str:
    """The reason a file could not be used, as a clause a candidate understands."""
    if isinstance(error, IsADirectoryError):
        return "it is a folder, not a file"
    if isinstance(error, PermissionError):
        return "this account is not allowed to read it"
    if isinstance(error, UnicodeDecodeError):
        return "it is not text (it holds bytes that are not UTF-8)"
    if isinstance(error, json.JSONDecodeError):
        return f"it is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
    if isinstance(error, tomllib.TOMLDecodeError):
        return f"it is not valid TOML ({error})"
    if isinstance(error, OSError):
        return f"it could not be read ({error.strerror or error})"
    # A pydantic ValidationError or a wrong type: readable, but not what we wrote.
    return "its contents are not in the form gpseeker writes"


_UNWRITABLE = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "your disk quota is used up",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "this account is not allowed to write there",
    errno.EPERM: "this account is not allowed to write there",
}


def why_unwritable(error: OSError) -> str:
    """Why a file could not be written, as a clause ("the disk is full")."""
    return _UNWRITABLE.get(error.errno or 0, error.strerror or str(error))


def set_aside(path: Path, *, now: dt.datetime | None = None) -> Path | None:
    """Rename `path` (a file or a folder in its place) to a name that marks it damaged.

    Returns the new path, or None when even the rename failed (a read-only folder):
    then the caller's notice asks the candidate to move it. A rename, not a copy, so
    it works on a full disk, and an earlier damaged file is never overwritten.
    """
    stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
    for attempt in range(100):
        suffix = f"{DAMAGED_MARK}{stamp}" + (f"-{attempt}" if attempt else "")
        target = path.with_name(path.name + suffix)
        if target.exists():
            continue
        try:
            path.rename(target)
        except OSError:
            return None
        return target
    return None


def moved_clause(path: Path, moved_to: Path | None) -> str:
    """'It was moved to X.' or, if it could not be, what the candidate should do."""
    if moved_to is not None:
        return f"It was moved to {moved_to}; nothing was deleted."
    return f"It could not be moved aside: move or remove {path} yourself."


def make_private(path: Path) -> bool:
    """Take away every permission other users have on `path`; True if there were any.

    For files that hold a secret (the sign-in tokens): gpseeker writes them 0600, but a
    copy from a backup or an editor's save can leave them readable by everyone.
    """
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return False
    if not mode & 0o077:
        return False
    os.chmod(path, mode & 0o700)
    return True


_DAMAGED_DATABASE = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


def _sqlite_error(error: BaseException) -> sqlite3.DatabaseError | None:
    """The sqlite3 error behind `error`, through any wrapping (SQLAlchemy's, ...)."""
    seen: set[int] = set()
    current: BaseException | None = error
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, sqlite3.DatabaseError):
            return current
        current = current.__cause__ or current.__context__
    return None


def is_damaged_database(error: BaseException) -> bool:
    """True when SQLite said the file is damaged or not a database at all: never for
    a busy or locked one, which is not the file's fault."""
    found = _sqlite_error(error)
    return found is not None and getattr(found, "sqlite_errorname", "") in _DAMAGED_DATABASE


def sqlite_says(error: BaseException) -> str:
    """SQLite's own words ("database disk image is malformed"), without SQLAlchemy's
    wrapping and link."""
    found = _sqlite_error(error)
    return str(found if found is not None else error)
