"""Signing up, in and out; tokens; roles."""

from __future__ import annotations

import httpx

from .conftest import PASSWORD, PlatformUsers

SEEKER_ROUTES = [
    ("GET", "/api/v1/me/profile"),
    ("GET", "/api/v1/me/visibility"),
    ("GET", "/api/v1/me/employer-view"),
    ("GET", "/api/v1/me/blocked-companies"),
    ("GET", "/api/v1/me/profile-views"),
    ("GET", "/api/v1/me/disclosures"),
]
EMPLOYER_ROUTES = [
    ("GET", "/api/v1/employer/resume-bank"),
    ("GET", "/api/v1/employer/resume-bank/c_aaaaaaaaaaaaaaaaaaaa"),
]


async def test_signup_with_the_mailed_code_signs_in_and_me_tells_who(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    response = await client.post(
        "/api/v1/auth/signup",
        json={"email": "Ana.Souza@Example.COM", "password": PASSWORD, "full_name": "Ana Souza"},
    )
    assert response.status_code == 202
    assert response.json()["code_required"] is True
    assert "token" not in response.json()
    token = await users.confirm("ana.souza@example.com")
    me = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json() == {
        "email": "ana.souza@example.com",
        "role": "seeker",
        "display_name": "Ana Souza",
    }


async def test_new_seeker_starts_with_a_locked_profile_from_the_signup(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    token = await users.signed_up({"email": "kenji@example.com", "password": PASSWORD})
    auth = {"Authorization": f"Bearer {token}"}
    profile = (await client.get("/api/v1/me/profile", headers=auth)).json()["profile"]
    assert profile["identity"]["full_name"] == "kenji"
    assert profile["identity"]["email"] == "kenji@example.com"
    visibility = (await client.get("/api/v1/me/visibility", headers=auth)).json()
    assert visibility["resume"] == "locked"


async def test_employer_signup_needs_a_company_name(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/api/v1/auth/signup",
        json={"email": "hr@example.com", "password": PASSWORD, "role": "employer"},
    )
    assert response.status_code == 422
    assert "company name" in response.json()["error"]["fields"][0]["message"]


async def test_login_with_the_right_password_gives_a_working_token(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker(email="ana@example.com")
    response = await client.post(
        "/api/v1/auth/login", json={"email": "Ana@Example.com", "password": PASSWORD}
    )
    assert response.status_code == 200
    token = response.json()["token"]
    assert token != ana.token
    me = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.json()["email"] == "ana@example.com"


async def test_wrong_password_and_unknown_account_get_the_same_answer(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    await users.seeker(email="ana@example.com")
    wrong_password = await client.post(
        "/api/v1/auth/login", json={"email": "ana@example.com", "password": "not her password"}
    )
    unknown = await client.post(
        "/api/v1/auth/login", json={"email": "nobody@example.com", "password": "not her password"}
    )
    assert wrong_password.status_code == unknown.status_code == 401
    assert wrong_password.json() == unknown.json()
    assert wrong_password.json()["error"] == {
        "code": "invalid_credentials",
        "message": "The e-mail address or password is wrong.",
        "fields": [],
    }


async def test_logout_revokes_only_that_token(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    ana = await users.seeker(email="ana@example.com")
    second = await client.post(
        "/api/v1/auth/login", json={"email": "ana@example.com", "password": PASSWORD}
    )
    other_device = {"Authorization": f"Bearer {second.json()['token']}"}
    assert (await client.post("/api/v1/auth/logout", headers=ana.auth)).status_code == 204
    after = await client.get("/api/v1/me", headers=ana.auth)
    assert after.status_code == 401
    assert after.json()["error"]["code"] == "unauthorized"
    assert (await client.get("/api/v1/me", headers=other_device)).status_code == 200


async def test_requests_without_or_with_a_made_up_token_are_unauthorized(
    client: httpx.AsyncClient,
) -> None:
    for headers in ({}, {"Authorization": "Bearer made-up"}, {"Authorization": "Basic eDp5"}):
        for method, path in SEEKER_ROUTES + EMPLOYER_ROUTES:
            response = await client.request(method, path, headers=headers)
            assert response.status_code == 401, (path, headers)
            assert response.json()["error"]["code"] == "unauthorized"


async def test_each_role_is_refused_the_other_roles_routes(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    seeker = await users.seeker()
    employer = await users.employer()
    for method, path in SEEKER_ROUTES:
        response = await client.request(method, path, headers=employer.auth)
        assert response.status_code == 403, path
        assert response.json()["error"]["code"] == "forbidden"
    for method, path in EMPLOYER_ROUTES:
        response = await client.request(method, path, headers=seeker.auth)
        assert response.status_code == 403, path
    put = await client.put(
        "/api/v1/me/visibility", json={"resume": "searchable"}, headers=employer.auth
    )
    assert put.status_code == 403


async def test_employer_routes_refuse_in_the_same_words_as_every_other_route(
    client: httpx.AsyncClient, users: PlatformUsers
) -> None:
    # Employer routes sign in with their own query (the employer row joined in):
    # its refusals must stay those of every other route, word for word.
    employer = await users.employer()
    ended = await client.post(
        "/api/v1/auth/login", json={"email": employer.email, "password": PASSWORD}
    )
    ended_auth = {"Authorization": f"Bearer {ended.json()['token']}"}
    assert (await client.post("/api/v1/auth/logout", headers=ended_auth)).status_code == 204
    for headers in ({}, {"Authorization": "Bearer made-up"}, ended_auth):
        expected = await client.get("/api/v1/me/profile", headers=headers)
        assert expected.status_code == 401
        for method, path in EMPLOYER_ROUTES:
            response = await client.request(method, path, headers=headers)
            assert response.status_code == 401, (path, headers)
            assert response.json() == expected.json(), path
            assert response.headers["WWW-Authenticate"] == "Bearer"
    for other in (await users.seeker(), await users.operator()):
        for method, path in EMPLOYER_ROUTES:
            response = await client.request(method, path, headers=other.auth)
            assert response.status_code == 403, (path, other.role)
            error = response.json()["error"]
            assert (error["code"], error["message"]) == (
                "forbidden",
                "Only employer accounts may do this.",
            )
