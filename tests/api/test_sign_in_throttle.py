"""Wrong passwords make the next try wait, longer each time, per e-mail address and per
client address, in the database: two platform instances (two workers) on one database
hold the same waits. A try made too early is 429 with Retry-After and the wait in
words; the right password clears the address's count."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import event
from starlette.requests import Request

from gpseeker.server import ServerSettings, create_app
from gpseeker.server.sign_in_guard import REFUSAL_PAUSE_SECONDS, client_address

from .conftest import PASSWORD, Clock, PlatformUsers

LOGIN = "/api/v1/auth/login"
WRONG = "not the password at all"


@pytest.fixture
async def second_worker(database_url: str, settings: ServerSettings) -> AsyncIterator[FastAPI]:
    """Another platform instance on the same database, as a second worker would be."""
    app = create_app(database_url, settings=settings)
    await app.state.platform.start()
    yield app
    await app.state.platform.aclose()


def client_of(app: FastAPI, address: str = "127.0.0.1") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://platform.test")


async def test_wrong_passwords_earn_growing_waits_then_429_across_two_workers(
    client: httpx.AsyncClient, users: PlatformUsers, second_worker: FastAPI, clock: Clock
) -> None:
    ana = await users.seeker(email="ana@example.com")
    async with client_of(second_worker) as other:
        workers = [client, other]
        for number in range(5):  # the free tries, on either worker
            free = await workers[number % 2].post(
                LOGIN, json={"email": ana.email, "password": WRONG}
            )
            assert free.status_code == 401
            assert "Retry-After" not in free.headers
        waits = []
        for number in range(4):
            failed = await workers[number % 2].post(
                LOGIN, json={"email": ana.email, "password": WRONG}
            )
            assert failed.status_code == 401
            wait = int(failed.headers["Retry-After"])
            assert f"try again in {wait} second" in failed.json()["error"]["message"]
            # Too early, on the other worker, and even with the right password.
            early = await workers[(number + 1) % 2].post(
                LOGIN, json={"email": "ANA@example.com", "password": PASSWORD}
            )
            assert early.status_code == 429
            assert early.headers["Retry-After"] == str(wait)
            assert early.json()["error"]["code"] == "too_many_attempts"
            assert f"Try again in {wait} second" in early.json()["error"]["message"]
            waits.append(wait)
            clock.advance(seconds=wait)
        assert waits == [1, 2, 4, 8]
        # On time, the right password signs in and clears the count.
        right = await other.post(LOGIN, json={"email": ana.email, "password": PASSWORD})
        assert right.status_code == 200
        again = await client.post(LOGIN, json={"email": ana.email, "password": WRONG})
        assert again.status_code == 401
        assert "Retry-After" not in again.headers


async def test_an_unknown_address_waits_exactly_like_one_with_an_account(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    await users.seeker(email="ana@example.com")
    answers: dict[str, list[tuple[int, str | None, bytes]]] = {}
    for email in ("ana@example.com", "bob@example.com"):
        answers[email] = []
        for _ in range(7):
            answer = await client.post(LOGIN, json={"email": email, "password": WRONG})
            answers[email].append(
                (answer.status_code, answer.headers.get("Retry-After"), answer.content)
            )
    assert answers["ana@example.com"] == answers["bob@example.com"]
    assert [status for status, _, _ in answers["bob@example.com"]] == [401] * 6 + [429]


async def test_waits_grow_to_the_longest_and_a_quiet_day_starts_afresh(
    client: httpx.AsyncClient, users: PlatformUsers, clock: Clock, app: FastAPI
) -> None:
    await users.seeker(email="ana@example.com")
    longest = app.state.platform.settings.sign_in_max_wait_seconds
    waits = []
    for _ in range(16):
        answer = await client.post(LOGIN, json={"email": "ana@example.com", "password": WRONG})
        assert answer.status_code == 401
        wait = int(answer.headers.get("Retry-After", 0))
        waits.append(wait)
        clock.advance(seconds=wait)
    assert waits[5:] == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, longest]
    assert "try again in 15 minutes" in answer.json()["error"]["message"]
    clock.advance(hours=24)
    fresh = await client.post(LOGIN, json={"email": "ana@example.com", "password": WRONG})
    assert fresh.status_code == 401
    assert "Retry-After" not in fresh.headers


async def test_one_client_trying_many_addresses_waits_and_others_do_not(
    app: FastAPI, users: PlatformUsers
) -> None:
    kai = await users.seeker(email="kai@example.com")
    free = app.state.platform.settings.sign_in_client_free_failures
    async with client_of(app, "203.0.113.7") as sprayer, client_of(app, "198.51.100.2") as kai_s:
        for number in range(free):
            answer = await sprayer.post(
                LOGIN, json={"email": f"guess{number}@example.com", "password": WRONG}
            )
            assert answer.status_code == 401
            assert "Retry-After" not in answer.headers
        over = await sprayer.post(LOGIN, json={"email": "one.more@example.com", "password": WRONG})
        assert over.headers["Retry-After"] == "1"
        # That client waits, even for an address it never tried...
        blocked = await sprayer.post(LOGIN, json={"email": kai.email, "password": PASSWORD})
        assert blocked.status_code == 429
        # ... and nobody else does.
        mine = await kai_s.post(LOGIN, json={"email": kai.email, "password": PASSWORD})
        assert mine.status_code == 200


async def test_right_passwords_never_add_up_against_a_client(
    client: httpx.AsyncClient, users: PlatformUsers, app: FastAPI
) -> None:
    ana = await users.seeker(email="ana@example.com")
    for _ in range(app.state.platform.settings.sign_in_client_free_failures + 5):
        answer = await client.post(LOGIN, json={"email": ana.email, "password": PASSWORD})
        assert answer.status_code == 200


def request_from(host: str | None) -> Request:
    scope = {"type": "http", "client": None if host is None else (host, 1), "headers": []}
    return Request(scope)


def test_an_ipv6_client_counts_by_its_64_and_a_local_one_as_local() -> None:
    assert client_address(request_from("2001:db8:1:2:aaaa::1")) == "2001:db8:1:2::/64"
    assert client_address(request_from("2001:db8:1:2:ffff::9")) == "2001:db8:1:2::/64"
    assert client_address(request_from("::ffff:192.0.2.4")) == "192.0.2.4"
    assert client_address(request_from("192.0.2.4")) == "192.0.2.4"
    assert client_address(request_from(None)) == "local"


async def test_a_block_this_worker_has_seen_is_refused_without_a_query_after_a_pause(
    client: httpx.AsyncClient, users: PlatformUsers, app: FastAPI, clock: Clock
) -> None:
    await users.seeker(email="ana@example.com")
    for _ in range(6):
        await client.post(LOGIN, json={"email": "ana@example.com", "password": WRONG})
    statements: list[str] = []

    def record(*args: object) -> None:
        statements.append(str(args[2]))

    engine = app.state.platform.engine.sync_engine
    event.listen(engine, "before_cursor_execute", record)
    started = time.monotonic()
    try:
        refused = await client.post(LOGIN, json={"email": "ana@example.com", "password": WRONG})
    finally:
        event.remove(engine, "before_cursor_execute", record)
    assert refused.status_code == 429
    assert statements == []
    # And only after a pause, so a client knocking in a loop knocks slowly.
    assert time.monotonic() - started >= REFUSAL_PAUSE_SECONDS
    # Once it has ended, the database is asked again.
    clock.advance(seconds=1)
    after = await client.post(LOGIN, json={"email": "ana@example.com", "password": PASSWORD})
    assert after.status_code == 200
