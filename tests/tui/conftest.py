"""Shared fixtures for the TUI tests: an app over the in-process platform.

Every test gets its own home (GPSEEKER_HOME=tmp_path), so the embedded platform's
SQLite file, the settings and the drafts live in the test's temporary directory.
Cursors do not blink and nothing animates, so Pilot tests and snapshots see the same
frame every run. The app is built exactly as the CLI builds it, with a connect
factory that opens `PlatformClient.embedded(home)`; the client is closed at the end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from gpseeker.app import GPSeekerApp
from gpseeker.client import PlatformClient
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

FIXED_TODAY = dt.date(2025, 6, 1)
"""The day the TUI believes it is, where a screen lets tests fix the clock."""

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


@pytest.fixture(autouse=True)
def tui_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private home for the platform, settings and drafts of this test."""
    monkeypatch.setenv("GPSEEKER_HOME", str(tmp_path))
    monkeypatch.delenv("GPSEEKER_SERVER", raising=False)
    return tmp_path


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    # A plain False in place of the reactive: the blink timer is never started, so a
    # snapshot never catches the cursor half-way.
    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)


AppFactory = Callable[..., GPSeekerApp]


@pytest.fixture
def make_app(tui_home: Path) -> Iterator[AppFactory]:
    """Build GPSeekerApp over the embedded platform in `tui_home`.

    Keyword arguments go to GPSeekerApp (e.g. theme="gpseeker-high-contrast"). Works
    for Pilot tests (`async with app.run_test()`) and for snap_compare, which runs
    the app in its own event loop: the platform is opened inside the app's loop, by
    the app's own connect worker, as in production.
    """
    clients: list[PlatformClient] = []

    async def connect() -> PlatformClient:
        client = await PlatformClient.embedded(tui_home)
        clients.append(client)
        return client

    class TestApp(GPSeekerApp):
        async def on_unmount(self) -> None:
            # The platform must be closed inside the loop that opened it (snap_compare
            # runs its own loop), or aiosqlite's thread outlives the test.
            while clients:
                await clients.pop().aclose()

    def factory(**options: object) -> GPSeekerApp:
        app = TestApp(connect, data_dir=tui_home / "data", **options)  # type: ignore[arg-type]
        app.animation_level = "none"
        return app

    yield factory


@pytest.fixture
async def app(make_app: AppFactory) -> AsyncIterator[GPSeekerApp]:
    """The app with the default theme; drive it with `async with app.run_test()`."""
    yield make_app()


async def save_profile(app: GPSeekerApp, profile: Profile) -> ProfileEnvelope:
    """Store `profile` on the platform as the candidate, and tell the app's state."""
    client = await app.client()
    envelope = await client.put_profile(profile, (await client.get_profile()).etag)
    app.state.set_saved(envelope)
    return envelope
