"""Where the local platform process keeps its socket, pid, lock, log and notices.

Both sides use this module: the process that serves (`daemon`) and every gpseeker
process that starts or asks it (`starter`). It imports nothing heavier than the
standard library, so that a plain command pays nothing for it.

The socket lives in the data directory (0700) unless that path is too long for a Unix
socket (about 107 bytes on Linux, 103 on macOS): then it goes to a private directory
of this user, named by a hash of the data directory, so that two homes never share one.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

SOCKET_FILE = "platform.sock"
PID_FILE = "platform.pid"
LOCK_FILE = "platform.lock"
LOG_FILE = "platform.log"
NOTICES_FILE = "platform-notices.json"

SOCKET_PATH_LIMIT = 100
"""Bytes a socket path may have: sun_path holds 108 on Linux and 104 on macOS,
terminating NUL included; kept below both."""


@dataclass(frozen=True)
class PlatformFiles:
    """The local platform's files for one data directory."""

    data_dir: Path

    @property
    def socket(self) -> Path:
        return socket_path(self.data_dir)

    @property
    def pid(self) -> Path:
        """Holds the serving process's id, locked by it for as long as it runs: a lock
        nobody holds means nobody serves, whatever the file says."""
        return self.data_dir / PID_FILE

    @property
    def lock(self) -> Path:
        """Locked by whoever is starting the platform, so two starters never race."""
        return self.data_dir / LOCK_FILE

    @property
    def log(self) -> Path:
        return self.data_dir / LOG_FILE

    @property
    def notices(self) -> Path:
        """What the platform repaired at start (a damaged database set aside), for the
        next gpseeker process that connects to tell the candidate."""
        return self.data_dir / NOTICES_FILE


def socket_path(data_dir: Path) -> Path:
    """`<data_dir>/platform.sock`, or a short private path when that is too long."""
    preferred = data_dir / SOCKET_FILE
    if len(os.fsencode(preferred)) <= SOCKET_PATH_LIMIT:
        return preferred
    name = hashlib.sha256(os.fsencode(data_dir.absolute())).hexdigest()[:16] + ".sock"
    for folder in _short_private_dirs():
        candidate = folder / name
        if len(os.fsencode(candidate)) <= SOCKET_PATH_LIMIT:
            return candidate
    raise OSError(f"no short enough place for the local platform's socket of {data_dir}")


def _short_private_dirs() -> list[Path]:
    """Where a socket may go when the data directory's path is too long."""
    dirs = []
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if runtime:
        dirs.append(Path(runtime) / "gpseeker")
    # /tmp rather than tempfile.gettempdir(): TMPDIR can itself be long.
    base = Path("/tmp") if Path("/tmp").is_dir() else Path(tempfile.gettempdir())  # noqa: S108
    dirs.append(base / f"gpseeker-{os.getuid()}")
    return dirs


def ensure_socket_dir(socket: Path) -> None:
    """Create the socket's directory 0700, and refuse one somebody else could use.

    Under /tmp another user could have made `gpseeker-<uid>` first, or put a link
    there: a socket in it would then be theirs to replace.
    """
    folder = socket.parent
    folder.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700)
    found = os.lstat(folder)
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid():
        raise PermissionError(f"{folder} is not a folder of this user: the socket cannot go there")
    if stat.S_IMODE(found.st_mode) & 0o077:
        os.chmod(folder, 0o700)


def running_pid(files: PlatformFiles) -> int | None:
    """The id of the process serving `files`, or None: decided by the pid file's lock,
    which dies with its holder, so a pid left by a crash never counts."""
    try:
        descriptor = os.open(files.pid, os.O_RDONLY)
    except (FileNotFoundError, NotADirectoryError):
        return None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            text = os.read(descriptor, 32).decode(errors="replace").strip()
            return int(text) if text.isdigit() else None
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        return None
    finally:
        os.close(descriptor)
