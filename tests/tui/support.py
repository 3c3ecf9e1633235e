"""What the TUI tests share besides fixtures: fixed data, the platform for tests, and
ways to read the screen as the terminal would receive it.

A module of its own rather than conftest.py, which pytest owns; tests in this package
import it with `from .support import ...`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from textual.pilot import Pilot

from gpseeker.app import GPSeekerApp
from gpseeker.client import EmployerClient, OperatorClient, PlatformClient
from gpseeker.client.embedded import BASE_URL
from gpseeker.connect import no_code_needed
from gpseeker.core.models import (
    Demographics,
    Education,
    ExperienceEntry,
    Identity,
    Languages,
    Location,
    PostalAddress,
    Preferences,
    Profile,
    ProfileEnvelope,
    SignupStarted,
)
from gpseeker.local.config import TokenStore
from gpseeker.local_platform.in_process import database_url, open_local_platform
from gpseeker.server import ServerSettings, create_app
from gpseeker.server.operators import OperatorExists, add_operator

FIXED_TODAY = dt.date(2025, 6, 1)
"""The day the TUI believes it is, where a screen lets tests fix the clock."""
FIXED_NOW = dt.datetime(2025, 6, 1, 3, 0, tzinfo=dt.UTC)
"""The platform's clock: noon on FIXED_TODAY in Tokyo."""

CANDIDATE_PHONE = "090-1234-5678"
OPERATOR_EMAIL = "operator@platform.example.com"
PASSWORD = "correct horse battery staple"


def candidate_profile() -> Profile:
    """A full, fixed profile: a current company, an address, and a phone number that
    the summary repeats, so the leak guard has something to hide."""
    return Profile(
        identity=Identity(
            full_name="Maria Santos",
            email="you@example.com",
            phone=CANDIDATE_PHONE,
            address=PostalAddress(
                postal_code="150-0001", prefecture="Tokyo", city="Shibuya", street="1-2-3 Jingumae"
            ),
            current_company="Sakura Systems K.K.",
        ),
        location=Location(prefecture="Tokyo", city="Shibuya"),
        headline="Backend engineer (Python, Go)",
        summary=f"Seven years building payment APIs. Call me on {CANDIDATE_PHONE}.",
        skills=["Python", "Go", "PostgreSQL"],
        experience=[
            ExperienceEntry(
                title="Backend engineer",
                company="Sakura Systems K.K.",
                industry="Fintech",
                start="2021-04",
                end="2025-05",
                description="Payment APIs in Go.",
            ),
            ExperienceEntry(
                title="Developer",
                company="Fuji Data",
                industry="IT services",
                start="2017-04",
                end="2021-03",
            ),
        ],
        education=[Education(level="bachelor", field="Computer science", graduation_year=2017)],
        languages=Languages(japanese="N2", english="fluent"),
        visa_status="work_visa",
        preferences=Preferences(
            desired_jobs=["Backend engineer"],
            job_types=["full_time"],
            prefectures=["Tokyo"],
            remote=["hybrid"],
            min_salary_jpy=6_000_000,
        ),
        demographics=Demographics(
            birth_date=dt.date(1990, 5, 1), gender="female", nationality="Philippines"
        ),
    )


def server_settings() -> ServerSettings:
    """Cheap password hashing (not what these tests are about) and a fixed clock; no
    mailed sign-up codes, as on the embedded platform these tests play (the code step
    has tests of its own, in test_sign_up_code.py)."""
    return ServerSettings(
        password_time_cost=1,
        password_memory_cost_kib=1024,
        now=lambda: FIXED_NOW,
        require_email_verification=False,
    )


@dataclass
class EmbeddedTestConnector:
    """The local demo platform in the test's process (no platform process to start),
    signed in as LocalPlatformConnector signs in, with test settings."""

    home: Path
    tokens: TokenStore = field(default_factory=TokenStore.default)
    server: None = None

    async def connect(self) -> PlatformClient:
        return await open_local_platform(
            self.home, tokens=self.tokens, server_settings=server_settings()
        )

    async def sign_in(self, email: str, password: str) -> PlatformClient:
        return await self.connect()

    async def sign_up(self, email: str, password: str, full_name: str) -> SignupStarted:
        return no_code_needed(email)

    async def confirm_sign_up(self, email: str, code: str) -> PlatformClient:
        return await self.connect()

    async def resend_code(self, email: str) -> SignupStarted:
        return no_code_needed(email)


