"""The privacy screen, driven by keys as a candidate would, against the embedded platform.

Each test checks what the candidate would notice (the words on the screen, the
preview) and what the platform now holds (through the client), never only one side.
"""

from __future__ import annotations

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList, Static, TabbedContent

from gpseeker.app import GPSeekerApp
from gpseeker.client import PlatformError
from gpseeker.core.models import Profile
from gpseeker.screens.privacy import PrivacyScreen
from gpseeker.widgets.employer_preview import HIDDEN_STYLE, EmployerPreviewPanel
from gpseeker.widgets.safe_text import SafeText

from .support import (
    CANDIDATE_PHONE,
    candidate_profile,
    employer,
    save_profile,
    screen_text,
    settle,
)

LOCKED_WORDS = "Your resume is LOCKED — no employer can find or open it."
SEARCHABLE_WORDS = "Your resume is SEARCHABLE — employers can find the masked view"


pytestmark = pytest.mark.usefixtures("fixed_today")


async def open_privacy(
    app: GPSeekerApp, pilot: Pilot[None], profile: Profile | None
) -> PrivacyScreen:
    if profile is not None:
        await save_profile(app, profile)
    await pilot.press("f6")
    await settle(app, pilot)
    assert isinstance(app.screen, PrivacyScreen)
    return app.screen


def resume_words(screen: PrivacyScreen) -> str:
    """The sentence that tells the resume's state (it wraps in its column on screen)."""
    return str(screen.query_one("#resume-state", Static).content)


def preview_text(screen: PrivacyScreen, which: str) -> str:
    body = screen.query_one(f"#preview-{which} .preview--body", SafeText)
    return body.text


async def type_text(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*("space" if char == " " else char for char in text))


