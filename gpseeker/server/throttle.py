"""Counting events per key in the database, and refusing more of them for a while.

A rule (`Doubling`, `Spaced`) says, from how many events a key had in its window,
until when the next one must wait. Counts live in the `throttles` table, so every
worker and every restart of a platform agree, on SQLite as on PostgreSQL:

- `wait_seconds` is a read: a refused request costs one SELECT and writes nothing,
  so knocking on a closed door cannot keep the database busy either; with
  `KnownBlocks`, a block this worker has seen costs not even that until it ends;
- `count` adds one event in a single INSERT ... ON CONFLICT DO UPDATE that counts it
  only if the key is not blocked at that moment, so two workers racing past
  `wait_seconds` cannot both be let through a block; then it sets the block the
  new count earns, in the same transaction;
- `uncount` takes one event back (a password that was right after all), `forget`
  clears a key, `prune` deletes counts whose window has passed.

Keys are `key_of(secret, kind, value)`: a keyed hash, so the table holds no e-mail or
client address in the clear and nobody without the server secret can tell whose
count a row is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import and_, case, delete, literal, null, or_, select, update
from sqlalchemy.dialects import sqlite

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.server.db import UTCDateTime
from gpseeker.server.tables import ThrottleRow

LONGEST_DOUBLING = 30
"""2**30 seconds is decades; beyond it the exponent stops, so no count overflows."""


def key_of(secret: str, kind: str, value: str) -> str:
    """The row key of `value` (an e-mail or client address) for one kind of count."""
    return hmac.new(secret.encode(), f"{kind}\0{value}".encode(), hashlib.sha256).hexdigest()


class Rule(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def window(self) -> dt.timedelta: ...

    def blocked_until(
        self, count: int, first_at: dt.datetime, now: dt.datetime
    ) -> dt.datetime | None:
        """When the event after the `count`-th (just now) may come; None: at once."""
        ...


@dataclass(frozen=True)
class Doubling:
    """`free` events, then each one waits: 1 second after the first beyond, twice as
    long after each next, at most `longest`."""

    name: str
    free: int
    longest: dt.timedelta
    window: dt.timedelta

    def wait(self, count: int) -> dt.timedelta | None:
        beyond = count - self.free
        if beyond <= 0:
            return None
        return min(self.longest, dt.timedelta(seconds=2 ** min(beyond - 1, LONGEST_DOUBLING)))

    def blocked_until(
        self, count: int, first_at: dt.datetime, now: dt.datetime
    ) -> dt.datetime | None:
        wait = self.wait(count)
        return None if wait is None else now + wait


@dataclass(frozen=True)
class Spaced:
    """At least `interval` between events, and at most `most` in a window."""

    name: str
    interval: dt.timedelta
    most: int
    window: dt.timedelta

    def blocked_until(
        self, count: int, first_at: dt.datetime, now: dt.datetime
    ) -> dt.datetime | None:
        until = now + self.interval
        if count >= self.most:
            until = max(until, first_at + self.window)
        return until


@dataclass(frozen=True)
class Counted:
    """What `count` did: whether the event was let through, the key's count with it,
    and until when the key is blocked now (None: not)."""

    allowed: bool
    count: int
    first_at: dt.datetime
    blocked_until: dt.datetime | None

    def wait_seconds(self, now: dt.datetime) -> int:
        return seconds_until(self.blocked_until, now)


def seconds_until(moment: dt.datetime | None, now: dt.datetime) -> int:
    """Whole seconds from `now` to `moment`, rounded up (a Retry-After that is early
    by a fraction would be refused again); 0 if it has passed."""
    if moment is None or moment <= now:
        return 0
    return max(1, math.ceil((moment - now).total_seconds()))


def wait_words(seconds: int) -> str:
    """A wait as a person says it: "40 seconds", "2 minutes", "1 hour"."""

    def unit(number: int, word: str) -> str:
        return f"{number} {word}{'' if number == 1 else 's'}"

    if seconds < 60:
        return unit(max(1, seconds), "second")
    minutes = math.ceil(seconds / 60)
    if minutes < 60:
        return unit(minutes, "minute")
    return unit(math.ceil(minutes / 60), "hour")


class KnownBlocks:
    """The blocks one worker has seen, until they end, so that a client knocking on
    a closed door again and again is refused from memory, without a query.

    Right because a block ends at its time: only the try that set it can lift it
    sooner (taking itself back: a right password, or no turn at the hasher), and the
    worker that ran that try forgets it at once. Another worker that saw the block
    meanwhile keeps refusing until its time: a few seconds, since only the first,
    short waits can be taken back so. At most `most` are kept."""

    def __init__(self, most: int = 10_000) -> None:
        self.most = most
        self._until: dict[str, dt.datetime] = {}

    def wait_seconds(self, keys: Iterable[str], now: dt.datetime) -> int:
        return max((seconds_until(self._until.get(key), now) for key in keys), default=0)

    def remember(self, key: str, until: dt.datetime | None, now: dt.datetime) -> None:
        if until is None or until <= now:
            self._until.pop(key, None)
            return
        if len(self._until) >= self.most:
            self._until = {k: v for k, v in self._until.items() if v > now}
            if len(self._until) >= self.most:
                self._until.clear()
        self._until[key] = until

    def forget(self, key: str) -> None:
        self._until.pop(key, None)


async def wait_seconds(
    session: AsyncSession,
    checks: Sequence[tuple[Rule, str]],
    now: dt.datetime,
    known: KnownBlocks | None = None,
) -> int:
    """How long the longest block among the (rule, key) `checks` still lasts; 0 if
    none is blocked. One query for all, none when `known` has a block already."""
    if known is not None:
        remembered = known.wait_seconds((key for _, key in checks), now)
        if remembered:
            return remembered
    pairs = [and_(ThrottleRow.name == rule.name, ThrottleRow.key == key) for rule, key in checks]
    blocks = (
        await session.execute(
            select(ThrottleRow.key, ThrottleRow.blocked_until).where(
                or_(*pairs), ThrottleRow.blocked_until > now
            )
        )
    ).all()
    for key, until in blocks:
        if known is not None:
            known.remember(key, until, now)
    return max((seconds_until(until, now) for _, until in blocks), default=0)


def _insert(dialect: str) -> postgresql.Insert | sqlite.Insert:
    table = ThrottleRow.__table__
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql  # only on PostgreSQL: see db.py

        return postgresql.insert(table)  # type: ignore[arg-type]
    return sqlite.insert(table)  # type: ignore[arg-type]


async def count(
    session: AsyncSession,
    rule: Rule,
    key: str,
    now: dt.datetime,
    known: KnownBlocks | None = None,
) -> Counted:
    """Count one event for `key` unless it is blocked now (then nothing changes).

    The caller commits; until then the row stays locked against other workers.
    """
    table = ThrottleRow.__table__.c
    at = literal(now, UTCDateTime())
    blocked = table.blocked_until > at
    # A window that has passed starts again with this event.
    fresh = table.first_at <= literal(now - rule.window, UTCDateTime())
    statement = (
        _insert(session.get_bind().dialect.name)
        .values(name=rule.name, key=key, count=1, first_at=now, last_at=now, blocked_until=None)
        .on_conflict_do_update(
            index_elements=[table.name, table.key],
            set_={
                "count": case((blocked, table.count), (fresh, 1), else_=table.count + 1),
                "first_at": case((blocked, table.first_at), (fresh, at), else_=table.first_at),
                "last_at": case((blocked, table.last_at), else_=at),
                "blocked_until": case((blocked, table.blocked_until), else_=null()),
            },
        )
        .returning(table.count, table.first_at, table.blocked_until)
    )
    number, first_at, still_blocked = (await session.execute(statement)).one()
    if still_blocked is not None and still_blocked > now:
        if known is not None:
            known.remember(key, still_blocked, now)
        return Counted(allowed=False, count=number, first_at=first_at, blocked_until=still_blocked)
    until = rule.blocked_until(number, first_at, now)
    if known is not None:
        known.remember(key, until, now)
    if until is not None:
        await session.execute(
            update(ThrottleRow)
            .where(ThrottleRow.name == rule.name, ThrottleRow.key == key)
            .values(blocked_until=until)
        )
    return Counted(allowed=True, count=number, first_at=first_at, blocked_until=until)


async def uncount(
    session: AsyncSession,
    rule: Rule,
    key: str,
    counted: Counted,
    known: KnownBlocks | None = None,
) -> None:
    """Take back one event `count` let through, and the block it set (unless a later
    event has set another since). The caller commits."""
    if known is not None and counted.blocked_until is not None:
        known.forget(key)
    values: dict[str, object] = {
        "count": case((ThrottleRow.count > 0, ThrottleRow.count - 1), else_=0)
    }
    if counted.blocked_until is not None:
        values["blocked_until"] = case(
            (ThrottleRow.blocked_until == counted.blocked_until, null()),
            else_=ThrottleRow.blocked_until,
        )
    await session.execute(
        update(ThrottleRow)
        .where(ThrottleRow.name == rule.name, ThrottleRow.key == key)
        .values(values)
    )


async def forget(
    session: AsyncSession, rule: Rule, key: str, known: KnownBlocks | None = None
) -> None:
    """Clear `key`'s count and block. The caller commits."""
    if known is not None:
        known.forget(key)
    await session.execute(
        delete(ThrottleRow).where(ThrottleRow.name == rule.name, ThrottleRow.key == key)
    )


async def prune(session: AsyncSession, rules: Sequence[Rule], now: dt.datetime) -> int:
    """Delete the counts whose window has passed and that block nothing; the caller
    commits. Returns how many went."""
    deleted = 0
    for rule in rules:
        result = await session.execute(
            delete(ThrottleRow).where(
                ThrottleRow.name == rule.name,
                ThrottleRow.first_at <= now - rule.window,
                or_(ThrottleRow.blocked_until.is_(None), ThrottleRow.blocked_until <= now),
            )
        )
        deleted += result.rowcount  # type: ignore[attr-defined]
    return deleted
