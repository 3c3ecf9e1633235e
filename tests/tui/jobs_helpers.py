"""What the jobs, apply and applications tests share: posting jobs as an employer,
finding the screens, and reading rows as a user sees them.

The demo platform has 80 fictional jobs from demo employers nobody can sign in as;
a test that must close a job, change an application's status or page through
hundreds of results posts its own jobs as an employer of its own (support.employer).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from gpseeker.app import GPSeekerApp
from gpseeker.client import EmployerClient
from gpseeker.core.models import Job, JobDraft
from gpseeker.screens.applications import ApplicationsScreen
from gpseeker.screens.jobs import JobsScreen

from .support import FIXED_TODAY, settle


@pytest.fixture(autouse=True)
def fixed_job_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The "as of" day of job data, and the apply dialog's preview day."""
    monkeypatch.setattr("gpseeker.widgets.job_format.today", lambda: FIXED_TODAY)


def draft(title: str, **fields: Any) -> JobDraft:
    """A job anybody may apply to (no Japanese needed), unless `fields` say otherwise."""
    values: dict[str, Any] = {
        "title": title,
        "description": f"{title}. Work with a friendly team.",
        "category": "it",
        "job_type": "full_time",
        "remote": "hybrid",
        "prefecture": "Tokyo",
        "city": "Shibuya",
        "salary_min": 250_000,
        "salary_max": 300_000,
        "salary_period": "month",
        "japanese_required": "none",
        "visa_sponsorship": True,
        "apply_from_overseas": True,
        "closes_at": FIXED_TODAY + dt.timedelta(days=30),
    }
    values.update(fields)
    return JobDraft(**values)


async def post(boss: EmployerClient, title: str, **fields: Any) -> Job:
    return await boss.post_job(draft(title, **fields))


def jobs_screen(app: GPSeekerApp) -> JobsScreen:
    screen = app.screen
    assert isinstance(screen, JobsScreen), f"expected the jobs screen, not {screen!r}"
    return screen


def applications_screen(app: GPSeekerApp) -> ApplicationsScreen:
    screen = app.screen
    assert isinstance(screen, ApplicationsScreen), f"not the applications screen: {screen!r}"
    return screen


def status_line(app: GPSeekerApp) -> str:
    from gpseeker.widgets.safe_text import SafeText

    return app.screen.query_one("#job-status", SafeText).text


def rows(app: GPSeekerApp) -> list[str]:
    """Each loaded row as its plain text (both lines)."""
    listing = jobs_screen(app).job_list
    return [str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def search_for(app: GPSeekerApp, pilot: Pilot[None], text: str) -> None:
    """Replace the search box's text by typing, as a user would, and wait for results."""
    box = app.screen.query_one("#job-search", Input)
    box.focus()
    box.value = ""
    await pilot.press(*text)
    await settle(app, pilot)


async def open_list(app: GPSeekerApp, pilot: Pilot[None], title: str) -> Job:
    """Put the cursor on the loaded job called `title` (the list has focus after)."""
    screen = jobs_screen(app)
    titles = [job.title for job in screen.job_list.jobs]
    assert title in titles, titles
    screen.job_list.focus()
    screen.job_list.highlighted = titles.index(title)
    await settle(app, pilot)
    current = screen.job_list.current
    assert current is not None
    return current
