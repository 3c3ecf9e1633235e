"""Hostile job text, checked on the bytes the terminal gets, on every screen it reaches.

An employer names itself and writes its job with an OSC 52 clipboard write, an
`ESC c` reset, an 8-bit CSI and markup that would be a live action if parsed. The
candidate finds the job, reads it, opens the apply dialog, applies and reads the
application: everywhere the text shows as the characters it is, and no control byte
from it reaches the terminal.
"""

from __future__ import annotations

from pathlib import Path

from gpseeker.app import GPSeekerApp
from gpseeker.local_platform.in_process import database_url
from gpseeker.widgets.safe_text import SafeText
from tests.planted import plant_database, stand_in

from .jobs_helpers import (
    applications_screen,
    fixed_job_clock,  # noqa: F401 (autouse fixture)
    jobs_screen,
    open_list,
    post,
    search_for,
)
from .support import candidate_profile, employer, save_profile, screen_output, screen_text, settle
from .test_safe_text_bytes import HOSTILE, LITERAL, assert_nothing_hostile

TITLE = "Quokka " + HOSTILE
TITLE_LITERAL = "Quokka " + LITERAL
COMPANY = HOSTILE.replace("EVIL", "ROGUE")


async def test_hostile_job_text_is_shown_literally_and_writes_no_control_bytes(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        await save_profile(app, candidate_profile())
        # Planted in the store: the platform refuses ESC in a request (tests/planted.py).
        async with employer(tui_home, stand_in(COMPANY)) as boss:
            await post(
                boss,
                stand_in(TITLE),
                description=stand_in(f"Read this: {HOSTILE}\nSecond line."),
                city=stand_in(HOSTILE[:60]),
                skills=["quokka", "[@click=app.quit]x[/]"],
            )
        await plant_database(database_url(tui_home))
        await search_for(app, pilot, "quokka")
        job = await open_list(app, pilot, jobs_screen(app).job_list.jobs[0].title)
        assert job.title == TITLE  # the platform stores what it was given

        text = screen_text(app)
        assert TITLE_LITERAL in text  # in the row and the detail beside it
        assert "Read this: " + LITERAL in text
        assert "[@click=app.quit]x[/]" in text
        assert_nothing_hostile(screen_output(app))

        await pilot.click("#job-detail")  # clicking the text runs nothing
        await settle(app, pilot)
        assert app.is_running

        await pilot.press("a")
        await settle(app, pilot)
        text = screen_text(app)
        assert "Apply to " + TITLE_LITERAL[:40] in text
        assert_nothing_hostile(screen_output(app))
        await pilot.click("#apply-submit")
        await settle(app, pilot)
        assert app.screen is jobs_screen(app)
        assert_nothing_hostile(screen_output(app))

        await pilot.press("f3")
        await settle(app, pilot)
        applications_screen(app)
        text = screen_text(app)
        assert TITLE_LITERAL in text
        assert_nothing_hostile(screen_output(app))

        await pilot.press("w")
        await settle(app, pilot)
        question = app.screen.query_one("#confirm-question", SafeText).text
        assert question.startswith("Withdraw your application to " + TITLE_LITERAL)
        assert "Withdraw your application to" in screen_text(app)
        assert_nothing_hostile(screen_output(app))
        await pilot.press("escape")
        await settle(app, pilot)
        assert app.is_running
