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
