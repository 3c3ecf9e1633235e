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
from pathlib import Path
from typing import TYPE_CHECKING

from gpseeker.connect import Connector, LocalPlatformConnector, RemoteConnector
from gpseeker.local.config import Paths, Settings, TokenStore, load_settings
from gpseeker.local_platform.files import PlatformFiles, running_pid

if TYPE_CHECKING:
    from gpseeker.client import PlatformClient


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


def start_local_platform_soon(server: str | None) -> None:
    """When the app is about to talk to the local platform, start that platform now,
    in a thread: it boots (a second, most of it the server's imports) on the other
    core while this process imports Textual and paints, instead of after. The
    connector's own start later finds it running, or waits on the start lock for this
    one. Raises NotAServerURL like `server_url`."""
    settings = load_settings()
    if server_url(server, settings) is not None:
        return
    data_dir, idle_seconds = Paths.current().data_dir, settings.platform_idle()
    if running_pid(PlatformFiles(data_dir)) is not None:
        return  # running already: nothing to win, and the connector asks it soon
    threading.Thread(
        target=_start_quietly, args=(data_dir, idle_seconds), name="platform-start", daemon=True
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
