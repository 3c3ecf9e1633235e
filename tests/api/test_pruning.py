"""What the platform keeps only for a while is deleted when its time is up: answers to
Idempotency-Keys after `idempotency_key_days`, unsubscribe links after
`unsubscribe_link_days` (used ones at once), by the JobMail schedule of `gpseeker
serve` and by `gpseeker mail send-due`."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from fastapi import FastAPI
from sqlalchemy import func, select

from gpseeker.server.mail import send_due, send_every
from gpseeker.server.platform import Platform
from gpseeker.server.pruning import Pruned, prune_expired
from gpseeker.server.tables import IdempotentAnswer, UnsubscribeToken

from .conftest import Clock, PlatformUsers, User
from .test_jobmail import (
    SEARCH,
    awaiting_news,
    configure,
    jobmail_of,
    link_path,
    one_click,
    parse,
)


async def save_search(users: PlatformUsers, seeker: User, name: str, key: str) -> httpx.Response:
    return await users.client.post(
        "/api/v1/me/saved-searches",
        json={"name": name, "query": SEARCH},
        headers={**seeker.auth, "Idempotency-Key": key},
    )


async def kept_keys(platform: Platform) -> set[str]:
    async with platform.sessions() as session:
        return set(await session.scalars(select(IdempotentAnswer.key)))


async def token_count(platform: Platform) -> int:
    async with platform.sessions() as session:
        count = await session.scalar(select(func.count()).select_from(UnsubscribeToken))
        return int(count or 0)


async def test_an_idempotency_answer_is_kept_its_days_and_then_pruned(
    app: FastAPI, users: PlatformUsers, clock: Clock
) -> None:
    platform = configure(app)
    seeker = await users.seeker()
    first = await save_search(users, seeker, "Old", "key-old")
    assert first.status_code == 201, first.text
    clock.advance(days=6)
    second = await save_search(users, seeker, "New", "key-new")
    assert second.status_code == 201, second.text

    clock.advance(days=1)  # key-old is exactly 7 days old: still kept
    assert await prune_expired(platform) == Pruned()
    retried = await save_search(users, seeker, "Old", "key-old")
    assert (retried.status_code, retried.json()) == (201, first.json())

    clock.advance(minutes=1)
    assert await prune_expired(platform) == Pruned(idempotent_answers=1)
    assert await kept_keys(platform) == {"key-new"}
    retried = await save_search(users, seeker, "New", "key-new")  # the young one replays
    assert (retried.status_code, retried.json()) == (201, second.json())


async def test_an_unsubscribe_link_works_its_days_then_answers_as_forged_and_is_pruned(
    app: FastAPI, users: PlatformUsers, clock: Clock, tmp_path: Path
) -> None:
    seeker = await awaiting_news(users, clock)
    employer = await users.employer("Other Co.")  # before its sign-up mail would mix in
    platform = configure(app, mail_dir=tmp_path / "digests")
    assert (await send_due(platform)).sent == 1
    clock.advance(days=89)
    await users.post_job(employer, "Kotlin lead", skills=["Kotlin"])
    assert (await send_due(platform)).sent == 1  # a second mail, a second link
    old, new = (
        link_path(parse(path.read_bytes()))
        for path in sorted(
            (tmp_path / "digests" / "new").iterdir(), key=lambda p: p.stat().st_mtime
        )
    )
    assert (await users.client.get(old)).status_code == 200  # 89 days: still works

    clock.advance(days=1, minutes=1)
    before = await jobmail_of(users, seeker)
    assert (await users.client.get(old)).status_code == 404
    expired = await one_click(users, old)
    assert expired.status_code == 404
    assert "too old" in expired.json()["error"]["message"]
    assert await jobmail_of(users, seeker) == before  # still subscribed

    assert await prune_expired(platform) == Pruned(unsubscribe_tokens=1)
    assert await token_count(platform) == 1
    assert (await one_click(users, new)).status_code == 200  # the young link still works
    assert await token_count(platform) == 0  # and was deleted when used


async def test_the_jobmail_schedule_prunes_before_it_sends(
    app: FastAPI, users: PlatformUsers, clock: Clock, tmp_path: Path
) -> None:
    await awaiting_news(users, clock)
    platform = configure(app, mail_dir=tmp_path / "digests")
    await send_due(platform)
    seeker = await users.seeker("Other")
    assert (await save_search(users, seeker, "Kotlin", "a-key")).status_code == 201
    clock.advance(days=91)
    assert await token_count(platform) == 1 and await kept_keys(platform) == {"a-key"}

    schedule = asyncio.create_task(send_every(platform, 3600))
    try:
        for _ in range(200):
            if not await kept_keys(platform) and not await token_count(platform):
                break
            await asyncio.sleep(0.05)
    finally:
        schedule.cancel()
        await asyncio.gather(schedule, return_exceptions=True)
    assert await kept_keys(platform) == set()
    assert await token_count(platform) == 0
