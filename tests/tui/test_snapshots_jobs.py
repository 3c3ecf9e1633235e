"""Snapshots of the jobs screen, a job's detail, the apply dialog and the applications
screen; each docstring says what a reviewer should see.

The candidate's fixed profile (support.candidate_profile: Japanese N2, a phone
number) is saved on the in-process platform with its 80 demo jobs, the platform's
clock and the screens' "as of" day are fixed (2025-06-01), and every snapshot is
taken with the workers finished.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from gpseeker.app import GPSeekerApp
from gpseeker.core.models import ApplicationRequest, ApplicationStatusUpdate

from .conftest import AppFactory
from .jobs_helpers import fixed_job_clock, post, status_line  # noqa: F401 (autouse fixture)
from .known_helpers import HeldConnector, fixed_age_clock, keep_page, kept_jobs  # noqa: F401
from .support import candidate_profile, employer, save_profile, settle, until

SnapCompare = Callable[..., bool]
RunBefore = Callable[[Pilot[None]], Awaitable[None]]


def jobs(*keys: str, search: str = "") -> RunBefore:
    """run_before: save the profile, search for `search`, go to the list, press `keys`."""

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, GPSeekerApp)
        await save_profile(app, candidate_profile())
        await settle(app, pilot)
        if search:
            app.screen.query_one("#job-search", Input).value = search
            await settle(app, pilot)
        await pilot.press("down", *keys)
        await settle(app, pilot)
        app.clear_notifications()  # a toast's timeout must not decide the picture
        await pilot.pause()

    return run_before


def applications(home: Path) -> RunBefore:
    """run_before: apply to an employer's job, which it moves to "interview"; open F3."""

    async def run_before(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, GPSeekerApp)
        await save_profile(app, candidate_profile())
        async with employer(home, "Sakura Analytics K.K.") as boss:
            job = await post(boss, "Data Engineer (Python)")
            other = await post(boss, "Site Reliability Engineer", salary_period="year")
            client = await app.client()
            await client.apply(other.id, ApplicationRequest(cover_note="Keen on SRE work."))
            await client.apply(
                job.id, ApplicationRequest(cover_note="I build pipelines.", disclose=["phone"])
            )
            for received in await boss.applications():
                if received.job_id == job.id:
                    update = ApplicationStatusUpdate(
                        status="interview", note="Tuesday 10:00, video call"
                    )
                    await boss.set_application_status(received.id, update)
        await pilot.press("f3")
        await settle(app, pilot)

    return run_before


def test_jobs_80x24(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """80x24: the search box, "N jobs · Japanese up to N2 (your level) · f: filters"
    in words, and two-line rows (title; company · place · salary with its period in
    yen, e.g. "¥250,000–¥280,000 a month"), the first row highlighted. No detail pane
    at this width. The footer lists / Search, f Filters, s Save, a Apply, Enter Open,
    r Refresh."""
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=jobs())


@pytest.mark.usefixtures("fixed_age_clock")
def test_jobs_kept_from_before_80x24(snap_compare: SnapCompare, tui_home: Path) -> None:
    """80x24, a warm start before the platform answers: the header says "connecting to
    the platform…", the line under the search box says in words "Jobs as of 3 hours
    ago — refreshing…", and the three jobs kept from the last run are the rows
    ("Kept: Backend Engineer" highlighted; "Saved" in reverse video before "Kept: Data
    Analyst"). The search box has the focus, as at every start."""
    keep_page(tui_home, kept_jobs())
    app = GPSeekerApp(HeldConnector(tui_home), data_dir=tui_home / "data")
    app.animation_level = "none"

    async def run_before(pilot: Pilot[None]) -> None:
        await until(pilot, lambda: status_line(app).startswith("Jobs as of"), "kept jobs shown")

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_jobs_120x40(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """120x40 after searching "python": the list on the left, the highlighted job's
    detail beside it (Where, Remote work, Salary, Job type, Japanese required N2 or
    lower, Visa sponsorship yes/no, Apply from overseas, Skills, "Posted 2025-..
    (as of 2025-06-01)"), then the employer's description."""
    app = make_app()
    assert snap_compare(app, terminal_size=(120, 40), run_before=jobs(search="python"))


def test_job_detail_80x24(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """80x24 after Enter on the first "python" job: the job over the list, title in
    bold, company, then one labelled fact a line and the description; the footer
    shows Esc Back."""
    app = make_app()
    assert snap_compare(app, terminal_size=(80, 24), run_before=jobs("enter", search="python"))


def test_job_detail_saved_120x40(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """120x40 after s (save) and Enter on the first "python" job: the row starts with
    "Saved" in reverse video, the detail's third line says "Saved", and the detail
    pane has the focus (Esc Back in the footer)."""
    app = make_app()
    run_before = jobs("s", "enter", search="python")
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)


def test_apply_dialog_80x24(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """80x24, the apply dialog for the first "python" job with the phone box ticked
    (X): "Apply to <job> at <company>", then "What this employer will receive": Name:
    Maria Santos, E-mail, "Phone: +819012345678 (sent: you ticked it)", "Postal
    address: not sent (tick “Share my postal address” to send it)", Current company;
    the cover note box and the Apply / Cancel buttons below."""
    app = make_app()
    run_before = jobs("a", "space", search="python")
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_apply_dialog_120x40(snap_compare: SnapCompare, make_app: AppFactory) -> None:
    """120x40, the same dialog with nothing ticked: both boxes blank, "Phone: not
    sent ..." and "Postal address: not sent ...", and more of the profile the employer
    receives (headline; the summary's repeated phone number as [hidden] in reverse
    video; skills, experience, languages) in the scrolling list."""
    app = make_app()
    assert snap_compare(app, terminal_size=(120, 40), run_before=jobs("a", search="python"))


def test_applications_80x24(
    snap_compare: SnapCompare, make_app: AppFactory, tui_home: Path
) -> None:
    """80x24: "2 applications · w: withdraw · r: refresh"; the first row "Invited to
    interview" (reverse video) "Data Engineer (Python)", "Sakura Analytics K.K. ·
    applied 2025-06-01"; the second "Viewed by the employer Site Reliability Engineer"
    (the employer listed it). Below, the
    timeline: Status, Applied, "You sent: name, e-mail, phone, profile", then
    "2025-06-01  Submitted", "... Viewed by the employer", "... Invited to interview"
    with the note "Tuesday 10:00, video call", and the cover note."""
    app = make_app()
    run_before = applications(tui_home)
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_applications_120x40(
    snap_compare: SnapCompare, make_app: AppFactory, tui_home: Path
) -> None:
    """120x40: the same two applications on the left, the highlighted one's timeline
    on the right, side by side."""
    app = make_app()
    run_before = applications(tui_home)
    assert snap_compare(app, terminal_size=(120, 40), run_before=run_before)
