"""A SQLite platform whose file is locked by another writer for longer than it waits
answers 503 "busy" with Retry-After, changes nothing, and the retry with the same
Idempotency-Key applies once: under load the user sees a pause, never a 500."""

from __future__ import annotations

import sqlite3

import pytest
from fastapi import FastAPI
from sqlalchemy.engine import make_url

from gpseeker.server import db
from tests.api.conftest import PlatformUsers, full_profile

APPLY = {"cover_note": "I would love to join.", "disclose": ["phone"]}


async def test_a_write_that_cannot_get_the_lock_is_503_busy_and_the_retry_applies_once(
    store: str, app: FastAPI, users: PlatformUsers, monkeypatch: pytest.MonkeyPatch
) -> None:
    if store != "sqlite":
        pytest.skip("a lock on the whole file is SQLite's; PostgreSQL locks rows")
    employer = await users.employer()
    job_id = await users.post_job(employer)
    seeker = await users.seeker()
    await users.save_profile(seeker, full_profile("Ana Souza", seeker.email))
    # New connections wait 100 ms, not 5 s, for the lock.
    monkeypatch.setattr(db, "SQLITE_BUSY_TIMEOUT_MS", 100)
    await app.state.platform.engine.dispose()
    path = make_url(str(app.state.platform.engine.url)).database
    headers = {**seeker.auth, "Idempotency-Key": "apply-once"}
    holder = sqlite3.connect(path, isolation_level=None)
    try:
        holder.execute("BEGIN IMMEDIATE")  # another writer, holding the lock
        busy = await users.client.post(
            f"/api/v1/jobs/{job_id}/applications", json=APPLY, headers=headers
        )
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert busy.status_code == 503, busy.text
    assert busy.headers["Retry-After"] == "1"
    assert busy.json()["error"]["code"] == "busy"
    assert "nothing was changed" in busy.json()["error"]["message"]
    mine = await users.client.get("/api/v1/me/applications", headers=seeker.auth)
    assert mine.json() == []

    retried = await users.client.post(
        f"/api/v1/jobs/{job_id}/applications", json=APPLY, headers=headers
    )
    assert retried.status_code == 201, retried.text
    again = await users.client.post(
        f"/api/v1/jobs/{job_id}/applications", json=APPLY, headers=headers
    )
    assert again.json() == retried.json()
    mine = await users.client.get("/api/v1/me/applications", headers=seeker.auth)
    assert [application["job_id"] for application in mine.json()] == [job_id]
