"""What the local platform process repaired at start, passed on to the candidate.

The platform has no screen: when it had to set a damaged database aside, it leaves
the notice in a file (0600) in the data directory, and the next gpseeker process that
connects takes it (the file is renamed away first, so that two processes connecting
at once do not both show it) and shows it as it shows any other repaired file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from gpseeker.local.config import write_file_atomically
from gpseeker.local.local_files import FileNotice
from gpseeker.local_platform.files import PlatformFiles

_NOTICES = TypeAdapter(list[FileNotice])


def leave(files: PlatformFiles, notices: Sequence[FileNotice]) -> None:
    existing = _read(files.notices)
    text = _NOTICES.dump_json([*existing, *notices]).decode()
    write_file_atomically(files.notices, text, mode=0o600)


def take(files: PlatformFiles) -> list[FileNotice]:
    """The notices left since the last take ([] if none), removing them."""
    claimed = files.notices.with_name(f".{files.notices.name}.{secrets.token_hex(4)}")
    try:
        os.rename(files.notices, claimed)
    except FileNotFoundError:
        return []
    try:
        return _read(claimed)
    finally:
        with contextlib.suppress(FileNotFoundError):
            claimed.unlink()


def _read(path: Path) -> list[FileNotice]:
    try:
        return _NOTICES.validate_json(path.read_bytes())
    except (FileNotFoundError, ValidationError):
        return []
