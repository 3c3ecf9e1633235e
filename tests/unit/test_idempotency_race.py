"""Two workers receiving the same idempotent request at the same moment: each with
its own `Platform` (its own engine and connections) on one database, as `serve
--workers N` runs them. Both are held until both have looked for a stored answer
and found none, the worst interleaving, then let go together."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import Response
from pydantic import BaseModel
from sqlalchemy import func, select
from starlette.requests import Request

from gpseeker.core.models import ApplicationRequest
from gpseeker.server import Platform, ServerSettings, applications, create_app, idempotency
from gpseeker.server.deps import Caller
from gpseeker.server.errors import ApiError
from gpseeker.server.tables import ApplicationRow, IdempotentAnswer, User
from tests.api.conftest import PlatformUsers, full_profile
from tests.stores import STORES, fresh_database

# Accounts are only the setting here: they need no mailed code (as on the embedded platform).
SETTINGS = ServerSettings(
    password_time_cost=1, password_memory_cost_kib=1024, require_email_verification=False
)
APPLY = ApplicationRequest(cover_note="Hello", disclose=["phone"])


@pytest.fixture(params=STORES)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    async with fresh_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
async def workers(database_url: str) -> AsyncIterator[tuple[Platform, Platform]]:
    first, second = Platform(database_url, SETTINGS), Platform(database_url, SETTINGS)
    await first.start()
    await second.start()
    yield first, second
    await first.aclose()
    await second.aclose()


async def seeker_and_job(database_url: str) -> tuple[int, int]:
    """A candidate with a full profile and an open job, made through the API."""
    app = create_app(database_url, settings=SETTINGS)
    await app.state.platform.start()
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            users = PlatformUsers(client, app.state.platform)
            employer = await users.employer("Fuji Robotics Inc.")
            job_id = await users.post_job(employer)
            seeker = await users.seeker("Ana Souza")
            await users.save_profile(seeker, full_profile("Ana Souza", seeker.email))
    finally:
        await app.state.platform.aclose()
    async with Platform(database_url, SETTINGS).sessions() as session:
        user_id = await session.scalar(select(User.id).where(User.email == seeker.email))
    assert user_id is not None
    return user_id, job_id


def apply_request(job_id: int) -> Request:
    return Request(
        {
            "type": "http",
            "method": "POST",
            "scheme": "http",
            "server": ("platform.test", 80),
            "root_path": "",
            "path": f"/api/v1/jobs/{job_id}/applications",
            "query_string": b"",
            "headers": [],
        }
    )


def held_after_first_replay(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make each request's first look for a stored answer wait for the other's."""
    real = idempotency.replay
    both_looked = asyncio.Barrier(2)
    looked: set[int] = set()

    async def replay(*args: Any) -> Response | None:
        found = await real(*args)
        task = id(asyncio.current_task())
        if task not in looked:
            looked.add(task)
            await asyncio.wait_for(both_looked.wait(), 10)
        return found

    monkeypatch.setattr(idempotency, "replay", replay)


async def apply_on(
    platform: Platform, user_id: int, job_id: int, key: str
) -> tuple[int, bytes] | ApiError:
    """The apply route's work (`once` around `applications.apply`) on one worker."""
    async with platform.sessions() as session:
        user = await session.get(User, user_id)
        assert user is not None
        caller = Caller(user=user, token="", session=session, platform=platform)

        async def lost_race() -> Any:
            raise ApiError(409, "already_applied", "lost the race")

        act: Callable[[], Awaitable[BaseModel]] = lambda: applications.apply(  # noqa: E731
            caller, job_id, APPLY
        )
        try:
            response = await idempotency.once(
                caller, apply_request(job_id), key, APPLY, 201, act, lost_race=lost_race
            )
        except ApiError as refused:
            return refused
        return response.status_code, bytes(response.body)


async def count(platform: Platform, table: Any) -> int:
    async with platform.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(table)) or 0)


async def test_twins_on_two_workers_apply_once_and_get_the_same_answer(
    workers: tuple[Platform, Platform], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_id, job_id = await seeker_and_job(database_url)
    held_after_first_replay(monkeypatch)
    first, second = workers
    answers = await asyncio.wait_for(
        asyncio.gather(
            apply_on(first, user_id, job_id, "same-key"),
            apply_on(second, user_id, job_id, "same-key"),
        ),
        30,
    )
    assert not any(isinstance(answer, ApiError) for answer in answers), answers
    assert answers[0] == answers[1]
    assert answers[0][0] == 201  # type: ignore[index]
    assert await count(first, ApplicationRow) == 1
    assert await count(second, IdempotentAnswer) == 1


async def test_rivals_with_two_keys_on_two_workers_apply_once(
    workers: tuple[Platform, Platform], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    user_id, job_id = await seeker_and_job(database_url)
    held_after_first_replay(monkeypatch)
    first, second = workers
    answers = await asyncio.wait_for(
        asyncio.gather(
            apply_on(first, user_id, job_id, "key-one"),
            apply_on(second, user_id, job_id, "key-two"),
        ),
        30,
    )
    refused = [answer for answer in answers if isinstance(answer, ApiError)]
    made = [answer for answer in answers if not isinstance(answer, ApiError)]
    assert [(error.status, error.code) for error in refused] == [(409, "already_applied")]
    assert [status for status, _ in made] == [201]
    assert await count(first, ApplicationRow) == 1
    # The refused request stored no answer: a retry of it is refused again, not
    # answered with a placeholder.
    assert await count(second, IdempotentAnswer) == 1


async def test_a_twin_that_acts_after_the_first_committed_gets_its_answer(
    workers: tuple[Platform, Platform], database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The twin looked for a stored answer before the first committed, and goes on
    after: its own checks would now refuse ("already applied"), but the true answer
    is the first's. (Claiming the key after the reads opened this interleaving; the
    claim stays first, see idempotency.once.)"""
    user_id, job_id = await seeker_and_job(database_url)
    first, second = workers
    real = idempotency.replay
    first_done = asyncio.Event()
    second_looked = asyncio.Event()

    async def replay(*args: Any) -> Response | None:
        found = await real(*args)
        if asyncio.current_task() is twin and not second_looked.is_set():
            second_looked.set()
            await asyncio.wait_for(first_done.wait(), 10)
        return found

    async def apply_first() -> tuple[int, bytes] | ApiError:
        await asyncio.wait_for(second_looked.wait(), 10)
        try:
            return await apply_on(first, user_id, job_id, "same-key")
        finally:
            first_done.set()

    monkeypatch.setattr(idempotency, "replay", replay)
    twin = asyncio.ensure_future(apply_on(second, user_id, job_id, "same-key"))
    answers = await asyncio.wait_for(asyncio.gather(apply_first(), twin), 30)
    assert not any(isinstance(answer, ApiError) for answer in answers), answers
    assert answers[0] == answers[1]
    assert await count(first, ApplicationRow) == 1
    assert await count(second, IdempotentAnswer) == 1
