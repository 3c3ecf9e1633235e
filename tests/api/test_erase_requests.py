"""Erase requests: a candidate asks the employer that received an application to
forget it; the employer answers done (its platform copy goes) or refused, with a
reason the candidate reads beside the disclosure."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import httpx

from gpseeker.server import ServerSettings
from gpseeker.server.erase_requests import WITHDRAWN_NOTE
from gpseeker.server.platform import Platform

from . import stored
from .conftest import PlatformUsers, User, full_profile

COVER = "I would love to build robots with you."


async def applied(
    client: httpx.AsyncClient, users: PlatformUsers, employer: User, seeker: User, title: str
) -> int:
    job_id = await users.post_job(employer, title)
    response = await client.post(
        f"/api/v1/jobs/{job_id}/applications",
        json={"cover_note": COVER, "disclose": ["phone"]},
        headers=seeker.auth,
    )
    assert response.status_code == 201, response.text
    application_id: int = response.json()["id"]
    return application_id


async def ask(client: httpx.AsyncClient, seeker: User, application_id: int) -> httpx.Response:
    return await client.post(
        f"/api/v1/me/applications/{application_id}/erase-request", headers=seeker.auth
    )


async def answer(
    client: httpx.AsyncClient, employer: User, request_id: int, **body: Any
) -> httpx.Response:
    headers = dict(employer.auth)
    if "key" in body:
        headers["Idempotency-Key"] = body.pop("key")
    return await client.post(
        f"/api/v1/employer/erase-requests/{request_id}/answer", json=body, headers=headers
    )


async def get(client: httpx.AsyncClient, user: User, path: str) -> Any:
    response = await client.get(f"/api/v1{path}", headers=user.auth)
    assert response.status_code == 200, response.text
    return response.json()


async def setup(client: httpx.AsyncClient, users: PlatformUsers) -> tuple[User, User, int]:
    employer = await users.employer("Fuji Robotics Inc.")
    ana = await users.seeker("Ana Souza", email="ana.souza@example.com")
    await users.save_profile(ana, full_profile("Ana Souza", ana.email))
    return employer, ana, await applied(client, users, employer, ana, "Robot programmer")


async def test_asking_withdraws_the_application_and_reaches_the_employer(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer, ana, application_id = await setup(client, users)

    first = await ask(client, ana, application_id)
    assert first.status_code == 201, first.text
    made = first.json()
    assert (made["state"], made["employer_name"], made["job_title"]) == (
        "pending",
        "Fuji Robotics Inc.",
        "Robot programmer",
    )
    [application] = await get(client, ana, "/me/applications")
    assert application["status"] == "withdrawn"
    assert application["timeline"][-1]["note"] == WITHDRAWN_NOTE

    again = await ask(client, ana, application_id)
    assert again.status_code == 200
    assert again.json() == made
    [application] = await get(client, ana, "/me/applications")
    assert [step["status"] for step in application["timeline"]].count("withdrawn") == 1
    assert await get(client, ana, "/me/erase-requests") == [made]

    [seen] = await get(client, employer, "/employer/erase-requests")
    assert (seen["id"], seen["application_id"], seen["candidate_name"], seen["state"]) == (
        made["id"],
        application_id,
        "Ana Souza",
        "pending",
    )


async def test_an_application_already_withdrawn_is_not_withdrawn_twice(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    _, ana, application_id = await setup(client, users)
    withdrawn = await client.delete(f"/api/v1/me/applications/{application_id}", headers=ana.auth)
    assert withdrawn.status_code == 200
    assert (await ask(client, ana, application_id)).status_code == 201
    [application] = await get(client, ana, "/me/applications")
    assert [(s["status"], s["note"]) for s in application["timeline"]][-1] == ("withdrawn", "")


async def test_a_refusal_and_its_reason_show_in_the_disclosure_log(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer, ana, application_id = await setup(client, users)
    request_id = (await ask(client, ana, application_id)).json()["id"]

    no_reason = await answer(client, employer, request_id, state="refused")
    assert no_reason.status_code == 422
    reason = "We must keep applications for one year under our hiring rules."
    refused = await answer(client, employer, request_id, state="refused", reason=reason)
    assert refused.status_code == 200, refused.text
    assert (refused.json()["state"], refused.json()["reason"]) == ("refused", reason)

    [event] = await get(client, ana, "/me/disclosures")
    assert event["application_id"] == application_id
    assert event["job_title"] == "Robot programmer"
    assert (event["erase_state"], event["erase_reason"]) == ("refused", reason)
    [mine] = await get(client, ana, "/me/erase-requests")
    assert (mine["state"], mine["reason"]) == ("refused", reason)
    assert mine["answered_at"] is not None
    # Refused: the employer keeps its copy on the platform.
    listed = await get(client, employer, "/employer/applications")
    assert [a["id"] for a in listed] == [application_id]

    twice = await answer(client, employer, request_id, state="done")
    assert twice.status_code == 409
    assert twice.json()["error"]["code"] == "already_answered"


async def stored_copy(
    store: str, database_url: str, directory: Path, application_id: int
) -> tuple[Any, str]:
    """The employer's copy as the store holds it: (candidate view, cover note)."""
    if store == "postgresql":
        row = await stored.fetch_one(
            database_url,
            "SELECT candidate_view::text AS view, cover_note FROM applications WHERE id = $1",
            application_id,
        )
        return row["view"], row["cover_note"]
    with sqlite3.connect(directory / "platform.sqlite3") as connection:
        view, note = connection.execute(
            "SELECT candidate_view, cover_note FROM applications WHERE id = ?",
            (application_id,),
        ).fetchone()
    connection.close()
    return view, note