async def test_switch_between_locked_and_searchable(app: GPSeekerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_privacy(app, pilot, candidate_profile())
        client = await app.client()
        assert resume_words(screen) == LOCKED_WORDS
        assert LOCKED_WORDS in screen_text(app)
        assert "No employer can find you" in screen_text(app)

        await pilot.press("s")
        await settle(app, pilot)
        assert (await client.get_visibility()).resume == "searchable"
        assert app.state.visibility is not None and app.state.visibility.resume == "searchable"
        assert resume_words(screen).startswith(SEARCHABLE_WORDS)
        text = screen_text(app)
        assert "Your resume is SEARCHABLE" in text
        assert "In the resume bank" in text
        assert "No employer can find you" not in text

        await pilot.press("l")
        await settle(app, pilot)
        assert (await client.get_visibility()).resume == "locked"
        assert resume_words(screen) == LOCKED_WORDS
        # The view an employer would get is still shown, and labelled as hypothetical.
        assert "If you made it SEARCHABLE" in screen_text(app)
        assert "Headline: Backend engineer" in preview_text(screen, "bank")


async def test_a_field_choice_is_saved_and_shown_in_the_preview(app: GPSeekerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_privacy(app, pilot, candidate_profile())
        assert "Age: not shown (you chose to hide it)" in preview_text(screen, "bank")

        screen.query_one("#show-age").focus()
        await pilot.press("space")
        await settle(app, pilot)

        assert (await (await app.client()).get_visibility()).show_age is True
        assert "Age: 35-39" in preview_text(screen, "bank")
        assert "▐X▌ Show your age" in screen_text(app)  # ticked, in a character
        assert "▐ ▌ Show your gender" in screen_text(app)


async def test_typing_a_phone_number_in_the_draft_hides_it_before_saving(
    app: GPSeekerApp,
) -> None:
    saved = candidate_profile().model_copy(update={"summary": "Seven years of payment APIs."})
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_privacy(app, pilot, saved)
        assert "[hidden]" not in preview_text(screen, "bank")

        # What the profile editor publishes as the candidate types, keystroke by keystroke.
        draft = saved.model_copy(update={"summary": f"Call me on {CANDIDATE_PHONE} after six."})
        app.state.set_draft(draft)
        await pilot.pause()

        bank = preview_text(screen, "bank")
        assert "Call me on [hidden] after six." in bank
        assert "your summary contains your phone number" in bank
        assert CANDIDATE_PHONE not in bank
        # Marked by more than colour: the literal word, in reverse video.
        body = screen.query_one("#preview-bank .preview--body", SafeText)
        content = body.visual
        start = bank.index("[hidden]")
        assert any(
            span.start <= start
            and span.end >= start + len("[hidden]")
            and span.style == HIDDEN_STYLE
            for span in content.spans  # type: ignore[attr-defined]
        )
        # Nothing was saved: the platform still has the old summary.
        envelope = await (await app.client()).get_profile()
        assert envelope.profile.summary == "Seven years of payment APIs."


async def test_typing_in_the_profile_editor_updates_the_preview(app: GPSeekerApp) -> None:
    saved = candidate_profile().model_copy(update={"summary": "Payment APIs."})
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_privacy(app, pilot, saved)
        await pilot.press("f5")
        await settle(app, pilot)
        summary = app.screen.query_one("#summary")
        summary.focus()
        await pilot.press("end")
        await type_text(pilot, f" Tel {CANDIDATE_PHONE}")
        # Textual's TextArea binds F6 (select line) and F7 (select all) itself, so the
        # candidate leaves the summary first.
        await pilot.press("tab", "f6")
        await settle(app, pilot)
        assert app.screen is screen
        bank = preview_text(screen, "bank")
        assert "Payment APIs. Tel [hidden]" in bank
        assert "your summary contains your phone number" in bank


async def test_block_a_company_and_unblock_it(app: GPSeekerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_privacy(app, pilot, candidate_profile())
        client = await app.client()

        await pilot.press("b")
        await type_text(pilot, "Kaito Recruiting")
        await pilot.press("enter")
        await settle(app, pilot)
        blocked = [company.name for company in (await client.blocked_companies()).companies]
        assert "Kaito Recruiting" in blocked
        assert "Blocked: Kaito Recruiting" in screen_text(app)
        listing = screen.query_one("#blocked-list", OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        # No verified organisation goes by that name: it is kept as typed, for later.
        typed = (
            "Kaito Recruiting\n  No verified organisation goes by this name yet; it will "
            "block any that does later"
        )
        assert typed in prompts

        listing.focus()
        listing.highlighted = prompts.index(typed)
        await pilot.press("delete")
        await settle(app, pilot)
        blocked = [company.name for company in (await client.blocked_companies()).companies]
        assert "Kaito Recruiting" not in blocked
        assert "Unblocked: Kaito Recruiting" in screen_text(app)
        assert listing.option_count == 1  # the current company stays


async def test_the_current_company_is_blocked_automatically_with_a_note(
    app: GPSeekerApp,
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_privacy(app, pilot, candidate_profile())
        listing = screen.query_one("#blocked-list", OptionList)
        assert str(listing.get_option_at_index(0).prompt) == (
            "Sakura Systems K.K. — automatic: your current company\n"
            "  Blocks today: Sakura Systems K.K.; later, any other going by this name"
        )


@pytest.mark.parametrize("context", ["search", "application"])
async def test_the_preview_equals_what_employers_get_after_saving(
    app: GPSeekerApp, context: str
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_privacy(app, pilot, candidate_profile())
        await pilot.press("s")
        for choice in ("#show-age", "#show-past-companies", "#show-nationality"):
            screen.query_one(choice).focus()
            await pilot.press("space")
            await settle(app, pilot)

        local = screen.previews[context]  # type: ignore[index]
        server = await (await app.client()).employer_view(context)  # type: ignore[arg-type]
        assert local.view.model_dump(exclude={"candidate_ref"}) == server.view.model_dump(
            exclude={"candidate_ref"}
        )
        assert local.redactions == server.redactions
        # Not vacuous: in the resume bank the summary's phone number is hidden; when
        # applying, the phone is among what the employer may receive.
        assert local.redactions or local.view.phone == "+819012345678"


async def test_a_failed_save_says_so_and_keeps_the_platform_state(
    app: GPSeekerApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_privacy(app, pilot, candidate_profile())
        client = await app.client()

        async def refuse(*_: object) -> None:
            raise PlatformError("the platform is not answering")

        monkeypatch.setattr(client, "set_visibility", refuse)
        await pilot.press("s")
        await settle(app, pilot)

        message = screen.query_one("#privacy-message", SafeText).text
        assert message == "Could not save your choice: the platform is not answering"
        assert resume_words(screen) == LOCKED_WORDS  # what the platform holds
        monkeypatch.undo()
        assert (await client.get_visibility()).resume == "locked"


async def test_searchable_until_takes_a_future_date_only(app: GPSeekerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_privacy(app, pilot, candidate_profile())
        client = await app.client()
        screen.query_one("#searchable-until").focus()

        await type_text(pilot, "2020-01-01")
        await pilot.press("enter")
        await settle(app, pilot)
        error = str(screen.query_one("#until-error", Static).content)
        assert error == "Searchable until is in the past: pick today or a later day."
        assert (await client.get_visibility()).searchable_until is None

        await pilot.press(*["backspace"] * 10)
        await type_text(pilot, "2025-12-31")
        await pilot.press("enter")
        await settle(app, pilot)
        assert str((await client.get_visibility()).searchable_until) == "2025-12-31"
        assert str(screen.query_one("#until-error", Static).content) == ""

        await pilot.press("escape")  # leave the field so that the keys reach the screen
        screen.query_one("#resume-toggle").focus()
        await pilot.press("s")
        await settle(app, pilot)
        assert resume_words(screen).endswith("Until 2025-12-31; then it locks itself again.")


async def test_the_profile_views_log_names_the_employer(app: GPSeekerApp, tui_home) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_privacy(app, pilot, candidate_profile())
        await pilot.press("s")
        await settle(app, pilot)
        log = screen.query_one("#views-body", SafeText)
        assert log.text == "No employer has opened your profile yet."

        async with employer(tui_home, "Kaito Recruiting") as hiring:
            hits = (await hiring.search_resumes("payment")).items
            assert hits, "the searchable candidate must be found"
            await hiring.view_candidate(hits[0].candidate_ref)

        await pilot.press("r")
        await settle(app, pilot)
        assert log.text == (
            "Kaito Recruiting (verified by the platform) opened your masked profile on "
            "2025-06-01 at 12:00."
        )
        assert screen.is_current


async def test_repeated_opens_are_one_line_with_how_many_times(app: GPSeekerApp, tui_home) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_privacy(app, pilot, candidate_profile())
        await pilot.press("s")
        await settle(app, pilot)
        async with employer(tui_home, "Kaito Recruiting") as hiring:
            [hit] = (await hiring.search_resumes("payment")).items
            for _ in range(30):
                await hiring.view_candidate(hit.candidate_ref)

        await pilot.press("r")
        await settle(app, pilot)
        # One line for the organisation's day, not thirty (the test platform's clock
        # stands still, so the first and the last open share their minute).
        assert screen.query_one("#views-body", SafeText).text == (
            "Kaito Recruiting (verified by the platform) opened your masked profile 30 "
            "times on 2025-06-01 at 12:00."
        )


async def test_at_80_columns_v_brings_the_application_view_into_sight(app: GPSeekerApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_privacy(app, pilot, candidate_profile())
        assert "Name: Maria Santos" not in screen_text(app)
        await pilot.press("v")
        await settle(app, pilot)
        assert screen.query_one(TabbedContent).active == "apply"
        text = screen_text(app)
        assert "When you apply" in text
        assert "Name: Maria Santos" in text
        panel = screen.query_one("#preview-apply", EmployerPreviewPanel)
        assert f"Phone: +81{CANDIDATE_PHONE[1:].replace('-', '')} (only if you tick it" in (
            panel.query_one(".preview--body", SafeText).text
        )


async def test_the_keys_are_in_the_command_palette(app: GPSeekerApp) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_privacy(app, pilot, candidate_profile())
        await pilot.press("ctrl+p")
        await type_text(pilot, "Privacy: Searchable")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert (await (await app.client()).get_visibility()).resume == "searchable"
        assert resume_words(screen).startswith(SEARCHABLE_WORDS)
