"""The composition root: settings (and the command line) in, a connector and a client out.

The one place that decides which platform a gpseeker process talks to, for the app
and the plain commands alike: `--server URL` beats `GPSEEKER_SERVER` beats the
settings file; with none of them, the local demo platform process (started on first
need). Either way the candidate's client is the same httpx client; only where it
connects differs. Nothing here imports Textual or the server.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from gpseeker.connect import Connector, LocalPlatformConnector, RemoteConnector
from gpseeker.local.config import Paths, Settings, TokenStore, check_local_files, load_settings
from gpseeker.local_platform.files import PlatformFiles, running_pid

if TYPE_CHECKING:
    from gpseeker.client import PlatformClient
    from gpseeker.local.local_files import FileNotice


class NotAServerURL(ValueError):
    """A configured server that is not an http(s) URL; the message says how to write it."""


def server_url(given: str | None, settings: Settings | None = None) -> str | None:
    """The platform's URL from `given` (the command line), else the settings (which
    read GPSEEKER_SERVER too); None means the local demo platform."""
    server = given or (settings or load_settings()).server
    if server is None:
        return None
    server = server.strip().rstrip("/")
    if not server.startswith(("http://", "https://")):
        raise NotAServerURL(f"{server!r} is not a URL: write it like http://127.0.0.1:8000")
    return server


def connector(
    server: str | None,
    *,
    paths: Paths | None = None,
    settings: Settings | None = None,
    tokens: TokenStore | None = None,
) -> Connector:
    """How to reach the platform: `server` (already checked by `server_url`), or the
    local demo platform of `paths` when it is None."""
    paths = paths or Paths.current()
    tokens = tokens or TokenStore(paths.tokens_file)
    if server is not None:
        return RemoteConnector(server, tokens)
    settings = settings or load_settings()
    return LocalPlatformConnector(paths.data_dir, tokens, idle_seconds=settings.platform_idle())


@dataclass(frozen=True)
class AppStart:
    """What the app starts from, read once: its folders, the settings, what to tell
    the candidate about the local files, and the platform (None: the local one)."""

    paths: Paths
    settings: Settings
    notices: list[FileNotice]
    server: str | None


def app_start(server: str | None) -> AppStart:
    """Read the settings and check the local files for the app. Raises NotAServerURL
    like `server_url`."""
    paths = Paths.current()
    settings, notices = check_local_files(paths)
    return AppStart(paths, settings, notices, server_url(server, settings))


def start_local_platform_soon(start: AppStart) -> None:
    """When the app will talk to the local platform, start that platform now, in a
    thread: it boots (a second, most of it the server's imports) on the other core
    while this process imports Textual and paints, instead of after. The connector's
    own start later finds it running, or waits on the start lock for this one."""
    if start.server is not None:
        return
    data_dir = start.paths.data_dir
    if running_pid(PlatformFiles(data_dir)) is not None:
        return  # running already: nothing to win, and the connector asks it soon
    threading.Thread(
        target=_start_quietly,
        args=(data_dir, start.settings.platform_idle()),
        name="platform-start",
        daemon=True,
    ).start()


def _start_quietly(data_dir: Path, idle_seconds: float) -> None:
    from gpseeker.client.errors import PlatformError
    from gpseeker.local_platform.starter import ensure_running

    # A failure is the connector's to report: it tries again, and says why. So is
    # what the platform repaired at start (a damaged database set aside).
    with contextlib.suppress(PlatformError):
        ensure_running(PlatformFiles(data_dir), idle_seconds, told=False)


async def local_platform_client(paths: Paths | None = None) -> PlatformClient:
    """The local demo platform's client, signed in: what a plain command without a
    server uses. What the platform repaired at start is in `client.notices`."""
    local = connector(None, paths=paths)
    return await local.connect()
