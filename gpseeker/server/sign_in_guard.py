"""Who may try a password (or a sign-up code) now: waits that grow with the failures
of one e-mail address and of one client address.

Two counts, both in the database (`throttle`), both keyed by a hash under the server
secret:

- per e-mail address, whether or not it has an account (so the waits tell nobody
  which addresses do): `sign_in_free_failures` wrong passwords, then each next try
  waits 1 s, 2 s, 4 s ... up to `sign_in_max_wait_seconds`. The right password
  clears the count, so its owner is never held back by their own typos once in;
- per client address (an IPv6 address by its /64, what one subscriber gets): the
  same after `sign_in_client_free_failures` wrong passwords or sign-up codes, for
  someone trying many addresses from one place.

A try is counted before the hash is computed, so that a client sending many at once
cannot slip past a block in the time the hashes take; a right password takes its try
back. A try made while blocked is answered 429 with Retry-After and the wait in words,
computes no hash, and counts for nothing; the answer comes after a short pause
(`REFUSAL_PAUSE_SECONDS`), so a client that keeps knocking cannot keep the worker
busy with refusals either.

Behind a reverse proxy the client address is the proxy's unless the server trusts its
X-Forwarded-For (uvicorn does for 127.0.0.1, its `--forwarded-allow-ips` default).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import secrets
from dataclasses import dataclass

import anyio
from fastapi import Request
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.server import throttle
from gpseeker.server.errors import ApiError
from gpseeker.server.platform import Platform
from gpseeker.server.settings import ServerSettings

ACCOUNT = "sign_in_address"
CLIENT = "sign_in_client"
LOCAL = "local"
"""The client address of a Unix socket or an in-process caller: there is no other."""
REFUSAL_PAUSE_SECONDS = 0.5
"""How long a refused try waits for its 429. Refusing costs the worker little, but a
client that ignores Retry-After and knocks in a loop would be answered as fast as it
asks, and a worker answering hundreds of refusals a second is slower for everyone
else; paused, each connection knocks twice a second at most. The pause holds no
database connection and no turn at the hasher."""
PRUNE_ONE_IN = 100
"""Old counts are pruned on one failure in this many: often enough to keep the table
to the counts that matter, rarely enough to cost a flood nothing."""


def client_address(request: Request) -> str:
    """The caller's address as the throttles see it: IPv4 as it is, IPv6 by its /64."""
    host = request.client.host if request.client is not None else ""
    if not host:
        return LOCAL
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def account_rule(settings: ServerSettings) -> throttle.Doubling:
    return throttle.Doubling(
        name=ACCOUNT,
        free=settings.sign_in_free_failures,
        longest=dt.timedelta(seconds=settings.sign_in_max_wait_seconds),
        window=dt.timedelta(seconds=settings.sign_in_window_seconds),
    )


def client_rule(settings: ServerSettings) -> throttle.Doubling:
    return throttle.Doubling(
        name=CLIENT,
        free=settings.sign_in_client_free_failures,
        longest=dt.timedelta(seconds=settings.sign_in_max_wait_seconds),
        window=dt.timedelta(seconds=settings.sign_in_window_seconds),
    )


def too_many(seconds: int) -> ApiError:
    return ApiError(
        429,
        "too_many_attempts",
        "Too many wrong tries for this e-mail address or from your network. "
        f"Try again in {throttle.wait_words(seconds)}.",
        headers={"Retry-After": str(seconds)},
    )


def invalid_credentials(wait: int = 0) -> ApiError:
    # One answer for both causes, so the form cannot tell who has an account; the
    # wait depends on the address typed, never on whether it has an account.
    message = "The e-mail address or password is wrong."
    if not wait:
        return ApiError(401, "invalid_credentials", message)
    return ApiError(
        401,
        "invalid_credentials",
        f"{message} After several wrong tries each next one waits: try again in "
        f"{throttle.wait_words(wait)}.",
        headers={"Retry-After": str(wait)},
    )


