"""The profile editor, driven with Pilot against the in-process platform.

Each test plays a candidate at an 80x24 terminal and checks what they would notice:
the text on screen, the header's marker, and what the platform then holds.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Static

from gpseeker.app import GPSeekerApp
from gpseeker.client import PlatformClient
from gpseeker.local.profile_draft import DraftStore, ProfileForm
from gpseeker.local_platform.in_process import open_local_platform
from gpseeker.screens.privacy import PrivacyScreen
from gpseeker.screens.profile import ProfileScreen
from gpseeker.widgets.profile_form import FormField
from gpseeker.widgets.profile_form_dialogs import ChoiceDialog
from gpseeker.widgets.profile_form_entries import EntryDialog

from .support import EmbeddedTestConnector, server_settings, settle, until
from .test_privacy import preview_text

SIZE = (80, 24)
AppFactory = Callable[..., GPSeekerApp]


@pytest.fixture
def home(tui_home: Path) -> Path:
    return tui_home


@pytest.fixture
async def other_device(home: Path) -> AsyncIterator[PlatformClient]:
    """A second client on the same account: the platform as seen from elsewhere."""
    client = await open_local_platform(home, server_settings=server_settings())
    yield client
    await client.aclose()


async def open_profile(pilot: Pilot[None]) -> ProfileScreen:
    await pilot.press("f5")
    screen = pilot.app.screen
    assert isinstance(screen, ProfileScreen)
    await until(pilot, lambda: screen.has_class("-loaded"), "the profile is loaded")
    await pilot.pause()
    return screen


async def type_into(pilot: Pilot[None], selector: str, text: str, *, clear: bool = True) -> None:
    field = pilot.app.screen.query_one(selector, Input)
    field.focus()
    if clear:
        field.clear()
    await pilot.press(*text)


async def save(pilot: Pilot[None]) -> None:
    app = pilot.app
    assert isinstance(app, GPSeekerApp)
    await pilot.press("ctrl+s")
    await settle(app, pilot)


def error_of(screen: ProfileScreen, key: str) -> str | None:
    return screen.query_one(f"#field-{key}", FormField).error


def notifications(app: GPSeekerApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def test_the_form_says_it_is_loading_until_the_platform_answers(home: Path) -> None:
    ready = asyncio.Event()

    class SlowConnector(EmbeddedTestConnector):
        async def connect(self) -> PlatformClient:
            await ready.wait()
            return await super().connect()

    app = GPSeekerApp(SlowConnector(home), data_dir=home / "data")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f5")
        await pilot.pause()
        loading = app.screen.query_one("#profile-loading", Static)
        assert loading.display and str(loading.content) == "Loading your profile…"
        assert not app.screen.query_one("#profile-form").display

        ready.set()
        await until(pilot, lambda: app.screen.has_class("-loaded"), "the form shows")
        assert app.screen.query_one("#full_name", Input).value == "Local Candidate"


async def test_a_headline_edit_marks_unsaved_and_ctrl_s_saves_it(
    make_app: AppFactory, other_device: PlatformClient, home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        assert "unsaved changes" not in app.sub_title

        await type_into(pilot, "#headline", "Data analyst, SQL and Python")
        assert "unsaved changes" in app.sub_title
        assert app.state.draft is not None
        assert app.state.draft.headline == "Data analyst, SQL and Python"

        await save(pilot)

        assert "unsaved changes" not in app.sub_title
        assert "Profile saved." in notifications(app)
    saved = await other_device.get_profile()
    assert saved.profile.headline == "Data analyst, SQL and Python"
    assert not DraftStore(home / "data").exists()


async def test_a_bad_phone_is_named_beside_the_field_and_refused_on_save(
    make_app: AppFactory, other_device: PlatformClient
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot)
        await type_into(pilot, "#phone", "12345")
        assert error_of(screen, "phone") is None  # not while typing

        await pilot.press("tab")  # leave the field
        await pilot.pause()
        assert (error_of(screen, "phone") or "").startswith("Phone: is not a valid phone number")
        assert screen.query_one("#field-phone .field-error", Static).display

        await save(pilot)

        assert "Not saved" in "\n".join(n.title for n in app._notifications)
        assert "Phone: is not a valid phone number" in notifications(app)
        assert screen.query_one("#phone", Input).value == "12345"
        assert app.focused is screen.query_one("#phone")
        assert "unsaved changes" in app.sub_title

        # Fixing it clears the error when the field is left.
        await type_into(pilot, "#phone", "090-1234-5678")
        await pilot.press("tab")
        await pilot.pause()
        assert error_of(screen, "phone") is None
    assert (await other_device.get_profile()).profile.identity.phone is None


JAPANESE_NAME = "田中 美咲"
READING = "たなか みさき"
SPELLINGS = (JAPANESE_NAME, "田中", "美咲", READING, "たなか", "みさき", "タナカ", "ミサキ")
"""Every piece of both spellings (and the reading in katakana), none of which an
employer may see."""


async def employer_previews(pilot: Pilot[None]) -> tuple[str, str]:
    """The privacy screen's employer previews (F6) as text: the resume bank's, then an
    application's."""
    app = pilot.app
    assert isinstance(app, GPSeekerApp)
    await pilot.press("f6")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, PrivacyScreen)
    return preview_text(screen, "bank"), preview_text(screen, "apply")


