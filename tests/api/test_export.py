"""GET /me/export: every kind of record the candidate has, and nothing of anyone else.

`RichCandidate` builds a candidate with one of everything through the API; the
account-deletion tests reuse it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx

from .conftest import PlatformUsers, User, full_profile


@dataclass
class Identity:
    """Identity values unique on the platform, so a byte scan can look for them."""

    name: str
    email: str
    phone: str
    street: str
    company: str
    keyword: str

    @property
    def phone_e164(self) -> str:
        """The phone as the platform stores it."""
        return "".join(c for c in self.phone if c.isdigit() or c == "+")

    def profile(self) -> dict[str, Any]:
        return full_profile(
            self.name,
            self.email,
            identity={
                "full_name": self.name,
                "email": self.email,
                "phone": self.phone,
                "address": {
                    "postal_code": "155-0031",
                    "prefecture": "Tokyo",
                    "city": "Setagaya",
                    "street": self.street,
                },
                "current_company": self.company,
            },
            skills=[self.keyword, "PostgreSQL"],
        )


ZOFIA = Identity(
    name="Zofia Brennan-Okafor",
    email="zofia.brennan@example.net",
    phone="+81 90-4821-7730",
    street="7-9-11 Kitazawa",
    company="Quillfeather Analytics K.K.",
    keyword="Zygorithm",
)
MARCUS = Identity(
    name="Marcus Tenebrae",
    email="marcus.tenebrae@example.org",
    phone="+81 80-3390-1264",
    street="4-4-2 Ebisu",
    company="Lanternfish Logistics K.K.",
    keyword="Quokkaflow",
)


@dataclass
class RichCandidate:
    """A candidate with at least one record of every kind the export holds."""

    user: User
    identity: Identity
    employer: User
    ref: str
    job_ids: list[int]
    application_ids: list[int]
    erase_request_id: int


async def ok(response: httpx.Response, *statuses: int) -> Any:
    assert response.status_code in (statuses or (200,)), response.text
    return response.json() if response.content else None


async def rich_candidate(
    client: httpx.AsyncClient, users: PlatformUsers, identity: Identity, company: str
) -> RichCandidate:
    """Sign up `identity` and give it every kind of record, with its own employer."""
    employer = await users.employer(company)
    seeker = await users.seeker(identity.name, email=identity.email)
    await users.save_profile(seeker, identity.profile())
    await users.set_visibility(seeker, resume="searchable")
    auth = seeker.auth
    await ok(
        await client.put(
            "/api/v1/me/blocked-companies",
            json={"companies": [identity.company, f"Rival of {identity.keyword} Ltd."]},
            headers=auth,
        )
    )
    job_ids = [
        await users.post_job(employer, f"{identity.keyword} engineer"),
        await users.post_job(employer, f"{identity.keyword} lead"),
    ]
    application_ids = []
    for job_id in job_ids:
        applied = await ok(
            await client.post(
                f"/api/v1/jobs/{job_id}/applications",
                json={
                    "cover_note": f"Hello from {identity.name}",
                    "disclose": ["phone", "address"],
                },
                headers=auth,
            ),
            201,
        )
        application_ids.append(applied["id"])
    # Opening the masked profile logs a profile view; the reference reaches the relay.
    ref = await users.ref_of(employer, identity.keyword)
    await ok(await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=employer.auth))
    invitation = await ok(
        await client.post(
            f"/api/v1/employer/candidates/{ref}/invitations",
            json={"subject": "Interview?", "body": "Would you talk to us?"},
            headers=employer.auth,
        ),
        201,
    )
    await ok(
        await client.post(
            f"/api/v1/me/invitations/{invitation['id']}/reply",
            json={"body": "Gladly.", "share_email": True, "share_phone": True},
            headers=auth,
        )
    )
    erase = await ok(
        await client.post(
            f"/api/v1/me/applications/{application_ids[1]}/erase-request", headers=auth
        ),
        201,
    )
    await ok(
        await client.put(
            "/api/v1/me/subscriptions", json={"jobmail": True, "newsletters": True}, headers=auth
        )
    )
    await ok(await client.put(f"/api/v1/me/saved-jobs/{job_ids[0]}", headers=auth), 204)
    await ok(
        await client.post(
            "/api/v1/me/saved-searches",
            json={"name": f"{identity.keyword} jobs", "query": {"q": identity.keyword}},
            headers=auth,
        ),
        201,
    )
    return RichCandidate(seeker, identity, employer, ref, job_ids, application_ids, erase["id"])


async def exported(client: httpx.AsyncClient, seeker: User) -> httpx.Response:
    response = await client.get("/api/v1/me/export", headers=seeker.auth)
    assert response.status_code == 200, response.text
    return response


async def test_the_export_holds_every_kind_of_record(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    zofia = await rich_candidate(client, users, ZOFIA, "Fuji Robotics Inc.")
    data = (await exported(client, zofia.user)).json()

    assert data["schema_version"] == 1
    assert data["account"]["email"] == ZOFIA.email
    assert data["account"]["display_name"] == ZOFIA.name
    assert data["profile"]["identity"]["phone"] == ZOFIA.phone_e164
    assert data["profile"]["skills"][0] == ZOFIA.keyword
    assert data["visibility"]["resume"] == "searchable"
    assert {c["name"] for c in data["blocked_companies"]} == {
        ZOFIA.company,
        f"Rival of {ZOFIA.keyword} Ltd.",
    }
    applications = {a["id"]: a for a in data["applications"]}
    assert set(applications) == set(zofia.application_ids)
    withdrawn = applications[zofia.application_ids[1]]
    assert [step["status"] for step in withdrawn["timeline"]][-1] == "withdrawn"
    [invitation] = data["invitations"]
    assert invitation["state"] == "replied"
    assert {d["application_id"] for d in data["disclosures"]} >= set(zofia.application_ids)
    # The reply that shared the e-mail address was logged as a disclosure too.
    assert any(d["application_id"] is None and "email" in d["fields"] for d in data["disclosures"])
    assert [v["employer_name"] for v in data["profile_views"]] == ["Fuji Robotics Inc."]
    assert [(e["id"], e["state"]) for e in data["erase_requests"]] == [
        (zofia.erase_request_id, "pending")
    ]
    subscriptions = data["subscriptions"]
    assert subscriptions["email"] == ZOFIA.email
    assert subscriptions["jobmail"]["subscribed"] and subscriptions["newsletters"]["subscribed"]
    assert [(s["job_id"], s["company_name"]) for s in data["saved_jobs"]] == [
        (zofia.job_ids[0], "Fuji Robotics Inc.")
    ]
    assert [s["query"]["q"] for s in data["saved_searches"]] == [ZOFIA.keyword]
    # Every top-level part of the document has something in it.
    assert all(value not in ([], {}, None, "") for value in data.values()), data


async def test_the_export_holds_nothing_of_another_candidate(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    zofia = await rich_candidate(client, users, ZOFIA, "Fuji Robotics Inc.")
    marcus = await rich_candidate(client, users, MARCUS, "Kobe Steelworks K.K.")
    text = (await exported(client, zofia.user)).text

    for value in (
        MARCUS.name,
        MARCUS.email,
        MARCUS.phone_e164,
        MARCUS.street,
        MARCUS.company,
        MARCUS.keyword,
    ):
        assert value not in text
    assert "Kobe Steelworks" not in text
    data = json.loads(text)
    assert not {a["job_id"] for a in data["applications"]} & set(marcus.job_ids)
    assert not {s["job_id"] for s in data["saved_jobs"]} & set(marcus.job_ids)
    assert not {e["application_id"] for e in data["erase_requests"]} & set(marcus.application_ids)


async def test_the_export_needs_a_seeker(client: httpx.AsyncClient, users: PlatformUsers) -> None:
    employer = await users.employer()
    assert (await client.get("/api/v1/me/export")).status_code == 401
    assert (await client.get("/api/v1/me/export", headers=employer.auth)).status_code == 403
