"""The invitation caps per target (issue 14): a candidate, an organisation, and one
organisation writing to one candidate each have a cap over any 24 hours, which a
second account of the organisation or a new organisation cannot walk around; the 429
says which cap and when it frees. Every test runs on both stores."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from gpseeker.server import ServerSettings
from tests.api.conftest import Clock, PlatformUsers, User
from tests.api.test_organisations import signup_employer

DAY = 24 * 3600


@pytest.fixture
def caps() -> dict[str, int]:
    """The caps a test sets (ServerSettings field names); a test parametrizes this."""
    return {}


@pytest.fixture
def settings(clock: Clock, caps: dict[str, int]) -> ServerSettings:
    return ServerSettings(password_time_cost=1, password_memory_cost_kib=1024, now=clock, **caps)


async def invite(
    client: httpx.AsyncClient, employer: User, ref: str, key: str | None = None
) -> httpx.Response:
    headers = {**employer.auth, **({"Idempotency-Key": key} if key else {})}
    return await client.post(
        f"/api/v1/employer/candidates/{ref}/invitations",
        json={"subject": "A role", "body": "Would you talk to us?"},
        headers=headers,
    )


async def organisation_of_two(users: PlatformUsers) -> tuple[User, User]:
    """Kaede Inc., verified, with its admin and a second, approved account."""
    client = users.client
    admin = await signup_employer(users, "hr@kaede.example", "Kaede Inc.")
    await users.verify(admin, "Kaede Inc.", domains=["kaede.example"])
    colleague = await signup_employer(users, "sales@kaede.example", "Kaede Japan")
    members = (await users.organisation_of(admin))["members"]
    waiting = next(member for member in members if member["email"] == colleague.email)
    approved = await client.post(
        f"/api/v1/employer/organisation/members/{waiting['id']}/approve", headers=admin.auth
    )
    assert approved.status_code == 200, approved.text
    return admin, colleague


def refusal(response: httpx.Response) -> tuple[int, str, int]:
    """Status, message and Retry-After of a refused invitation."""
    error: dict[str, Any] = response.json()["error"]
    assert error["code"] == "rate_limited", error
    return response.status_code, error["message"], int(response.headers["Retry-After"])


@pytest.mark.parametrize(
    "caps",
    [
        {
            "invitations_per_candidate_per_day": 2,
            "invitations_per_candidate_per_organisation_per_day": 5,
        }
    ],
    ids=["candidate-cap-2"],
)
async def test_a_candidates_cap_holds_for_a_second_account_and_another_organisation(
    client: httpx.AsyncClient, users: PlatformUsers, clock: Clock
) -> None:
    admin, colleague = await organisation_of_two(users)
    momiji = await users.employer("Momiji Labs")
    await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    await users.searchable_seeker("Ben Okafor", skills=["Photoshop"])
    ana_for_kaede = await users.ref_of(admin, "haskell")
    ana_for_momiji = await users.ref_of(momiji, "haskell")

    assert (await invite(client, admin, ana_for_kaede)).status_code == 201
    clock.advance(hours=1)
    assert (await invite(client, admin, ana_for_kaede)).status_code == 201

    # The finding: a second account of the same organisation, and an account of
    # another organisation, invited at once. Now the candidate's cap holds for both.
    for employer, ref in ((colleague, ana_for_kaede), (momiji, ana_for_momiji)):
        status, message, wait = refusal(await invite(client, employer, ref))
        assert status == 429
        assert message.startswith(
            "This candidate has received 2 invitations in the last 24 hours from all "
            "employers together, the most the platform relays to one person"
        )
        # The first invitation leaves the window 23 hours from now: at 2025-04-02
        # 03:00 UTC, noon in Tokyo.
        assert wait == 23 * 3600
        assert message.endswith("Try again in about 23 hours (from 2025-04-02 12:00 Japan time).")
    # Another candidate is another cap.
    assert (
        await invite(client, momiji, await users.ref_of(momiji, "photoshop"))
    ).status_code == 201

    clock.advance(hours=23, seconds=1)
    assert (await invite(client, momiji, ana_for_momiji)).status_code == 201
    assert (await invite(client, colleague, ana_for_kaede)).status_code == 429


@pytest.mark.parametrize("caps", [{"invitations_per_organisation_per_day": 3}], ids=["org-cap-3"])
async def test_an_organisations_accounts_share_one_cap(
    client: httpx.AsyncClient, users: PlatformUsers, clock: Clock
) -> None:
    admin, colleague = await organisation_of_two(users)
    momiji = await users.employer("Momiji Labs")
    skills = ("Haskell", "Photoshop", "Kotlin", "Fortran")
    for number, skill in enumerate(skills):
        await users.searchable_seeker(f"Candidate {number}", skills=[skill])
    refs = [await users.ref_of(admin, skill.lower()) for skill in skills]

    assert (await invite(client, admin, refs[0])).status_code == 201
    clock.advance(minutes=30)
    assert (await invite(client, admin, refs[1])).status_code == 201
    assert (await invite(client, colleague, refs[2])).status_code == 201
    # Each account is far below its own cap (50); together they reached the
    # organisation's, so neither may send a fourth.
    for employer in (colleague, admin):
        status, message, wait = refusal(await invite(client, employer, refs[3]))
        assert status == 429
        assert message.startswith(
            "Your organisation's accounts have sent 3 invitations together in the last 24 "
            "hours, the most one organisation may send. Try again in about 24 hours"
        )
        assert wait == DAY - 30 * 60
    # Another organisation is not held by it.
    assert (await invite(client, momiji, await users.ref_of(momiji, "fortran"))).status_code == 201


async def test_one_organisation_cannot_use_up_a_candidates_cap(
    client: httpx.AsyncClient, users: PlatformUsers, settings: ServerSettings
) -> None:
    # The defaults: 3 from one organisation to one candidate, 20 to a candidate.
    assert settings.invitations_per_candidate_per_organisation_per_day == 3
    admin, colleague = await organisation_of_two(users)
    momiji = await users.employer("Momiji Labs")
    await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    ref = await users.ref_of(admin, "haskell")
    for _ in range(3):
        assert (await invite(client, admin, ref)).status_code == 201
    for employer in (admin, colleague):
        status, message, wait = refusal(await invite(client, employer, ref))
        assert status == 429
        assert message.startswith(
            "Your organisation has sent this candidate 3 invitations in the last 24 hours, "
            "the most one organisation may send one candidate. Try again in about 24 hours"
        )
        assert wait == DAY
    # Everyone else can still reach her.
    assert (await invite(client, momiji, await users.ref_of(momiji, "haskell"))).status_code == 201


@pytest.mark.parametrize(
    "caps", [{"invitations_per_candidate_per_day": 2}], ids=["candidate-cap-2"]
)
@pytest.mark.parametrize("keyed", [True, False], ids=["with-keys", "without-keys"])
async def test_invitations_arriving_at_once_from_many_organisations_stop_at_the_cap(
    client: httpx.AsyncClient, users: PlatformUsers, store: str, keyed: bool
) -> None:
    # The flood the cap is for: many accounts inviting one candidate at the same
    # instant. Counting is not enough on PostgreSQL, where each would count the same
    # "one place left" before any of them wrote; the candidate's lock makes it one
    # step. (SQLite has one writer: a loser that read too early is answered 503 busy,
    # which clients retry, never a 201 past the cap.)
    employers = [await users.employer(f"Flood {number} K.K.") for number in range(6)]
    ana = await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    refs = [await users.ref_of(employer, "haskell") for employer in employers]
    answers = await asyncio.gather(
        *(
            invite(client, employer, ref, key=f"flood-{number}" if keyed else "")
            for number, (employer, ref) in enumerate(zip(employers, refs, strict=True))
        )
    )
    statuses = sorted(answer.status_code for answer in answers)
    assert statuses.count(201) <= 2, statuses
    assert set(statuses) <= {201, 429, 503}, [answer.text for answer in answers]
    if store == "postgresql":
        assert statuses == [201, 201, 429, 429, 429, 429]
    inbox = await client.get("/api/v1/me/invitations", headers=ana.auth)
    assert len(inbox.json()) == statuses.count(201)
