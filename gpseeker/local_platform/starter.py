"""Finding the local platform process, starting it on first need, and stopping it.

Any gpseeker process of the user may be first: the app, a plain command, two at once.
So a start is: ask the socket; if nothing of ours answers, take the start lock
(`platform.lock`, flock), ask again (another starter may have won meanwhile), stop
a platform of other code (an older gpseeker, after an upgrade), and start
`gpseeker platform run` detached, with its output appended to `platform.log`, then
wait until it answers. A platform that ends before it answers is started once more;
then the error names the log. No server import here: this runs in the app's process.

Blocking (a lock, a child process, sleeps): the app calls it in a thread.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from pydantic import ValidationError

import gpseeker
from gpseeker.client.embedded import BASE_URL
from gpseeker.client.errors import PlatformError
from gpseeker.core.text import clean_line
from gpseeker.local.config import ensure_private_dir
from gpseeker.local.local_files import FileNotice
from gpseeker.local_platform import notices
from gpseeker.local_platform.about import ABOUT_PATH, PlatformAbout
from gpseeker.local_platform.files import PlatformFiles, running_pid
from gpseeker.local_platform.identity import code_identity

START_SECONDS = 120.0
"""How long a start may take: the first one creates and seeds the database, which on
a busy machine takes a while."""
PROBE_SECONDS = 5.0
"""How long a platform that accepted the connection has to answer `about`."""
STOP_SECONDS = 15.0
"""How long a platform has to finish its requests after SIGTERM, before SIGKILL."""
LOG_KEEP_BYTES = 1024 * 1024
"""A log longer than this is moved to `platform.log.1` at the next start."""
POLL_SECONDS = 0.05

_children: list[subprocess.Popen[bytes]] = []
"""Platforms this process started: polled now and then, so none is left a zombie."""

# The platform runs the code this process runs: its package folder goes first on
# the child's path, whatever the child's working directory or PYTHONPATH.
_RUN = (
    "import sys; sys.path.insert(0, sys.argv.pop(1)); "
    "from gpseeker.cli import main; sys.exit(main(sys.argv[1:]))"
)


@dataclass(frozen=True)
class RunningPlatform:
    about: PlatformAbout
    notices: list[FileNotice] = field(default_factory=list)
    """What the platform repaired at start, not yet told to anyone."""

    @property
    def socket(self) -> Path:
        return Path(self.about.socket)


def ensure_running(
    files: PlatformFiles, idle_seconds: float, *, any_code: bool = False, told: bool = True
) -> RunningPlatform:
    """The local platform for `files`, started if none of this code answers.

    `any_code`: accept whatever platform answers (a client reconnecting mid-session
    takes a platform a newer gpseeker started, rather than fight it). `told`: take
    what the platform repaired at start, for the caller to tell the candidate; False
    leaves it for the caller that will (a start ahead of need tells nobody). Raises
    PlatformError, naming the log, if the platform cannot be started.
    """
    try:
        about = _ensure_running(files, idle_seconds, any_code=any_code)
        return RunningPlatform(about, notices.take(files) if told else [])
    except OSError as error:  # a data directory that cannot hold it: not a traceback
        raise PlatformError(
            f"the local demo platform cannot run in {files.data_dir}: "
            f"{error.strerror or error} ({error.filename or files.data_dir})",
            code="local_platform_failed",
        ) from None


def _ensure_running(files: PlatformFiles, idle_seconds: float, *, any_code: bool) -> PlatformAbout:
    _reap()
    identity = code_identity()
    about = probe(files)
    if about is None or not (any_code or about.identity == identity):
        ensure_private_dir(files.data_dir)
        with _start_lock(files):
            about = probe(files)
            if about is not None and not (any_code or about.identity == identity):
                stop(files)  # another gpseeker's platform: ours replaces it
                about = None
            if about is None:
                about = _start(files, identity, idle_seconds)
    return about


def probe(files: PlatformFiles, timeout: float = PROBE_SECONDS) -> PlatformAbout | None:
    """What the platform on the socket says about itself; None if nothing answers."""
    socket = files.socket
    if not socket.exists():
        return None
    # No TLS on a Unix socket: no TLS context (and certificate store) to make.
    transport = httpx.HTTPTransport(uds=os.fspath(socket), verify=False)
    try:
        with httpx.Client(transport=transport, base_url=BASE_URL, timeout=timeout) as client:
            response = client.get(ABOUT_PATH)
        if response.status_code != 200:
            return None
        return PlatformAbout.model_validate_json(response.content)
    except (httpx.HTTPError, ValidationError):
        return None


def stop(files: PlatformFiles, timeout: float = STOP_SECONDS) -> int | None:
    """Stop the platform serving `files` and wait until it has ended; its pid, or None
    if none ran. SIGTERM lets it finish the requests under way; SIGKILL after
    `timeout` if it does not."""
    pid = running_pid(files)
    if pid is None:
        return None
    for stopping, wait in ((signal.SIGTERM, timeout), (signal.SIGKILL, STOP_SECONDS)):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, stopping)
        deadline = time.monotonic() + wait
        while running_pid(files) == pid:
            if time.monotonic() > deadline:
                break
            time.sleep(POLL_SECONDS)
        else:
            _reap()
            return pid
    raise PlatformError(
        f"the local demo platform (process {pid}) did not stop; see {files.log}",
        code="local_platform_stuck",
    )


def log_tail(files: PlatformFiles, lines: int) -> list[str]:
    """The last `lines` lines of the platform's log ([] if it has none)."""
    try:
        with files.log.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - 64 * 1024 * max(1, lines // 100)))
            text = handle.read().decode(errors="replace")
    except FileNotFoundError:
        return []
    return text.splitlines()[-lines:] if lines > 0 else []


# --- starting -----------------------------------------------------------------------


@contextlib.contextmanager
def _start_lock(files: PlatformFiles) -> Iterator[None]:
    descriptor = os.open(files.lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)  # another starter finishes its start first
        yield
    finally:
        os.close(descriptor)


def _start(files: PlatformFiles, identity: str, idle_seconds: float) -> PlatformAbout:
    """Start the platform (twice at most) and wait until it answers."""
    deadline = time.monotonic() + START_SECONDS
    for _attempt in range(2):
        pid = running_pid(files)
        if pid is not None:
            # Alive but not answering: still starting (`platform run` by hand, or a
            # starter that gave up), or stuck. Give it the start's time, then end it.
            about = _wait_for(files, deadline, functools.partial(_serving, files, pid))
            if about is not None and about.identity == identity:
                return about
            stop(files)
            continue
        process = _spawn(files, idle_seconds)
        about = _wait_for(files, deadline, functools.partial(_alive, process))
        if about is not None:
            # Ours, even if its identity differs: then the code changed on disk while
            # it started (an upgrade under way), and it runs the newer code.
            return about
        if process.poll() is None:  # not in time
            stop(files)
    last = next((line for line in reversed(log_tail(files, 20)) if line.strip()), "")
    said = f" Its last words: {clean_line(last)}" if last else ""
    raise PlatformError(
        f"the local demo platform could not start (tried twice); its log says why: "
        f"{files.log}.{said}",
        code="local_platform_failed",
    )


def _wait_for(
    files: PlatformFiles, deadline: float, alive: Callable[[], bool]
) -> PlatformAbout | None:
    """Until the platform answers (its `about`), ends (`alive()` false: None), or the
    deadline passes (None)."""
    while time.monotonic() < deadline:
        about = probe(files)
        if about is not None:
            return about
        if not alive():
            return probe(files)  # it may have answered just before ending
        time.sleep(POLL_SECONDS)
    return None


def _serving(files: PlatformFiles, pid: int) -> bool:
    return running_pid(files) == pid


def _alive(process: subprocess.Popen[bytes]) -> bool:
    return process.poll() is None


def _spawn(files: PlatformFiles, idle_seconds: float) -> subprocess.Popen[bytes]:
    _rotate(files.log)
    log = os.open(files.log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    package_root = str(Path(gpseeker.__file__).resolve().parent.parent)
    command = [
        sys.executable,
        "-c",
        _RUN,
        package_root,
        "platform",
        "run",
        "--data-dir",
        str(files.data_dir),
        "--idle-seconds",
        f"{idle_seconds:g}",
    ]
    try:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=log,
            cwd="/",
            # Its own session: a Ctrl+C in the terminal that started it, or the end of
            # that terminal, is not the platform's end; other processes use it too.
            start_new_session=True,
        )
    finally:
        os.close(log)
    _children.append(process)
    return process


def _rotate(log: Path) -> None:
    with contextlib.suppress(OSError):
        if log.stat().st_size > LOG_KEEP_BYTES:
            log.replace(log.with_name(log.name + ".1"))


def _reap() -> None:
    _children[:] = [child for child in _children if child.poll() is None]
