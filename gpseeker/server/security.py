"""Passwords, bearer tokens and candidate references: the server's secrets handling."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

import anyio.to_thread
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


class Passwords:
    """argon2id hashing, run off the event loop because each hash takes tens of ms."""

    def __init__(self, *, time_cost: int, memory_cost_kib: int) -> None:
        self._hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost_kib)
        # Verified against when the account does not exist, so that an unknown e-mail
        # address costs the same time as a wrong password and the two cannot be told
        # apart by a stopwatch.
        self._decoy = self._hasher.hash(secrets.token_urlsafe(16))

    async def hash(self, password: str) -> str:
        return await anyio.to_thread.run_sync(self._hasher.hash, password)

    async def verify(self, stored_hash: str | None, password: str) -> bool:
        return await anyio.to_thread.run_sync(self._verify, stored_hash, password)

    def _verify(self, stored_hash: str | None, password: str) -> bool:
        usable = stored_hash is not None and stored_hash.startswith("$argon2")
        candidate = stored_hash if stored_hash is not None and usable else self._decoy
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


def candidate_ref(secret: str, employer_id: int, candidate_id: int) -> str:
    """An opaque reference to a candidate, different for every employer.

    Deterministic, so an employer who finds a candidate twice sees one reference, and
    keyed by the server secret, so nobody can derive a candidate's id from it or
    compute the reference another employer was given.
    """
    mac = hmac.new(secret.encode(), f"{employer_id}:{candidate_id}".encode(), hashlib.sha256)
    return "c_" + base64.b32encode(mac.digest()).decode().rstrip("=")[:20].lower()