@dataclass(frozen=True)
class Attempt:
    """One try, counted for the address and for the client (`Counted` of each)."""

    account: throttle.Counted
    client: throttle.Counted
    now: dt.datetime

    def wait_seconds(self) -> int:
        """How long the next try must wait if this one fails."""
        return max(self.account.wait_seconds(self.now), self.client.wait_seconds(self.now))

    @property
    def standing(self) -> int:
        """The tries counted before this one, for the address and for the client (a
        right password takes its try back): its place in the hasher's line."""
        return self.account.count + self.client.count - 2


@dataclass(frozen=True)
class SignInGuard:
    platform: Platform
    client: str
    """The client address (`client_address`), also the caller's place in the hashing line."""
    account_key: str
    client_key: str

    @classmethod
    def of(cls, platform: Platform, request: Request, email: str) -> SignInGuard:
        client = client_address(request)
        return cls(
            platform=platform,
            client=client,
            account_key=throttle.key_of(platform.secret, ACCOUNT, email),
            client_key=throttle.key_of(platform.secret, CLIENT, client),
        )

    @property
    def _settings(self) -> ServerSettings:
        return self.platform.settings

    @property
    def _known(self) -> throttle.KnownBlocks:
        return self.platform.known_blocks

    @property
    def _per_address(self) -> throttle.Doubling:
        return account_rule(self._settings)

    @property
    def _per_client(self) -> throttle.Doubling:
        return client_rule(self._settings)

    async def check(self, session: AsyncSession) -> None:
        """429 if the address or the client must wait now (a read, nothing counted)."""
        now = self._settings.now()
        checks = [(self._per_address, self.account_key), (self._per_client, self.client_key)]
        await self._refuse_if_blocked(session, checks, now)

    async def check_client(self, session: AsyncSession) -> None:
        """429 if the client must wait now (for sign-up codes, which have no password)."""
        now = self._settings.now()
        await self._refuse_if_blocked(session, [(self._per_client, self.client_key)], now)

    async def _refuse_if_blocked(
        self,
        session: AsyncSession,
        checks: list[tuple[throttle.Doubling, str]],
        now: dt.datetime,
    ) -> None:
        wait = await throttle.wait_seconds(session, checks, now, self._known)
        if not wait:
            return
        await session.rollback()  # the connection goes back to the pool for the pause
        await anyio.sleep(REFUSAL_PAUSE_SECONDS)
        raise too_many(wait)

    async def attempt(self, session: AsyncSession) -> Attempt:
        """Count a try before its hash, and commit; 429 if another worker's try has
        just blocked the address or the client."""
        now = self._settings.now()
        account = await throttle.count(
            session, self._per_address, self.account_key, now, self._known
        )
        if not account.allowed:
            await session.rollback()
            raise too_many(account.wait_seconds(now))
        client = await throttle.count(session, self._per_client, self.client_key, now, self._known)
        if not client.allowed:
            await session.rollback()
            raise too_many(client.wait_seconds(now))
        await session.commit()
        return Attempt(account=account, client=client, now=now)

    async def cancel(self, session: AsyncSession, attempt: Attempt) -> None:
        """Take a try back that never got its hash (the hasher was busy); commits."""
        known = self._known
        await throttle.uncount(session, self._per_address, self.account_key, attempt.account, known)
        await throttle.uncount(session, self._per_client, self.client_key, attempt.client, known)
        await session.commit()

    async def succeeded(self, session: AsyncSession, attempt: Attempt) -> None:
        """The right password: the address's count is cleared and the client's try
        taken back. The caller commits."""
        known = self._known
        await throttle.forget(session, self._per_address, self.account_key, known)
        await throttle.uncount(session, self._per_client, self.client_key, attempt.client, known)

    async def client_failed(self, session: AsyncSession) -> int:
        """Count a wrong sign-up code against the client; returns its wait (seconds).
        The caller commits."""
        now = self._settings.now()
        counted = await throttle.count(session, self._per_client, self.client_key, now, self._known)
        await self.prune_now_and_then(session)
        return counted.wait_seconds(now)

    async def prune_now_and_then(self, session: AsyncSession) -> None:
        if secrets.randbelow(PRUNE_ONE_IN) == 0:
            rules = [self._per_address, self._per_client]
            await throttle.prune(session, rules, self._settings.now())
