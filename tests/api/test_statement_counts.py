"""How many SQL statements each hot route sends (issue 17): a request's cost on the
platform is mostly its round trips to the store and the ORM's work for each, so a
route that starts sending more fails here, on both stores, before it shows in a
benchmark. Lower a ceiling when a change sends fewer; never raise one to get green.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import event

from .conftest import PlatformUsers, User, full_profile

SQLITE = {
    "search jobs": 4,
    "open a job": 2,
    "apply": 13,
    "resume-bank search": 5,
    "open a candidate": 4,
    "invite": 9,
}
CEILINGS = {
    "sqlite": SQLITE,
    # Invitation caps count with a statement each on PostgreSQL (FILTER, no sub-select).
    "postgresql": {**SQLITE, "invite": 11},
}


@contextmanager
def counting(app: FastAPI) -> Iterator[list[str]]:
    """The statements the platform's engine sends inside the block."""
    sent: list[str] = []

    def note(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        sent.append(statement)

    engine = app.state.platform.engine.sync_engine
    event.listen(engine, "before_cursor_execute", note)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", note)


async def statements(app: FastAPI, request: Callable[[], Awaitable[httpx.Response]]) -> int:
    with counting(app) as sent:
        response = await request()
    assert response.status_code < 300, response.text
    return len(sent)


async def test_each_hot_route_sends_no_more_statements_than_it_did(
    app: FastAPI, users: PlatformUsers, store: str
) -> None:
    client = users.client
    employer = await users.employer("Fuji Robotics Inc.")
    job_ids = [await users.post_job(employer, f"Robot programmer {n}") for n in range(3)]
    seeker: User = await users.searchable_seeker("Ana Souza")
    await users.save_profile(seeker, full_profile("Ana Souza", seeker.email))
    hits = await users.search(employer, "Kubernetes")
    ref = hits[0]["candidate_ref"]
    counts = {
        "search jobs": await statements(
            app, lambda: client.get("/api/v1/jobs", params={"q": "robot"}, headers=seeker.auth)
        ),
        "open a job": await statements(
            app, lambda: client.get(f"/api/v1/jobs/{job_ids[0]}", headers=seeker.auth)
        ),
        "apply": await statements(
            app,
            lambda: client.post(
                f"/api/v1/jobs/{job_ids[1]}/applications",
                json={"cover_note": "Hello", "disclose": ["phone"]},
                headers={**seeker.auth, "Idempotency-Key": "apply-1"},
            ),
        ),
        "resume-bank search": await statements(
            app,
            lambda: client.get(
                "/api/v1/employer/resume-bank", params={"q": "Kubernetes"}, headers=employer.auth
            ),
        ),
        "open a candidate": await statements(
            app, lambda: client.get(f"/api/v1/employer/resume-bank/{ref}", headers=employer.auth)
        ),
        "invite": await statements(
            app,
            lambda: client.post(
                f"/api/v1/employer/candidates/{ref}/invitations",
                json={"subject": "A chat?", "body": "We build robots."},
                headers={**employer.auth, "Idempotency-Key": "invite-1"},
            ),
        ),
    }
    ceilings = CEILINGS[store]
    over = {
        route: (sent, ceilings[route]) for route, sent in counts.items() if sent > ceilings[route]
    }
    assert over == {}, f"more statements than the ceiling (sent, ceiling): {over}"
