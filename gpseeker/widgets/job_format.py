"""Jobs and applications in words: salary, levels, markers, statuses and dates.

Shared by the job list, the detail pane, the apply dialog and the applications
screen, so that a job reads the same everywhere. Everything here returns plain `str`
of our own words mixed with values from the server; callers put the result through
safe text (`safe_content` / `safe_join`), never markup.

Imports no models at run time (only for type checking): the jobs screen is the first
screen and must paint before pydantic models load.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from gpseeker.core.job_words import PERIOD_WORDS as PERIOD_WORDS
from gpseeker.core.job_words import job_salary as job_salary
from gpseeker.core.job_words import salary_words as salary_words
from gpseeker.core.job_words import where_words as where_words
from gpseeker.core.job_words import yen as yen
from gpseeker.core.vocabulary import words as words

if TYPE_CHECKING:
    from gpseeker.core.models import Application, Job

__all__ = [
    "PERIOD_WORDS",
    "STATUS_WORDS",
    "age_words",
    "count_words",
    "job_markers",
    "local_date",
    "now",
    "salary_words",
    "today",
    "where_words",
    "words",
]


def today() -> dt.date:
    """The day the screens say their data is "as of".

    A module function (not `date.today` inline) so tests can fix the clock.
    """
    return dt.date.today()


def now() -> dt.datetime:
    """The moment the age of kept jobs is counted to ("as of 3 hours ago").

    A module function, like `today`, so tests can fix the clock.
    """
    return dt.datetime.now(dt.UTC)


def age_words(then: dt.datetime, at: dt.datetime) -> str:
    """How long before `at` the moment `then` was, in words: "3 hours ago".

    Rounded down, so an age is never said to be less than it is. A `then` after `at`
    (the clock was set back) reads as "a moment ago" rather than as the future.
    """
    seconds = (at - then).total_seconds()
    for unit, size in (("day", 86_400), ("hour", 3_600), ("minute", 60)):
        count = int(seconds // size)
        if count >= 1:
            return f"{count} {unit}{'' if count == 1 else 's'} ago"
    return "a moment ago"


STATUS_WORDS = {
    "submitted": "Submitted",
    "viewed": "Viewed by the employer",
    "shortlisted": "Shortlisted",
    "interview": "Invited to interview",
    "offer": "Offer made",
    "rejected": "Not selected",
    "withdrawn": "Withdrawn by you",
}
"""An application's status as the candidate reads it; never colour alone."""


def job_markers(job: Job) -> list[str]:
    """The states a candidate must see at a glance, as words (never colour alone)."""
    markers = []
    if job.applied:
        markers.append("Applied")
    if job.saved:
        markers.append("Saved")
    if job.status == "closed":
        markers.append("Closed")
    return markers


def local_date(moment: dt.datetime) -> dt.date:
    """The candidate's calendar day of a server timestamp (stored in UTC)."""
    return moment.astimezone().date()


def count_words(total: int | None, shown: int, more: bool) -> str:
    """ "48 jobs", "1 job", "No jobs match", or "at least 30 jobs" when the server
    does not count."""
    if total is None:
        if not more:
            total = shown
        else:
            return f"at least {shown} jobs"
    if total == 0:
        return "No jobs match"
    return "1 job" if total == 1 else f"{total:,} jobs"


def application_date(application: Application) -> str:
    return local_date(application.created_at).isoformat()


def listing(values: Sequence[str]) -> str:
    return ", ".join(values) if values else "none listed"
