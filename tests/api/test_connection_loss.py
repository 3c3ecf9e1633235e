"""PostgreSQL ends the platform's connections (a restart, a failover, an operator's
`pg_terminate_backend`): the platform reconnects by itself, answers a request caught
in the middle with 503 and Retry-After (never a 500), and a client that repeats its
keyed write gets it applied exactly once."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import AsyncIterator, Iterable
from typing import Any

import asyncpg
import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import Connection, event, text

from gpseeker.server import ServerSettings, create_app
from gpseeker.server.deps import close_session
from tests.api.conftest import PlatformUsers, User, full_profile
from tests.stores import postgres_url

APPLY = {"cover_note": "I would love to join.", "disclose": ["phone"]}
JOBS = 24
KILLS_PER_BURST = 6
"""A bounded number, as in life: a retry must be able to get through at last."""


@pytest.fixture
def store() -> str:
    # Only PostgreSQL has connections to lose.
    if postgres_url() is None:
        pytest.skip("GPSEEKER_TEST_POSTGRES_URL is not set")
    return "postgresql"


@pytest.fixture
async def backends(app: FastAPI) -> AsyncIterator[set[int]]:
    """The server process ids of every connection the platform opens from now on
    (those of other test runs sharing the database are never touched)."""
    pids: set[int] = set()

    def remember(dbapi_connection: Any, _record: Any) -> None:
        # SQLAlchemy's adapter around asyncpg's connection, which knows its backend.
        pids.add(dbapi_connection._connection.get_server_pid())

    engine = app.state.platform.engine
    await engine.dispose()  # the connections made so far are reopened, and seen
    event.listen(engine.sync_engine, "connect", remember)
    yield pids
    event.remove(engine.sync_engine, "connect", remember)


@pytest.fixture
async def admin() -> AsyncIterator[asyncpg.Connection]:
    """A connection of the operator's, beside the platform's."""
    url = postgres_url()
    assert url is not None
    connection = await asyncpg.connect(url.split("?")[0])
    yield connection
    await connection.close()


async def terminate(admin: asyncpg.Connection, pids: Iterable[int]) -> int:
    """End these backends as `pg_terminate_backend` does; returns how many were alive."""
    ended = await admin.fetchval(
        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
        "WHERE pid = ANY($1::int[])",
        list(pids),
    )
    return int(ended)


async def terminate_one_busy(admin: asyncpg.Connection, pids: Iterable[int]) -> int:
    """End one of these backends that is serving a request (in a query or a
    transaction), if any is; returns how many were ended (0 or 1)."""
    ended = await admin.fetchval(
        "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM ("
        "  SELECT pid FROM pg_stat_activity WHERE pid = ANY($1::int[]) AND state <> 'idle'"
        "  ORDER BY random() LIMIT 1) AS busy",
        list(pids),
    )
    return int(ended)


async def kill_while(done: asyncio.Event, admin: asyncpg.Connection, pids: set[int]) -> int:
    """End the connections of requests in flight until `done`; returns how many."""
    ended = 0
    while not done.is_set() and ended < KILLS_PER_BURST:
        # One connection in the middle of a request at a time, often enough to catch
        # requests at every step.
        await asyncio.sleep(0.02)
        ended += await terminate_one_busy(admin, pids)
    return ended


async def gone(admin: asyncpg.Connection, pids: Iterable[int]) -> None:
    """Wait until the ended backends have exited (termination is a signal)."""
    for _ in range(200):
        left = await admin.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE pid = ANY($1::int[])", list(pids)
        )
        if left == 0:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the terminated backends did not exit")


async def test_the_first_request_after_the_connections_were_ended_succeeds(
    users: PlatformUsers, backends: set[int], admin: asyncpg.Connection
) -> None:
    seeker = await users.seeker()
    await users.save_profile(seeker, full_profile("Ana Souza", seeker.email))
    assert backends, "the platform opened no connection"
    assert await terminate(admin, backends) == len(backends)
    await gone(admin, backends)

    # Idle connections in the pool were ended: each is found out and replaced by a
    # ping, so no user meets the loss.
    profile = await users.client.get("/api/v1/me/profile", headers=seeker.auth)
    assert profile.status_code == 200, profile.text
    assert profile.json()["profile"]["headline"] == "Backend developer"
    # And again, before a write.
    assert await terminate(admin, backends)
    await gone(admin, backends)
    visibility = await users.client.put(
        "/api/v1/me/visibility", json={"resume": "searchable"}, headers=seeker.auth
    )
    assert visibility.status_code == 200, visibility.text


async def apply_until_answered(
    client: httpx.AsyncClient, seeker: User, job_id: int, statuses: Counter[str]
) -> dict[str, Any]:
    """Apply as gpseeker's client does: one Idempotency-Key, repeated on a 503."""
    headers = {**seeker.auth, "Idempotency-Key": f"apply-{job_id}"}
    for _ in range(30):
        answer = await client.post(
            f"/api/v1/jobs/{job_id}/applications", json=APPLY, headers=headers
        )
        if answer.status_code == 201:
            statuses["201"] += 1
            created: dict[str, Any] = answer.json()
            return created
        assert answer.status_code == 503, answer.text
        code = answer.json()["error"]["code"]
        assert code in {"busy", "interrupted"}, answer.text
        assert answer.headers["Retry-After"] == "1"
        statuses[f"503 {code}"] += 1
    raise AssertionError(f"job {job_id}: still no answer after 30 tries ({statuses})")


