"""Idempotency-Key for POSTs that create something (apply, post a job, save a search),
and for the PUTs whose repeat is not harmless: a profile save (its retry would meet
the version its own first try made, and be refused with 412 although it was saved)
and the resume switch (its retry could undo a switch made in between elsewhere).

The first successful answer is stored with the request's fingerprint, per user and
key, in the same transaction as what it created. A retry with the same key and the
same request gets that answer again, byte for byte and with its status; the same key
with another request is refused with 422 `idempotency_key_reused` (as the IETF
Idempotency-Key draft recommends), since repeating it can only be a client bug.

Without the header a request simply runs: curl users need not invent keys, and a
client that wants safe retries sends one (gpseeker's client always does).

An answer is kept at least `ServerSettings.idempotency_key_days`; the JobMail
schedule deletes older ones (`gpseeker.server.pruning`), so the table stays as small
as the retries it serves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Annotated, NoReturn

from fastapi import Header, Request, Response
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.server.deps import Caller
from gpseeker.server.errors import ApiError, unauthorized
from gpseeker.server.settings import ServerSettings
from gpseeker.server.tables import IdempotentAnswer

IdempotencyKey = Annotated[
    str | None,
    Header(
        min_length=1,
        max_length=200,
        description="Any unique string (a UUID); a retry with the same key and body "
        "returns the first answer instead of acting twice.",
    ),
]


def idempotency_keys_since(settings: ServerSettings) -> dt.datetime:
    """An answer stored before this is past its keeping: the next pruning deletes it."""
    return settings.now() - dt.timedelta(days=settings.idempotency_key_days)


def fingerprint(method: str, path: str, body: BaseModel) -> str:
    """What makes two requests "the same": method, path and the body's meaning (so a
    retry that serialises the JSON differently still matches)."""
    canonical = json.dumps(body.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{method} {path}\n{canonical}".encode()).hexdigest()


async def replay(
    session: AsyncSession, user_id: int, key: str | None, request_fingerprint: str
) -> Response | None:
    """The stored answer for `key`, or None if this key is new (or absent)."""
    if key is None:
        return None
    stored = await session.get(IdempotentAnswer, (user_id, key))
    if stored is None:
        return None
    if stored.fingerprint != request_fingerprint:
        raise ApiError(
            422,
            "idempotency_key_reused",
            "This Idempotency-Key was already used for a different request; "
            "use a new key for a new request.",
        )
    return Response(content=stored.body, status_code=stored.status, media_type="application/json")


async def once(
    caller: Caller,
    request: Request,
    key: str | None,
    body: BaseModel,
    status: int,
    act: Callable[[], Awaitable[BaseModel]],
    *,
    lost_race: Callable[[], Awaitable[NoReturn]] | None = None,
) -> Response:
    """Run `act` once per key: a repeat gets the stored answer; a new request acts,
    stores its answer with what it made, and commits.

    The key is claimed (its row inserted) before acting, in the same transaction, so
    two twins arriving at once on two workers cannot both act: the database makes
    the second wait on the first's row (PostgreSQL's unique index, SQLite's single
    writer) and, once the first commits, the second's claim fails and it replays the
    first answer. If the first fails instead, its claim rolls back with it and the
    second acts. The placeholder is never seen by anyone: it is filled in before
    the commit that makes it visible.

    On SQLite that first write is also what makes the request's reads one
    transaction with its writes (the driver begins a transaction at the first write,
    not at the first read): the caps and other checks that count before they insert
    rely on it. Claiming after the reads, to hold the write lock for less time, let
    concurrent invitations past their cap.

    When acting or committing breaks another unique constraint, a rival request
    (another key, or none) got there first: `lost_race` raises the conflict the
    route answers (without one, the error goes on).
    """
    session, user_id = caller.session, caller.user.id
    request_print = fingerprint(request.method, request.url.path, body)
    replayed = await replay(session, user_id, key, request_print)
    if replayed is not None:
        return replayed
    claimed = None if key is None else await _claim(caller, key, request_print)
    if isinstance(claimed, Response):
        return claimed
    try:
        made = await act()
        content = made.model_dump_json().encode()
        if claimed is not None:
            claimed.status, claimed.body = status, content
        await session.commit()
    except IntegrityError:
        await session.rollback()
        if lost_race is None:
            raise
        await lost_race()
    return Response(content=content, status_code=status, media_type="application/json")


async def _claim(caller: Caller, key: str, request_fingerprint: str) -> IdempotentAnswer | Response:
    """Insert the key's row, or the stored answer if a twin has just committed it."""
    session, user_id = caller.session, caller.user.id
    claim = IdempotentAnswer(
        user_id=user_id,
        key=key,
        fingerprint=request_fingerprint,
        status=0,
        body=b"",
        created_at=caller.platform.settings.now(),
    )
    session.add(claim)
    try:
        await session.flush()
    except IntegrityError:
        await session.rollback()
        replayed = await replay(session, user_id, key, request_fingerprint)
        if replayed is not None:
            return replayed
        # The twin's row existed a moment ago and is gone: only erasing the account
        # deletes answers, so the caller is now what any request of theirs meets.
        raise unauthorized(
            "This sign-in has ended (signed out or unknown token); sign in again."
        ) from None
    return claim
