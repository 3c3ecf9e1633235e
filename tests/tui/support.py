"""What the TUI tests share besides fixtures: fixed data, the platform for tests, and
ways to read the screen as the terminal would receive it.

A module of its own rather than conftest.py, which pytest owns; tests in this package
import it with `from .support import ...`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import httpx
from textual.pilot import Pilot

from gpseeker.app import GPSeekerApp
from gpseeker.client import EmployerClient, PlatformClient
from gpseeker.client.embedded import BASE_URL, database_url
from gpseeker.models import (
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
)
from gpseeker.server import ServerSettings, create_app

FIXED_TODAY = dt.date(2025, 6, 1)
"""The day the TUI believes it is, where a screen lets tests fix the clock."""
FIXED_NOW = dt.datetime(2025, 6, 1, 3, 0, tzinfo=dt.UTC)
"""The platform's clock: noon on FIXED_TODAY in Tokyo."""

CANDIDATE_PHONE = "090-1234-5678"


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
    """Cheap password hashing (not what these tests are about) and a fixed clock."""
    return ServerSettings(
        password_time_cost=1, password_memory_cost_kib=1024, now=lambda: FIXED_NOW
    )


@dataclass
class EmbeddedTestConnector:
    """The embedded platform, as EmbeddedConnector opens it, with test settings."""

    home: Path
    remote: bool = False

    async def connect(self) -> PlatformClient:
        return await PlatformClient.embedded(self.home, server_settings=server_settings())

    async def sign_in(self, email: str, password: str) -> PlatformClient:
        return await self.connect()

    async def sign_up(self, email: str, password: str, full_name: str) -> PlatformClient:
        return await self.connect()


@contextlib.asynccontextmanager
async def employer(home: Path, company_name: str) -> AsyncIterator[EmployerClient]:
    """An employer account on the same platform (the same SQLite file) as the app's.

    The server keeps no state in memory, so a second server instance on the file
    is the same platform, as a second worker of a deployment would be.
    """
    server = create_app(database_url(home), settings=server_settings())
    await server.state.platform.start()
    slug = re.sub(r"[^a-z]+", "", company_name.lower())[:20] or "employer"
    try:
        client = await EmployerClient.signup(
            BASE_URL,
            f"hiring-{slug}@example.com",
            "correct horse battery staple",
            company_name,
            transport=httpx.ASGITransport(app=server),
        )
        async with client:
            yield client
    finally:
        await server.state.platform.aclose()


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


async def settle(app: GPSeekerApp, pilot: Pilot[None]) -> None:
    """Let pending messages, workers (platform calls) and their results land."""
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
