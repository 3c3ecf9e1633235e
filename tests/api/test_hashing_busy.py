"""Password hashes run off the event loop, a bounded number at once per worker: past
the line's room a sign-in or sign-up is answered 503 "busy" with Retry-After (which
the clients retry), counting nothing; and a freed turn goes to the client served
least recently, so a flood waits behind an honest sign-in."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import sys
import threading
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from gpseeker.client import PlatformClient, RetryPolicy
from gpseeker.server import ServerSettings, create_app
from gpseeker.server.hashing import HashingBusy, HashingTurns
from gpseeker.server.security import HASHING_NICENESS

from .conftest import PASSWORD, PlatformUsers

LOGIN = "/api/v1/auth/login"


async def test_past_the_lines_room_a_turn_is_refused_at_once() -> None:
    turns = HashingTurns(at_once=1, queue=1, per_client=2)
    release = asyncio.Event()

    async def hold(client: str) -> None:
        async with turns.turn(client):
            await release.wait()

    running = asyncio.create_task(hold("a"))
    waiting = asyncio.create_task(hold("b"))
    await asyncio.sleep(0)
    assert (turns.running, turns.waiting) == (1, 1)
    with pytest.raises(HashingBusy) as refused:
        async with turns.turn("c"):
            pass
    assert refused.value.status == 503
    assert refused.value.code == "busy"
    assert refused.value.headers == {"Retry-After": "1"}
    release.set()
    await asyncio.gather(running, waiting)
    assert (turns.running, turns.waiting) == (0, 0)


async def test_one_client_holds_at_most_its_share_of_the_line() -> None:
    turns = HashingTurns(at_once=1, queue=10, per_client=2)
    release = asyncio.Event()

    async def hold(client: str) -> None:
        async with turns.turn(client):
            await release.wait()

    tasks = [asyncio.create_task(hold("flood")) for _ in range(2)]
    await asyncio.sleep(0)
    with pytest.raises(HashingBusy):
        async with turns.turn("flood"):
            pass
    async with asyncio.timeout(1):
        honest = asyncio.create_task(hold("honest"))
        await asyncio.sleep(0)
        assert turns.waiting == 2
        release.set()
        await asyncio.gather(*tasks, honest)


async def test_the_client_served_least_recently_goes_next() -> None:
    turns = HashingTurns(at_once=1, queue=10, per_client=5)
    order: list[str] = []
    gates = {name: asyncio.Event() for name in ("flood-1", "flood-2", "flood-3", "honest")}

    async def hash_as(name: str) -> None:
        async with turns.turn(name.split("-")[0]):
            order.append(name)
            await gates[name].wait()

    first = asyncio.create_task(hash_as("flood-1"))
    await asyncio.sleep(0)
    queued = [asyncio.create_task(hash_as(name)) for name in ("flood-2", "flood-3")]
    await asyncio.sleep(0)
    honest = asyncio.create_task(hash_as("honest"))  # came last
    await asyncio.sleep(0)
    for gate in gates.values():
        gate.set()
    await asyncio.gather(first, *queued, honest)
    assert order == ["flood-1", "honest", "flood-2", "flood-3"]


async def test_a_try_with_no_failures_behind_it_hashes_beside_the_flood() -> None:
    turns = HashingTurns(at_once=1, queue=10, per_client=5, clean=1)
    order: list[str] = []
    release = asyncio.Event()

    async def hash_as(name: str, standing: int) -> None:
        async with turns.turn(name, standing):
            order.append(name)
            await release.wait()

    flood = [asyncio.create_task(hash_as(f"flood-{n}", 3 + n)) for n in range(3)]
    await asyncio.sleep(0)
    assert (turns.running, turns.waiting) == (1, 2)
    honest = asyncio.create_task(hash_as("honest", 0))
    await asyncio.sleep(0)
    assert order == ["flood-0", "honest"]  # at once, beside the flood's hash
    assert (turns.running, turns.waiting) == (2, 2)
    release.set()
    await asyncio.gather(*flood, honest)
    assert (turns.running, turns.waiting) == (0, 0)


@pytest.fixture
async def narrow(database_url: str, settings: ServerSettings) -> AsyncIterator[FastAPI]:
    """A platform whose hasher has one turn, none kept for clean tries, and no room
    to wait."""
    narrow = dataclasses.replace(
        settings,
        password_hashes_at_once=1,
        password_hashes_for_clean_tries=0,
        password_hash_queue=0,
    )
    app = create_app(database_url, settings=narrow)
    await app.state.platform.start()
    yield app
    await app.state.platform.aclose()


async def test_a_busy_hasher_answers_503_busy_and_counts_nothing(narrow: FastAPI) -> None:
    transport = httpx.ASGITransport(app=narrow)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        users = PlatformUsers(client, narrow.state.platform)
        ana = await users.seeker(email="ana@example.com")
        turns = narrow.state.platform.passwords.turns
        async with turns.turn(None):  # another sign-in's hash, running
            answers = [
                await client.post(LOGIN, json={"email": ana.email, "password": "wrong one"})
                for _ in range(8)
            ]
            signup = await client.post(
                "/api/v1/auth/signup", json={"email": "kai@example.com", "password": PASSWORD}
            )
        for answer in [*answers, signup]:
            assert answer.status_code == 503
            assert answer.headers["Retry-After"] == "1"
            assert answer.json()["error"]["code"] == "busy"
        # None of the refused tries counted: the five free wrong ones are all still there.
        for _ in range(5):
            wrong = await client.post(LOGIN, json={"email": ana.email, "password": "wrong one"})
            assert wrong.status_code == 401
            assert "Retry-After" not in wrong.headers


async def test_the_client_retries_a_busy_sign_in(narrow: FastAPI) -> None:
    transport = httpx.ASGITransport(app=narrow)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        await PlatformUsers(client, narrow.state.platform).seeker(email="ana@example.com")
    turns = narrow.state.platform.passwords.turns
    release = asyncio.Event()

    async def busy_for_a_moment() -> None:
        async with turns.turn(None):
            await release.wait()

    holder = asyncio.create_task(busy_for_a_moment())
    await asyncio.sleep(0)

    async def no_wait(_seconds: float) -> None:
        release.set()  # the hasher frees while the client waits to retry
        await asyncio.sleep(0.01)

    signed_in = await PlatformClient.login(
        "http://t",
        "ana@example.com",
        PASSWORD,
        transport=transport,
        retry=RetryPolicy(attempts=3),
        sleep=no_wait,
    )
    await signed_in.aclose()
    await holder
    assert signed_in.session is not None


@pytest.mark.skipif(sys.platform != "linux", reason="per-thread priorities are Linux's")
async def test_a_try_after_failures_hashes_at_a_lower_priority(app: FastAPI) -> None:
    passwords = app.state.platform.passwords

    def priority() -> int:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    own = priority()
    assert await passwords._in_thread(priority) == own
    assert await passwords._in_thread(priority, lower=True) == min(19, own + HASHING_NICENESS)
