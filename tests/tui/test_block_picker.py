"""Blocking an organisation from the privacy screen: type a name, pick who it is.

The platform holds one verified organisation, "Kaizen Robotics K.K.", also known as
"カイゼンロボティクス株式会社" (support.employer: signed up as "Kaizen", verified by the
operator). Typing a name asks the platform which verified organisations match; the
candidate picks one with the arrow keys and Enter, or keeps the name as typed. Each
test checks the screen and what the platform now holds, and that the organisation's
account no longer finds the candidate.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList

from gpseeker.app import GPSeekerApp
from gpseeker.client import EmployerClient
from gpseeker.core.models import Visibility
from gpseeker.screens.privacy import PrivacyScreen
from gpseeker.widgets import blocked_companies

from .support import candidate_profile, employer, save_profile, screen_text, settle
from .test_privacy import open_privacy, type_text

pytestmark = pytest.mark.usefixtures("fixed_today")

LEGAL = "Kaizen Robotics K.K."
KATAKANA = "カイゼンロボティクス株式会社"
PICKED = (
    f"{LEGAL}\n  The verified organisation: blocked under every name it goes by, for "
    "every account it has"
)


def prompts(screen: PrivacyScreen, selector: str) -> list[str]:
    listing = screen.query_one(selector, OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def searchable(app: GPSeekerApp, pilot: Pilot[None]) -> PrivacyScreen:
    """The fixed profile, SEARCHABLE, and the privacy screen open."""
    await save_profile(app, candidate_profile())
    client = await app.client()
    app.state.set_visibility(await client.set_visibility(Visibility(resume="searchable")))
    return await open_privacy(app, pilot, None)


async def finds_the_candidate(boss: EmployerClient) -> bool:
    return bool((await boss.search_resumes("payment")).items)


async def test_pick_the_verified_organisation_with_arrows_and_enter(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await searchable(app, pilot)
        async with employer(tui_home, "Kaizen", legal_name=LEGAL, also_known_as=[KATAKANA]) as boss:
            assert await finds_the_candidate(boss)
            await pilot.press("b")
            await type_text(pilot, "kaizen robotics")
            await pilot.press("enter")
            await settle(app, pilot)
            matches = screen.query_one("#block-matches", OptionList)
            assert matches.has_focus  # Enter offered the matches rather than blocking
            assert prompts(screen, "#block-matches") == [
                f"{LEGAL} (verified by the platform)\n  also known as {KATAKANA}",
                "Keep the name as typed: kaizen robotics\n"
                "  blocks every organisation going by this name (suffixes like K.K. aside), "
                "now or later",
            ]
            assert "1 verified organisation matches" in screen_text(app)
            await pilot.press("enter")
            await settle(app, pilot)

            held = (await (await app.client()).blocked_companies()).companies
            picked = [company for company in held if company.organisation_id is not None]
            assert [(c.name, c.organisation_name) for c in picked] == [(LEGAL, LEGAL)]
            assert PICKED in prompts(screen, "#blocked-list")
            assert f"Blocked: {LEGAL}" in screen_text(app)
            assert not matches.display  # the picker is gone, the field is empty again
            assert screen.query_one("#block-input").has_focus
            assert not await finds_the_candidate(boss)

            # And unblocking stays possible.
            listing = screen.query_one("#blocked-list", OptionList)
            listing.focus()
            listing.highlighted = prompts(screen, "#blocked-list").index(PICKED)
            await pilot.press("delete")
            await settle(app, pilot)
            assert PICKED not in prompts(screen, "#blocked-list")
            assert f"Unblocked: {LEGAL}" in screen_text(app)
            assert await finds_the_candidate(boss)


async def test_the_katakana_name_finds_the_same_organisation(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await searchable(app, pilot)
        async with employer(tui_home, "Kaizen", legal_name=LEGAL, also_known_as=[KATAKANA]):
            field = screen.query_one("#block-input", Input)
            field.focus()
            field.insert_text_at_cursor("カイゼンロボティクス")
            await pilot.press("enter")
            await settle(app, pilot)
            assert prompts(screen, "#block-matches")[0].startswith(LEGAL)


async def test_keep_the_name_as_typed(app: GPSeekerApp, tui_home: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await searchable(app, pilot)
        async with employer(tui_home, "Kaizen", legal_name=LEGAL) as boss:
            await pilot.press("b")
            await type_text(pilot, "KAIZEN ROBOTICS")
            await pilot.press("enter")
            await settle(app, pilot)
            await pilot.press("down", "enter")  # the last choice: the name as typed
            await settle(app, pilot)
            held = (await (await app.client()).blocked_companies()).companies
            typed = next(company for company in held if company.name == "KAIZEN ROBOTICS")
            assert typed.organisation_id is None
            assert typed.matches == [LEGAL]  # its name, suffix and case aside
            assert (
                f"KAIZEN ROBOTICS\n  Blocks today: {LEGAL}; later, any other going by this name"
            ) in prompts(screen, "#blocked-list")
            assert not await finds_the_candidate(boss)


async def test_the_matches_appear_while_typing(
    app: GPSeekerApp, tui_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(blocked_companies, "LOOKUP_DELAY", 0.01)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await searchable(app, pilot)
        async with employer(tui_home, "Kaizen", legal_name=LEGAL):
            await pilot.press("b")
            await type_text(pilot, "KAIZEN robotics kk")
            await pilot.pause(0.05)
            await settle(app, pilot)
            matches = screen.query_one("#block-matches", OptionList)
            assert matches.display
            assert prompts(screen, "#block-matches")[0].startswith(LEGAL)
            assert screen.query_one("#block-input").has_focus  # nothing blocked yet
            await pilot.press("down")
            assert matches.has_focus
            await pilot.press("escape")
            assert screen.query_one("#block-input").has_focus


async def test_a_name_no_verified_organisation_goes_by_is_blocked_as_typed(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await searchable(app, pilot)
        await pilot.press("b")
        await type_text(pilot, "Umbrellacorp Kabushiki")
        await pilot.press("enter")
        await settle(app, pilot)
        assert not screen.query_one("#block-matches", OptionList).display
        held = (await (await app.client()).blocked_companies()).companies
        assert "Umbrellacorp Kabushiki" in [company.name for company in held]
        assert "Blocked: Umbrellacorp Kabushiki" in screen_text(app)
