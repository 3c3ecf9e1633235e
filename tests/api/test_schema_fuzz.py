"""schemathesis over the app's own OpenAPI schema, with all its checks, on both stores:
no 500s, no answer that breaks the schema, no schema-valid request refused.

Each operation gets a bounded, derandomized number of generated requests, signed in
as the role the route is for, so the fuzzing reaches the code behind the auth check.
One platform per store is shared by the whole module (starting one per case would
cost more than the cases).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig
from schemathesis.python.asgi import ASGIClient, get_client, shutdown_lifespans

from gpseeker.server import ServerSettings, create_app
from tests.stores import STORES, fresh_database

from .conftest import PASSWORD


def _client(app: FastAPI) -> ASGIClient:
    """schemathesis's own in-process client: same event loop as the fuzzed requests."""
    return get_client(app)  # type: ignore[arg-type]  # FastAPI is an ASGI app


@pytest.fixture(scope="module", params=STORES)
def fuzzed_app(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[FastAPI]:
    """The platform on this store: its own SQLite file, or its own PostgreSQL schema."""
    database = fresh_database(request.param, tmp_path_factory.mktemp("fuzz"))
    # A loop of the fixture's own (the platform runs on schemathesis's): asyncio.run
    # would close the suspended context manager, dropping the schema, at once.
    loop = asyncio.new_event_loop()
    url = loop.run_until_complete(database.__aenter__())
    try:
        yield create_app(
            url,
            # The schema is what is fuzzed: sign-ups need no mailed code here, and the
            # many wrong passwords a fuzzer sends never make the shared sign-in wait.
            settings=ServerSettings(
                password_time_cost=1,
                password_memory_cost_kib=1024,
                require_email_verification=False,
                sign_in_free_failures=100_000,
                sign_in_client_free_failures=100_000,
            ),
        )
    finally:
        # The platform's lifespan (started by the first request) ends before its
        # schema is dropped.
        shutdown_lifespans()
        loop.run_until_complete(database.__aexit__(None, None, None))
        loop.close()


@pytest.fixture(scope="module")
def tokens(fuzzed_app: FastAPI) -> dict[str, str]:
    """A seeker with a searchable profile and an employer who can find them."""
    with _client(fuzzed_app) as client:
        client.post(
            "/api/v1/auth/signup",
            json={"email": "fuzz.seeker@example.com", "password": PASSWORD, "full_name": "Fuzz"},
        )
        seeker = _sign_in(fuzzed_app, "fuzz.seeker@example.com")
        client.put(
            "/api/v1/me/visibility",
            json={"resume": "searchable"},
            headers={"Authorization": f"Bearer {seeker}"},
        )
        client.post(
            "/api/v1/auth/signup",
            json={
                "email": "fuzz.hr@example.com",
                "password": PASSWORD,
                "role": "employer",
                "company_name": "Fuzz Works",
            },
        )
        employer = _sign_in(fuzzed_app, "fuzz.hr@example.com")
    return {"seeker": seeker, "employer": employer}


def _sign_in(app: FastAPI, email: str = "fuzz.seeker@example.com") -> str:
    with _client(app) as client:
        response = client.post("/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    token: str = response.json()["token"]
    return token


def _current_etag(app: FastAPI, token: str) -> str:
    with _client(app) as client:
        response = client.get("/api/v1/me/profile", headers={"Authorization": f"Bearer {token}"})
    return response.headers.get("ETag", '"0"')


# Every check runs. What the platform refuses of schema-valid data is written into
# the schema where JSON Schema can say it (text without control characters, e-mail
# domains that mail reaches, an employer's company name, a refusal's reason); these
# operations also refuse, rightly, what depends on stored state or on today, which no
# schema can say. Each entry is one operation and only the status its rule answers.
ACCEPTED = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx"]  # schemathesis's own
REFUSALS: dict[str, tuple[int, str]] = {
    # The code is one only the mailbox holds (400 code_expired / code_wrong).
    "POST /api/v1/auth/signup/verify": (400, "a code that was never mailed"),
    # The account's own address, typed again (a fact of the account, not the schema).
    "DELETE /api/v1/me": (422, "confirm_email is not this account's address"),
    # A page cursor is one the server handed out, signed with the search it pages.
    "GET /api/v1/jobs": (400, "bad_cursor"),
    "GET /api/v1/employer/resume-bank": (400, "bad_cursor"),
    # Relative to today: a resume cannot be searchable until a day already gone.
    "PUT /api/v1/me/visibility": (422, "searchable_until in the past"),
    # Only an organisation that exists and is verified can be blocked by id.
    "PUT /api/v1/me/blocked-companies": (422, "organisation_id names no verified one"),
    # salary_max at least salary_min: JSON Schema cannot compare two fields; on a
    # PATCH the other one may be the stored one.
    "POST /api/v1/employer/jobs": (422, "salary range inverted"),
    "PATCH /api/v1/employer/jobs/{job_id}": (422, "salary range inverted with stored one"),
}
# The profile: a phone number must exist (libphonenumber's ranges per country), a
# candidate be 15 by today, and If-Match carry the current version (412 when stale).
# An empty If-Match names no version either (428, as a missing one).
PROFILE_REFUSALS = [412, 422, 428]


def _config() -> SchemathesisConfig:
    operations = [
        {
            "include-name": name,
            "checks": {"positive_data_acceptance": {"expected-statuses": [*ACCEPTED, str(status)]}},
        }
        for name, (status, _why) in REFUSALS.items()
    ]
    operations.append(
        {
            "include-name": "PUT /api/v1/me/profile",
            "checks": {
                "positive_data_acceptance": {
                    "expected-statuses": [*ACCEPTED, *map(str, PROFILE_REFUSALS)]
                }
            },
        }
    )
    return SchemathesisConfig.from_dict({"operations": operations})


@pytest.fixture(scope="module")
def api_schema(fuzzed_app: FastAPI, tokens: dict[str, str]) -> Any:
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzzed_app, config=_config())

    # Registered as the schema's auth (not passed as a header) so that schemathesis
    # leaves it off the cases that test what happens without it.
    @schema.auth(refresh_interval=None)
    class RoleToken:
        def get(self, case: Any, context: Any) -> str:
            if case.path == "/api/v1/auth/logout":
                # Signing out would end the shared seeker's session for later cases.
                return _sign_in(fuzzed_app)
            if case.path.startswith("/api/v1/employer/"):
                return tokens["employer"]
            return tokens["seeker"]

        def set(self, case: Any, data: str, context: Any) -> None:
            case.headers = case.headers or {}
            case.headers["Authorization"] = f"Bearer {data}"

    return schema


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
# One test per store runs every operation (its subtests), some 2-3 minutes on a quiet
# 2-core machine; the default 300 s per test is for one scenario, and on a machine
# busy with other tests this one outgrew it.
@pytest.mark.timeout(1200)
@settings(
    max_examples=25,
    derandomize=True,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_the_api_keeps_its_own_schema(
    case: Any, fuzzed_app: FastAPI, tokens: dict[str, str]
) -> None:
    if case.method == "PUT" and case.path == "/api/v1/me/profile":
        # Without a current ETag nearly every generated profile stops at 412/428;
        # this lets generated profiles reach saving, indexing and the leak guard.
        case.headers = case.headers or {}
        case.headers.setdefault("If-Match", _current_etag(fuzzed_app, tokens["seeker"]))
    if case.headers and "idempotency-key" in {name.lower() for name in case.headers}:
        # A key names one request: derandomized generation draws the same few keys
        # for different bodies, which the platform rightly refuses (422
        # idempotency_key_reused, which the applications, jobs and invitations tests
        # cover). A client makes a new key for each new request, as this does.
        case.headers = {
            name: value for name, value in case.headers.items() if name.lower() != "idempotency-key"
        }
        case.headers["Idempotency-Key"] = uuid.uuid4().hex
    case.call_and_validate()
