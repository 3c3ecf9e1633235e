"""One job in full: every fact a candidate in Japan weighs, then the employer's text.

Labelled lines, one fact each, so a screen reader reads it top to bottom. Labels are
ours; every value (title, company, city, skills, description) came from a server and
goes through safe text. Dates carry the day they were true on ("posted 2025-05-20
(as of 2025-06-01)"): the list was fetched at some moment and a job can close after.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content

from gpseeker.widgets.job_format import (
    job_markers,
    job_salary,
    listing,
    local_date,
    where_words,
    words,
)
from gpseeker.widgets.safe_text import SafeText, safe_content, safe_join, safe_line

if TYPE_CHECKING:
    from gpseeker.core.models import Job

__all__ = ["JobDetail", "job_detail_content"]

EMPTY = "Pick a job in the list to read it here."


def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _line(label: str, value: str) -> Content:
    return safe_join([f"{label}: ", value])


def job_detail_content(job: Job, as_of: dt.date) -> Content:
    """The whole job as one Content; `as_of` is the day the data was fetched."""
    markers = job_markers(job)
    lines: list[Content] = [safe_line(job.title, "bold"), safe_line(job.company_name)]
    if markers:
        lines.append(safe_content(" · ".join(markers), "bold reverse"))
    lines += [
        Content(""),
        _line("Where", where_words(job)),
        _line("Remote work", words(job.remote)),
        _line("Salary", job_salary(job)),
        _line("Job type", f"{words(job.job_type)}, {words(job.category)}"),
        _line("Japanese required", words(job.japanese_required)),
        _line("English required", words(job.english_required)),
        _line("Visa sponsorship", _yes_no(job.visa_sponsorship)),
        _line("Apply from overseas", _yes_no(job.apply_from_overseas)),
        _line("Skills", listing(job.skills)),
        _dates(job, as_of),
        Content(""),
        safe_content(job.description),
    ]
    return Content("\n").join(lines)


def _dates(job: Job, as_of: dt.date) -> Content:
    posted = local_date(job.posted_at).isoformat()
    text = f"Posted {posted}"
    if job.status == "closed":
        text += ", closed"
    elif job.closes_at is not None:
        text += f", closes {job.closes_at.isoformat()}"
    return Content(f"{text} (as of {as_of.isoformat()})")


class JobDetail(VerticalScroll):
    """Scrolls with the keyboard when focused (Up/Down, Page Up/Down)."""

    DEFAULT_CSS = """
    JobDetail {
        height: 1fr;
        padding: 0 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, can_focus=True)
        self.job: Job | None = None

    def compose(self) -> ComposeResult:
        yield SafeText(EMPTY, id="job-detail-body")

    def show(self, job: Job | None, as_of: dt.date) -> None:
        if job is not None and self.job is not None and job.id != self.job.id:
            self.scroll_home(animate=False)
        self.job = job
        body = self.query_one("#job-detail-body", SafeText)
        body.set_text(EMPTY if job is None else job_detail_content(job, as_of))

    @property
    def text(self) -> str:
        return self.query_one("#job-detail-body", SafeText).text
