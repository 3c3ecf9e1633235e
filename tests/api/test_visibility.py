"""The resume switch, its end date, and blocked companies."""

from __future__ import annotations

import httpx

from .conftest import Clock, PlatformUsers


async def test_locking_takes_effect_at_once(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer = await users.employer()
    ana = await users.searchable_seeker(skills=["Haskell"])
    assert len(await users.search(employer, "haskell")) == 1
    await users.set_visibility(ana, resume="locked")
    assert await users.search(employer, "haskell") == []
    assert await users.search(employer, "") == []
    await users.set_visibility(ana, resume="searchable")
    assert len(await users.search(employer, "haskell")) == 1


async def test_a_searchable_period_ends_by_itself(
    client: httpx.AsyncClient, users: PlatformUsers, clock: Clock
) -> None:
    employer = await users.employer()
    ana = await users.searchable_seeker(skills=["Haskell"])
    # clock.now is 2025-04-01 in Tokyo: searchable through the 3rd.
    await users.set_visibility(ana, resume="searchable", searchable_until="2025-04-03")
    ref = await users.ref_of(employer, "haskell")

    clock.advance(days=2)
    assert len(await users.search(employer, "haskell")) == 1
    visibility = (await client.get("/api/v1/me/visibility", headers=ana.auth)).json()
    assert visibility["resume"] == "searchable"

    clock.advance(days=1)
    assert await users.search(employer, "haskell") == []
    opened = await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=employer.auth)
    assert opened.status_code == 404
    visibility = (await client.get("/api/v1/me/visibility", headers=ana.auth)).json()
    assert visibility["resume"] == "locked"


async def test_an_end_date_in_the_past_is_refused(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    response = await client.put(
        "/api/v1/me/visibility",
        json={"resume": "searchable", "searchable_until": "2025-03-31"},
        headers=ana.auth,
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["path"] == "searchable_until"
    visibility = (await client.get("/api/v1/me/visibility", headers=ana.auth)).json()
    assert visibility["resume"] == "locked"


async def test_the_current_company_never_finds_its_employee_under_any_spelling(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    own_company = await users.employer("sakura systems")
    other = await users.employer("Fuji Robotics")
    await users.searchable_seeker(skills=["Haskell"])  # works at "Sakura Systems K.K."
    assert await users.search(own_company, "haskell") == []
    assert await users.search(own_company, "") == []
    assert len(await users.search(other, "haskell")) == 1


async def test_a_blocked_company_cannot_open_a_reference_it_got_before(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer = await users.employer("Fuji Robotics Co., Ltd.")
    ana = await users.searchable_seeker(skills=["Haskell"])
    ref = await users.ref_of(employer, "haskell")
    blocked = await client.put(
        "/api/v1/me/blocked-companies",
        json={"companies": ["Sakura Systems K.K.", "FUJI ROBOTICS"]},
        headers=ana.auth,
    )
    assert blocked.status_code == 200
    assert await users.search(employer, "haskell") == []
    opened = await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=employer.auth)
    assert opened.status_code == 404


async def test_removing_the_automatic_block_is_remembered_until_the_company_changes(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    sakura = await users.employer("Sakura Systems")
    ana = await users.searchable_seeker(skills=["Haskell"])
    response = await client.put(
        "/api/v1/me/blocked-companies", json={"companies": []}, headers=ana.auth
    )
    assert response.json() == {"companies": []}
    assert len(await users.search(sakura, "haskell")) == 1

    # Saving the profile again with the same company keeps the candidate's choice...
    profile = (await client.get("/api/v1/me/profile", headers=ana.auth)).json()["profile"]
    profile["headline"] = "Senior backend developer"
    await users.save_profile(ana, profile)
    assert len(await users.search(sakura, "haskell")) == 1

    # ...and a new current company is blocked again.
    profile["identity"]["current_company"] = "Momiji Labs GK"
    await users.save_profile(ana, profile)
    companies = (await client.get("/api/v1/me/blocked-companies", headers=ana.auth)).json()
    assert ("Momiji Labs GK", True) in [
        (company["name"], company["automatic"]) for company in companies["companies"]
    ]
    momiji = await users.employer("Momiji Labs")
    assert await users.search(momiji, "haskell") == []


async def test_blocking_a_legal_form_alone_is_a_422(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    response = await client.put(
        "/api/v1/me/blocked-companies", json={"companies": ["Acme", "K.K."]}, headers=ana.auth
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["path"] == "companies.1"
