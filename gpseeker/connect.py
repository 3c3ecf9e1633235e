"""How the app reaches a platform: the local one, or a remote one with a sign-in.

The app is handed a Connector and never builds clients itself (STYLE.md, habit 1), so
tests give it one over a platform they prepared; `gpseeker.composition` builds the
real ones. Nothing here imports Textual or the server; the client (and with it httpx)
is imported only when a connection is made, after the first screen has painted.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from gpseeker.local.config import DEFAULT_PLATFORM_IDLE_SECONDS, StoredToken, TokenStore

if TYPE_CHECKING:
    import httpx

    from gpseeker.client import PlatformClient
    from gpseeker.core.models import SignupStarted


class SignInRequired(Exception):
    """The remote platform needs the candidate to sign in (no token, or a revoked one)."""


class Connector(Protocol):
    @property
    def server(self) -> str | None:
        """The platform's URL; None for the local demo platform (also the key of its
        sign-in in the token store)."""
        ...

    @property
    def tokens(self) -> TokenStore:
        """Where the sign-ins are kept."""
        ...

    async def connect(self) -> PlatformClient:
        """A signed-in client, or SignInRequired."""
        ...

    async def sign_in(self, email: str, password: str) -> PlatformClient: ...

    async def sign_up(self, email: str, password: str, full_name: str) -> SignupStarted:
        """Ask for an account. With `code_required` the mailed code finishes it
        (`confirm_sign_up`); without, sign in with the password."""
        ...

    async def confirm_sign_up(self, email: str, code: str) -> PlatformClient:
        """The account, made with the mailed code, and signed in."""
        ...

    async def resend_code(self, email: str) -> SignupStarted: ...


@dataclass
class LocalPlatformConnector:
    """The local demo platform process, started if need be, signed in silently as its
    local account."""

    data_dir: Path
    tokens: TokenStore = field(default_factory=TokenStore.default)
    idle_seconds: float = DEFAULT_PLATFORM_IDLE_SECONDS
    """How long the platform, if this starts it, runs without a request."""
    server: None = None

    async def connect(self) -> PlatformClient:
        from gpseeker.client import RetryPolicy
        from gpseeker.local_platform.files import PlatformFiles
        from gpseeker.local_platform.session import local_client, sign_in
        from gpseeker.local_platform.starter import ensure_running
        from gpseeker.local_platform.transport import LocalPlatformTransport

        files = PlatformFiles(self.data_dir)
        # Blocking (a lock, maybe a start that seeds the database): off the event loop,
        # so the app keeps painting and answering keys meanwhile.
        running = await asyncio.to_thread(ensure_running, files, self.idle_seconds)
        transport = LocalPlatformTransport(files, self.idle_seconds, running)
        # One try a request: the transport itself starts a platform that went away,
        # and anything else failing on this machine is not mended by trying again.
        client = local_client(transport, retry=RetryPolicy(attempts=1))
        await sign_in(client, self.data_dir, self.tokens, running.notices)
        return client

    async def sign_in(self, email: str, password: str) -> PlatformClient:
        return await self.connect()

    async def sign_up(self, email: str, password: str, full_name: str) -> SignupStarted:
        return no_code_needed(email)

    async def confirm_sign_up(self, email: str, code: str) -> PlatformClient:
        return await self.connect()

    async def resend_code(self, email: str) -> SignupStarted:
        return no_code_needed(email)


def no_code_needed(email: str) -> SignupStarted:
    """The local platform's answer to a sign-up: it has its own local account."""
    from gpseeker.core.models import SignupStarted

    return SignupStarted(
        email=email,
        code_required=False,
        message="The local demo platform has its own account and signs you in by itself.",
    )


@dataclass
class RemoteConnector:
    """A platform at a URL; the token is kept (0600) in the token store between runs."""

    server: str
    tokens: TokenStore = field(default_factory=TokenStore.default)
    transport: httpx.AsyncBaseTransport | None = None
    """Tests pass an in-process transport; None means the network."""

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

    async def sign_up(self, email: str, password: str, full_name: str) -> SignupStarted:
        from gpseeker.client import PlatformClient

        return await PlatformClient.request_signup(
            self.server, email, password, full_name, **self._options
        )

    async def confirm_sign_up(self, email: str, code: str) -> PlatformClient:
        from gpseeker.client import PlatformClient

        client = await PlatformClient.confirm_signup(self.server, email, code, **self._options)
        self._remember(client, email)
        return client

    async def resend_code(self, email: str) -> SignupStarted:
        from gpseeker.client import PlatformClient

        return await PlatformClient.resend_code(self.server, email, **self._options)

    def _remember(self, client: PlatformClient, email: str) -> None:
        if client.token is not None:
            self.tokens.save(self.server, "seeker", StoredToken(token=client.token, email=email))
