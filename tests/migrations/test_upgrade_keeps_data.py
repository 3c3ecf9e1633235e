"""A database made by the previous schema revision, with a platform's worth of data in
it: `gpseeker serve` refuses it and names the command; the operator runs that command;
then every record is still there, unchanged, and keyword search finds the old rows."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from gpseeker.cli import main
from gpseeker.server import ServerSettings, create_app
from gpseeker.server.db import make_engine
from gpseeker.server.schema import (
    HEAD,
    SchemaOutOfDate,
    downgrade,
    prepare_for_serving,
    shown_url,
    status_of,
)
from tests.api.conftest import PlatformUsers, User, full_profile

PREVIOUS = "0001"


@asynccontextmanager
async def users_of(app: FastAPI) -> AsyncIterator[PlatformUsers]:
    await app.state.platform.start()
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://platform.test") as c:
            yield PlatformUsers(c, app.state.platform)
    finally:
        await app.state.platform.aclose()


async def populate(users: PlatformUsers) -> dict[str, User]:
    """A candidate, an employer, jobs, an application, an invitation, a saved job and a
    saved search, all made through the API as people make them."""
    client = users.client
    employer = await users.employer("Fuji Robotics Inc.")
    ana = await users.seeker("Ana Souza", email="ana.souza@example.com")
    await users.save_profile(ana, full_profile("Ana Souza", ana.email, skills=["Haskell"]))
    await users.set_visibility(ana, resume="searchable")
    haskell = await users.post_job(employer, "Haskell developer", skills=["Haskell", "Nix"])
    await users.post_job(employer, "Café barista", description="Latte art in Kyoto.")
    applied = await client.post(
        f"/api/v1/jobs/{haskell}/applications",
        json={"cover_note": "I have written Haskell for six years."},
        headers=ana.auth,
    )
    assert applied.status_code == 201, applied.text
    ref = await users.ref_of(employer, "haskell")
    invited = await client.post(
        f"/api/v1/employer/candidates/{ref}/invitations",
        json={"subject": "Another role", "body": "Would you talk to us?", "job_id": haskell},
        headers=employer.auth,
    )
    assert invited.status_code == 201, invited.text
    saved = await client.put(f"/api/v1/me/saved-jobs/{haskell}", headers=ana.auth)
    assert saved.status_code in (200, 201, 204), saved.text
    search = await client.post(
        "/api/v1/me/saved-searches",
        json={"name": "Haskell in Tokyo", "query": {"q": "haskell", "prefecture": ["Tokyo"]}},
        headers=ana.auth,
    )
    assert search.status_code == 201, search.text
    return {"employer": employer, "ana": ana}


def without_refs(hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: v for k, v in hit.items() if k != "candidate_ref"} for hit in hits]


async def everything(users: PlatformUsers, people: dict[str, User]) -> dict[str, Any]:
    """What the candidate and the employer can see of their data, searches included."""
    employer, ana = people["employer"], people["ana"]

    async def get(user: User, path: str, **params: Any) -> Any:
        response = await users.client.get(f"/api/v1{path}", params=params, headers=user.auth)
        assert response.status_code == 200, f"{path}: {response.text}"
        return response.json()

    seen = {
        # First: an employer's listing marks applications viewed, which the export shows.
        "employer applications": await get(employer, "/employer/applications"),
        "employer jobs": await get(employer, "/employer/jobs"),
        "employer invitations": await get(employer, "/employer/invitations"),
        # The candidate's every record: account, profile, applications, invitations,
        # saved jobs and searches, disclosures.
        "export": await get(ana, "/me/export"),
        # Keyword search over the old rows: a prefix, a whole word, a folded accent.
        "jobs 'hask'": await users.titles(ana, q="hask"),
        "jobs 'nix'": await users.titles(ana, q="nix"),
        "jobs 'cafe'": await users.titles(ana, q="cafe"),
        # References are remade from each candidate's new secret by revision 0004
        # (the ones recorded before keep working: checked below), so hits are
        # compared without them.
        "resume bank 'haskell'": without_refs(await users.search(employer, "haskell")),
        "resume bank 'kubernetes'": without_refs(await users.search(employer, "kubernetes")),
    }
    assert seen["jobs 'hask'"] == ["Haskell developer"]
    assert seen["jobs 'cafe'"] == ["Café barista"]
    assert len(seen["resume bank 'haskell'"]) == 1
    return seen


async def test_a_database_at_the_previous_revision_is_upgraded_with_nothing_lost(
    database_url: str, settings: ServerSettings, capsys: pytest.CaptureFixture[str]
) -> None:
    async with users_of(create_app(database_url, settings=settings)) as users:
        people = await populate(users)
        before = await everything(users, people)
        old_ref = await users.ref_of(people["employer"], "haskell")
    engine = make_engine(database_url)
    try:
        await downgrade(engine, PREVIOUS)
    finally:
        await engine.dispose()
    assert (await status_of(database_url)).revision == PREVIOUS

    # `gpseeker serve` refuses it, naming the command, and so does each worker.
    with pytest.raises(SchemaOutOfDate) as refused:
        await prepare_for_serving(database_url)
    command = f"gpseeker db upgrade --db {shown_url(database_url)}"
    assert str(refused.value) == (
        f"The database is at schema {PREVIOUS}, this gpseeker needs {HEAD}. "
        f"Back it up, then run: {command}"
    )
    worker = create_app(database_url, settings=settings, upgrade_schema=False)
    with pytest.raises(SchemaOutOfDate):
        await worker.state.platform.start()
    await worker.state.platform.aclose()
    assert (await status_of(database_url)).revision == PREVIOUS, "a refusal changed nothing"

    # The operator runs the command it named (main() runs its own event loop).
    capsys.readouterr()
    code = await asyncio.to_thread(main, command.split()[1:])
    assert code == 0
    assert capsys.readouterr().out == (
        f"Upgraded the database from schema {PREVIOUS} to {HEAD}: {shown_url(database_url)}\n"
    )

    await prepare_for_serving(database_url)  # now a no-op
    worker = create_app(database_url, settings=settings, upgrade_schema=False)
    async with users_of(worker) as users:
        # Revision 0004 made each employer a pending organisation of its own, which
        # the platform's operator verifies (its notes and the README say so).
        assert (await users.organisation_of(people["employer"]))["status"] == "pending"
        await users.verify(people["employer"], "Fuji Robotics Inc.")
        after = await everything(users, people)
        opened = await users.client.get(
            f"/api/v1/employer/resume-bank/{old_ref}", headers=people["employer"].auth
        )
        assert opened.status_code == 200, opened.text
    assert after == before
