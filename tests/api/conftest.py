"""Fixtures for the API tests: a fresh platform per test, on each store (its own
SQLite file; its own PostgreSQL schema when one is configured), reached through httpx
exactly as the embedded client reaches it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from gpseeker.server import ServerSettings, create_app
from gpseeker.server.accounts import NewAccount, create_account
from gpseeker.server.platform import Platform
from tests.signup_mail import signup_code
from tests.stores import STORES, fresh_database

PASSWORD = "correct horse battery staple"
START = dt.datetime(2025, 4, 1, 3, 0, tzinfo=dt.UTC)  # noon in Tokyo


@dataclass
class Clock:
    """The platform's clock, moved by hand so that end dates can be tested."""

    now: dt.datetime = START

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def settings(clock: Clock, tmp_path: Path) -> ServerSettings:
    # The cheapest argon2 parameters: hashing is not what these tests are about. The
    # platform confirms addresses as a served one does, into a Maildir of its own.
    return ServerSettings(
        password_time_cost=1, password_memory_cost_kib=1024, now=clock, mail_dir=tmp_path / "mail"
    )


@pytest.fixture(params=STORES)
def store(request: pytest.FixtureRequest) -> str:
    """The store the platform of this test runs on: every API test runs on both."""
    name: str = request.param
    return name


@pytest.fixture
async def database_url(store: str, tmp_path: Path) -> AsyncIterator[str]:
    async with fresh_database(store, tmp_path) as url:
        yield url


@pytest.fixture
async def app(
    database_url: str, settings: ServerSettings, tmp_path: Path
) -> AsyncIterator[FastAPI]:
    if settings.mail_dir is None and settings.smtp_url is None:
        # A module's own settings (its caps, say) still sign people up with codes.
        settings = dataclasses.replace(settings, mail_dir=tmp_path / "mail")
    app = create_app(database_url, settings=settings)
    await app.state.platform.start()
    yield app
    await app.state.platform.aclose()


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    # raise_app_exceptions=False: a server bug must surface as the 500 a user gets.
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://platform.test") as client:
        yield client


@dataclass
class User:
    email: str
    token: str
    role: str
    name: str

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def full_profile(name: str, email: str, **changes: Any) -> dict[str, Any]:
    """A complete, valid profile of a backend developer in Tokyo."""
    profile: dict[str, Any] = {
        "identity": {
            "full_name": name,
            "email": email,
            "phone": "+81 90-1234-5678",
            "address": {
                "postal_code": "150-0001",
                "prefecture": "Tokyo",
                "city": "Shibuya",
                "street": "1-2-3 Jingumae",
            },
            "current_company": "Sakura Systems K.K.",
        },
        "location": {"country": "Japan", "prefecture": "Tokyo", "city": "Shibuya"},
        "headline": "Backend developer",
        "summary": "Eight years of distributed systems.",
        "skills": ["Kubernetes", "PostgreSQL"],
        "experience": [
            {
                "title": "Backend engineer",
                "company": "Sakura Systems K.K.",
                "industry": "Software",
                "start": "2019-04",
                "description": "Payments platform.",
            }
        ],
        "languages": {"japanese": "N2", "english": "native"},
        "visa_status": "work_visa",
    }
    profile.update(changes)
    return profile


def job_draft(title: str = "Backend engineer", **changes: Any) -> dict[str, Any]:
    """A valid job as an employer posts it (a JobDraft's JSON)."""
    draft: dict[str, Any] = {
        "title": title,
        "description": f"{title} wanted. Build things with a friendly team.",
        "category": "it",
        "job_type": "full_time",
        "remote": "hybrid",
        "prefecture": "Tokyo",
        "city": "Shibuya",
        "salary_min": 6_000_000,
        "salary_max": 8_000_000,
        "salary_period": "year",
        "japanese_required": "N3",
        "english_required": "business",
        "visa_sponsorship": True,
        "apply_from_overseas": True,
        "skills": ["Python"],
    }
    draft.update(changes)
    return draft


def slug(company: str) -> str:
    """A domain label for a company's name: "Fuji Robotics Inc." -> "fuji-robotics-inc"."""
    words = re.findall(r"[a-z0-9]+", company.casefold())
    return "-".join(words) or "company"


