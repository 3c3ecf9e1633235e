"""Two users of each role: nobody but the owner or the addressee reads anything."""

from __future__ import annotations

import httpx
from fastapi import FastAPI
from sqlalchemy import select

from gpseeker.server.tables import Disclosure, Employer
from gpseeker.server.tables import User as UserRow

from .conftest import PlatformUsers, User, full_profile


async def _log_disclosure(app: FastAPI, candidate: User, employer: User) -> None:
    """Stand-in for an application (a later issue): identity sent to one employer."""
    platform = app.state.platform
    async with platform.sessions() as session:
        candidate_id = await session.scalar(
            select(UserRow.id).where(UserRow.email == candidate.email)
        )
        employer_id = await session.scalar(
            select(Employer.id).join(UserRow).where(UserRow.email == employer.email)
        )
        session.add(
            Disclosure(
                candidate_id=candidate_id,
                employer_id=employer_id,
                fields=["full_name", "email"],
                reason="application",
                at=platform.settings.now(),
            )
        )
        await session.commit()


async def test_each_seeker_reads_only_their_own_data(
    app: FastAPI, client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    fuji = await users.employer("Fuji Robotics")
    ana = await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    ben = await users.seeker("Ben Okafor")
    await users.save_profile(
        ben,
        full_profile(
            "Ben Okafor",
            ben.email,
            identity={
                "full_name": "Ben Okafor",
                "email": ben.email,
                "current_company": "Kaede Inc.",
            },
        ),
    )
    ref = await users.ref_of(fuji, "haskell")
    await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=fuji.auth)
    await _log_disclosure(app, ana, fuji)

    for seeker, other in ((ana, ben), (ben, ana)):
        for path in (
            "/api/v1/me/profile",
            "/api/v1/me/visibility",
            "/api/v1/me/employer-view?context=application",
            "/api/v1/me/blocked-companies",
            "/api/v1/me/profile-views",
            "/api/v1/me/disclosures",
            "/api/v1/me",
        ):
            response = await client.get(path, headers=seeker.auth)
            assert response.status_code == 200, path
            assert other.name not in response.text, path
            assert other.email not in response.text, path

    ana_log = (await client.get("/api/v1/me/disclosures", headers=ana.auth)).json()
    assert [event["employer_name"] for event in ana_log] == ["Fuji Robotics"]
    assert (await client.get("/api/v1/me/disclosures", headers=ben.auth)).json() == []
    assert (await client.get("/api/v1/me/profile-views", headers=ben.auth)).json() == []
    ben_blocks = (await client.get("/api/v1/me/blocked-companies", headers=ben.auth)).json()
    # His current company, and the job full_profile gives him with no end date.
    assert [company["name"] for company in ben_blocks["companies"]] == [
        "Kaede Inc.",
        "Sakura Systems K.K.",
    ]


async def test_each_employer_opens_only_the_references_issued_to_it(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    fuji = await users.employer("Fuji Robotics")
    momiji = await users.employer("Momiji Labs")
    await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    await users.searchable_seeker("Ben Okafor", skills=["Photoshop"])
    refs = {
        employer.name: {q: await users.ref_of(employer, q) for q in ("haskell", "photoshop")}
        for employer in (fuji, momiji)
    }
    for employer, other in ((fuji, momiji), (momiji, fuji)):
        for q in ("haskell", "photoshop"):
            own = refs[employer.name][q]
            foreign = refs[other.name][q]
            path = "/api/v1/employer/resume-bank/"
            assert (await client.get(path + own, headers=employer.auth)).status_code == 200
            assert (await client.get(path + foreign, headers=employer.auth)).status_code == 404
