"""Idempotency-Key for POSTs that create something (apply, post a job, save a search).

The first successful answer is stored with the request's fingerprint, per user and
key, in the same transaction as what it created. A retry with the same key and the
same request gets that answer again, byte for byte and with its status; the same key
with another request is refused with 422 `idempotency_key_reused` (as the IETF
Idempotency-Key draft recommends), since repeating it can only be a client bug.

Without the header a POST simply runs: curl users need not invent keys, and a client
that wants safe retries sends one (gpseeker's client always does).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable
from typing import Annotated, NoReturn

from fastapi import Header, Request, Response
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from gpseeker.server.deps import Caller
from gpseeker.server.errors import ApiError
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


def answer(
    caller: Caller, key: str | None, request_fingerprint: str, status: int, body: BaseModel
) -> Response:
    """Serialise `body` once, remember those bytes under `key` (if any) in the
    caller's transaction, and return them: the first answer and every replay are
    the same bytes. The caller commits."""
    content = body.model_dump_json().encode()
    if key is not None:
        caller.session.add(
            IdempotentAnswer(
                user_id=caller.user.id,
                key=key,
                fingerprint=request_fingerprint,
                status=status,
                body=content,
                created_at=caller.platform.settings.now(),
            )
        )
    return Response(content=content, status_code=status, media_type="application/json")


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

    When the commit breaks a unique constraint, another request got there first (a
    retry arriving twice, or a rival request): a same-key twin's answer is replayed;
    otherwise `lost_race` raises the conflict the route answers (without one, the
    error goes on).
    """
    session, user_id = caller.session, caller.user.id
    request_print = fingerprint(request.method, request.url.path, body)
    replayed = await replay(session, user_id, key, request_print)
    if replayed is not None:
        return replayed
    made = await act()
    response = answer(caller, key, request_print, status, made)
    try:
        await session.commit()
    except IntegrityError:
        await session.rollback()
        replayed = await replay(session, user_id, key, request_print)
        if replayed is not None:
            return replayed
        if lost_race is None:
            raise
        await lost_race()
    return response
