"""Passwords, bearer tokens and candidate references: the server's secrets handling."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import functools
import hashlib
import hmac
import os
import secrets
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from gpseeker.server.hashing import HashingTurns

T = TypeVar("T")
HASHING_NICENESS = 10
"""How much lower than the worker's own the hashing threads' scheduling priority is."""


def _lower_this_thread() -> None:
    """Lower the priority of the calling thread (Linux schedules each thread on its
    own; argon2's lane threads, started from it, inherit it). A try after failed
    ones is what a flood is made of: its hash yields the CPU to the event loop
    answering everyone else, and to honest hashes; on an otherwise idle machine it
    is no slower. Elsewhere the call would lower the whole process: Linux only."""
    if sys.platform != "linux":
        return
    me = threading.get_native_id()
    with contextlib.suppress(OSError):
        os.setpriority(os.PRIO_PROCESS, me, os.getpriority(os.PRIO_PROCESS, me) + HASHING_NICENESS)


class Passwords:
    """argon2id hashing, run off the event loop because each hash takes tens of ms
    (hundreds on a small busy machine), only as many at once as `turns` allows
    (gpseeker.server.hashing), on threads of its own; a try with failed tries behind
    it on threads of a lower priority.

    `client` is the caller's address as the throttles see it; None for the platform
    itself (seeding, `gpseeker operator add`), which waits but is never refused.
    `standing` is how many failed tries are behind this one: fewer go first.
    """

    def __init__(self, *, time_cost: int, memory_cost_kib: int, turns: HashingTurns) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost_kib)
        self.turns = turns
        # As many threads as turns: even a hash whose caller went away before it
        # ended keeps its thread, so no more hashes than that run at once (a try
        # after failures on the lower-priority threads, any other on the others).
        threads = turns.at_once + turns.clean
        self._threads = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="argon2")
        self._lower_threads = ThreadPoolExecutor(
            max_workers=threads, thread_name_prefix="argon2-low", initializer=_lower_this_thread
        )

    async def hash(self, password: str, *, client: str | None = None) -> str:
        async with self.turns.turn(client):
            return await self._in_thread(self._hasher.hash, password)

    async def verify(
        self,
        stored_hash: str | None,
        password: str,
        *,
        client: str | None = None,
        standing: int = 0,
    ) -> bool:
        async with self.turns.turn(client, standing):
            return await self._in_thread(self._verify, stored_hash, password, lower=standing > 0)

    async def _in_thread(self, work: Callable[..., T], *args: object, lower: bool = False) -> T:
        threads = self._lower_threads if lower else self._threads
        return await asyncio.get_running_loop().run_in_executor(threads, work, *args)

    def close(self) -> None:
        """Let the hashing threads end once their work is done."""
        for threads in (self._threads, self._lower_threads):
            threads.shutdown(wait=False, cancel_futures=True)

    @functools.cached_property
    def _decoy(self) -> str:
        """Verified against when the account does not exist, so that an unknown e-mail
        address costs the same time as a wrong password and the two cannot be told
        apart by a stopwatch. Made at the first sign-in (a start that checks no
        password, as most local platform starts do, skips a hash and its 64 MB),
        whichever account that is for: so that first try's extra cost tells nothing."""
        return self._hasher.hash(secrets.token_urlsafe(16))

    def _verify(self, stored_hash: str | None, password: str) -> bool:
        decoy = self._decoy
        usable = stored_hash is not None and stored_hash.startswith("$argon2")
        candidate = stored_hash if stored_hash is not None and usable else decoy
        try:
            matches = self._hasher.verify(candidate, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False
        return bool(matches) and usable

    def unusable(self) -> str:
        """A stored hash no password matches (demo accounts nobody may sign in to)."""
        return "!unusable:" + secrets.token_urlsafe(32)


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_server_secret() -> str:
    return secrets.token_urlsafe(48)


def new_ref_secret() -> str:
    return secrets.token_hex(32)


def candidate_ref(server_secret: str, organisation_id: int, candidate_secret: str) -> str:
    """An opaque reference to a candidate, different for every organisation.

    Deterministic, so an organisation that finds a candidate twice, from any of its
    accounts, sees one reference. Made from the candidate's own random secret (never
    the row id), under the server's: nobody can derive who it is, compute the
    reference another organisation was given, or, once the candidate is deleted with
    their secret, ever be handed the same reference for someone else.
    """
    mac = hmac.new(
        server_secret.encode(), f"{organisation_id}:{candidate_secret}".encode(), hashlib.sha256
    )
    return "c_" + base64.b32encode(mac.digest()).decode().rstrip("=")[:20].lower()
