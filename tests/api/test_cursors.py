"""Page cursors are read strictly: anything the server did not hand out is 400
`bad_cursor`, on both stores, and never reaches a query.

Before, int() and json.loads decided: `"o: 5"` and `"o:٣"` (an Arabic-Indic three)
were offsets, a huge offset or id overflowed the store's integers, and a boolean
relevance score (`true` is an int to Python) went on to the store: 500s.
"""

from __future__ import annotations

import base64
import json
from typing import Any

import httpx
import pytest

from gpseeker.core.models import JobQuery, JobSort
from gpseeker.server.job_pages import MAX_YEARLY_SALARY, fingerprint

from .conftest import PlatformUsers, User


def b64(raw: str | bytes) -> str:
    data = raw.encode() if isinstance(raw, str) else raw
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def job_cursor(**fields: Any) -> str:
    return b64(json.dumps(fields))


def assert_bad_cursor(response: httpx.Response, case: object) -> None:
    assert response.status_code == 400, (case, response.text)
    error = response.json()["error"]
    assert error["code"] == "bad_cursor", case
    assert error["fields"][0]["path"] == "cursor", case


# --- the resume bank -------------------------------------------------------------------


@pytest.fixture
async def employer(users: PlatformUsers) -> User:
    """A verified employer, and three searchable Haskell candidates for it to page."""
    for name in ("Ana Souza", "Ben Okafor", "Chen Wei"):
        await users.searchable_seeker(name, skills=["Haskell"])
    return await users.employer()


OFFSETS_REFUSED = [
    "o:99999999999999999999999",  # overflowed the store's integers
    f"o:{2**31}",  # past PostgreSQL's 32-bit OFFSET
    "o: 5",  # int() strips spaces
    "o:5 ",
    "o:+5",
    "o:5_0",  # int() takes underscores
    "o:٣",  # int() takes any Unicode digit
    "o:-1",
    "o:05",
    "o:",
    "x:5",
    "o:5\x00",
]


async def test_a_resume_bank_cursor_is_ascii_digits_in_range(
    users: PlatformUsers, employer: User
) -> None:
    for raw in OFFSETS_REFUSED:
        response = await users.client.get(
            "/api/v1/employer/resume-bank",
            params={"q": "haskell", "cursor": b64(raw)},
            headers=employer.auth,
        )
        assert_bad_cursor(response, raw)


async def test_a_resume_bank_cursor_is_base64url(users: PlatformUsers, employer: User) -> None:
    for cursor in ["garbage!", "bzo1===", "b zo1", "bzo1Y", "bz=o1"]:
        response = await users.client.get(
            "/api/v1/employer/resume-bank",
            params={"q": "haskell", "cursor": cursor},
            headers=employer.auth,
        )
        assert_bad_cursor(response, cursor)


async def test_the_cursors_the_resume_bank_hands_out_still_page(
    users: PlatformUsers, employer: User
) -> None:
    params: dict[str, Any] = {"q": "haskell", "limit": 1}
    seen = []
    for _ in range(5):
        response = await users.client.get(
            "/api/v1/employer/resume-bank", params=params, headers=employer.auth
        )
        assert response.status_code == 200, response.text
        page = response.json()
        seen += [hit["candidate_ref"] for hit in page["items"]]
        if page["next_cursor"] is None:
            break
        params["cursor"] = page["next_cursor"]
    assert len(set(seen)) == 3
    # The largest offset a cursor may carry is read, and finds nobody.
    response = await users.client.get(
        "/api/v1/employer/resume-bank",
        params={"q": "haskell", "cursor": b64(f"o:{2**31 - 1}")},
        headers=employer.auth,
    )
    assert response.status_code == 200, response.text
    assert response.json()["items"] == []


# --- job search ------------------------------------------------------------------------


@pytest.fixture
async def seeker(users: PlatformUsers) -> User:
    """A seeker, and three welder jobs to page through."""
    employer = await users.employer()
    for number in range(3):
        await users.post_job(employer, f"Welder {number}", skills=["Welding"])
    return await users.seeker()


