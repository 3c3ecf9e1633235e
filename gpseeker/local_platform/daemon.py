"""The local platform process: the local demo platform under uvicorn, on a Unix socket.

`gpseeker platform run` runs this; the starter (`starter.py`) runs that command,
detached, the first time any gpseeker process of this user needs the platform. It
serves every gpseeker process of this data directory until nobody has asked anything
for the idle time, then ends by itself.

Only one runs per data directory: it holds a lock on the pid file for as long as it
runs, which is also how anyone else tells a live platform from a pid file left over
by a crash (a lock dies with its process; a pid may be reused).
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
import socket
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import uvicorn
from starlette.types import ASGIApp, Receive, Scope, Send

from gpseeker import __version__
from gpseeker.local.config import ensure_private_dir
from gpseeker.local_platform.about import ABOUT_PATH, PlatformAbout
from gpseeker.local_platform.files import PlatformFiles, ensure_socket_dir
from gpseeker.local_platform.identity import code_identity
from gpseeker.local_platform.notices import leave
from gpseeker.local_platform.server_side import open_server_side

log = logging.getLogger("gpseeker.local_platform")

PID_LOCK_TRIES = 25
IDLE_CHECK_SECONDS = 1.0
"""How often the platform looks whether it has been idle long enough (at most)."""


class AlreadyRunning(Exception):
    """Another local platform process serves this data directory."""


@contextlib.contextmanager
def holding_pid_file(files: PlatformFiles) -> Iterator[None]:
    """Hold the pid file's lock, with this process's id in it, while the body runs."""
    descriptor = os.open(files.pid, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        _lock_pid_file(descriptor, files)
        os.ftruncate(descriptor, 0)
        os.write(descriptor, f"{os.getpid()}\n".encode())
        try:
            yield
        finally:
            # Before the lock goes: a starter that finds no lock must find no file of ours.
            files.pid.unlink(missing_ok=True)
    finally:
        os.close(descriptor)


def _lock_pid_file(descriptor: int, files: PlatformFiles) -> None:
    # A starter asking whether a platform runs holds a shared lock for an instant;
    # only a lock held for longer than a few of those is another platform's.
    for _ in range(PID_LOCK_TRIES):
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            time.sleep(0.02)
    raise AlreadyRunning(files.data_dir)


def listen_on(path: Path) -> socket.socket:
    """A listening Unix socket at `path`, 0600 from the moment it exists.

    Bound here rather than by uvicorn, which makes its socket 0666. The umask makes
    the file private as bind creates it; the chmod is for umasks that cannot be set.
    A socket file already there is a leftover of a platform that crashed (the pid
    lock, held by the caller, says nobody serves): it is replaced.
    """
    ensure_socket_dir(path)
    with contextlib.suppress(FileNotFoundError):
        if stat.S_ISSOCK(os.lstat(path).st_mode):
            path.unlink()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    before = os.umask(0o177)
    try:
        listener.bind(os.fspath(path))
    except OSError:
        listener.close()
        raise
    finally:
        os.umask(before)
    os.chmod(path, 0o600)
    listener.listen(128)
    return listener


class Activity:
    """The platform's app, noting when the last request ended and answering
    `GET /_local/about` itself."""

    def __init__(
        self,
        app: ASGIApp,
        about: Callable[[float], PlatformAbout],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app = app
        self._about = about
        self._clock = clock
        self.last = clock()
        self.in_flight = 0

    def idle_for(self) -> float:
        return 0.0 if self.in_flight else self._clock() - self.last

    def touch(self) -> None:
        self.last = self._clock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["path"] == ABOUT_PATH:
            await self._answer_about(send)
            self.touch()  # a starter asks this on its way to a request
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1
            self.touch()

    async def _answer_about(self, send: Send) -> None:
        body = self._about(self.idle_for()).model_dump_json().encode()
        headers = [(b"content-type", b"application/json"), (b"content-length", b"%d" % len(body))]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})


async def end_when_idle(server: uvicorn.Server, activity: Activity, idle_seconds: float) -> None:
    """Tell uvicorn to stop (gracefully) once nothing was asked for `idle_seconds`.

    An open connection counts as activity: whoever holds it may send a request any
    moment (uvicorn closes idle keep-alive connections after a few seconds anyway).
    """
    while not server.should_exit:
        await asyncio.sleep(min(IDLE_CHECK_SECONDS, idle_seconds / 4))
        if server.server_state.connections:
            activity.touch()
        elif activity.idle_for() >= idle_seconds:
            log.info("no request for %g s: the local platform ends", idle_seconds)
            server.should_exit = True


async def serve_local_platform(data_dir: Path, idle_seconds: float) -> None:
    """Run the local platform for `data_dir` until idle, SIGTERM or Ctrl+C.

    Raises AlreadyRunning if another process serves this data directory.
    """
    files = PlatformFiles(data_dir)
    ensure_private_dir(data_dir)
    with holding_pid_file(files):
        identity = code_identity()
        log.info("the local platform starts (pid %d, gpseeker %s)", os.getpid(), identity)
        platform = await open_server_side(data_dir)
        try:
            if platform.notices:
                leave(files, platform.notices)
                for notice in platform.notices:
                    log.warning("%s", notice.message)
            listener = listen_on(files.socket)
            started_at = time.time()

            def about(idle_for: float) -> PlatformAbout:
                return PlatformAbout(
                    pid=os.getpid(),
                    identity=identity,
                    version=__version__,
                    data_dir=str(data_dir),
                    socket=str(files.socket),
                    idle_seconds=idle_seconds,
                    idle_left_seconds=max(0.0, idle_seconds - idle_for),
                    started_at=started_at,
                )

            activity = Activity(platform.app, about)
            # lifespan off: the platform is started above and closed below, so that a
            # database it had to set aside is known before anyone is told it answers.
            config = uvicorn.Config(activity, lifespan="off", log_config=None, access_log=False)
            server = uvicorn.Server(config)
            watcher = asyncio.create_task(end_when_idle(server, activity, idle_seconds))
            log.info(
                "the local platform answers on %s; it ends after %g s without a request",
                files.socket,
                idle_seconds,
            )
            try:
                await server.serve(sockets=[listener])
            finally:
                watcher.cancel()
                listener.close()
                with contextlib.suppress(FileNotFoundError):
                    files.socket.unlink()
        finally:
            await platform.aclose()
            log.info("the local platform has ended")