async def test_keyed_writes_survive_connections_ended_during_a_burst(
    users: PlatformUsers,
    backends: set[int],
    admin: asyncpg.Connection,
    caplog: pytest.LogCaptureFixture,
) -> None:
    employer = await users.employer()
    job_ids = [await users.post_job(employer, f"Engineer {number}") for number in range(JOBS)]
    seeker = await users.seeker()
    await users.save_profile(seeker, full_profile("Ana Souza", seeker.email))
    statuses: Counter[str] = Counter()
    kills = 0
    acknowledged: dict[int, int] = {}
    caplog.set_level(logging.WARNING)

    # Bursts of applications while every platform connection is ended again and
    # again, until some requests were caught in the middle (usually the first burst).
    for burst in range(0, JOBS, 8):
        batch = job_ids[burst : burst + 8]
        done = asyncio.Event()

        killing = asyncio.create_task(kill_while(done, admin, backends))
        try:
            answers = await asyncio.gather(
                *(apply_until_answered(users.client, seeker, job, statuses) for job in batch)
            )
        finally:
            done.set()
            kills += await killing
        acknowledged |= {job: answer["id"] for job, answer in zip(batch, answers, strict=True)}
        if sum(count for status, count in statuses.items() if status.startswith("503")):
            break
    assert kills, "no connection was ended"
    assert any(status.startswith("503") for status in statuses), statuses

    # Every acknowledged application is there exactly once, for both sides.
    mine = await users.client.get("/api/v1/me/applications", headers=seeker.auth)
    assert mine.status_code == 200, mine.text
    held = Counter((row["job_id"], row["id"]) for row in mine.json())
    assert held == Counter(acknowledged.items())
    theirs = await users.client.get("/api/v1/employer/applications", headers=employer.auth)
    assert theirs.status_code == 200, theirs.text
    assert Counter(row["id"] for row in theirs.json()) == Counter(acknowledged.values())
    assert "unhandled error" not in caplog.text


async def test_a_connection_lost_at_commit_is_interrupted_and_the_keyed_retry_applies_once(
    app: FastAPI, users: PlatformUsers
) -> None:
    employer = await users.employer()
    job_id = await users.post_job(employer)
    seeker = await users.seeker()
    await users.save_profile(seeker, full_profile("Ana Souza", seeker.email))
    engine = app.state.platform.engine
    armed = True

    def lose_the_connection(connection: Connection) -> None:
        # The backend ends itself just before COMMIT is sent: from the platform's
        # side, exactly a connection lost while committing.
        nonlocal armed
        if armed:
            armed = False
            connection.exec_driver_sql("SELECT pg_terminate_backend(pg_backend_pid())")

    event.listen(engine.sync_engine, "commit", lose_the_connection)
    headers = {**seeker.auth, "Idempotency-Key": "apply-through-a-lost-commit"}
    try:
        lost = await users.client.post(
            f"/api/v1/jobs/{job_id}/applications", json=APPLY, headers=headers
        )
    finally:
        event.remove(engine.sync_engine, "commit", lose_the_connection)
    assert lost.status_code == 503, lost.text
    assert lost.headers["Retry-After"] == "1"
    error = lost.json()["error"]
    assert error["code"] == "interrupted"
    # Not "nothing was changed": the platform cannot know whether the commit landed.
    assert "cannot tell whether this was saved" in error["message"]

    retried = await users.client.post(
        f"/api/v1/jobs/{job_id}/applications", json=APPLY, headers=headers
    )
    assert retried.status_code == 201, retried.text
    mine = await users.client.get("/api/v1/me/applications", headers=seeker.auth)
    assert [row["id"] for row in mine.json()] == [retried.json()["id"]]


async def test_closing_a_session_whose_connection_was_ended_raises_nothing(
    app: FastAPI, backends: set[int], admin: asyncpg.Connection
) -> None:
    """The session of a request is closed after its answer went out: a rollback that
    fails there must not reach the server, which would drop the client's connection."""
    session = app.state.platform.sessions()
    await session.execute(text("SELECT 1"))  # a transaction is open on a connection
    assert await terminate(admin, backends) == 1
    await gone(admin, backends)
    await close_session(session)  # no exception
    async with app.state.platform.sessions() as fresh:
        assert await fresh.scalar(text("SELECT 1")) == 1


async def test_a_platform_whose_database_is_down_answers_busy_not_500(
    settings: ServerSettings,
) -> None:
    # Nothing listens on port 1: every connection is refused, as while PostgreSQL restarts.
    app = create_app("postgresql://postgres@127.0.0.1:1/test", settings=settings)
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://platform.test") as client:
        jobs = await client.get("/api/v1/jobs", headers={"Authorization": "Bearer unknown"})
        assert jobs.status_code == 503, jobs.text
        assert jobs.json()["error"]["code"] == "busy"
        assert jobs.headers["Retry-After"] == "1"
        health = await client.get("/api/v1/health")
        assert health.status_code == 503, health.text
        assert health.json()["error"]["code"] == "unavailable"
    await app.state.platform.aclose()
