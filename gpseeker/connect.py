"""How the app reaches a platform: the embedded one, or a remote one with a sign-in.

The app is handed a Connector and never builds clients itself (STYLE.md, habit 1), so
tests give it one over a platform they prepared. Nothing here imports Textual; the
client (and with it httpx) is imported only when a connection is made, after the
first screen has painted.
"""

from __future__ import annotations

import asyncio
import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from gpseeker.config import StoredToken, TokenStore

if TYPE_CHECKING:
    import httpx

    from gpseeker.client import PlatformClient


class SignInRequired(Exception):
    """The remote platform needs the candidate to sign in (no token, or a revoked one)."""


class Connector(Protocol):
    remote: bool

    async def connect(self) -> PlatformClient:
        """A signed-in client, or SignInRequired."""
        ...

    async def sign_in(self, email: str, password: str) -> PlatformClient: ...

    async def sign_up(self, email: str, password: str, full_name: str) -> PlatformClient: ...


@dataclass
class EmbeddedConnector:
    """The local demo platform in this process, signed in silently as its local account."""

    home: Path
    tokens: TokenStore = field(default_factory=TokenStore.default)
    remote: bool = False

    async def connect(self) -> PlatformClient:
        # The server import (FastAPI, SQLAlchemy) is CPU-bound for ~400 ms: run it in a
        # thread so the event loop keeps painting and answering keys meanwhile.
        await asyncio.to_thread(importlib.import_module, "gpseeker.server")
        from gpseeker.client import PlatformClient

        return await PlatformClient.embedded(self.home, tokens=self.tokens)

    async def sign_in(self, email: str, password: str) -> PlatformClient:
        return await self.connect()

    async def sign_up(self, email: str, password: str, full_name: str) -> PlatformClient:
        return await self.connect()


@dataclass
class RemoteConnector:
    """A platform at a URL; the token is kept (0600) in the token store between runs."""

    server: str
    tokens: TokenStore = field(default_factory=TokenStore.default)
    transport: httpx.AsyncBaseTransport | None = None
    """Tests pass an in-process transport; None means the network."""
    remote: bool = True

    @property
    def _options(self) -> dict[str, Any]:
        return {} if self.transport is None else {"transport": self.transport}

    async def connect(self) -> PlatformClient:
        from gpseeker.client import AuthError, PlatformClient

        stored = self.tokens.get(self.server, "seeker")
        if stored is None:
            raise SignInRequired(self.server)
        client = PlatformClient(self.server, stored.token, **self._options)
        try:
            await client.me()
        except AuthError:
            await client.aclose()
            self.tokens.forget(self.server, "seeker")
            raise SignInRequired(self.server) from None
        except BaseException:
            await client.aclose()
            raise
        return client

    async def sign_in(self, email: str, password: str) -> PlatformClient:
        from gpseeker.client import PlatformClient

        client = await PlatformClient.login(self.server, email, password, **self._options)
        self._remember(client, email)
        return client

    async def sign_up(self, email: str, password: str, full_name: str) -> PlatformClient:
        from gpseeker.client import PlatformClient

        client = await PlatformClient.signup(
            self.server, email, password, full_name, **self._options
        )
        self._remember(client, email)
        return client

    def _remember(self, client: PlatformClient, email: str) -> None:
        if client.token is not None:
            self.tokens.save(self.server, "seeker", StoredToken(token=client.token, email=email))