async def test_done_erases_the_employers_copy(
    client: httpx.AsyncClient,
    users: PlatformUsers,
    tmp_path: Path,
    store: str,
    database_url: str,
) -> None:
    employer, ana, application_id = await setup(client, users)
    kept = await applied(client, users, employer, ana, "Robot tester")
    request_id = (await ask(client, ana, application_id)).json()["id"]

    done = await answer(client, employer, request_id, state="done", key="answer-1")
    assert done.status_code == 200, done.text
    assert done.json()["state"] == "done"
    assert done.json()["candidate_name"] == "(erased)"
    # A retry with the same key gets the same answer; a new answer is a conflict.
    retried = await answer(client, employer, request_id, state="done", key="answer-1")
    assert (retried.status_code, retried.json()) == (200, done.json())
    assert (await answer(client, employer, request_id, state="done")).status_code == 409

    listed = await get(client, employer, "/employer/applications")
    assert [a["id"] for a in listed] == [kept]
    patch = await client.patch(
        f"/api/v1/employer/applications/{application_id}",
        json={"status": "interview"},
        headers=employer.auth,
    )
    assert patch.status_code == 404
    view, note = await stored_copy(store, database_url, tmp_path, application_id)
    assert (json.loads(view), note) == ({}, "")

    # The candidate keeps their record, and reads that it was erased.
    mine = {a["id"]: a for a in await get(client, ana, "/me/applications")}
    assert set(mine) == {application_id, kept}
    events = {e["application_id"]: e for e in await get(client, ana, "/me/disclosures")}
    assert events[application_id]["erase_state"] == "done"
    assert events[kept]["erase_state"] is None


async def test_only_the_owners_reach_a_request(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer, ana, application_id = await setup(client, users)
    other_employer = await users.employer("Kobe Steelworks K.K.")
    other_seeker = await users.seeker("Ben Ito")

    assert (await ask(client, other_seeker, application_id)).status_code == 404
    assert (await ask(client, ana, 999_999)).status_code == 404
    request_id = (await ask(client, ana, application_id)).json()["id"]
    assert await get(client, other_employer, "/employer/erase-requests") == []
    assert await get(client, other_seeker, "/me/erase-requests") == []
    refused = await answer(client, other_employer, request_id, state="done")
    assert refused.status_code == 404
    assert (await answer(client, employer, 999_999, state="done")).status_code == 404
    # Roles: a seeker cannot answer, an employer cannot ask.
    assert (await answer(client, ana, request_id, state="done")).status_code == 403
    assert (await ask(client, employer, application_id)).status_code == 403
    [still] = await get(client, employer, "/employer/erase-requests")
    assert still["state"] == "pending"


async def test_an_older_platform_file_gets_the_erasure_column(
    tmp_path: Path, settings: ServerSettings
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'old.sqlite3'}"
    platform = Platform(url, settings)
    await platform.start()
    await platform.aclose()
    with sqlite3.connect(tmp_path / "old.sqlite3") as connection:
        connection.execute("ALTER TABLE applications DROP COLUMN erased_for_employer_at")
        # Files from before erase requests also predate schema versions.
        connection.execute("DROP TABLE alembic_version")
    connection.close()

    platform = Platform(url, settings)
    await platform.start()
    await platform.aclose()
    with sqlite3.connect(tmp_path / "old.sqlite3") as connection:
        columns = {row[1] for row in connection.execute("PRAGMA table_info('applications')")}
    connection.close()
    assert "erased_for_employer_at" in columns
