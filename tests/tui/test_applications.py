"""The applications screen: status in words, the timeline, the employer's changes,
and withdrawing after a confirmation.

The candidate applies through the client (the apply dialog has its own tests); an
employer of the test's own moves the application on, as `gpseeker employer
set-status` would.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList

from gpseeker.app import GPSeekerApp
from gpseeker.core.models import ApplicationRequest, ApplicationStatusUpdate
from gpseeker.widgets.job_confirm import ConfirmDialog
from gpseeker.widgets.safe_text import SafeText

from .jobs_helpers import (
    applications_screen,
    fixed_job_clock,  # noqa: F401 (autouse fixture)
    post,
)
from .support import candidate_profile, employer, save_profile, screen_text, settle


def listed(app: GPSeekerApp) -> list[str]:
    listing = applications_screen(app).query_one("#application-list", OptionList)
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


def timeline(app: GPSeekerApp) -> str:
    return applications_screen(app).query_one("#application-timeline-body", SafeText).text


async def test_no_applications_says_how_to_apply(app: GPSeekerApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f3")
        await settle(app, pilot)
        assert "You have not applied to any job yet" in screen_text(app)


async def test_an_employers_status_change_shows_after_refresh(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())
        async with employer(tui_home, "Status Movers") as boss:
            job = await post(boss, "Status Watcher")
            client = await app.client()
            await client.apply(job.id, ApplicationRequest(cover_note="Hello"))
            await pilot.press("f3")
            await settle(app, pilot)
            assert listed(app)[0].startswith("Submitted Status Watcher")
            assert "Status Movers · applied 2025-06-01" in listed(app)[0]
            assert "Status: Submitted" in timeline(app)

            [received] = await boss.applications()
            await boss.set_application_status(
                received.id,
                ApplicationStatusUpdate(status="interview", note="Tuesday 10:00, video call"),
            )
        await pilot.press("r")
        await settle(app, pilot)
        assert listed(app)[0].startswith("Invited to interview Status Watcher")
        text = timeline(app)
        assert "Status: Invited to interview" in text
        assert "2025-06-01  Submitted" in text
        assert "2025-06-01  Invited to interview" in text
        assert "Tuesday 10:00, video call" in text
        assert "Invited to interview" in screen_text(app)


async def test_withdraw_asks_first_and_keep_changes_nothing(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())
        async with employer(tui_home, "Withdrawn KK") as boss:
            job = await post(boss, "Second Thoughts Engineer")
        client = await app.client()
        await client.apply(job.id, ApplicationRequest())
        await pilot.press("f3")
        await settle(app, pilot)

        await pilot.press("w")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        question = dialog.query_one("#confirm-question", SafeText).text
        assert question == (
            "Withdraw your application to Second Thoughts Engineer at Withdrawn KK? The "
            "employer keeps what you sent; you can ask them to erase it from the Account "
            "screen later."
        )
        await pilot.press("enter")  # Keep has the focus: Enter by habit changes nothing
        await settle(app, pilot)
        assert (await client.applications())[0].status == "submitted"

        await pilot.press("w")
        await settle(app, pilot)
        await pilot.click("#confirm-yes")
        await settle(app, pilot)
        assert (await client.applications())[0].status == "withdrawn"
        assert listed(app)[0].startswith("Withdrawn by you Second Thoughts Engineer")
        assert "Status: Withdrawn by you" in timeline(app)

        await pilot.press("w")  # nothing left to withdraw: said, not asked
        await settle(app, pilot)
        assert not isinstance(app.screen, ConfirmDialog)
