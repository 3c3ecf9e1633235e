"""Snapshots of the profile editor; each docstring says what a reviewer should see.

The platform is the in-process one (conftest: fixed clock, no cursor blink) with a
fixed profile saved before the app starts; every snapshot waits for the form.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from gpseeker.app import GPSeekerApp
from gpseeker.client import PlatformClient
from gpseeker.core.models import (
    Demographics,
    ExperienceEntry,
    Identity,
    Languages,
    Location,
    PostalAddress,
    Preferences,
    Profile,
)
from gpseeker.screens.profile import ProfileScreen

from .support import EmbeddedTestConnector

SnapCompare = Callable[..., bool]

PROFILE = Profile(
    identity=Identity(
        full_name="Ana Souza",
        # In katakana, as a Japanese resume writes a foreign name; no reading, so one
        # of the two new fields shows its value and the other its placeholder.
        name_japanese="アナ・ソウザ",
        email="ana@example.com",
        phone="+819012345678",
        address=PostalAddress(postal_code="150-0001", prefecture="Tokyo", city="Shibuya"),
        current_company="Acme English",
    ),
    location=Location(prefecture="Tokyo", city="Shibuya"),
    headline="English teacher moving into QA",
    summary="Eight years of teaching in Tokyo. Learning test automation with Python.",
    skills=["Teaching", "Python", "Test planning"],
    experience=[
        ExperienceEntry(title="English teacher", company="Acme English", start="2017-04"),
    ],
    languages=Languages(japanese="N2", english="native", other=["Portuguese"]),
    visa_status="spouse_or_long_term_resident",
    preferences=Preferences(
        desired_jobs=["QA engineer"],
        job_types=["full_time", "contract"],
        prefectures=["Tokyo"],
        remote=["hybrid"],
        min_salary_jpy=4_500_000,
        start_date=dt.date(2026, 4, 1),
    ),
    demographics=Demographics(birth_date=dt.date(1990, 5, 17), nationality="Brazilian"),
)


class FixedProfile(EmbeddedTestConnector):
    """The test platform, with PROFILE saved before the editor reads it."""

    async def connect(self) -> PlatformClient:
        client = await super().connect()
        current = await client.get_profile()
        await client.put_profile(PROFILE, current.etag)
        return client


@pytest.fixture
def make_app(tui_home: Path) -> Callable[..., GPSeekerApp]:
    """Like conftest's make_app, over a platform that holds PROFILE."""

    def make(**options: Any) -> GPSeekerApp:
        return GPSeekerApp(FixedProfile(tui_home), data_dir=tui_home / "data", **options)

    return make


async def open_profile(pilot: Pilot[None]) -> ProfileScreen:
    await pilot.press("f5")
    screen = pilot.app.screen
    assert isinstance(screen, ProfileScreen)
    for _ in range(200):
        if screen.has_class("-loaded"):
            break
        await pilot.pause(0.05)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    return screen


async def leave_a_bad_phone(pilot: Pilot[None]) -> None:
    screen = await open_profile(pilot)
    phone = screen.query_one("#phone", Input)
    phone.focus()
    phone.value = "03-1234"
    await pilot.press("tab")
    await pilot.pause()
    screen.query_one("#field-phone").scroll_visible(animate=False, top=True)
    await pilot.pause()


def test_profile_80x24(snap_compare: SnapCompare, make_app: Callable[..., GPSeekerApp]) -> None:
    """The profile editor at 80x24, just loaded.

    Header "Profile — Local demo platform" (no "unsaved changes"); the navigation
    line with [F5 Profile] bracketed; the first section titled "Contact details —
    private: never shown in the resume bank" with its note; "Full name" above the
    focused input holding Ana Souza, then "Name in Japanese (kanji or katakana)" and
    "Reading (furigana, in kana)", each with the one-line hint "Optional. Never shown
    in the resume bank; hidden wherever you write it.": the first holds アナ・ソウザ,
    the second (empty) shows its dimmed placeholder "e.g. たなか みさき", both
    aligned like the Latin text; the "E-mail" label at the bottom edge; a scrollbar on
    the right; the footer showing ^s Save.
    """
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_profile)


def test_profile_120x40(snap_compare: SnapCompare, make_app: Callable[..., GPSeekerApp]) -> None:
    """The profile editor at 120x40: the same form with more of the contact section.

    Full name, the name in Japanese (アナ・ソウザ) and the reading (its placeholder),
    each of those two with its hint on one line, e-mail, phone, current company (with
    "Never shown in the resume bank.") and country Japan are all visible, the "Postal
    code" label at the bottom edge; the inputs span the width; the footer shows ^s Save.
    """
    assert snap_compare(make_app(), terminal_size=(120, 40), run_before=open_profile)


def test_profile_error_high_contrast(
    snap_compare: SnapCompare, make_app: Callable[..., GPSeekerApp]
) -> None:
    """High-contrast theme at 80x24, after typing a bad phone number and leaving it.

    The header ends "· unsaved changes"; the Phone input holds "03-1234" as typed, and
    right under it, in words: "Phone: is not a valid phone number (write it as
    090-1234-5678, or with its country code)". The focus is on "Current company".
    """
    app = make_app(theme="gpseeker-high-contrast")
    assert snap_compare(app, terminal_size=(80, 24), run_before=leave_a_bad_phone)


def test_profile_preferences_80x24(
    snap_compare: SnapCompare, make_app: Callable[..., GPSeekerApp]
) -> None:
    """The "What you are looking for" section at 80x24.

    Desired jobs "QA engineer"; the job types list shows a filled box (X) for
    Full-time and Contract and an empty box for the others, so the choice is readable
    without colour; under "Remote work" only Hybrid has an X.
    """

    async def run_before(pilot: Pilot[None]) -> None:
        screen = await open_profile(pilot)
        section = screen.query_one("#section-preferences")
        section.scroll_visible(animate=False, top=True)
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_stale_save_dialog_80x24(
    snap_compare: SnapCompare, make_app: Callable[..., GPSeekerApp]
) -> None:
    """The question after a save that hit a newer version (412), at 80x24.

    A bordered dialog titled "Saved elsewhere in the meantime" lists each differing
    field: "About, Headline" with "on the server: Saved on the phone" and "yours:
    Typed here", then "About, Summary" with "on the server: (empty)" and yours, the
    summary still in the form; the last line says Decide later (Enter, Esc) changes
    neither; below them the buttons Keep mine, Take the server's and Decide later
    (focused: the safe answer), all in sight.
    """

    async def run_before(pilot: Pilot[None]) -> None:
        screen = await open_profile(pilot)
        headline = screen.query_one("#headline", Input)
        headline.focus()
        headline.value = "Typed here"
        client = await pilot.app.client()  # type: ignore[attr-defined]
        current = await client.get_profile()
        elsewhere = current.profile.model_copy(
            update={"headline": "Saved on the phone", "summary": ""}
        )
        await client.put_profile(elsewhere, current.etag)
        await pilot.press("ctrl+s")
        for _ in range(100):
            if pilot.app.screen is not screen:
                break
            await pilot.pause(0.05)
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)
