"""Who is on the other side: employer organisations, the operator, and what each
status may do. Every test runs on both stores."""

from __future__ import annotations

from typing import Any

import httpx

from tests.api.conftest import PASSWORD, PlatformUsers, User, job_draft


async def signup_employer(users: PlatformUsers, email: str, company: str) -> User:
    """An employer account at `email`, its organisation left as signing up made it."""
    return await users.employer(company, verified=False, email=email)


async def invite(client: httpx.AsyncClient, employer: User, ref: str) -> httpx.Response:
    return await client.post(
        f"/api/v1/employer/candidates/{ref}/invitations",
        json={"subject": "A role", "body": "Would you talk to us?"},
        headers=employer.auth,
    )


async def operator_post(
    users: PlatformUsers, path: str, body: dict[str, Any] | None = None
) -> httpx.Response:
    operator = await users.operator()
    return await users.client.post(f"/api/v1/operator{path}", json=body, headers=operator.auth)


# --- what each status may do ---------------------------------------------------------------


async def test_a_pending_organisation_is_refused_the_resume_bank_in_words(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    verified = await users.employer("Kaede Inc.")
    await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    ref = await users.ref_of(verified, "haskell")
    pending = await users.employer("Momiji Labs", verified=False)

    for response in (
        await client.get("/api/v1/employer/resume-bank", params={"q": ""}, headers=pending.auth),
        await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=pending.auth),
        await invite(client, pending, ref),
    ):
        assert response.status_code == 403, response.text
        error = response.json()["error"]
        assert error["code"] == "organisation_pending"
        assert "waiting for verification by the platform" in error["message"]
    status = await users.organisation_of(pending)
    assert (status["status"], status["can_search"], status["jobs_listed"]) == (
        "pending",
        False,
        False,
    )


