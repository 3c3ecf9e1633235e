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

from gpseeker.vocabulary import REGION_OF_PREFECTURE
from gpseeker.vocabulary import words as words

if TYPE_CHECKING:
    from gpseeker.models import Application, Job

__all__ = [
    "PERIOD_WORDS",
    "STATUS_WORDS",
    "count_words",
    "job_markers",
    "local_date",
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


PERIOD_WORDS = {"hour": "an hour", "month": "a month", "year": "a year"}

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


def yen(amount: int) -> str:
    return f"¥{amount:,}"


def salary_words(low: int | None, high: int | None, period: str) -> str:
    """ "¥250,000–¥300,000 a month", "from ¥4,000,000 a year", or "not stated"."""
    per = PERIOD_WORDS.get(period, f"per {period}")
    if low is not None and high is not None:
        if low == high:
            return f"{yen(low)} {per}"
        return f"{yen(low)}–{yen(high)} {per}"
    if low is not None:
        return f"from {yen(low)} {per}"
    if high is not None:
        return f"up to {yen(high)} {per}"
    return "not stated"


def job_salary(job: Job) -> str:
    return salary_words(job.salary_min, job.salary_max, job.salary_period)


def where_words(job: Job) -> str:
    """ "Shibuya, Tokyo (Kanto)", or "anywhere in Japan" when no prefecture is given."""
    if job.prefecture is None:
        return job.city or "anywhere in Japan"
    region = REGION_OF_PREFECTURE.get(job.prefecture)
    place = f"{job.city}, {job.prefecture}" if job.city else job.prefecture
    return f"{place} ({region})" if region and region != job.prefecture else place


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
