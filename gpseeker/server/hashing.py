"""Turns at the password hasher: how many argon2 hashes one worker runs at once, who
waits, who is refused, and who goes next.

Every sign-in and sign-up makes the server compute an argon2 hash: a quarter of a
second of both cores of a small machine, on purpose. Left alone, strangers sending
passwords as fast as they can would queue hashes without end, and an honest sign-in
would wait behind all of them. So, per worker (the count lives in memory: a turn
lasts a fraction of a second, and each worker has its own cores to protect):

- at most `at_once` hashes run, and `clean` more for tries with no failed try
  behind them (see below): an honest sign-in starts at once beside the hash of a
  flood, instead of waiting for it; the rest wait in line;
- at most `queue` wait; one more is refused at once with 503 "busy" and Retry-After,
  which the clients retry: a refusal costs the server nothing;
- at most `per_client` of those running or waiting come from one client address, so
  one client cannot fill the line by itself;
- a freed turn goes to the waiting try with the fewest failed tries behind it (its
  `standing`: the recent wrong passwords of its e-mail address and of its client,
  `sign_in_guard`), then to the client served least recently (one never served
  first), then first come first served. Whoever keeps failing waits behind everyone
  who does not, so an honest sign-in during a flood of wrong passwords waits for the
  hash being computed, not for the flood.

A caller inside the platform (demo seeding, `gpseeker operator add`) passes no client:
it waits in line like anyone and is never refused.
"""

from __future__ import annotations

import itertools
import math
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import anyio

from gpseeker.server.errors import BUSY_RETRY_AFTER_SECONDS, ApiError

REMEMBERED_CLIENTS = 10_000
"""How many clients' last turns are kept for the ordering; past it the oldest half is
forgotten (a forgotten client only moves up the line, as a new one would)."""


class HashingBusy(ApiError):
    """No room to wait for a hash: answered 503 "busy", which the clients retry."""

    def __init__(self) -> None:
        super().__init__(
            503,
            "busy",
            "The platform is busy; nothing was changed. Try again in a moment.",
            headers={"Retry-After": str(BUSY_RETRY_AFTER_SECONDS)},
        )


GENERAL = "general"
CLEAN = "clean"


@dataclass(eq=False)
class _Waiter:
    client: str | None
    standing: int
    number: int
    kind: str = GENERAL
    granted: bool = False
    event: anyio.Event = field(default_factory=anyio.Event)


class HashingTurns:
    """The line at one worker's password hasher (see the module docstring).

    `at_once` turns are for anyone; `clean` more only for a try with no failed tries
    behind it (`standing` 0), so that an honest sign-in starts beside the hash of a
    flood instead of after it.
    """

    def __init__(self, *, at_once: int, queue: int, per_client: int, clean: int = 0) -> None:
        self.at_once = max(1, at_once)
        self.clean = max(0, clean)
        self.queue = max(0, queue)
        self.per_client = max(1, per_client)
        self._running = {GENERAL: 0, CLEAN: 0}
        self._waiting: list[_Waiter] = []
        self._holding: Counter[str] = Counter()
        self._last_turn: dict[str, float] = {}
        self._numbers = itertools.count()

    @property
    def running(self) -> int:
        return sum(self._running.values())

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    def _free(self, kind: str) -> bool:
        return self._running[kind] < (self.at_once if kind == GENERAL else self.clean)

    def _room(self, standing: int) -> bool:
        if self._free(GENERAL) or (standing == 0 and self._free(CLEAN)):
            return True
        return len(self._waiting) < self.queue

    @asynccontextmanager
    async def turn(self, client: str | None, standing: int = 0) -> AsyncIterator[None]:
        """Hold one of the hasher's turns for the block; raises `HashingBusy` at once
        when there is no room to wait (nothing has been done then). `standing`: how
        many failed tries are behind this one (fewer go first)."""
        if client is not None and (
            self._holding[client] >= self.per_client or not self._room(standing)
        ):
            raise HashingBusy
        if client is not None:
            self._holding[client] += 1
        try:
            kind = await self._acquire(client, standing)
            try:
                yield
            finally:
                self._release(kind)
        finally:
            if client is not None:
                self._holding[client] -= 1
                if not self._holding[client]:
                    del self._holding[client]

    async def _acquire(self, client: str | None, standing: int) -> str:
        if self._free(GENERAL) and not self._waiting:
            kind = GENERAL
            self._running[kind] += 1
        elif standing == 0 and self._free(CLEAN):
            kind = CLEAN
            self._running[kind] += 1
        else:
            waiter = _Waiter(client, standing, next(self._numbers))
            self._waiting.append(waiter)
            try:
                await waiter.event.wait()
            except BaseException:
                # Cancelled (the client went away): leave the line, or hand on the
                # turn that was given in the meantime.
                if waiter.granted:
                    self._release(waiter.kind)
                else:
                    self._waiting.remove(waiter)
                raise
            kind = waiter.kind
        if client is not None:
            self._remember(client)
        return kind

    def _release(self, kind: str) -> None:
        waiting = self._waiting
        if kind == CLEAN:
            waiting = [waiter for waiter in waiting if waiter.standing == 0]
        if not waiting:
            self._running[kind] -= 1
            return
        # The turn passes straight to the next waiter: the count stays as it is.
        chosen = min(waiting, key=self._order)
        self._waiting.remove(chosen)
        chosen.kind, chosen.granted = kind, True
        chosen.event.set()

    def _order(self, waiter: _Waiter) -> tuple[int, float, int]:
        last = self._last_turn.get(waiter.client, -math.inf) if waiter.client else -math.inf
        return (waiter.standing, last, waiter.number)

    def _remember(self, client: str) -> None:
        self._last_turn.pop(client, None)  # re-inserted last: the dict stays in turn order
        self._last_turn[client] = time.monotonic()
        if len(self._last_turn) > REMEMBERED_CLIENTS:
            for old in list(itertools.islice(self._last_turn, REMEMBERED_CLIENTS // 2)):
                del self._last_turn[old]
