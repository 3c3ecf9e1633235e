"""The relay: who may invite whom, what a reply carries, and who may read what."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from gpseeker.server import ServerSettings

from .conftest import Clock, PlatformUsers, User, full_profile

INVITE = {"subject": "Backend role in Shibuya", "body": "Would you like an interview next week?"}
SECRETS = ("Ana", "Souza", "ana.souza", "1234", "5678", "Jingumae", "150-0001", "Sakura")


async def invite(
    client: httpx.AsyncClient, employer: User, ref: str, **changes: Any
) -> httpx.Response:
    headers = dict(employer.auth)
    if "key" in changes:
        headers["Idempotency-Key"] = changes.pop("key")
    return await client.post(
        f"/api/v1/employer/candidates/{ref}/invitations",
        json={**INVITE, **changes},
        headers=headers,
    )


async def invited(client: httpx.AsyncClient, users: PlatformUsers) -> tuple[User, User, str]:
    """An employer, a searchable Ana (Haskell) and one invitation from it to her."""
    employer = await users.employer("Fuji Robotics Inc.")
    ana = await users.seeker("Ana Souza", email="ana.souza@example.com")
    await users.save_profile(ana, full_profile("Ana Souza", ana.email, skills=["Haskell"]))
    await users.set_visibility(ana, resume="searchable")
    ref = await users.ref_of(employer, "haskell")
    response = await invite(client, employer, ref)
    assert response.status_code == 201, response.text
    return employer, ana, ref


async def inbox(client: httpx.AsyncClient, seeker: User, **params: Any) -> list[dict[str, Any]]:
    response = await client.get("/api/v1/me/invitations", params=params, headers=seeker.auth)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()
    return items


async def messages(client: httpx.AsyncClient, employer: User) -> list[dict[str, Any]]:
    response = await client.get("/api/v1/employer/messages", headers=employer.auth)
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()
    return items


# --- who may be invited ----------------------------------------------------------------


async def test_an_invitation_reaches_the_candidate(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer, ana, ref = await invited(client, users)
    [item] = await inbox(client, ana)
    assert item["employer_name"] == "Fuji Robotics Inc."
    assert (item["subject"], item["read"], item["state"]) == (INVITE["subject"], False, "open")
    assert item["warnings"] == []
    sent = (await client.get("/api/v1/employer/invitations", headers=employer.auth)).json()
    assert [(s["candidate_ref"], s["state"]) for s in sent] == [(ref, "open")]


async def not_found_like_the_resume_bank(
    client: httpx.AsyncClient, employer: User, ref: str
) -> None:
    response = await invite(client, employer, ref)
    bank = await client.get(f"/api/v1/employer/resume-bank/{ref}", headers=employer.auth)
    assert response.status_code == bank.status_code == 404
    assert response.json() == bank.json()


async def test_a_locked_candidate_cannot_be_invited(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer = await users.employer()
    ana = await users.searchable_seeker(skills=["Haskell"])
    ref = await users.ref_of(employer, "haskell")
    await users.set_visibility(ana, resume="locked")
    await not_found_like_the_resume_bank(client, employer, ref)


async def test_an_expired_searchable_period_cannot_be_invited(
    client: httpx.AsyncClient, users: PlatformUsers, clock: Clock
) -> None:
    employer = await users.employer()
    ana = await users.searchable_seeker(skills=["Haskell"])
    ref = await users.ref_of(employer, "haskell")
    until = clock.now.date() + dt.timedelta(days=1)
    await users.set_visibility(ana, resume="searchable", searchable_until=until.isoformat())
    clock.advance(days=3)
    await not_found_like_the_resume_bank(client, employer, ref)


@pytest.mark.parametrize(
    "blocked", ["Fuji Robotics", "FUJI ROBOTICS K.K.", "株式会社Fuji Robotics"]
)
async def test_a_candidate_blocking_the_employer_cannot_be_invited(
    client: httpx.AsyncClient, users: PlatformUsers, blocked: str
) -> None:
    employer = await users.employer("Fuji Robotics Inc.")
    ana = await users.searchable_seeker(skills=["Haskell"])
    ref = await users.ref_of(employer, "haskell")
    response = await client.put(
        "/api/v1/me/blocked-companies", json={"companies": [blocked]}, headers=ana.auth
    )
    assert response.status_code == 200, response.text
    await not_found_like_the_resume_bank(client, employer, ref)


async def test_another_employers_reference_or_an_invented_one_is_404(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    first = await users.employer("Fuji Robotics")
    second = await users.employer("Momiji Labs")
    await users.searchable_seeker(skills=["Haskell"])
    first_ref = await users.ref_of(first, "haskell")
    borrowed = await invite(client, second, first_ref)
    invented = await invite(client, second, "c_aaaaaaaaaaaaaaaaaaaa")
    assert borrowed.status_code == invented.status_code == 404
    assert borrowed.json() == invented.json()


async def test_the_job_must_be_the_employers_own_open_job(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer = await users.employer("Fuji Robotics")
    other = await users.employer("Momiji Labs")
    await users.searchable_seeker(skills=["Haskell"])
    ref = await users.ref_of(employer, "haskell")
    own = await users.post_job(employer)
    foreign = await users.post_job(other)
    closed = await users.post_job(employer, "Closed role")
    await client.patch(
        f"/api/v1/employer/jobs/{closed}", json={"status": "closed"}, headers=employer.auth
    )
    for job_id in (foreign, closed, 999_999):
        response = await invite(client, employer, ref, job_id=job_id)
        assert response.status_code == 422, response.text
        assert [f["path"] for f in response.json()["error"]["fields"]] == ["job_id"]
    assert (await invite(client, employer, ref, job_id=own)).json()["job_id"] == own


async def test_only_employers_invite(client: httpx.AsyncClient, users: PlatformUsers) -> None:
    seeker = await users.seeker()
    response = await invite(client, seeker, "c_aaaaaaaaaaaaaaaaaaaa")
    assert response.status_code == 403


async def test_an_invitation_with_the_same_key_is_sent_once(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer, ana, ref = await invited(client, users)
    first = await invite(client, employer, ref, key="k-1", subject="Again")
    again = await invite(client, employer, ref, key="k-1", subject="Again")
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert len(await inbox(client, ana)) == 2
    reused = await invite(client, employer, ref, key="k-1", subject="Something else")
    assert reused.status_code == 422
    assert reused.json()["error"]["code"] == "idempotency_key_reused"


# --- the rate limit --------------------------------------------------------------------


@pytest.fixture
def settings(clock: Clock) -> ServerSettings:
    # A cap of 3 for every test here, so the limit is reached quickly; the other
    # tests send at most 3 invitations per employer.
    return ServerSettings(
        password_time_cost=1, password_memory_cost_kib=1024, now=clock, invitations_per_day=3
    )


async def test_the_daily_cap_holds_and_frees_up_after_24_hours(
    client: httpx.AsyncClient, users: PlatformUsers, clock: Clock
) -> None:
    employer, _ana, ref = await invited(client, users)
    clock.advance(hours=1)
    for _ in range(2):
        assert (await invite(client, employer, ref)).status_code == 201
    refused = await invite(client, employer, ref)
    assert refused.status_code == 429
    assert refused.json()["error"]["code"] == "rate_limited"
    # The first invitation leaves the window 23 hours from now.
    assert int(refused.headers["Retry-After"]) == 23 * 3600
    other = await users.employer("Momiji Labs")  # the cap is per employer
    assert (await invite(client, other, await users.ref_of(other, "haskell"))).status_code == 201
    clock.advance(hours=23, seconds=1)
    assert (await invite(client, employer, ref)).status_code == 201
    assert (await invite(client, employer, ref)).status_code == 429


async def test_a_refused_reference_does_not_use_up_the_cap(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer, _ana, ref = await invited(client, users)
    for _ in range(5):
        assert (await invite(client, employer, "c_aaaaaaaaaaaaaaaaaaaa")).status_code == 404
    assert (await invite(client, employer, ref)).status_code == 201


# --- the inbox -------------------------------------------------------------------------


async def test_unread_first_then_newest_and_the_unread_count(
    client: httpx.AsyncClient, users: PlatformUsers, clock: Clock
) -> None:
    employer, ana, ref = await invited(client, users)  # "Backend role in Shibuya"
    for subject in ("Second", "Third"):
        clock.advance(minutes=5)
        assert (await invite(client, employer, ref, subject=subject)).status_code == 201
    count = await client.get("/api/v1/me/invitations/unread-count", headers=ana.auth)
    assert count.json() == {"unread": 3}
    items = await inbox(client, ana)
    assert [i["subject"] for i in items] == ["Third", "Second", INVITE["subject"]]

    third = items[0]["id"]
    read = await client.post(f"/api/v1/me/invitations/{third}/read", headers=ana.auth)
    assert read.status_code == 200 and read.json()["read"] is True
    again = await client.post(f"/api/v1/me/invitations/{third}/read", headers=ana.auth)
    assert again.json() == read.json()
    assert [i["subject"] for i in await inbox(client, ana)] == [
        "Second",
        INVITE["subject"],
        "Third",
    ]
    assert [i["subject"] for i in await inbox(client, ana, unread="true")] == [
        "Second",
        INVITE["subject"],
    ]
    count = await client.get("/api/v1/me/invitations/unread-count", headers=ana.auth)
    assert count.json() == {"unread": 2}
    one = await client.get(f"/api/v1/me/invitations/{third}", headers=ana.auth)
    assert one.json() == read.json()


async def test_triage_warnings_come_with_the_invitation(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer, ana, ref = await invited(client, users)
    body = "You are hired! Send a copy of your passport and add me on WhatsApp."
    assert (await invite(client, employer, ref, body=body)).status_code == 201
    newest = (await inbox(client, ana))[0]
    rules = {warning["rule"] for warning in newest["warnings"]}
    assert rules == {"messaging_handle", "asks_for_documents", "hired_without_interview"}


async def test_a_seeker_cannot_read_anothers_invitation(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    _employer, ana, _ref = await invited(client, users)
    [item] = await inbox(client, ana)
    ben = await users.seeker("Ben Okafor")
    path = f"/api/v1/me/invitations/{item['id']}"
    assert (await client.get(path, headers=ben.auth)).status_code == 404
    for action, body in (("read", None), ("reply", {"body": "hi"}), ("decline", {})):
        response = await client.post(f"{path}/{action}", json=body, headers=ben.auth)
        assert response.status_code == 404, action
    assert await inbox(client, ben) == []
    assert (await client.get(path, headers=ana.auth)).json()["read"] is False


# --- replies and declines ----------------------------------------------------------------


async def reply(client: httpx.AsyncClient, seeker: User, invitation_id: int, **body: Any) -> Any:
    return await client.post(
        f"/api/v1/me/invitations/{invitation_id}/reply", json=body, headers=seeker.auth
    )


async def test_a_reply_reaches_only_the_inviting_employer_without_identity(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer, ana, ref = await invited(client, users)
    bystander = await users.employer("Momiji Labs")
    [item] = await invita_ids(client, ana)
    text = (
        "Hello, I am Ana Souza from Sakura Systems; call me on 090-1234-5678 or write "
        "to ana.souza@example.com. I live at 1-2-3 Jingumae. Yes, I am interested!"
    )
    response = await reply(client, ana, item, body=text)
    assert response.status_code == 200, response.text
    answered = response.json()
    assert answered["state"] == "replied" and answered["read"] is True

    [message] = await messages(client, employer)
    assert (message["invitation_id"], message["candidate_ref"]) == (item, ref)
    assert message["kind"] == "reply"
    assert message["shared_email"] is None and message["shared_phone"] is None
    assert "I am interested" in message["body"]
    relayed = (await client.get("/api/v1/employer/messages", headers=employer.auth)).text
    for secret in SECRETS:
        assert secret not in relayed, secret
    # The candidate sees exactly what the employer received.
    assert answered["reply"] == message["body"]
    assert await messages(client, bystander) == []
    disclosures = (await client.get("/api/v1/me/disclosures", headers=ana.auth)).json()
    assert disclosures == []


async def invita_ids(client: httpx.AsyncClient, seeker: User) -> list[int]:
    return [item["id"] for item in await inbox(client, seeker)]


@pytest.mark.parametrize(
    ("share", "fields"),
    [({"share_email": True}, ["email"]), ({"share_phone": True}, ["phone"])],
)
async def test_a_shared_value_goes_alone_and_is_a_disclosure(
    client: httpx.AsyncClient, users: PlatformUsers, share: dict[str, bool], fields: list[str]
) -> None:
    employer, ana, _ref = await invited(client, users)
    [item] = await invita_ids(client, ana)
    response = await reply(client, ana, item, body="Happy to talk.", **share)
    assert response.status_code == 200, response.text
    [message] = await messages(client, employer)
    expected = {
        "shared_email": "ana.souza@example.com" if "email" in fields else None,
        "shared_phone": "+819012345678" if "phone" in fields else None,
    }
    assert {k: message[k] for k in expected} == expected
    relayed = (await client.get("/api/v1/employer/messages", headers=employer.auth)).text
    for secret in ("Ana", "Souza", "Jingumae", "Sakura"):
        assert secret not in relayed
    [event] = (await client.get("/api/v1/me/disclosures", headers=ana.auth)).json()
    assert event["employer_name"] == "Fuji Robotics Inc."
    assert event["fields"] == fields
    assert event["reason"] == f"reply to invitation {INVITE['subject']}"


async def test_replying_twice_is_a_conflict_and_a_retry_is_not(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer, ana, _ref = await invited(client, users)
    [item] = await invita_ids(client, ana)
    path = f"/api/v1/me/invitations/{item}/reply"
    headers = {**ana.auth, "Idempotency-Key": "reply-1"}
    first = await client.post(path, json={"body": "Yes"}, headers=headers)
    retry = await client.post(path, json={"body": "Yes"}, headers=headers)
    assert first.status_code == retry.status_code == 200
    assert first.json() == retry.json()
    second = await reply(client, ana, item, body="Yes again")
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "already_answered"
    declined = await client.post(
        f"/api/v1/me/invitations/{item}/decline", json={}, headers=ana.auth
    )
    assert declined.status_code == 409
    assert len(await messages(client, employer)) == 1


async def test_a_decline_shows_the_employer_the_reason(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer, ana, ref = await invited(client, users)
    [item] = await invita_ids(client, ana)
    response = await client.post(
        f"/api/v1/me/invitations/{item}/decline",
        json={"reason": "I am staying at Sakura Systems for now."},
        headers=ana.auth,
    )
    assert response.status_code == 200, response.text
    assert response.json()["state"] == "declined"
    [message] = await messages(client, employer)
    assert (message["kind"], message["candidate_ref"]) == ("declined", ref)
    assert message["body"] == "I am staying at [hidden] for now."
    assert response.json()["decline_reason"] == message["body"]
    sent = (await client.get("/api/v1/employer/invitations", headers=employer.auth)).json()
    assert [s["state"] for s in sent] == ["declined"]


async def test_one_employer_cannot_see_anothers_invitations_or_replies(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    employer, ana, _ref = await invited(client, users)
    other = await users.employer("Momiji Labs")
    other_ref = await users.ref_of(other, "haskell")
    assert (await invite(client, other, other_ref, subject="From Momiji")).status_code == 201
    ids = {i["subject"]: i["id"] for i in await inbox(client, ana)}
    await reply(client, ana, ids[INVITE["subject"]], body="To Fuji")
    await reply(client, ana, ids["From Momiji"], body="To Momiji")
    assert [m["body"] for m in await messages(client, employer)] == ["To Fuji"]
    assert [m["body"] for m in await messages(client, other)] == ["To Momiji"]
    sent = (await client.get("/api/v1/employer/invitations", headers=other.auth)).json()
    assert [s["subject"] for s in sent] == ["From Momiji"]
    # Candidate-side paths are not an employer's to use at all.
    own = await client.get(f"/api/v1/me/invitations/{ids['From Momiji']}", headers=other.auth)
    assert own.status_code == 403
