"""The request body limit: 413 in the usual error shape, before the rest is read.

The end-to-end twin (tests/e2e/test_body_limit.py) sends 300 MB to a real `gpseeker
serve`; here the app is reached in-process, where httpx hands the body over chunk by
chunk exactly as a server would, so what the app reads can be counted.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from gpseeker.core.models import Profile
from gpseeker.server import create_app
from gpseeker.server.body_limit import size_words
from gpseeker.server.settings import ServerSettings

from .conftest import PlatformUsers, full_profile

LIMIT = ServerSettings().max_body_bytes
CHUNK = 64 * 1024


class Stream:
    """A body made on the fly, `total` bytes of a JSON string that never ends; counts
    what the app pulled of it."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.pulled = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b'{"email": "a@example.com", "password": "'
        while self.pulled < self.total:
            self.pulled += CHUNK
            yield b"a" * CHUNK


def assert_too_large(response: httpx.Response) -> None:
    assert response.status_code == 413, response.text
    error = response.json()["error"]
    assert error["code"] == "body_too_large"
    assert "1 MiB" in error["message"]
    assert response.headers["Connection"] == "close"


def test_the_default_limit_is_one_mebibyte() -> None:
    assert LIMIT == 1024 * 1024
    assert size_words(LIMIT) == "1 MiB"
    assert size_words(512 * 1024) == "512 KiB"
    assert size_words(1000) == "1000 bytes"


@pytest.mark.parametrize(
    ("method", "path"), [("POST", "/api/v1/auth/login"), ("PUT", "/api/v1/me/profile")]
)
async def test_a_declared_length_over_the_limit_is_refused_before_a_byte_is_read(
    client: httpx.AsyncClient, method: str, path: str
) -> None:
    body = Stream(300 * 1024 * 1024)
    response = await client.request(
        method, path, content=body, headers={"Content-Length": str(300 * 1024 * 1024)}
    )
    assert_too_large(response)
    assert body.pulled == 0


async def test_a_chunked_body_is_cut_off_once_it_passes_the_limit(
    client: httpx.AsyncClient,
) -> None:
    body = Stream(300 * 1024 * 1024)
    response = await client.post("/api/v1/auth/login", content=body)
    assert_too_large(response)
    # Read up to the limit and one chunk past it, not the 300 MB.
    assert body.pulled <= LIMIT + 2 * CHUNK


async def test_a_signed_in_write_past_the_limit_is_refused_too(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    seeker = await users.seeker()
    body = Stream(3 * LIMIT)
    response = await client.put(
        "/api/v1/me/profile", content=body, headers={**seeker.auth, "If-Match": '"1"'}
    )
    assert_too_large(response)
    assert body.pulled <= LIMIT + 2 * CHUNK
    # Nothing was saved, and the account still works.
    assert (await client.get("/api/v1/me/profile", headers=seeker.auth)).status_code == 200


def largest_profile(name: str, email: str) -> dict[str, Any]:
    """Every long field at its longest, in Japanese (three bytes a character)."""
    long_text = ("日本語の職務経歴。" * 600)[:5000]
    experience = [
        {
            "title": "ソフトウェアエンジニア",
            "industry": "ソフトウェア",
            "start": "2015-04",
            "end": "2016-03",
            "description": long_text,
        }
    ] * 30
    return full_profile(name, email, summary=long_text, experience=experience)


async def test_the_largest_valid_profile_fits_under_the_default_limit(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    seeker = await users.seeker()
    profile = largest_profile(seeker.name, seeker.email)
    Profile.model_validate(profile)  # valid: every field within its cap
    # As gpseeker's client sends it (httpx's JSON: UTF-8, no ASCII escapes).
    sent = httpx.Request("PUT", "http://x", json=profile).content
    assert len(sent) < LIMIT
    # And even written with \\u escapes, as some other client may.
    assert len(json.dumps(profile).encode()) < LIMIT
    response = await users.save_profile(seeker, profile)
    assert response.status_code == 200


async def test_a_body_within_the_limit_is_read_whole(client: httpx.AsyncClient) -> None:
    # Just under the limit: a login whose password is far too long is a 422, not a 413.
    padding = "a" * (LIMIT - 100)
    response = await client.post(
        "/api/v1/auth/login", json={"email": "a@example.com", "password": padding}
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["path"] == "password"


async def test_the_limit_is_a_setting(database_url: str, settings: ServerSettings) -> None:
    app = create_app(database_url, settings=dataclasses.replace(settings, max_body_bytes=2048))
    await app.state.platform.start()
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    login = "http://platform.test/api/v1/auth/login"
    try:
        async with httpx.AsyncClient(transport=transport) as client:
            small = await client.post(
                login, json={"email": "a@example.com", "password": "a" * 1900}
            )
            large = await client.post(
                login, json={"email": "a@example.com", "password": "a" * 2100}
            )
    finally:
        await app.state.platform.aclose()
    assert small.status_code == 422  # read and validated: the password is too long
    assert large.status_code == 413
    assert "(2 KiB)" in large.json()["error"]["message"]
