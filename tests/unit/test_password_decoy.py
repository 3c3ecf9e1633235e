"""The decoy hash that hides whether an account exists (issue 17: it was computed at
every platform start, a hash and 64 MB that a warm start never used)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from argon2 import PasswordHasher

from gpseeker.server import security
from gpseeker.server.hashing import HashingTurns
from gpseeker.server.security import Passwords


class CountingHasher(PasswordHasher):
    def __init__(self, **_costs: int) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.hashes = 0
        self.verifies = 0

    def hash(self, password: str | bytes, *, salt: bytes | None = None) -> str:
        self.hashes += 1
        return super().hash(password, salt=salt)

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        self.verifies += 1
        return super().verify(hash, password)


@pytest.fixture
def passwords(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Passwords, CountingHasher]]:
    monkeypatch.setattr(security, "PasswordHasher", CountingHasher)
    made = Passwords(
        time_cost=1, memory_cost_kib=8, turns=HashingTurns(at_once=1, queue=4, per_client=4)
    )
    assert isinstance(made._hasher, CountingHasher)
    yield made, made._hasher
    made.close()


def test_starting_the_hasher_computes_no_hash(
    passwords: tuple[Passwords, CountingHasher],
) -> None:
    assert passwords[1].hashes == 0


async def test_the_first_sign_in_pays_for_the_decoy_whoever_it_is_for(
    passwords: tuple[Passwords, CountingHasher],
) -> None:
    """The extra hash must not tell an unknown address from a known one: it is made
    at the first sign-in of either kind."""
    passwords_, spy = passwords
    stored = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash("right one")
    assert await passwords_.verify(stored, "right one")
    assert spy.hashes == 1
    assert not await passwords_.verify(None, "right one")
    assert (spy.hashes, spy.verifies) == (1, 2)


async def test_an_unknown_account_costs_a_verification_like_a_known_one(
    passwords: tuple[Passwords, CountingHasher],
) -> None:
    passwords_, spy = passwords
    assert not await passwords_.verify(None, "guess")
    assert not await passwords_.verify("not an argon2 hash", "guess")
    assert spy.verifies == 2