@contextlib.asynccontextmanager
async def platform_transport(home: Path) -> AsyncIterator[httpx.ASGITransport]:
    """A second server instance on the app's platform (the same SQLite file).

    The server keeps no state in memory, so it is the same platform, as a second
    worker of a deployment would be.
    """
    server = create_app(database_url(home), settings=server_settings())
    await server.state.platform.start()
    try:
        yield httpx.ASGITransport(app=server)
    finally:
        await server.state.platform.aclose()


@contextlib.asynccontextmanager
async def operator(home: Path) -> AsyncIterator[OperatorClient]:
    """The platform's operator, added on the database the first time it is needed."""
    with contextlib.suppress(OperatorExists):
        await add_operator(database_url(home), OPERATOR_EMAIL, PASSWORD, server_settings())
    async with platform_transport(home) as transport:
        client = await OperatorClient.login(BASE_URL, OPERATOR_EMAIL, PASSWORD, transport=transport)
        async with client:
            yield client


@contextlib.asynccontextmanager
async def employer(
    home: Path,
    company_name: str,
    *,
    legal_name: str | None = None,
    also_known_as: Sequence[str] = (),
    verified: bool = True,
) -> AsyncIterator[EmployerClient]:
    """An employer account on the same platform as the app's, of its own organisation
    (its own e-mail domain), which the operator verifies under `legal_name` (the typed
    name if None) unless `verified` is False: only a verified organisation searches
    the resume bank and invites.
    """
    slug = re.sub(r"[^a-z]+", "", company_name.lower())[:20] or "employer"
    domain = f"{slug}.example.com"
    async with platform_transport(home) as transport:
        client = await EmployerClient.signup(
            BASE_URL, f"hiring@{domain}", PASSWORD, company_name, transport=transport
        )
        async with client:
            if verified:
                organisation = await client.organisation()
                async with operator(home) as checker:
                    await checker.verify(
                        organisation.id, legal_name or company_name, also_known_as, [domain]
                    )
            yield client


async def suspend(home: Path, boss: EmployerClient, reason: str) -> None:
    """The operator suspends `boss`'s organisation."""
    organisation = await boss.organisation()
    async with operator(home) as checker:
        await checker.suspend(organisation.id, reason)


async def save_profile(app: GPSeekerApp, profile: Profile) -> ProfileEnvelope:
    """Store `profile` on the platform as the candidate, and tell the app's state."""
    client = await app.client()
    envelope = await client.put_profile(profile, (await client.get_profile()).etag)
    app.state.set_saved(envelope)
    return envelope


_CURSOR_MOVE = re.compile(r"\x1b\[\d+;\d+H")
_STYLE = re.compile(r"\x1b\[[0-9;:]*m")


def screen_output(app: GPSeekerApp) -> str:
    """The bytes (as str) the driver would write to repaint the whole screen now."""
    update = app.screen._compositor.render_update(full=True)
    return update.render_segments(app.console)


def screen_text(app: GPSeekerApp) -> str:
    """The screen as plain lines, as a user reads it (styles dropped)."""
    lines = _CURSOR_MOVE.split(screen_output(app))
    return "\n".join(_STYLE.sub("", line).rstrip() for line in lines if line)


async def until(pilot: Pilot[None], condition: Callable[[], object], what: str) -> None:
    """Wait (up to 10 s) until `condition` holds: a machine busy with other tests is
    slower than any fixed pause assumes."""
    for _ in range(200):
        if condition():
            await pilot.pause()  # let what appeared finish mounting
            return
        await pilot.pause(0.05)
    raise AssertionError(f"timed out waiting until {what}")


async def settle(app: GPSeekerApp, pilot: Pilot[None]) -> None:
    """Let pending messages, workers (platform calls) and their results land."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