async def test_a_pending_organisations_jobs_are_unlisted_until_it_is_verified(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    pending = await users.employer("Momiji Labs", verified=False)
    job_id = await users.post_job(pending, "Kotlin developer", skills=["Kotlin"])
    mine = (await client.get("/api/v1/employer/jobs", headers=pending.auth)).json()
    assert [(job["status"], job["listed"]) for job in mine] == [("open", False)]
    assert await users.titles(ana, q="kotlin") == []
    # Nobody can open it or apply: to a seeker it does not exist yet.
    assert (await client.get(f"/api/v1/jobs/{job_id}", headers=ana.auth)).status_code == 404

    await users.verify(pending, "Momiji Labs GK")
    assert await users.titles(ana, q="kotlin") == ["Kotlin developer"]
    job = (await client.get(f"/api/v1/jobs/{job_id}", headers=ana.auth)).json()
    assert job["company_name"] == "Momiji Labs GK"


async def test_a_suspended_organisation_loses_everything_and_its_invitations_are_marked(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    kaede = await users.employer("Kaede Inc.")
    ana = await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    await users.post_job(kaede, "Haskell developer")
    ref = await users.ref_of(kaede, "haskell")
    assert (await invite(client, kaede, ref)).status_code == 201
    organisation = await users.organisation_of(kaede)

    suspended = await operator_post(
        users,
        f"/organisations/{organisation['id']}/suspend",
        {"reason": "asked candidates for money"},
    )
    assert suspended.status_code == 200, suspended.text
    assert suspended.json()["status"] == "suspended"

    for response in (
        await client.get("/api/v1/employer/resume-bank", params={"q": ""}, headers=kaede.auth),
        await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=kaede.auth),
        await invite(client, kaede, ref),
    ):
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "organisation_suspended"
        assert "asked candidates for money" in response.json()["error"]["message"]
    assert await users.titles(ana, q="haskell") == []

    inbox = (await client.get("/api/v1/me/invitations", headers=ana.auth)).json()
    assert [(item["employer_name"], item["employer_status"]) for item in inbox] == [
        ("Kaede Inc.", "suspended")
    ]
    reply = await client.post(
        f"/api/v1/me/invitations/{inbox[0]['id']}/reply",
        json={"body": "Tell me more"},
        headers=ana.auth,
    )
    assert reply.status_code == 409
    assert reply.json()["error"]["code"] == "sender_suspended"
    declined = await client.post(
        f"/api/v1/me/invitations/{inbox[0]['id']}/decline", json={}, headers=ana.auth
    )
    assert declined.status_code == 200


async def test_only_operators_reach_the_operator_routes(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    seeker = await users.seeker()
    employer = await users.employer()
    for user in (seeker, employer):
        response = await client.get("/api/v1/operator/organisations", headers=user.auth)
        assert response.status_code == 403
        assert response.json()["error"]["message"] == "Only platform operator accounts may do this."
    assert (await client.get("/api/v1/operator/reports")).status_code == 401
    signup = await client.post(
        "/api/v1/auth/signup",
        json={"email": "me@example.org", "password": PASSWORD, "role": "operator"},
    )
    assert signup.status_code == 422
    operator = await users.operator()
    listed = await client.get("/api/v1/operator/organisations", headers=operator.auth)
    assert listed.status_code == 200
    me = (await client.get("/api/v1/me", headers=operator.auth)).json()
    assert me["role"] == "operator"


# --- joining an organisation ----------------------------------------------------------------


async def test_a_colleague_joins_by_domain_and_waits_for_an_admin(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    admin = await signup_employer(users, "hr@kaede.example", "Kaede Inc.")
    await users.verify(admin, "Kaede Inc.", domains=["kaede.example"])
    await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    colleague = await signup_employer(users, "sales@kaede.example", "Kaede Japan")

    status = await users.organisation_of(colleague)
    assert (status["legal_name"], status["status"], status["approved"]) == (
        "Kaede Inc.",
        "verified",
        False,
    )
    refused = await client.get(
        "/api/v1/employer/resume-bank", params={"q": ""}, headers=colleague.auth
    )
    assert refused.json()["error"]["code"] == "account_pending"
    assert "waiting for approval by an admin of Kaede Inc." in refused.json()["error"]["message"]

    members = (await users.organisation_of(admin))["members"]
    waiting = next(member for member in members if member["email"] == "sales@kaede.example")
    assert waiting["typed_company_name"] == "Kaede Japan"
    approved = await client.post(
        f"/api/v1/employer/organisation/members/{waiting['id']}/approve", headers=admin.auth
    )
    assert approved.status_code == 200, approved.text
    # Every account of an organisation sees the same resume bank, under the same
    # references: there is no second view to compare the first with.
    assert await users.search(colleague) == await users.search(admin)
    members_only = await client.post(
        f"/api/v1/employer/organisation/members/{waiting['id']}/approve", headers=colleague.auth
    )
    assert members_only.status_code == 403


async def test_a_free_mail_address_never_identifies_an_organisation(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    first = await signup_employer(users, "kaede.recruit@gmail.com", "Kaede Inc.")
    second = await signup_employer(users, "someone.else@gmail.com", "Kaede Inc.")
    one, two = await users.organisation_of(first), await users.organisation_of(second)
    assert one["id"] != two["id"]
    assert (one["status"], two["status"]) == ("pending", "pending")
    operator = await users.operator()
    organisation = (
        await client.get(f"/api/v1/operator/organisations/{one['id']}", headers=operator.auth)
    ).json()
    assert organisation["domains"] == []
    assert [item["id"] for item in organisation["similar"]] == [two["id"]]
    refused = await operator_post(
        users,
        f"/organisations/{one['id']}/verify",
        {"legal_name": "Kaede", "domains": ["gmail.com"]},
    )
    assert refused.status_code == 422


async def test_a_self_named_account_cannot_write_as_a_verified_organisation(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    hakata = await users.employer("Hakata Pixel Works")
    await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    ref = await users.ref_of(hakata, "haskell")
    impostor = await signup_employer(users, "hakata.pixel.jobs@gmail.com", "Hakata Pixel Works")
    assert (await invite(client, impostor, ref)).status_code == 403
    organisation = await users.organisation_of(impostor)
    taken = await operator_post(
        users,
        f"/organisations/{organisation['id']}/verify",
        {"legal_name": "HAKATA PIXEL WORKS"},
    )
    assert taken.status_code == 409
    assert taken.json()["error"]["code"] == "name_taken"
    assert "merge them" in taken.json()["error"]["message"]


async def test_the_relay_shows_the_verified_legal_name_never_the_typed_one(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer = await signup_employer(users, "jobs@hakata-pixel.example", "Hakata Pixel")
    await users.verify(
        employer, "Hakata Pixel Works K.K.", also_known_as=["博多ピクセルワークス株式会社"]
    )
    ana = await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    ref = await users.ref_of(employer, "haskell")
    assert (
        await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=employer.auth)
    ).is_success
    assert (await invite(client, employer, ref)).status_code == 201
    job_id = await users.post_job(employer, "Level designer")
    applied = await client.post(
        f"/api/v1/jobs/{job_id}/applications", json={"cover_note": ""}, headers=ana.auth
    )
    assert applied.status_code == 201

    inbox = (await client.get("/api/v1/me/invitations", headers=ana.auth)).json()
    views = (await client.get("/api/v1/me/profile-views", headers=ana.auth)).json()
    log = (await client.get("/api/v1/me/disclosures", headers=ana.auth)).json()
    applications = (await client.get("/api/v1/me/applications", headers=ana.auth)).json()
    for item in (*inbox, *views, *log):
        assert (item["employer_name"], item["employer_status"]) == (
            "Hakata Pixel Works K.K.",
            "verified",
        )
    assert applications[0]["company_name"] == "Hakata Pixel Works K.K."
    assert 'Hakata Pixel"' not in str((inbox, views, log, applications))


# --- blocks that hold --------------------------------------------------------------------------

UMBRELLA_VARIANTS = (
    "Umbrella Corp",
    "Umbrellacorp Japan",
    "Umbrellacorp Holdings",
    "アンブレラコープ株式会社",
    "Umbrella\u200bcorp",
)


async def test_a_typed_block_holds_against_every_name_the_organisation_is_verified_under(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    blocked = await client.put(
        "/api/v1/me/blocked-companies",
        json={"companies": ["Umbrellacorp Kabushiki"]},
        headers=ana.auth,
    )
    assert blocked.status_code == 200
    real = await signup_employer(users, "hr@umbrellacorp.example", "Umbrellacorp Kabushiki Kaisha")
    verified = await users.verify(
        real, "Umbrellacorp Kabushiki Kaisha", also_known_as=["アンブレラコープ株式会社"]
    )
    assert await users.search(real, "haskell") == []

    for number, variant in enumerate(UMBRELLA_VARIANTS):
        account = await signup_employer(users, f"recruit{number}@gmail.com", variant)
        organisation = await users.organisation_of(account)
        # Before the operator looks at it, it cannot search at all ...
        refused = await client.get(
            "/api/v1/employer/resume-bank", params={"q": "haskell"}, headers=account.auth
        )
        assert refused.status_code == 403, variant
        # ... and once verified as what it is (one legal entity: merged), the block holds.
        merged = await operator_post(
            users, f"/organisations/{organisation['id']}/merge", {"into": verified["id"]}
        )
        assert merged.status_code == 200, merged.text
        approved = await operator_post(
            users, f"/accounts/{merged.json()['accounts'][-1]['id']}/approve"
        )
        assert approved.status_code == 200
        assert await users.search(account, "haskell") == [], variant

    # A look-alike verified as a company of its own, under a matching name, is blocked
    # by the typed name too.
    for number, variant in enumerate(("Umbrella Corp", "Umbrella\u200bcorp Japan")):
        lookalike = await signup_employer(users, f"hr@lookalike{number}.example", variant)
        await users.verify(lookalike, f"{variant} Limited")
        assert await users.search(lookalike, "haskell") == [], variant

    listed = (await client.get("/api/v1/me/blocked-companies", headers=ana.auth)).json()
    assert listed["companies"][0]["matches"][0] == "Umbrellacorp Kabushiki Kaisha"


async def test_a_picked_organisation_is_blocked_for_every_account_present_and_future(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    first = await signup_employer(users, "hr@umbrellacorp.example", "Umbrellacorp")
    await users.verify(first, "Umbrellacorp Kabushiki Kaisha", domains=["umbrellacorp.example"])
    ref = await users.ref_of(first, "haskell")

    matches = (
        await client.get(
            "/api/v1/me/blockable-organisations", params={"q": "ｕｍｂｒｅｌｌａ"}, headers=ana.auth
        )
    ).json()
    assert [(item["legal_name"]) for item in matches] == ["Umbrellacorp Kabushiki Kaisha"]
    picked = await client.put(
        "/api/v1/me/blocked-companies",
        json={"companies": [{"name": "Umbrella", "organisation_id": matches[0]["id"]}]},
        headers=ana.auth,
    )
    assert picked.json()["companies"][0]["organisation_name"] == "Umbrellacorp Kabushiki Kaisha"

    assert await users.search(first, "haskell") == []
    # The reference it already held now answers as for nobody, opening and inviting.
    assert (
        await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=first.auth)
    ).status_code == 404
    assert (await invite(client, first, ref)).status_code == 404
    # A colleague who joins later, once approved, sees the same nothing.
    later = await signup_employer(users, "talent@umbrellacorp.example", "Umbrella")
    members = (await users.organisation_of(first))["members"]
    await client.post(
        f"/api/v1/employer/organisation/members/{members[-1]['id']}/approve", headers=first.auth
    )
    assert await users.search(later, "haskell") == []
    assert (
        await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=later.auth)
    ).status_code == 404
    # Unblocking works, for the whole organisation at once.
    await client.put("/api/v1/me/blocked-companies", json={"companies": []}, headers=ana.auth)
    assert len(await users.search(later, "haskell")) == 1
    assert ana.email not in str(await users.search(later, "haskell"))


async def test_an_open_ended_experience_entry_blocks_its_company_and_hides_its_name(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    stark = await users.employer("Stark Widgets K.K.")
    ana = await users.seeker("Ana Souza")
    await users.save_profile(
        ana,
        {
            "identity": {"full_name": "Ana Souza", "email": ana.email},
            "headline": "Haskell developer at Stark Widgets",
            "skills": ["Haskell"],
            "experience": [
                {"title": "Engineer", "company": "Stark Widgets", "start": "2021-04"},
                {
                    "title": "Intern",
                    "company": "Kaede Inc.",
                    "start": "2019-04",
                    "end": "2020-03",
                },
            ],
        },
    )
    await users.set_visibility(ana, resume="searchable")
    blocks = (await client.get("/api/v1/me/blocked-companies", headers=ana.auth)).json()
    assert [(item["name"], item["automatic"]) for item in blocks["companies"]] == [
        ("Stark Widgets", True)
    ]
    assert blocks["companies"][0]["matches"] == ["Stark Widgets K.K."]
    assert await users.search(stark, "haskell") == []
    other = await users.employer("Kaede Inc.")
    assert len(await users.search(other, "haskell")) == 1
    # Its name is not in the masked text either, so searching for it finds nobody.
    assert await users.search(other, "stark") == []


# --- references that are never reused ------------------------------------------------------


async def test_a_deleted_candidates_reference_never_answers_for_anyone_again(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer = await users.employer("Kaede Inc.")
    gone = await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    old_ref = await users.ref_of(employer, "haskell")
    old_id = (await client.get("/api/v1/me/export", headers=gone.auth)).json()
    deleted = await client.request(
        "DELETE", "/api/v1/me", json={"confirm_email": gone.email}, headers=gone.auth
    )
    assert deleted.status_code == 200, deleted.text

    newcomer = await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    new_ref = await users.ref_of(employer, "haskell")
    assert new_ref != old_ref
    for response in (
        await client.get(f"/api/v1/employer/resume-bank/{old_ref}", headers=employer.auth),
        await invite(client, employer, old_ref),
    ):
        assert response.status_code == 404
    assert (await invite(client, employer, new_ref)).status_code == 201
    assert old_id  # the export was readable before deletion
    assert newcomer.email != gone.email


async def test_references_differ_by_organisation_and_stay_with_a_merge(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    kaede = await users.employer("Kaede Inc.")
    momiji = await users.employer("Momiji Labs")
    await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    kaede_ref = await users.ref_of(kaede, "haskell")
    momiji_ref = await users.ref_of(momiji, "haskell")
    assert kaede_ref != momiji_ref
    assert (
        await client.get(f"/api/v1/employer/resume-bank/{kaede_ref}", headers=momiji.auth)
    ).status_code == 404

    duplicate = await users.organisation_of(momiji)
    target = await users.organisation_of(kaede)
    merged = await operator_post(
        users, f"/organisations/{duplicate['id']}/merge", {"into": target["id"]}
    )
    assert merged.status_code == 200, merged.text
    assert merged.json()["legal_name"] == "Kaede Inc."
    # Momiji's account now acts for Kaede Inc., and what it held still opens.
    assert (await users.organisation_of(momiji))["legal_name"] == "Kaede Inc."
    assert (
        await client.get(f"/api/v1/employer/resume-bank/{momiji_ref}", headers=momiji.auth)
    ).status_code == 200
    assert await users.search(momiji, "haskell") == await users.search(kaede, "haskell")


# --- reports ---------------------------------------------------------------------------------


async def test_a_reported_invitation_reaches_the_operator_and_the_candidate_sees_its_state(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer = await users.employer("Kaede Inc.")
    ana = await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    ref = await users.ref_of(employer, "haskell")
    sent = await invite(client, employer, ref)
    invitation_id = (await client.get("/api/v1/me/invitations", headers=ana.auth)).json()[0]["id"]

    reported = await client.post(
        f"/api/v1/me/invitations/{invitation_id}/report",
        json={"reason": "They asked me to pay for training"},
        headers=ana.auth,
    )
    assert reported.status_code == 200, reported.text
    assert reported.json()["report"]["state"] == "open"
    again = await client.post(
        f"/api/v1/me/invitations/{invitation_id}/report", json={"reason": "again"}, headers=ana.auth
    )
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "already_reported"

    operator = await users.operator()
    queue = (await client.get("/api/v1/operator/reports", headers=operator.auth)).json()
    assert [
        (item["reason"], item["organisation"]["legal_name"], item["sender_email"]) for item in queue
    ] == [("They asked me to pay for training", "Kaede Inc.", employer.email)]
    assert queue[0]["subject"] == sent.json()["subject"]
    closed = await operator_post(
        users, f"/reports/{queue[0]['id']}", {"state": "resolved", "outcome": "We suspended them."}
    )
    assert closed.status_code == 200
    seen = (await client.get(f"/api/v1/me/invitations/{invitation_id}", headers=ana.auth)).json()
    assert (seen["report"]["state"], seen["report"]["outcome"]) == (
        "resolved",
        "We suspended them.",
    )
    # Another candidate cannot report what is not theirs.
    ben = await users.seeker("Ben Okafor")
    stranger = await client.post(
        f"/api/v1/me/invitations/{invitation_id}/report", json={"reason": "x"}, headers=ben.auth
    )
    assert stranger.status_code == 404


async def test_posting_as_a_pending_organisation_keeps_the_job_for_later(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    pending = await users.employer("Momiji Labs", verified=False)
    posted = await client.post("/api/v1/employer/jobs", json=job_draft(), headers=pending.auth)
    assert posted.status_code == 201
    assert (posted.json()["status"], posted.json()["listed"]) == ("open", False)
