"""`GET /jobs/{id}`: the page a JobMail link opens, for anyone, without signing in.

Only a listed job is served; an employer's words are text in it, never markup; and
its Content-Security-Policy lets it load and run nothing but its own style.
"""

from __future__ import annotations

import base64
import hashlib
import re

import httpx
import pytest
from sqlalchemy import update

from gpseeker.server.tables import JobRow

from .conftest import PlatformUsers
from .test_organisations import operator_post

HOSTILE_TITLE = '<script>alert("title")</script> Kotlin & "friends"'
HOSTILE_COMPANY = "Evil <img src=x onerror=alert(1)> K.K."
HOSTILE_DESCRIPTION = (
    "</div><script>alert('description')</script>\n"
    '<a href="javascript:alert(1)">apply here</a> \x1b]52;c;aGVsbG8=\x07\n'
    "Second line"
)

PAGE_TAGS = {
    *("html", "head", "meta", "title", "style", "body", "main"),
    *("h1", "h2", "p", "dl", "dt", "dd", "div", "code"),
}
"""Every tag the page itself writes: anything else would have come from the employer."""


def style_hashes(page: httpx.Response) -> tuple[str, str]:
    """The sha256 of the page's one <style> and the one its CSP allows."""
    (style,) = re.findall(r"<style>(.*?)</style>", page.text, re.DOTALL)
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    (allowed,) = re.findall(r"style-src 'sha256-([^']+)'", page.headers["content-security-policy"])
    return digest, allowed


def assert_strict_headers(page: httpx.Response) -> None:
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    policy = {
        part.split()[0]: part.split()[1:]
        for part in page.headers["content-security-policy"].split("; ")
    }
    assert policy["default-src"] == ["'none'"]  # no script, image, font, frame, fetch
    assert policy["form-action"] == ["'none'"] and policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert set(policy) == {"default-src", "style-src", "base-uri", "form-action", "frame-ancestors"}
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["referrer-policy"] == "no-referrer"


async def test_a_listed_job_is_a_page_anyone_can_open_with_every_value_escaped(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer = await users.employer(HOSTILE_COMPANY)
    job_id = await users.post_job(
        employer,
        HOSTILE_TITLE,
        description="Placeholder",
        city="Shibuya<b>",
        skills=["Kotlin</dd><script>x()</script>"],
    )
    # The API refuses an escape character in a description now; one stored before it
    # did (or written by other means) must still come out as harmless text.
    assert users.platform is not None
    async with users.platform.sessions() as session:
        await session.execute(
            update(JobRow).where(JobRow.id == job_id).values(description=HOSTILE_DESCRIPTION)
        )
        await session.commit()

    page = await client.get(f"/jobs/{job_id}")  # no Authorization header
    assert page.status_code == 200, page.text
    assert_strict_headers(page)
    digest, allowed = style_hashes(page)
    assert digest == allowed  # the page's own style is the one the policy lets in
    text = page.text
    # Not one tag from the employer: every < they wrote arrives as &lt;.
    tags = set(re.findall(r"</?([a-z][a-z0-9]*)", text.lower()))
    assert tags <= PAGE_TAGS, tags - PAGE_TAGS
    assert "<script" not in text and "<img" not in text and "<a " not in text
    assert (
        "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; Kotlin &amp; &quot;friends&quot;"
        in text
    )
    assert "Evil &lt;img src=x onerror=alert(1)&gt; K.K. (verified by the platform)" in text
    assert "&lt;/div&gt;&lt;script&gt;alert(&#x27;description&#x27;)" in text
    assert "Shibuya&lt;b&gt;, Tokyo (Kanto), hybrid" in text
    assert "\x1b" not in text and "\x07" not in text and "aGVsbG8=" not in text
    assert "apply here</a>" not in text
    assert "Second line" in text
    assert f"gpseeker apply {job_id}" in text  # where applying happens


async def test_only_a_listed_job_has_a_page(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    unverified = await users.employer("Momiji Labs", verified=False)
    never_listed = await users.post_job(unverified, "Unlisted role")
    suspended = await users.employer("Kaede Inc.")
    held = await users.post_job(suspended, "Held role")
    organisation = await users.organisation_of(suspended)
    response = await operator_post(
        users, f"/organisations/{organisation['id']}/suspend", {"reason": "fake jobs"}
    )
    assert response.status_code == 200, response.text

    for path in (
        f"/jobs/{never_listed}",
        f"/jobs/{held}",
        "/jobs/999999",
        "/jobs/0",
        "/jobs/-1",
        "/jobs/abc",
        "/jobs/1.0",
        "/jobs/99999999999999999999999",  # more than any store's integer
        "/jobs/%EF%BC%91",  # a full-width digit one: isdigit(), but not a job's number
    ):
        page = await client.get(path)
        assert page.status_code == 404, (path, page.text)
        assert_strict_headers(page)
        assert "This job is not on the board" in page.text, path
        assert "Unlisted role" not in page.text and "Held role" not in page.text


async def test_a_closed_job_says_so(client: httpx.AsyncClient, users: PlatformUsers) -> None:
    employer = await users.employer()
    job_id = await users.post_job(employer, "Filled role")
    closed = await client.patch(
        f"/api/v1/employer/jobs/{job_id}", json={"status": "closed"}, headers=employer.auth
    )
    assert closed.status_code == 200, closed.text
    page = await client.get(f"/jobs/{job_id}")
    assert page.status_code == 200
    assert "This job is closed: it no longer takes applications." in page.text


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE"])
async def test_the_page_only_reads(
    client: httpx.AsyncClient, users: PlatformUsers, method: str
) -> None:
    job_id = await users.post_job(await users.employer())
    response = await client.request(method, f"/jobs/{job_id}")
    assert response.status_code == 405