def assert_no_japanese_name_shown(bank: str, apply: str) -> None:
    assert "Headline: [hidden] backend engineer" in bank
    assert "your headline contains your name" in bank
    assert [spelling for spelling in SPELLINGS if spelling in bank] == []
    # An application carries the name, so the headline keeps it as written; the two
    # fields themselves are not part of it.
    assert "Name: Local Candidate" in apply
    named = [line for line in apply.splitlines() if any(s in line for s in SPELLINGS)]
    assert named == ["Headline: 田中美咲 backend engineer"]


async def test_the_name_in_japanese_and_its_reading_are_saved_and_never_shown_to_employers(
    make_app: AppFactory, other_device: PlatformClient, home: Path
) -> None:
    """Both optional fields sit right under Full name, each with its hint. What is typed
    there is drafted and saved like any other field. Before saving and after, the
    resume-bank preview shows neither, not even where the candidate also wrote the name
    in the headline; the application preview, which carries the name, shows neither
    field."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot)
        fields = list(screen.query(FormField))
        assert [(field.key, field.label) for field in fields[:4]] == [
            ("full_name", "Full name"),
            ("name_japanese", "Name in Japanese (kanji or katakana)"),
            ("name_reading", "Reading (furigana, in kana)"),
            ("email", "E-mail"),
        ]
        assert all("hidden wherever you write it" in field.hint for field in fields[1:3])

        await type_into(pilot, "#name_japanese", JAPANESE_NAME)
        await type_into(pilot, "#name_reading", READING)
        await type_into(pilot, "#headline", "田中美咲 backend engineer")
        assert "unsaved changes" in app.sub_title
        assert app.state.draft is not None
        identity = app.state.draft.identity
        assert (identity.name_japanese, identity.name_reading) == (JAPANESE_NAME, READING)
        assert_no_japanese_name_shown(*await employer_previews(pilot))

        await pilot.press("f5")
        await settle(app, pilot)
        await save(pilot)
        assert "Profile saved." in notifications(app)
        assert "unsaved changes" not in app.sub_title
        assert screen.query_one("#name_japanese", Input).value == JAPANESE_NAME
        assert screen.query_one("#name_reading", Input).value == READING
        assert_no_japanese_name_shown(*await employer_previews(pilot))
    saved = (await other_device.get_profile()).profile.identity
    assert (saved.name_japanese, saved.name_reading) == (JAPANESE_NAME, READING)
    assert not DraftStore(home / "data").exists()


async def test_adding_an_experience_entry(
    make_app: AppFactory, other_device: PlatformClient
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot)
        screen.query_one("#experience-add", Button).focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, EntryDialog), "the entry dialog opens")
        dialog = app.screen

        await type_into(pilot, "#title", "English teacher")
        await type_into(pilot, "#company", "Acme English")
        await type_into(pilot, "#start", "April 2019")
        dialog.query_one("#entry-done", Button).press()
        await pilot.pause()
        # A month the platform cannot read keeps the dialog open, with the reason.
        assert app.screen is dialog
        assert dialog.query_one("#field-start", FormField).error == (
            "Start month: write the month as YYYY-MM, like 2021-04"
        )
        assert dialog.query_one("#title", Input).value == "English teacher"

        await type_into(pilot, "#start", "2019-04")
        await pilot.press("enter")
        await until(pilot, lambda: app.screen is screen, "the dialog closes")

        entries = screen.query_one("#experience-list", OptionList)
        assert str(entries.get_option_at_index(0).prompt) == (
            "English teacher, Acme English (2019-04 – now)"
        )
        assert "unsaved changes" in app.sub_title
        await save(pilot)
    [entry] = (await other_device.get_profile()).profile.experience
    assert (entry.title, entry.company, entry.start, entry.end) == (
        "English teacher",
        "Acme English",
        "2019-04",
        None,
    )


async def test_a_draft_left_behind_is_offered_back_on_the_next_start(
    make_app: AppFactory, home: Path
) -> None:
    first = make_app()
    async with first.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        await type_into(pilot, "#headline", "Typed, never saved")
        await type_into(pilot, "#phone", "12345")
        await pilot.pause()  # no wait for the debounce: closing must keep it anyway
    assert DraftStore(home / "data").exists()

    second = make_app()
    async with second.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(second.screen, ChoiceDialog), "the offer shows")
        body = str(second.screen.query_one(".dialog-body", Static).content)
        assert body.startswith("You have unsaved changes from ")
        assert body.splitlines()[0].endswith(". Restore them?")

        await pilot.click("#restore")
        await until(pilot, lambda: isinstance(second.screen, ProfileScreen), "it closes")
        await pilot.pause()
        screen = second.screen
        assert isinstance(screen, ProfileScreen)
        assert screen.query_one("#headline", Input).value == "Typed, never saved"
        assert screen.query_one("#phone", Input).value == "12345"
        assert (error_of(screen, "phone") or "").startswith("Phone: is not a valid")
        assert "unsaved changes" in second.sub_title


async def test_discarding_the_offered_draft_shows_the_saved_profile(
    make_app: AppFactory, home: Path
) -> None:
    typed = ProfileForm(full_name="Local Candidate", email="you@example.com", headline="Idea")
    DraftStore(home / "data").save(typed, None)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the offer shows")
        await pilot.click("#discard")
        await until(pilot, lambda: isinstance(app.screen, ProfileScreen), "it closes")
        await app.workers.wait_for_complete()
        assert app.screen.query_one("#headline", Input).value == ""
        assert "unsaved changes" not in app.sub_title
    assert not DraftStore(home / "data").exists()


@pytest.mark.parametrize("choice", ["mine", "theirs"])
async def test_a_stale_save_shows_what_differs_and_lets_the_candidate_choose(
    make_app: AppFactory, other_device: PlatformClient, home: Path, choice: str
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot)
        await type_into(pilot, "#headline", "Mine")

        elsewhere = await other_device.get_profile()
        changed = elsewhere.profile.model_copy(update={"headline": "Theirs", "summary": "New"})
        await other_device.put_profile(changed, elsewhere.etag)

        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the dialog shows")
        body = str(app.screen.query_one(".dialog-body", Static).content)
        assert "About, Headline\n  on the server: Theirs\n  yours:         Mine" in body
        assert "About, Summary\n  on the server: New\n  yours:         (empty)" in body

        await pilot.click(f"#{choice}")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen
        assert "unsaved changes" not in app.sub_title
        headline = screen.query_one("#headline", Input).value
        assert headline == ("Mine" if choice == "mine" else "Theirs")
    server = (await other_device.get_profile()).profile
    assert server.headline == ("Mine" if choice == "mine" else "Theirs")
    assert not DraftStore(home / "data").exists()


async def test_quitting_with_unsaved_changes_asks_first(make_app: AppFactory, home: Path) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        await type_into(pilot, "#headline", "Half done")
        await pilot.press("f2")  # another room: the editor and its draft stay

        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the question shows")
        title = app.screen.query_one(".dialog-title", Static).content
        assert str(title) == "Your profile has unsaved changes"

        await pilot.click("#keep")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.query_one("#headline", Input).value == "Half done"

        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "it asks again")
        await pilot.click("#discard")
        await until(pilot, lambda: app.return_code is not None, "the app quits")
    assert not DraftStore(home / "data").exists()


async def test_quitting_with_nothing_unsaved_does_not_ask(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        await pilot.press("ctrl+q")
        await until(pilot, lambda: app.return_code is not None, "the app quits")
