"""The local demo platform inside the caller's process, over httpx.ASGITransport.

For tests (and benchmarks) that need the platform in their own event loop: same
composition as the local platform process (`server_side`), same client and sign-in
as the app and the plain commands use against that process (`session`), with no
process to start. gpseeker itself never runs the platform this way: it talks to the
local platform process (`starter`), so that no candidate-side process imports the
server.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx

from gpseeker.client import PlatformClient
from gpseeker.client.retry import RetryPolicy
from gpseeker.local.config import TokenStore, ensure_private_dir
from gpseeker.local_platform.server_side import database_url, open_server_side
from gpseeker.local_platform.session import local_client, sign_in
from gpseeker.server.settings import ServerSettings

__all__ = ["database_url", "open_local_platform"]


async def open_local_platform(
    home: Path,
    *,
    tokens: TokenStore | None = None,
    server_settings: ServerSettings | None = None,
    wrap: Callable[[httpx.AsyncBaseTransport], httpx.AsyncBaseTransport] | None = None,
    retry: RetryPolicy | None = None,
) -> PlatformClient:
    """The local demo platform in this process, started, seeded and signed in as its
    local account; what it repaired at start (a damaged database set aside) is first
    in `client.notices`. Closing the client stops the platform.

    `wrap` puts a transport of the test's between the client and the platform (one
    that loses answers, say); `retry` is the client's (default: none, as in-process
    calls do not fail transiently and a retry would only delay the error)."""
    ensure_private_dir(home)
    platform = await open_server_side(home, server_settings)
    transport: httpx.AsyncBaseTransport = httpx.ASGITransport(app=platform.app)
    client = local_client(
        transport if wrap is None else wrap(transport),
        retry=retry or RetryPolicy(attempts=1),
        on_close=platform.aclose,
    )
    await sign_in(client, home, tokens or TokenStore.default(), platform.notices)
    return client
