"""Mail is opt-in and stops when the candidate says so: consent is recorded with its
date and its way, an unsubscribe is recorded too, and nobody sees another's lists."""

from __future__ import annotations

from .conftest import START, Clock, PlatformUsers

URL = "/api/v1/me/subscriptions"


async def test_nobody_is_subscribed_until_they_say_yes(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    response = await users.client.get(URL, headers=seeker.auth)
    assert response.status_code == 200
    assert response.json() == {
        "email": seeker.email,
        "jobmail": {
            "subscribed": False,
            "consented_at": None,
            "consent_method": None,
            "unsubscribed_at": None,
        },
        "jobmail_frequency": "weekly",
        "newsletters": {
            "subscribed": False,
            "consented_at": None,
            "consent_method": None,
            "unsubscribed_at": None,
        },
    }


async def test_saying_yes_records_when_and_how(users: PlatformUsers, clock: Clock) -> None:
    seeker = await users.seeker()
    response = await users.client.put(
        URL,
        json={"jobmail": True, "jobmail_frequency": "daily", "via": "app"},
        headers=seeker.auth,
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["jobmail"]["subscribed"] is True
    assert body["jobmail"]["consent_method"] == "in the gpseeker app"
    assert body["jobmail"]["consented_at"].startswith(START.strftime("%Y-%m-%dT%H:%M"))
    assert body["jobmail_frequency"] == "daily"
    assert body["newsletters"]["subscribed"] is False  # not given: unchanged

    # Saying yes again keeps the first consent.
    clock.advance(days=1)
    again = await users.client.put(
        URL, json={"jobmail": True, "via": "command"}, headers=seeker.auth
    )
    assert again.json()["jobmail"] == body["jobmail"]

    newsletters = await users.client.put(
        URL, json={"newsletters": True, "via": "command"}, headers=seeker.auth
    )
    assert newsletters.json()["newsletters"]["consent_method"] == "with the gpseeker command"
    assert newsletters.json()["jobmail"]["subscribed"] is True


async def test_unsubscribing_stops_the_list_and_says_when(
    users: PlatformUsers, clock: Clock
) -> None:
    seeker = await users.seeker()
    await users.client.put(URL, json={"jobmail": True}, headers=seeker.auth)
    clock.advance(days=2)
    response = await users.client.put(URL, json={"jobmail": False}, headers=seeker.auth)
    jobmail = response.json()["jobmail"]
    assert jobmail["subscribed"] is False
    assert jobmail["unsubscribed_at"] is not None
    # The record of the earlier yes stays, so the candidate can see it.
    assert jobmail["consent_method"] == "through the API"
    stored = (await users.client.get(URL, headers=seeker.auth)).json()["jobmail"]
    assert stored == jobmail

    # Saying yes again is a new consent.
    clock.advance(days=1)
    back = (await users.client.put(URL, json={"jobmail": True}, headers=seeker.auth)).json()
    assert back["jobmail"]["subscribed"] is True
    assert back["jobmail"]["unsubscribed_at"] is None
    assert back["jobmail"]["consented_at"] > jobmail["consented_at"]


async def test_unsubscribing_from_a_list_never_joined_creates_no_consent(
    users: PlatformUsers,
) -> None:
    seeker = await users.seeker()
    response = await users.client.put(URL, json={"newsletters": False}, headers=seeker.auth)
    assert response.json()["newsletters"] == {
        "subscribed": False,
        "consented_at": None,
        "consent_method": None,
        "unsubscribed_at": None,
    }


async def test_each_candidate_sees_and_changes_only_their_own(users: PlatformUsers) -> None:
    ana, ben = await users.seeker("Ana"), await users.seeker("Ben")
    await users.client.put(URL, json={"jobmail": True}, headers=ana.auth)
    ben_view = (await users.client.get(URL, headers=ben.auth)).json()
    assert ben_view["email"] == ben.email
    assert ben_view["jobmail"]["subscribed"] is False
    await users.client.put(URL, json={"jobmail": False}, headers=ben.auth)
    assert (await users.client.get(URL, headers=ana.auth)).json()["jobmail"]["subscribed"]


async def test_employers_and_strangers_are_refused(users: PlatformUsers) -> None:
    employer = await users.employer()
    assert (await users.client.get(URL, headers=employer.auth)).status_code == 403
    assert (await users.client.get(URL)).status_code == 401
    assert (await users.client.put(URL, json={"jobmail": True})).status_code == 401


async def test_a_bad_update_is_a_field_error(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    for body in ({"jobmail_frequency": "hourly"}, {"via": "fax"}, {"spam": True}):
        response = await users.client.put(URL, json=body, headers=seeker.auth)
        assert response.status_code == 422, body


async def test_unknown_or_malformed_unsubscribe_links_are_404(users: PlatformUsers) -> None:
    for token in ("x", "A" * 43, "%00", "a" * 150, "a" * 300):
        response = await users.client.post(f"/api/v1/unsubscribe/{token}")
        assert response.status_code == 404, (token, response.text)
        assert "not valid" in response.json()["error"]["message"]


async def test_yes_and_no_are_booleans_not_numbers(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    response = await users.client.put(URL, json={"newsletters": 0}, headers=seeker.auth)
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["path"] == "newsletters"
