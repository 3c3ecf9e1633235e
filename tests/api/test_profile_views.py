"""Who viewed you, merged (issue 14): an employer opening one profile again and again
makes one entry per organisation and day with a count, and one row in the table, not
one per open; opens at the same instant are counted, never a 500. Both stores."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
from sqlalchemy import func, select

from gpseeker.server.tables import ProfileView
from tests.api.conftest import START, Clock, PlatformUsers, User
from tests.api.test_invitation_caps import organisation_of_two


async def open_profile(client: httpx.AsyncClient, employer: User, ref: str) -> None:
    response = await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=employer.auth)
    assert response.status_code == 200, response.text


async def views(client: httpx.AsyncClient, seeker: User) -> list[dict[str, Any]]:
    response = await client.get("/api/v1/me/profile-views", headers=seeker.auth)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()
    return items


async def rows(users: PlatformUsers) -> int:
    assert users.platform is not None
    async with users.platform.sessions() as session:
        return int(await session.scalar(select(func.count()).select_from(ProfileView)) or 0)


async def test_thirty_opens_are_one_entry_viewed_thirty_times(
    client: httpx.AsyncClient, users: PlatformUsers, clock: Clock
) -> None:
    fuji = await users.employer("Fuji Robotics")
    ana = await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    ref = await users.ref_of(fuji, "haskell")
    for _ in range(30):
        await open_profile(client, fuji, ref)
        clock.advance(minutes=1)

    [entry] = await views(client, ana)
    assert entry == {
        "at": "2025-04-01T03:29:00Z",
        "first_at": "2025-04-01T03:00:00Z",
        "count": 30,
        "day": "2025-04-01",
        "employer_name": "Fuji Robotics",
        "employer_status": "verified",
        "context": "search",
    }
    # The employer's repeated opens did not grow the table.
    assert await rows(users) == 1


async def test_one_entry_per_organisation_and_day(
    client: httpx.AsyncClient, users: PlatformUsers, clock: Clock
) -> None:
    admin, colleague = await organisation_of_two(users)
    momiji = await users.employer("Momiji Labs")
    ana = await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    kaede_ref = await users.ref_of(admin, "haskell")
    momiji_ref = await users.ref_of(momiji, "haskell")

    for employer in (admin, admin, colleague):
        await open_profile(client, employer, kaede_ref)
    await open_profile(client, momiji, momiji_ref)
    # 14:59 UTC is 23:59 in Tokyo; a minute later it is the next day there, which is
    # the platform's day (as for a searchable period), whatever the UTC date says.
    clock.now = START.replace(hour=14, minute=59)
    await open_profile(client, admin, kaede_ref)
    clock.advance(minutes=1)
    await open_profile(client, colleague, kaede_ref)

    seen = [(v["employer_name"], v["day"], v["count"]) for v in await views(client, ana)]
    assert seen == [
        ("Kaede Inc.", "2025-04-02", 1),
        ("Kaede Inc.", "2025-04-01", 4),  # both accounts: one employer to the candidate
        ("Momiji Labs", "2025-04-01", 1),
    ]


async def test_opens_at_the_same_instant_are_all_counted(
    client: httpx.AsyncClient, users: PlatformUsers, store: str
) -> None:
    # Two workers finding "no row for today" together must not collide on the
    # unique index: the insert-or-count is one statement (ON CONFLICT) on both stores.
    fuji = await users.employer("Fuji Robotics")
    ana = await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    ref = await users.ref_of(fuji, "haskell")
    answers = await asyncio.gather(
        *(client.get(f"/api/v1/employer/resume-bank/{ref}", headers=fuji.auth) for _ in range(8))
    )
    statuses = [answer.status_code for answer in answers]
    # SQLite has one writer: a request that read before another's write may be told
    # "busy" (503, which clients retry); nothing else, and never a 500.
    assert set(statuses) <= {200, 503}, [answer.text for answer in answers]
    if store == "postgresql":
        assert statuses == [200] * 8
    [entry] = await views(client, ana)
    assert entry["count"] == statuses.count(200)
    assert await rows(users) == 1
