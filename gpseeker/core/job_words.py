"""A job's pay and place in words, the same in the app, in plain output and in
JobMail. Light on purpose (no models at run time, no Textual): the server's mail
and the first screen both use it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gpseeker.core.vocabulary import REGION_OF_PREFECTURE

if TYPE_CHECKING:
    from gpseeker.core.models import Job

PERIOD_WORDS = {"hour": "an hour", "month": "a month", "year": "a year"}


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
