"""Hypothesis against the search endpoints' query strings and cursors, on both stores:
whatever arrives, the answer is a page or a 4xx in the error shape, never a 500.

The cursors drawn range from any text and any bytes in base64url to JSON objects
shaped like the real thing (with the search's real fingerprint, so that they get past
it) whose values are of every kind: booleans, huge and negative numbers, NaN, naive
and out-of-range times, unknown sorts.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Any
from urllib.parse import quote_from_bytes

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gpseeker.core.models import JobQuery, JobSort
from gpseeker.server.job_pages import fingerprint

from .conftest import PlatformUsers, User

FUZZ = settings(
    max_examples=100,
    derandomize=True,  # the same cases every run: a failure here is reproducible
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SORTS: list[JobSort] = ["relevance", "newest", "salary"]


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def assert_answered(response: httpx.Response, *allowed: int) -> None:
    assert response.status_code in allowed, response.text
    if response.status_code >= 400:
        assert response.json()["error"]["code"]


numbers = st.one_of(
    st.integers(),
    st.integers(min_value=2**31 - 2, max_value=2**31 + 1),
    st.integers(min_value=2**63 - 2, max_value=2**64 + 1),
    st.floats(),
    st.booleans(),
    st.none(),
)
offsets = st.builds(
    dt.timezone, st.timedeltas(min_value=-dt.timedelta(hours=23), max_value=dt.timedelta(hours=23))
)
times = st.datetimes(timezones=st.none() | offsets).map(lambda moment: moment.isoformat())
keys = st.one_of(numbers, times, st.text(max_size=30), st.lists(st.integers(), max_size=2))
sorts = st.sampled_from(["relevance", "newest", "salary", "recent"]) | st.text(max_size=8)
controls = st.characters(max_codepoint=0x1F)
texts = st.text(max_size=40) | st.builds(
    lambda before, control, after: before + control + after,
    st.text(max_size=10),
    controls,
    st.text(max_size=10),
)
"""Any text, and often text with a C0 control in it."""


@st.composite
def job_cursors(draw: st.DrawFn, request_sort: JobSort) -> str:
    """A cursor for `q=welder&sort=request_sort`, from garbage to nearly right (mostly
    the latter, which gets furthest: past the fingerprint check to the query)."""
    kind = draw(st.sampled_from(["text", "bytes", "shaped", "shaped", "shaped", "shaped"]))
    if kind == "text":
        return draw(st.text(max_size=80))
    if kind == "bytes":
        return b64(draw(st.binary(max_size=60)))
    query = JobQuery(q="welder", sort=request_sort)
    right_sorts = [request_sort, "recent"] if request_sort == "relevance" else [request_sort]
    fields: dict[str, Any] = {
        "s": draw(st.sampled_from(right_sorts) | st.sampled_from(right_sorts) | sorts),
        "k": draw(keys),
        "i": draw(numbers),
        "m": draw(numbers),
        "q": draw(st.just(fingerprint(query)) | st.just(fingerprint(query)) | st.text()),
    }
    if draw(st.integers(0, 4)) == 0:
        del fields[draw(st.sampled_from(sorted(fields)))]
    return b64(json.dumps(fields).encode())


offset_texts = st.one_of(
    st.integers().map(lambda number: f"o:{number}"),
    numbers.filter(lambda number: isinstance(number, int)).map(lambda number: f"o:{number}"),
    st.text(max_size=12).map(lambda text: f"o:{text}"),
    st.text(max_size=20),
)
resume_bank_cursors = st.one_of(
    offset_texts.map(lambda text: b64(text.encode("utf-8", "surrogatepass"))),
    st.binary(max_size=30).map(b64),
    st.text(max_size=60),
)


@pytest.fixture
async def seeker(users: PlatformUsers) -> User:
    employer = await users.employer()
    for number in range(3):
        await users.post_job(employer, f"Welder {number}", salary_min=None, salary_max=None)
        await users.post_job(employer, f"Welder lead {number}")
    return await users.seeker()


@pytest.fixture
async def employer(users: PlatformUsers) -> User:
    for name in ("Ana Souza", "Ben Okafor"):
        await users.searchable_seeker(name, skills=["Haskell"])
    return await users.employer()


@FUZZ
@given(data=st.data())
async def test_no_job_cursor_is_a_server_error(
    users: PlatformUsers, seeker: User, data: st.DataObject
) -> None:
    sort = data.draw(st.sampled_from(SORTS))
    cursor = data.draw(job_cursors(sort))
    response = await users.client.get(
        "/api/v1/jobs",
        params={"q": "welder", "sort": sort, "cursor": cursor, "limit": 2},
        headers=seeker.auth,
    )
    assert_answered(response, 200, 400, 422)


@FUZZ
@given(cursor=resume_bank_cursors, q=texts)
async def test_no_resume_bank_cursor_or_query_is_a_server_error(
    users: PlatformUsers, employer: User, cursor: str, q: str
) -> None:
    response = await users.client.get(
        "/api/v1/employer/resume-bank",
        params={"q": q, "cursor": cursor, "limit": 1},
        headers=employer.auth,
    )
    assert_answered(response, 200, 400, 422)


@FUZZ
@given(q=texts, sort=st.sampled_from(SORTS))
async def test_no_job_query_text_is_a_server_error(
    users: PlatformUsers, seeker: User, q: str, sort: JobSort
) -> None:
    response = await users.client.get(
        "/api/v1/jobs", params={"q": q, "sort": sort}, headers=seeker.auth
    )
    assert_answered(response, 200, 422)


@FUZZ
@given(raw=st.binary(max_size=60))
async def test_no_raw_query_string_is_a_server_error(
    users: PlatformUsers, seeker: User, employer: User, raw: bytes
) -> None:
    # Any bytes, percent-encoded (invalid UTF-8 among them), as the value of `q` and
    # as a whole query string.
    value = quote_from_bytes(raw, safe="")
    for path, who in (("/api/v1/jobs", seeker), ("/api/v1/employer/resume-bank", employer)):
        for query in (f"q={value}", value, f"{value}={value}"):
            response = await users.client.get(f"{path}?{query}", headers=who.auth)
            assert_answered(response, 200, 422)
