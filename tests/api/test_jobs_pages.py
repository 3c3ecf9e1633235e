"""Walking a job search page by page: nothing repeated, nothing skipped, in every sort."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from .conftest import Clock, PlatformUsers, User

COUNT = 23


@pytest.fixture
async def many(users: PlatformUsers, clock: Clock) -> tuple[User, User]:
    """23 welder jobs with salaries that tie in threes, some unstated, and posting
    times that tie in pairs; returns (employer, seeker)."""
    employer = await users.employer("Osaka Steel K.K.")
    for number in range(COUNT):
        if number % 2 == 0:
            clock.advance(hours=1)
        salary = None if number % 5 == 0 else 3_000_000 + (number % 3) * 500_000
        await users.post_job(
            employer,
            f"Welder {number}",
            description="Welder " * (1 + number % 4) + "in Osaka.",
            salary_min=salary,
            salary_max=salary,
            skills=["Welding"],
        )
    return employer, await users.seeker()


async def walk(
    users: PlatformUsers, seeker: User, limit: int, cursor: str | None = None, **params: Any
) -> list[int]:
    """Every job id from `cursor` (or the first page) to the last page."""
    ids: list[int] = []
    for _ in range(100):
        page = await users.jobs(
            seeker, limit=limit, **params, **({"cursor": cursor} if cursor else {})
        )
        assert len(page["items"]) <= limit
        ids += [job["id"] for job in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            return ids
    raise AssertionError("the pages never ended")


SORTS = [
    {"sort": "newest"},
    {"sort": "salary"},
    {"sort": "relevance", "q": "welder"},
    {"sort": "relevance"},
    {"sort": "salary", "q": "osaka"},
]


@pytest.mark.parametrize("params", SORTS)
@pytest.mark.parametrize("limit", [1, 5, 23, 100])
async def test_pages_add_up_to_the_whole_result_in_its_order(
    users: PlatformUsers, many: tuple[User, User], params: dict[str, Any], limit: int
) -> None:
    _, seeker = many
    whole = [job["id"] for job in (await users.jobs(seeker, limit=100, **params))["items"]]
    assert len(whole) == COUNT
    assert await walk(users, seeker, limit, **params) == whole


async def test_the_last_page_says_there_is_no_next(
    users: PlatformUsers, many: tuple[User, User]
) -> None:
    _, seeker = many
    page = await users.jobs(seeker, limit=COUNT)
    assert len(page["items"]) == COUNT
    assert page["next_cursor"] is None
    assert page["total"] == COUNT


@pytest.mark.parametrize("params", SORTS)
async def test_a_job_posted_during_the_walk_does_not_shift_the_pages(
    users: PlatformUsers, many: tuple[User, User], params: dict[str, Any]
) -> None:
    employer, seeker = many
    whole = [job["id"] for job in (await users.jobs(seeker, limit=100, **params))["items"]]
    first = await users.jobs(seeker, limit=5, **params)
    # Best paid, newest, and the best keyword match: first in every order.
    await users.post_job(
        employer, "Welder welder", salary_min=9_000_000, salary_max=9_000_000, skills=["Welder"]
    )
    rest = await walk(users, seeker, 5, cursor=first["next_cursor"], **params)
    assert [job["id"] for job in first["items"]] + rest == whole


async def test_a_cursor_only_continues_its_own_search(
    users: PlatformUsers, many: tuple[User, User]
) -> None:
    _, seeker = many
    page = await users.jobs(seeker, limit=5, sort="salary")
    for params in ({"sort": "newest"}, {"sort": "salary", "prefecture": "Osaka"}):
        response = await users.client.get(
            "/api/v1/jobs",
            params={**params, "cursor": page["next_cursor"]},
            headers=seeker.auth,
        )
        assert response.status_code == 422
        assert response.json()["error"]["fields"][0]["path"] == "cursor"


@pytest.mark.parametrize("cursor", ["nonsense", "e30", "eyJzIjoibmV3ZXN0In0", "!!!"])
async def test_a_forged_cursor_is_refused(
    users: PlatformUsers, many: tuple[User, User], cursor: str
) -> None:
    _, seeker = many
    response = await users.client.get(
        "/api/v1/jobs", params={"cursor": cursor}, headers=seeker.auth
    )
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "bad_cursor"
    assert "cursor" in response.json()["error"]["message"]


async def test_a_cursor_with_numbers_out_of_range_is_refused(
    users: PlatformUsers, many: tuple[User, User]
) -> None:
    _, seeker = many
    page = await users.jobs(seeker, limit=5, sort="salary")
    raw = json.loads(base64.urlsafe_b64decode(page["next_cursor"] + "=="))
    for field in ("i", "m", "k"):
        forged = {**raw, field: 10**30}
        cursor = base64.urlsafe_b64encode(json.dumps(forged).encode()).decode()
        response = await users.client.get(
            "/api/v1/jobs", params={"sort": "salary", "cursor": cursor}, headers=seeker.auth
        )
        assert response.status_code == 400, field
        assert response.json()["error"]["code"] == "bad_cursor"
