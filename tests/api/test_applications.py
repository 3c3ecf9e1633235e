"""Applying with consent, exactly once, and following the application afterwards."""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import Clock, PlatformUsers, User, full_profile

APPLY = {"cover_note": "I would love to join.", "disclose": ["phone"]}


@pytest.fixture
async def employer(users: PlatformUsers) -> User:
    return await users.employer("Fuji Robotics Inc.")


@pytest.fixture
async def candidate(users: PlatformUsers) -> User:
    seeker = await users.seeker("Ana Souza")
    await users.save_profile(seeker, full_profile("Ana Souza", seeker.email))
    return seeker


async def apply(
    users: PlatformUsers, seeker: User, job_id: int, body: dict[str, Any] = APPLY, key: str = ""
) -> Any:
    headers = {**seeker.auth, **({"Idempotency-Key": key} if key else {})}
    return await users.client.post(
        f"/api/v1/jobs/{job_id}/applications", json=body, headers=headers
    )


async def my_applications(users: PlatformUsers, seeker: User) -> list[dict[str, Any]]:
    response = await users.client.get("/api/v1/me/applications", headers=seeker.auth)
    assert response.status_code == 200
    items: list[dict[str, Any]] = response.json()
    return items


async def employer_applications(users: PlatformUsers, employer: User, **params: Any) -> Any:
    return await users.client.get(
        "/api/v1/employer/applications", params=params, headers=employer.auth
    )


async def test_applying_creates_an_application_the_candidate_can_follow(
    users: PlatformUsers, employer: User, candidate: User
) -> None:
    job_id = await users.post_job(employer, "Robot programmer")
    response = await apply(users, candidate, job_id)
    assert response.status_code == 201
    application = response.json()
    assert application["job_title"] == "Robot programmer"
    assert application["company_name"] == "Fuji Robotics Inc."
    assert application["status"] == "submitted"
    assert application["cover_note"] == "I would love to join."
    assert application["disclosed"] == ["full_name", "email", "phone", "profile"]
    assert [step["status"] for step in application["timeline"]] == ["submitted"]
    assert await my_applications(users, candidate) == [application]

    job = await users.client.get(f"/api/v1/jobs/{job_id}", headers=candidate.auth)
    assert job.json()["applied"] is True
    page = await users.jobs(candidate)
    assert [job["applied"] for job in page["items"]] == [True]


async def test_the_same_key_twice_applies_once_with_identical_answers(
    users: PlatformUsers, employer: User, candidate: User
) -> None:
    job_id = await users.post_job(employer)
    first = await apply(users, candidate, job_id, key="retry-after-timeout")
    second = await apply(users, candidate, job_id, key="retry-after-timeout")
    assert first.status_code == second.status_code == 201
    assert first.content == second.content
    assert len(await my_applications(users, candidate)) == 1
    disclosures = await users.client.get("/api/v1/me/disclosures", headers=candidate.auth)
    assert len(disclosures.json()) == 1


async def test_the_same_key_with_another_request_is_refused(
    users: PlatformUsers, employer: User, candidate: User
) -> None:
    job_id = await users.post_job(employer)
    other_job = await users.post_job(employer, "Other job")
    assert (await apply(users, candidate, job_id, key="k1")).status_code == 201
    for job, body in ((job_id, {**APPLY, "cover_note": "changed"}), (other_job, APPLY)):
        response = await apply(users, candidate, job, body, key="k1")
        assert response.status_code == 422
        assert response.json()["error"]["code"] == "idempotency_key_reused"
    assert len(await my_applications(users, candidate)) == 1


async def test_keys_belong_to_one_user(
    users: PlatformUsers, employer: User, candidate: User
) -> None:
    job_id = await users.post_job(employer)
    other = await users.seeker("Ben Okafor")
    await users.save_profile(other, full_profile("Ben Okafor", other.email))
    assert (await apply(users, candidate, job_id, key="same")).status_code == 201
    response = await apply(users, other, job_id, key="same")
    assert response.status_code == 201
    assert response.json()["id"] != (await my_applications(users, candidate))[0]["id"]


async def test_applying_again_with_another_key_says_already_applied(
    users: PlatformUsers, employer: User, candidate: User
) -> None:
    job_id = await users.post_job(employer)
    assert (await apply(users, candidate, job_id, key="a")).status_code == 201
    response = await apply(users, candidate, job_id, key="b")
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "already_applied"
    response = await apply(users, candidate, job_id)  # no key at all (curl)
    assert response.json()["error"]["code"] == "already_applied"


async def test_a_closed_job_cannot_be_applied_to(
    users: PlatformUsers, employer: User, candidate: User
) -> None:
    job_id = await users.post_job(employer, "Night shift")
    await users.client.patch(
        f"/api/v1/employer/jobs/{job_id}", json={"status": "closed"}, headers=employer.auth
    )
    response = await apply(users, candidate, job_id, key="k")
    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "job_closed"
    assert "Night shift" in error["message"]
    assert "closed" in error["message"]
    assert await my_applications(users, candidate) == []
    disclosures = await users.client.get("/api/v1/me/disclosures", headers=candidate.auth)
    assert disclosures.json() == []