@dataclass
class PlatformUsers:
    """Acts on the platform as its users would, through the HTTP API only.

    The one exception is the operator, whom no request can create: the platform's
    own `create_account` makes it, as `gpseeker operator add` does on the database.
    """

    client: httpx.AsyncClient
    platform: Platform | None = None
    _numbers: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _operator: User | None = None

    async def operator(self) -> User:
        """The platform's operator, signed in through the API."""
        if self._operator is None:
            assert self.platform is not None, "PlatformUsers needs the platform for this"
            email = "operator@platform.example"
            await self.platform.start()
            async with self.platform.sessions() as session:
                await create_account(
                    session,
                    self.platform,
                    NewAccount(
                        email=email,
                        role="operator",
                        display_name="Platform operator",
                        password_hash=await self.platform.passwords.hash(PASSWORD),
                    ),
                )
                await session.commit()
            response = await self.client.post(
                "/api/v1/auth/login", json={"email": email, "password": PASSWORD}
            )
            assert response.status_code == 200, response.text
            token = response.json()["token"]
            self._operator = User(email=email, token=token, role="operator", name="Operator")
        return self._operator

    async def organisation_of(self, employer: User) -> dict[str, Any]:
        response = await self.client.get("/api/v1/employer/organisation", headers=employer.auth)
        assert response.status_code == 200, response.text
        organisation: dict[str, Any] = response.json()
        return organisation

    async def verify(
        self, employer: User, legal_name: str | None = None, **names: Any
    ) -> dict[str, Any]:
        """The operator verifies the employer's organisation; returns it as the
        operator sees it."""
        operator = await self.operator()
        organisation = await self.organisation_of(employer)
        response = await self.client.post(
            f"/api/v1/operator/organisations/{organisation['id']}/verify",
            json={"legal_name": legal_name or employer.name, **names},
            headers=operator.auth,
        )
        assert response.status_code == 200, response.text
        verified: dict[str, Any] = response.json()
        return verified

    async def signed_up(self, body: dict[str, Any]) -> str:
        """Sign up as a person does: the request, then the code from the mail (on a
        platform that confirms no address, a sign-in instead); returns the token."""
        response = await self.client.post("/api/v1/auth/signup", json=body)
        assert response.status_code == 202, response.text
        email = str(body["email"])
        if not response.json()["code_required"]:
            login = await self.client.post(
                "/api/v1/auth/login", json={"email": email, "password": body["password"]}
            )
            assert login.status_code == 200, login.text
            token: str = login.json()["token"]
            return token
        return await self.confirm(email)

    async def confirm(self, email: str) -> str:
        """Type the code mailed to `email` back; returns the new account's token."""
        assert self.platform is not None, "PlatformUsers needs the platform for its mail"
        code = signup_code(self.platform.settings.mail_dir, email)
        response = await self.client.post(
            "/api/v1/auth/signup/verify", json={"email": email, "code": code}
        )
        assert response.status_code == 201, response.text
        token: str = response.json()["token"]
        return token

    async def seeker(self, name: str = "Ana Souza", email: str | None = None) -> User:
        email = email or f"seeker{next(self._numbers)}@example.com"
        token = await self.signed_up({"email": email, "password": PASSWORD, "full_name": name})
        return User(email=email, token=token, role="seeker", name=name)

    async def employer(
        self, company: str = "Fuji Robotics Inc.", *, verified: bool = True, email: str = ""
    ) -> User:
        """An employer account; by default of its own organisation (a domain of its
        own), which the operator then verifies under `company`."""
        number = next(self._numbers)
        email = email or f"hr{number}@{slug(company)}-{number}.example"
        token = await self.signed_up(
            {"email": email, "password": PASSWORD, "role": "employer", "company_name": company}
        )
        user = User(email=email, token=token, role="employer", name=company)
        pending = (await self.organisation_of(user))["status"] == "pending"
        if verified and pending and not await self._try_verify(user, company):
            # Two employers of one name in a test are two companies of one name,
            # which the platform tells apart by their verified legal names.
            user.name = f"{company} ({number})"
            assert await self._try_verify(user, user.name)
        return user

    async def _try_verify(self, employer: User, legal_name: str) -> bool:
        operator = await self.operator()
        organisation = await self.organisation_of(employer)
        response = await self.client.post(
            f"/api/v1/operator/organisations/{organisation['id']}/verify",
            json={"legal_name": legal_name},
            headers=operator.auth,
        )
        if response.status_code == 409 and response.json()["error"]["code"] == "name_taken":
            return False
        assert response.status_code == 200, response.text
        return True

    async def save_profile(self, user: User, profile: dict[str, Any]) -> httpx.Response:
        current = await self.client.get("/api/v1/me/profile", headers=user.auth)
        response = await self.client.put(
            "/api/v1/me/profile",
            json=profile,
            headers={**user.auth, "If-Match": current.headers["ETag"]},
        )
        assert response.status_code == 200, response.text
        return response

    async def post_job(
        self, employer: User, title: str = "Backend engineer", **changes: Any
    ) -> int:
        """Post a job as `employer`; returns its id."""
        response = await self.client.post(
            "/api/v1/employer/jobs", json=job_draft(title, **changes), headers=employer.auth
        )
        assert response.status_code == 201, response.text
        job_id: int = response.json()["id"]
        return job_id

    async def jobs(self, seeker: User, **params: Any) -> dict[str, Any]:
        """One page of a seeker's job search, as JSON."""
        response = await self.client.get("/api/v1/jobs", params=params, headers=seeker.auth)
        assert response.status_code == 200, response.text
        page: dict[str, Any] = response.json()
        return page

    async def titles(self, seeker: User, **params: Any) -> list[str]:
        """The titles of the first page of a search, in order."""
        return [job["title"] for job in (await self.jobs(seeker, limit=100, **params))["items"]]

    async def set_visibility(self, user: User, **visibility: Any) -> httpx.Response:
        response = await self.client.put(
            "/api/v1/me/visibility", json=visibility, headers=user.auth
        )
        assert response.status_code == 200, response.text
        return response

    async def searchable_seeker(self, name: str = "Ana Souza", **changes: Any) -> User:
        """A candidate with a full profile who chose to be found."""
        user = await self.seeker(name)
        await self.save_profile(user, full_profile(name, user.email, **changes))
        await self.set_visibility(user, resume="searchable")
        return user

    async def search(self, employer: User, q: str = "", **params: Any) -> list[dict[str, Any]]:
        response = await self.client.get(
            "/api/v1/employer/resume-bank", params={"q": q, **params}, headers=employer.auth
        )
        assert response.status_code == 200, response.text
        items: list[dict[str, Any]] = response.json()["items"]
        return items

    async def ref_of(self, employer: User, q: str) -> str:
        """The reference the employer gets for the only candidate matching `q`."""
        hits = await self.search(employer, q)
        assert len(hits) == 1, hits
        ref: str = hits[0]["candidate_ref"]
        return ref


@pytest.fixture
def users(client: httpx.AsyncClient, app: FastAPI) -> PlatformUsers:
    return PlatformUsers(client, app.state.platform)
