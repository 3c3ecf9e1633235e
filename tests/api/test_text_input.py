"""Input that is not text is refused at the edge, naming the field, on both stores.

A NUL byte used to reach the store: PostgreSQL failed on it anywhere (even an
unauthenticated signup's name) and SQLite's full-text parser failed on it in `q`,
both as 500s. Other C0 controls are refused with it; one-line fields refuse line
breaks and tabs, multi-line fields keep them.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from .conftest import PASSWORD, PlatformUsers, User, full_profile, job_draft

CONTROLS = ["\x00", "\x1b", "\x07", "\x08", "\x1f"]
"""NUL, ESC, BEL, backspace and the last C0 control, unit separator."""


def assert_refused(response: httpx.Response, path: str) -> str:
    """A 422 naming `path`; returns its message."""
    assert response.status_code == 422, response.text
    error = response.json()["error"]
    assert error["code"] == "validation_failed"
    [field] = [field for field in error["fields"] if field["path"] == path]
    message: str = field["message"]
    return message


# --- one request, unauthenticated --------------------------------------------------------


@pytest.mark.parametrize("control", CONTROLS)
async def test_a_control_character_in_a_signup_name_is_a_422(
    client: httpx.AsyncClient, users: PlatformUsers, control: str
) -> None:
    response = await client.post(
        "/api/v1/auth/signup",
        json={"email": "mika@example.com", "password": PASSWORD, "full_name": f"Mika{control}"},
    )
    message = assert_refused(response, "full_name")
    assert message == f"must be text: it contains the control character U+{ord(control):04X}"
    # Nothing was created (no mail counted either): the address is still free, and
    # its sign-up makes the account.
    await users.signed_up({"email": "mika@example.com", "password": PASSWORD, "full_name": "Mika"})


async def test_a_company_name_with_a_nul_is_a_422(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/signup",
        json={
            "email": "hr@fuji.example",
            "password": PASSWORD,
            "role": "employer",
            "company_name": "Fuji\x00 Robotics",
        },
    )
    assert_refused(response, "company_name")


# --- query and path parameters -----------------------------------------------------------


async def test_a_control_character_in_a_search_is_a_422(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    employer = await users.employer()
    for path, who in (("/api/v1/jobs", seeker), ("/api/v1/employer/resume-bank", employer)):
        for q in ["\x00", "welder\x00", "a\tb", "a\nb", "\x1b[2J"]:
            response = await users.client.get(path, params={"q": q}, headers=who.auth)
            assert_refused(response, "q")


async def test_any_query_parameter_is_checked(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    response = await users.client.get(
        "/api/v1/jobs", params={"prefecture": "Tokyo\x00"}, headers=seeker.auth
    )
    assert_refused(response, "prefecture")
    odd_name = await users.client.get("/api/v1/jobs?a%00=1", headers=seeker.auth)
    assert_refused(odd_name, "query")


async def test_a_control_character_in_a_path_names_nothing(users: PlatformUsers) -> None:
    employer = await users.employer()
    response = await users.client.get(
        "/api/v1/employer/resume-bank/c_%00abc", headers=employer.auth
    )
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_text_that_only_looks_odd_is_still_searched(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    for q in ["[@click=app.quit]", "日本語", "naïve café", "\u202eexe.jpg", "%00"]:
        response = await users.client.get("/api/v1/jobs", params={"q": q}, headers=seeker.auth)
        assert response.status_code == 200, (q, response.text)


# --- request bodies: one-line and multi-line fields -------------------------------------


async def put_profile(users: PlatformUsers, seeker: User, **changes: Any) -> httpx.Response:
    current = await users.client.get("/api/v1/me/profile", headers=seeker.auth)
    return await users.client.put(
        "/api/v1/me/profile",
        json=full_profile(seeker.name, seeker.email, **changes),
        headers={**seeker.auth, "If-Match": current.headers["ETag"]},
    )


NUL = "must be text: it contains the control character U+0000"
PROFILE_CASES: list[tuple[dict[str, Any], str, str]] = [
    ({"headline": "Backend\ndeveloper"}, "headline", "must be one line (it contains a line break)"),
    ({"headline": "Backend\tdeveloper"}, "headline", "must be one line (it contains a tab)"),
    ({"skills": ["Go", "Rust\x00"]}, "skills.1", NUL),
    ({"summary": "Eight years.\x00"}, "summary", NUL),
    (
        {"summary": "Eight\ryears."},
        "summary",
        "contains a carriage return (U+000D) that does not end a line",
    ),
]


async def test_a_profile_field_that_is_not_text_is_named(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    for changes, path, message in PROFILE_CASES:
        response = await put_profile(users, seeker, **changes)
        assert assert_refused(response, path) == message


async def test_a_nul_deep_in_the_profile_is_named_by_its_path(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    profile = full_profile(seeker.name, seeker.email)
    profile["experience"][0]["description"] = "Payments\x00 platform."
    profile["identity"]["address"]["city"] = "Shibuya\x1b"
    current = await users.client.get("/api/v1/me/profile", headers=seeker.auth)
    response = await users.client.put(
        "/api/v1/me/profile",
        json=profile,
        headers={**seeker.auth, "If-Match": current.headers["ETag"]},
    )
    assert_refused(response, "experience.0.description")
    assert_refused(response, "identity.address.city")


async def test_multi_line_fields_keep_their_lines_and_tabs(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    summary = "Eight years.\n\n\tPayments, then search.\r\nNow: Tokyo."
    response = await put_profile(users, seeker, summary=summary)
    assert response.status_code == 200, response.text
    saved = (await users.client.get("/api/v1/me/profile", headers=seeker.auth)).json()
    # A Windows line break is stored as the line break it is.
    assert saved["profile"]["summary"] == "Eight years.\n\n\tPayments, then search.\nNow: Tokyo."


async def test_a_job_title_is_one_line_and_its_description_many(users: PlatformUsers) -> None:
    employer = await users.employer()
    response = await users.client.post(
        "/api/v1/employer/jobs",
        json=job_draft("Zig lead\nVisa sponsorship: yes"),
        headers=employer.auth,
    )
    assert_refused(response, "title")
    ok = await users.client.post(
        "/api/v1/employer/jobs",
        json=job_draft("Zig lead", description="Line one\n\tLine two"),
        headers=employer.auth,
    )
    assert ok.status_code == 201, ok.text
    assert ok.json()["description"] == "Line one\n\tLine two"
    patched = await users.client.patch(
        f"/api/v1/employer/jobs/{ok.json()['id']}",
        json={"description": "Clipboard\x1b]52;c;aGk=\x07"},
        headers=employer.auth,
    )
    assert_refused(patched, "description")


async def test_an_invitation_subject_is_one_line_and_its_body_many(
    users: PlatformUsers,
) -> None:
    employer = await users.employer()
    await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    ref = await users.ref_of(employer, "haskell")
    url = f"/api/v1/employer/candidates/{ref}/invitations"
    bad = await users.client.post(
        url, json={"subject": "Hello\x00", "body": "Hi\x07"}, headers=employer.auth
    )
    assert_refused(bad, "subject")
    assert_refused(bad, "body")
    good = await users.client.post(
        url, json={"subject": "Hello", "body": "Hi,\n\nan interview?"}, headers=employer.auth
    )
    assert good.status_code == 201, good.text


async def test_a_saved_search_query_is_checked_in_a_body_too(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    response = await users.client.post(
        "/api/v1/me/saved-searches",
        json={"name": "Welders", "query": {"q": "welder\x00"}},
        headers=seeker.auth,
    )
    assert_refused(response, "query.q")


# --- lists and ids have caps ----------------------------------------------------------


async def test_a_list_of_choices_holds_each_at_most_once(users: PlatformUsers) -> None:
    seeker = await users.seeker()
    response = await users.client.get(
        "/api/v1/jobs", params={"job_type": ["full_time"] * 7}, headers=seeker.auth
    )
    assert_refused(response, "job_type")
    profile = await put_profile(
        users, seeker, preferences={"remote": ["onsite", "hybrid", "remote", "onsite"]}
    )
    assert_refused(profile, "preferences.remote")


async def test_an_id_no_store_can_hold_is_a_422(users: PlatformUsers) -> None:
    employer = await users.employer()
    await users.searchable_seeker("Ana Souza", skills=["Haskell"])
    ref = await users.ref_of(employer, "haskell")
    response = await users.client.post(
        f"/api/v1/employer/candidates/{ref}/invitations",
        json={"subject": "Hello", "body": "Hi", "job_id": 2**40},
        headers=employer.auth,
    )
    assert_refused(response, "job_id")