async def test_an_expired_job_cannot_be_applied_to(
    users: PlatformUsers, employer: User, candidate: User, clock: Clock
) -> None:
    job_id = await users.post_job(employer, "Seasonal guide", closes_at="2025-04-01")
    clock.advance(days=1)
    response = await apply(users, candidate, job_id)
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "job_closed"
    assert "2025-04-01" in response.json()["error"]["message"]


async def test_applying_to_an_unknown_job_is_404(users: PlatformUsers, candidate: User) -> None:
    response = await apply(users, candidate, 12345)
    assert response.status_code == 404


async def test_the_disclosure_log_lists_exactly_the_fields_sent(
    users: PlatformUsers, employer: User, candidate: User
) -> None:
    plain = await users.post_job(employer, "Plain job")
    everything = await users.post_job(employer, "Everything job")
    await apply(users, candidate, plain, {"cover_note": "", "disclose": []})
    await apply(users, candidate, everything, {"disclose": ["address", "phone"]})
    response = await users.client.get("/api/v1/me/disclosures", headers=candidate.auth)
    events = {event["reason"]: event for event in response.json()}
    assert events["application to Plain job"]["fields"] == ["full_name", "email", "profile"]
    assert events["application to Everything job"]["fields"] == [
        "full_name",
        "email",
        "phone",
        "address",
        "profile",
    ]
    event = events["application to Plain job"]
    assert event["employer_name"] == "Fuji Robotics Inc."
    assert event["job_id"] == plain
    assert event["application_id"] == (await my_applications(users, candidate))[1]["id"]


async def test_a_ticked_field_the_profile_lacks_is_not_logged_as_sent(
    users: PlatformUsers, employer: User
) -> None:
    seeker = await users.seeker("Chen Wei")  # name and e-mail only, no phone
    job_id = await users.post_job(employer)
    response = await apply(users, seeker, job_id, {"disclose": ["phone"]})
    assert response.json()["disclosed"] == ["full_name", "email", "profile"]
    (application,) = (await employer_applications(users, employer)).json()
    assert application["candidate"]["phone"] is None


async def test_the_employer_receives_the_application_view_as_it_was_when_applied(
    users: PlatformUsers, employer: User, candidate: User
) -> None:
    job_id = await users.post_job(employer)
    await apply(users, candidate, job_id, {"cover_note": "Hello", "disclose": ["phone"]})
    # Afterwards the candidate edits the profile and locks everything down.
    await users.save_profile(
        candidate,
        full_profile("Ana Lima", "ana.lima@example.com", headline="Changed my mind"),
    )
    await users.set_visibility(candidate, resume="locked")

    (application,) = (await employer_applications(users, employer)).json()
    view = application["candidate"]
    assert view["context"] == "application"
    assert view["full_name"] == "Ana Souza"
    assert view["email"] == candidate.email
    assert view["phone"] == "+819012345678"
    assert view["address"] is None  # not ticked
    assert view["headline"] == "Backend developer"
    assert view["current_company"] == "Sakura Systems K.K."
    assert application["cover_note"] == "Hello"


async def test_the_candidate_ref_is_the_one_that_employer_knows(
    users: PlatformUsers, employer: User
) -> None:
    seeker = await users.searchable_seeker("Ana Souza")
    ref = await users.ref_of(employer, "Kubernetes")
    job_id = await users.post_job(employer)
    await apply(users, seeker, job_id)
    (application,) = (await employer_applications(users, employer)).json()
    assert application["candidate"]["candidate_ref"] == ref


async def test_withdrawing_adds_to_the_timeline_and_the_employer_sees_it(
    users: PlatformUsers, employer: User, candidate: User, clock: Clock
) -> None:
    job_id = await users.post_job(employer)
    application_id = (await apply(users, candidate, job_id)).json()["id"]
    clock.advance(hours=2)
    response = await users.client.delete(
        f"/api/v1/me/applications/{application_id}", headers=candidate.auth
    )
    assert response.status_code == 200
    withdrawn = response.json()
    assert withdrawn["status"] == "withdrawn"
    assert [step["status"] for step in withdrawn["timeline"]] == ["submitted", "withdrawn"]
    assert withdrawn["timeline"][1]["at"] == "2025-04-01T05:00:00Z"
    # Withdrawing again (a retry) changes nothing.
    again = await users.client.delete(
        f"/api/v1/me/applications/{application_id}", headers=candidate.auth
    )
    assert again.json() == withdrawn
    (seen,) = (await employer_applications(users, employer)).json()
    assert seen["status"] == "withdrawn"
    # ...and the employer can no longer move it.
    response = await users.client.patch(
        f"/api/v1/employer/applications/{application_id}",
        json={"status": "interview"},
        headers=employer.auth,
    )
    assert response.status_code == 409
    assert response.json()["error"]["code"] == "application_withdrawn"
    # The job shows as not applied, and the candidate may apply afresh.
    job = await users.client.get(f"/api/v1/jobs/{job_id}", headers=candidate.auth)
    assert job.json()["applied"] is False
    assert (await apply(users, candidate, job_id)).status_code == 201


