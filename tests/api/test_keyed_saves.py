"""Profile saves and the resume switch carry an Idempotency-Key, so that a client's
retry after a lost answer is told the truth ("saved") and acts only once.

Without it, the retry of a profile save that had been stored met the version its own
first try made and was refused with 412 ("nothing was saved"); the retry of a switch
could undo a switch made on another device in between.
"""

from __future__ import annotations

from typing import Any

import httpx

from .conftest import PlatformUsers, User, full_profile


async def etag_of(client: httpx.AsyncClient, user: User) -> str:
    response = await client.get("/api/v1/me/profile", headers=user.auth)
    assert response.status_code == 200
    return response.headers["ETag"]


async def keyed_save(
    client: httpx.AsyncClient, user: User, profile: dict[str, Any], if_match: str, key: str
) -> httpx.Response:
    return await client.put(
        "/api/v1/me/profile",
        json=profile,
        headers={**user.auth, "If-Match": if_match, "Idempotency-Key": key},
    )


async def test_a_keyed_profile_save_sent_twice_is_answered_saved_twice_and_stored_once(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    read_at = await etag_of(client, ana)
    profile = full_profile("Ana Souza", ana.email, headline="Saved once")

    first = await keyed_save(client, ana, profile, read_at, "save-1")
    again = await keyed_save(client, ana, profile, read_at, "save-1")

    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
    assert again.headers["ETag"] == first.headers["ETag"] == first.json()["etag"]
    # Stored once: the version moved one step, not two.
    assert await etag_of(client, ana) == first.headers["ETag"]
    assert int(first.headers["ETag"].strip('"')) == int(read_at.strip('"')) + 1


async def test_a_retry_that_comes_after_another_device_saved_overwrites_nothing(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    read_at = await etag_of(client, ana)
    mine = full_profile("Ana Souza", ana.email, headline="From the phone")
    first = await keyed_save(client, ana, mine, read_at, "phone-save")
    await users.save_profile(ana, full_profile("Ana Souza", ana.email, headline="From the laptop"))

    retry = await keyed_save(client, ana, mine, read_at, "phone-save")

    assert retry.status_code == 200  # the phone's save was stored: it is told so
    assert retry.json() == first.json()
    now = (await client.get("/api/v1/me/profile", headers=ana.auth)).json()
    assert now["profile"]["headline"] == "From the laptop"


async def test_a_key_sent_again_with_another_profile_or_version_is_refused(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    read_at = await etag_of(client, ana)
    profile = full_profile("Ana Souza", ana.email, headline="First")
    saved = await keyed_save(client, ana, profile, read_at, "save-1")
    assert saved.status_code == 200

    other_body = await keyed_save(
        client, ana, full_profile("Ana Souza", ana.email, headline="Second"), read_at, "save-1"
    )
    other_version = await keyed_save(client, ana, profile, saved.headers["ETag"], "save-1")

    for refused in (other_body, other_version):
        assert refused.status_code == 422
        assert refused.json()["error"]["code"] == "idempotency_key_reused"
    assert await etag_of(client, ana) == saved.headers["ETag"]


async def test_a_refused_save_keeps_no_answer_under_its_key(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    stale = await etag_of(client, ana)
    await users.save_profile(ana, full_profile("Ana Souza", ana.email, headline="Elsewhere"))
    profile = full_profile("Ana Souza", ana.email, headline="Mine")

    for _ in range(2):  # refused each time: a 412 is not an answer to replay as success
        refused = await keyed_save(client, ana, profile, stale, "late-save")
        assert refused.status_code == 412
        assert refused.headers["ETag"] == await etag_of(client, ana)


async def test_a_keyed_switch_sent_again_does_not_undo_a_lock_made_in_between(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    searchable = {"resume": "searchable"}
    headers = {**ana.auth, "Idempotency-Key": "switch-1"}

    first = await client.put("/api/v1/me/visibility", json=searchable, headers=headers)
    await users.set_visibility(ana, resume="locked")  # another device locks it
    retry = await client.put("/api/v1/me/visibility", json=searchable, headers=headers)

    assert first.status_code == retry.status_code == 200
    assert retry.json() == first.json()
    assert retry.json()["resume"] == "searchable"  # the answer the first try got
    now = (await client.get("/api/v1/me/visibility", headers=ana.auth)).json()
    assert now["resume"] == "locked"  # applied once: the lock made in between stands
