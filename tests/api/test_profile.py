"""The candidate's profile: optimistic concurrency and field-level validation."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import PlatformUsers, User, full_profile


async def read(client: httpx.AsyncClient, user: User) -> httpx.Response:
    response = await client.get("/api/v1/me/profile", headers=user.auth)
    assert response.status_code == 200
    return response


async def test_saving_with_the_etag_stores_the_profile_and_moves_the_etag(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    first = await read(client, ana)
    assert first.headers["ETag"] == first.json()["etag"]
    saved = await client.put(
        "/api/v1/me/profile",
        json=full_profile("Ana Souza", ana.email),
        headers={**ana.auth, "If-Match": first.headers["ETag"]},
    )
    assert saved.status_code == 200
    assert saved.headers["ETag"] != first.headers["ETag"]
    again = await read(client, ana)
    assert again.headers["ETag"] == saved.headers["ETag"]
    profile = again.json()["profile"]
    assert profile["skills"] == ["Kubernetes", "PostgreSQL"]
    assert profile["identity"]["phone"] == "+819012345678"  # stored as E.164


async def test_saving_without_if_match_is_refused_and_changes_nothing(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    before = await read(client, ana)
    response = await client.put(
        "/api/v1/me/profile", json=full_profile("Ana Souza", ana.email), headers=ana.auth
    )
    assert response.status_code == 428
    assert response.json()["error"]["code"] == "precondition_required"
    assert (await read(client, ana)).json() == before.json()


async def test_a_stale_write_gets_412_and_the_server_version_stays(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    stale_etag = (await read(client, ana)).headers["ETag"]
    # Another device saves first.
    await users.save_profile(ana, full_profile("Ana Souza", ana.email, headline="From the laptop"))
    response = await client.put(
        "/api/v1/me/profile",
        json=full_profile("Ana Souza", ana.email, headline="From the phone"),
        headers={**ana.auth, "If-Match": stale_etag},
    )
    assert response.status_code == 412
    assert response.json()["error"]["code"] == "precondition_failed"
    current = await read(client, ana)
    assert current.json()["profile"]["headline"] == "From the laptop"
    assert response.headers["ETag"] == current.headers["ETag"]


@pytest.mark.parametrize(
    ("change", "path", "words"),
    [
        ({"identity": {"full_name": "Ana", "email": "not-an-address"}}, "identity.email", "email"),
        (
            {"identity": {"full_name": "Ana", "email": "a@example.com", "phone": "12"}},
            "identity.phone",
            "phone number",
        ),
        ({"location": {"prefecture": "Atlantis"}}, "location.prefecture", "prefecture"),
        ({"nickname": "Ana"}, "nickname", "not a known field"),
        (
            {"experience": [{"title": "Engineer", "start": "2020-13"}]},
            "experience.0.start",
            "yyyy-mm",
        ),
    ],
)
async def test_bad_values_get_422_with_the_field_path_and_a_human_message(
    client: httpx.AsyncClient,
    users: PlatformUsers,
    change: dict[str, Any],
    path: str,
    words: str,
) -> None:
    ana = await users.seeker()
    before = await read(client, ana)
    response = await client.put(
        "/api/v1/me/profile",
        json=full_profile("Ana Souza", ana.email, **change),
        headers={**ana.auth, "If-Match": before.headers["ETag"]},
    )
    assert response.status_code == 422
    error = response.json()["error"]
    assert error["code"] == "validation_failed"
    fields = {field["path"]: field["message"] for field in error["fields"]}
    assert path in fields, fields
    assert words in fields[path].lower()
    assert not fields[path].startswith("Value error")
    assert (await read(client, ana)).json() == before.json()


async def test_a_body_that_is_not_json_gets_422_not_500(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    response = await client.put(
        "/api/v1/me/profile",
        content=b"{not json",
        headers={**ana.auth, "If-Match": '"1"', "Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_failed"


async def test_saving_blocks_the_current_company_automatically(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    await users.save_profile(ana, full_profile("Ana Souza", ana.email))
    blocked = (await client.get("/api/v1/me/blocked-companies", headers=ana.auth)).json()
    # No verified organisation is called that here: the name waits for one.
    assert blocked["companies"] == [
        {
            "name": "Sakura Systems K.K.",
            "automatic": True,
            "organisation_id": None,
            "organisation_name": None,
            "matches": [],
        }
    ]


async def test_the_employer_view_preview_hides_identity_in_search_and_lists_why(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    await users.save_profile(
        ana,
        full_profile(
            "Ana Souza", ana.email, summary=f"Write to {ana.email} or call 090-1234-5678."
        ),
    )
    search = await client.get("/api/v1/me/employer-view?context=search", headers=ana.auth)
    assert search.status_code == 200
    preview = search.json()
    assert ana.email not in search.text
    assert "Ana Souza" not in search.text
    assert preview["view"]["context"] == "search"
    assert {redaction["kind"] for redaction in preview["redactions"]} >= {"email", "phone"}

    application = await client.get("/api/v1/me/employer-view?context=application", headers=ana.auth)
    view = application.json()["view"]
    assert view["full_name"] == "Ana Souza"
    assert view["phone"] == "+819012345678"  # the most an applied-to employer could get
    assert view["address"] is not None


async def test_an_unknown_preview_context_is_a_422(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker()
    response = await client.get("/api/v1/me/employer-view?context=everyone", headers=ana.auth)
    assert response.status_code == 422
    assert response.json()["error"]["fields"][0]["path"] == "context"
