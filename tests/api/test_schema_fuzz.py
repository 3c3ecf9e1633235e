"""schemathesis over the app's own OpenAPI schema: no 500s, no answer that breaks it.

Each operation gets a bounded, derandomized number of generated requests, signed in
as the role the route is for, so the fuzzing reaches the code behind the auth check.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.python.asgi import ASGIClient, get_client
from schemathesis.specs.openapi.checks import positive_data_acceptance

from gpseeker.server import ServerSettings, create_app

from .conftest import PASSWORD


def _client(app: FastAPI) -> ASGIClient:
    """schemathesis's own in-process client: same event loop as the fuzzed requests."""
    return get_client(app)  # type: ignore[arg-type]  # FastAPI is an ASGI app


@pytest.fixture(scope="module")
def fuzzed_app(tmp_path_factory: pytest.TempPathFactory) -> FastAPI:
    database = Path(tmp_path_factory.mktemp("fuzz")) / "platform.sqlite3"
    return create_app(
        f"sqlite+aiosqlite:///{database}",
        settings=ServerSettings(password_time_cost=1, password_memory_cost_kib=1024),
    )


@pytest.fixture(scope="module")
def tokens(fuzzed_app: FastAPI) -> dict[str, str]:
    """A seeker with a searchable profile and an employer who can find them."""
    with _client(fuzzed_app) as client:
        seeker = client.post(
            "/api/v1/auth/signup",
            json={"email": "fuzz.seeker@example.com", "password": PASSWORD, "full_name": "Fuzz"},
        ).json()["token"]
        client.put(
            "/api/v1/me/visibility",
            json={"resume": "searchable"},
            headers={"Authorization": f"Bearer {seeker}"},
        )
        employer = client.post(
            "/api/v1/auth/signup",
            json={
                "email": "fuzz.hr@example.com",
                "password": PASSWORD,
                "role": "employer",
                "company_name": "Fuzz Works",
            },
        ).json()["token"]
    return {"seeker": seeker, "employer": employer}


def _sign_in(app: FastAPI) -> str:
    with _client(app) as client:
        response = client.post(
            "/api/v1/auth/login", json={"email": "fuzz.seeker@example.com", "password": PASSWORD}
        )
    token: str = response.json()["token"]
    return token


def _current_etag(app: FastAPI, token: str) -> str:
    with _client(app) as client:
        response = client.get("/api/v1/me/profile", headers={"Authorization": f"Bearer {token}"})
    return response.headers.get("ETag", '"0"')


@pytest.fixture(scope="module")
def api_schema(fuzzed_app: FastAPI, tokens: dict[str, str]) -> Any:
    schema = schemathesis.openapi.from_asgi("/openapi.json", fuzzed_app)

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
    case.call_and_validate(
        # The platform is deliberately stricter than JSON Schema can say: reserved
        # e-mail domains, phone numbers that do not exist, end dates in the past and
        # stale If-Match tags are schema-valid and still rightly refused with 4xx.
        excluded_checks=[positive_data_acceptance],
    )
