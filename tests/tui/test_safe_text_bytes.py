"""A hostile company name on the privacy screen: checked on the bytes the terminal gets.

The name arrives twice from outside: as a blocked company (the server stores what it
is given) and as the name an employer signed up with, shown in the profile-views log
after that employer opened the candidate's masked profile. Textual itself writes ESC
for its own styling and cursor moves, so the test looks for the hostile sequences
(OSC 52 clipboard write, ESC c reset, 8-bit CSI, BEL) and for any C1 byte, and checks
that the markup-looking parts show as the characters they are and do nothing.
"""

from __future__ import annotations

import re
from pathlib import Path

from textual.content import Content
from textual.widgets import OptionList

from gpseeker.app import GPSeekerApp
from gpseeker.local_platform.in_process import database_url
from gpseeker.screens.privacy import PrivacyScreen
from gpseeker.widgets.safe_text import SafeText, safe_content
from tests.planted import plant_database, stand_in

from .support import candidate_profile, employer, save_profile, screen_output, screen_text, settle

HOSTILE = "\x1b]52;c;aGVsbG8=\x07EVIL\x1bc\x9b31m[@click=app.quit]x[/][link=https://evil.example]y"
LITERAL = "EVIL[@click=app.quit]x[/][link=https://evil.example]y"
# The employer gets its own name: a company the candidate blocked never finds them.
EMPLOYER = HOSTILE.replace("EVIL", "ROGUE")
EMPLOYER_LITERAL = LITERAL.replace("EVIL", "ROGUE")
C1 = re.compile("[\x80-\x9f]")


def assert_nothing_hostile(output: str) -> None:
    assert "]52;" not in output
    assert "aGVsbG8=" not in output  # the clipboard payload is dropped with its sequence
    assert "\x1bc" not in output
    assert "\x07" not in output
    assert not C1.search(output), "a C1 control byte reached the terminal"
    # No hyperlink (OSC 8) either: `[link=...]` stays text.
    assert "\x1b]8;" not in output


def test_safe_content_is_literal_and_clean() -> None:
    content = safe_content(HOSTILE)
    assert content.plain == LITERAL
    assert not content.spans  # no style, link or action came from the text


def test_safe_text_cleans_content_that_was_built_unsafely() -> None:
    # Content(str) strips BEL but not ESC or C1: the widget checks what it is handed.
    shown = SafeText(Content(HOSTILE)).text
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", shown)
    assert shown.endswith("[@click=app.quit]x[/][link=https://evil.example]y")
    assert SafeText(HOSTILE).text == LITERAL


async def test_a_hostile_blocked_company_and_employer_name_write_no_control_bytes(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        await save_profile(app, candidate_profile())
        client = await app.client()
        # Planted in the store: the platform refuses ESC in a request (tests/planted.py).
        await client.set_blocked_companies([stand_in(HOSTILE)])
        await pilot.press("f6")
        await settle(app, pilot)
        await pilot.press("s")  # searchable, so that the employer can find the candidate
        await settle(app, pilot)

        async with employer(tui_home, stand_in(EMPLOYER)) as hostile_employer:
            hits = (await hostile_employer.search_resumes("payment")).items
            assert hits
            await hostile_employer.view_candidate(hits[0].candidate_ref)
        await plant_database(database_url(tui_home))
        await pilot.press("r")
        await settle(app, pilot)

        screen = app.screen
        assert isinstance(screen, PrivacyScreen)
        output = screen_output(app)
        assert_nothing_hostile(output)
        listing = screen.query_one("#blocked-list", OptionList)
        prompts = [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]
        assert any(prompt.startswith(f"{LITERAL}\n") for prompt in prompts)
        log = screen.query_one("#views-body", SafeText).text
        assert f"{EMPLOYER_LITERAL} (verified by the platform) opened your masked profile" in log

        text = screen_text(app)
        assert "[@click=app.quit]x[/]" in text
        assert "[link=https://evil.example]y" in text
        assert text.count("[@click=app.quit]x[/]") == 2  # the list and the log

        # Clicking the name runs nothing: there is no action behind it.
        await pilot.click("#views-body")
        await pilot.click("#blocked-list")
        await settle(app, pilot)
        assert app.is_running
        assert app.screen is screen
        assert_nothing_hostile(screen_output(app))