def request_sort(cursor_sort: object) -> JobSort:
    """The sort a request carrying a cursor of `cursor_sort` asks for: "recent" is
    the order a relevance search falls back to; anything unknown goes with newest."""
    if cursor_sort in ("relevance", "recent"):
        return "relevance"
    return "salary" if cursor_sort == "salary" else "newest"


def valid(sort: str, key: Any, **changes: Any) -> dict[str, Any]:
    """The fields of a cursor as the server writes them, for `q=welder&sort=...`."""
    query = JobQuery(q="welder", sort=request_sort(sort))
    return {"s": sort, "k": key, "i": 2, "m": 3, "q": fingerprint(query)} | changes


FORGED = {
    "a boolean score": valid("relevance", True),
    "an integer score": valid("relevance", 1),
    "a NaN score": valid("relevance", float("nan")),
    "an infinite score": valid("relevance", float("inf")),
    "a string score": valid("relevance", "1.5"),
    "a boolean id": valid("relevance", -1.5, i=True),
    "a string id": valid("relevance", -1.5, i="2"),
    "a fractional id": valid("relevance", -1.5, i=2.5),
    "a negative id": valid("relevance", -1.5, i=-2),
    "an id past 32 bits": valid("relevance", -1.5, m=2**31),
    "a huge id": valid("relevance", -1.5, m=10**30),
    "a naive posting time": valid("newest", "2025-04-01T03:00:00"),
    "a posting time pushed below year 1": valid("newest", "0001-01-01T00:00:00+14:00"),
    "a posting time that is no time": valid("newest", "yesterday"),
    "a numeric posting time": valid("newest", 1743476400),
    "a boolean salary": valid("salary", False),
    "a salary no job can have": valid("salary", MAX_YEARLY_SALARY + 1),
    "a fractional salary": valid("salary", 5e6),
    "a recent key that is not the id": valid("recent", 1),
    "a boolean recent key": valid("recent", True, i=1),
    "an unknown sort": valid("oldest", 1),
    "an extra field": valid("relevance", -1.5, x=1),
    "a missing field": {key: value for key, value in valid("newest", "x").items() if key != "k"},
    "a fingerprint that is not one": valid("relevance", -1.5, q=7),
}


async def test_a_forged_job_cursor_is_a_bad_cursor(users: PlatformUsers, seeker: User) -> None:
    for case, fields in FORGED.items():
        response = await users.client.get(
            "/api/v1/jobs",
            params={
                "q": "welder",
                "sort": request_sort(fields.get("s")),
                "cursor": job_cursor(**fields),
            },
            headers=seeker.auth,
        )
        assert_bad_cursor(response, case)


async def test_a_job_cursor_that_is_not_an_object_in_base64url_is_a_bad_cursor(
    users: PlatformUsers, seeker: User
) -> None:
    for cursor in ["e30", "W10", "bnVsbA", "e30===", "e3 0", "ZXlKcyI6MX0", "e30!"]:
        response = await users.client.get(
            "/api/v1/jobs", params={"q": "welder", "cursor": cursor}, headers=seeker.auth
        )
        assert_bad_cursor(response, cursor)


WELL_FORMED = [
    ("relevance", -1.5),
    ("relevance", 0.0),
    ("newest", "2025-04-01T12:00:00+09:00"),
    ("salary", None),
    ("salary", 6_000_000),
    ("salary", 2**31),  # an hourly salary's year can pass 32 bits
    ("recent", 2),
]


async def test_a_well_formed_job_cursor_is_read(users: PlatformUsers, seeker: User) -> None:
    for sort, key in WELL_FORMED:
        response = await users.client.get(
            "/api/v1/jobs",
            params={
                "q": "welder",
                "sort": request_sort(sort),
                "cursor": job_cursor(**valid(sort, key)),
            },
            headers=seeker.auth,
        )
        assert response.status_code == 200, (sort, key, response.text)
