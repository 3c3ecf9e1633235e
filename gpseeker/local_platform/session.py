"""The candidate's client of the local demo platform, and its silent sign-in.

The same for the local platform process (over its Unix socket) and for the platform
inside a test's process (over ASGI): only the transport differs. No server import.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import httpx

from gpseeker.client import PlatformClient
from gpseeker.client.base import CloseHook
from gpseeker.client.embedded import BASE_URL, LABEL, sign_in_local_account
from gpseeker.client.retry import RetryPolicy
from gpseeker.local.config import TokenStore
from gpseeker.local.local_files import FileNotice


def local_client(
    transport: httpx.AsyncBaseTransport,
    *,
    retry: RetryPolicy | None = None,
    on_close: CloseHook | None = None,
) -> PlatformClient:
    """A client of the local platform, not signed in yet."""
    return PlatformClient(
        BASE_URL, transport=transport, label=LABEL, retry=retry, on_close=on_close
    )


async def sign_in(
    client: PlatformClient, home: Path, tokens: TokenStore, notices: Sequence[FileNotice] = ()
) -> None:
    """Sign `client` in as the local account; `notices` (what the platform repaired at
    start) go first in `client.notices`. Closes the client if the sign-in fails."""
    try:
        await sign_in_local_account(client, home, tokens)
    except BaseException:
        await client.aclose()
        raise
    client.notices[:0] = notices