async def test_status_changes_reach_the_candidate(
    users: PlatformUsers, employer: User, candidate: User
) -> None:
    job_id = await users.post_job(employer)
    application_id = (await apply(users, candidate, job_id)).json()["id"]
    # Listing marks a new application as viewed, for the candidate to see.
    (listed,) = (await employer_applications(users, employer)).json()
    assert listed["status"] == "viewed"
    response = await users.client.patch(
        f"/api/v1/employer/applications/{application_id}",
        json={"status": "interview", "note": "Tuesday 10:00, online"},
        headers=employer.auth,
    )
    assert response.status_code == 200
    assert response.json()["status"] == "interview"

    (mine,) = await my_applications(users, candidate)
    assert mine["status"] == "interview"
    assert [(step["status"], step["note"]) for step in mine["timeline"]] == [
        ("submitted", ""),
        ("viewed", ""),
        ("interview", "Tuesday 10:00, online"),
    ]
    # Listing again does not mark it viewed twice.
    await employer_applications(users, employer)
    (mine,) = await my_applications(users, candidate)
    assert len(mine["timeline"]) == 3


@pytest.mark.parametrize("status", ["withdrawn", "submitted"])
async def test_an_employer_cannot_set_the_candidates_own_statuses(
    users: PlatformUsers, employer: User, candidate: User, status: str
) -> None:
    job_id = await users.post_job(employer)
    application_id = (await apply(users, candidate, job_id)).json()["id"]
    response = await users.client.patch(
        f"/api/v1/employer/applications/{application_id}",
        json={"status": status},
        headers=employer.auth,
    )
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["path"] == "status"


async def test_an_employer_sees_only_applications_to_its_own_jobs(
    users: PlatformUsers, employer: User, candidate: User
) -> None:
    rival = await users.employer("Rival Robotics")
    mine = await users.post_job(employer, "Mine")
    theirs = await users.post_job(rival, "Theirs")
    mine_app = (await apply(users, candidate, mine)).json()["id"]
    theirs_app = (await apply(users, candidate, theirs)).json()["id"]

    listed = (await employer_applications(users, employer)).json()
    assert [item["job_title"] for item in listed] == ["Mine"]
    assert (await employer_applications(users, employer, job_id=mine)).status_code == 200
    assert (await employer_applications(users, employer, job_id=theirs)).status_code == 404

    response = await users.client.patch(
        f"/api/v1/employer/applications/{theirs_app}",
        json={"status": "rejected"},
        headers=employer.auth,
    )
    assert response.status_code == 404
    assert [item["id"] for item in (await employer_applications(users, rival)).json()] == [
        theirs_app
    ]
    assert mine_app != theirs_app


async def test_a_seeker_cannot_see_or_withdraw_anothers_application(
    users: PlatformUsers, employer: User, candidate: User
) -> None:
    job_id = await users.post_job(employer)
    application_id = (await apply(users, candidate, job_id)).json()["id"]
    other = await users.seeker("Ben Okafor")
    assert await my_applications(users, other) == []
    response = await users.client.delete(
        f"/api/v1/me/applications/{application_id}", headers=other.auth
    )
    assert response.status_code == 404
    (still,) = await my_applications(users, candidate)
    assert still["status"] == "submitted"


async def test_applications_are_for_seekers_and_their_handling_for_employers(
    users: PlatformUsers, employer: User, candidate: User
) -> None:
    job_id = await users.post_job(employer)
    assert (await apply(users, employer, job_id)).status_code == 403
    assert (
        await users.client.get("/api/v1/me/applications", headers=employer.auth)
    ).status_code == 403
    assert (await employer_applications(users, candidate)).status_code == 403


async def test_a_cover_note_keeps_what_the_application_sends_and_hides_other_contact_routes(
    users: PlatformUsers, employer: User, candidate: User
) -> None:
    job_id = await users.post_job(employer)
    note = (
        "Ana Souza here, of Sakura Systems K.K.; ring 090-1234-5678, "
        "or my friend on 03-5555-0123, or write to ana.souza at gmail dot com."
    )
    response = await apply(users, candidate, job_id, {"cover_note": note, "disclose": []})
    assert response.status_code == 201, response.text
    expected = (
        "Ana Souza here, of Sakura Systems K.K.; ring [hidden], "
        "or my friend on [hidden], or write to [hidden]."
    )
    # The candidate's copy is what the employer received.
    assert response.json()["cover_note"] == expected
    (received,) = (await employer_applications(users, employer)).json()
    assert received["cover_note"] == expected
