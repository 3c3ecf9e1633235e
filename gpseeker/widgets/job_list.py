"""The job results: one page from the server at a time, two lines a job.

An OptionList of lightweight rows rather than a DataTable: the list holds only the
pages loaded so far (a DataTable needs ~1.5 s to paint 10,000 rows, DESIGN.md), and
asks for the next page (`NearEnd`) when the cursor or the scroll position comes
within a few rows of the end. The screen fetches the page; the list only shows jobs.

Every job text (title, company, city) came from a server, so rows are built with
safe text, never markup. Markers (Applied, Saved, Closed) are words at the start of
the row, so they survive truncation and read without colour.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from gpseeker.core.text import clean_line
from gpseeker.widgets.job_format import job_markers, job_salary, where_words
from gpseeker.widgets.safe_text import safe_content, safe_join

if TYPE_CHECKING:
    from gpseeker.core.models import Job

__all__ = ["JobList", "job_row"]

NEAR_END = 8
"""Rows from the end at which the next page is asked for: one screenful ahead at
80x24, so that paging down never waits at the bottom."""


def job_row(job: Job) -> Content:
    """Markers and title on the first line; company, place and salary on the second."""
    markers = job_markers(job)
    first: list[Content | str] = []
    if markers:
        first += [safe_content(" · ".join(markers), "bold reverse"), " "]
    first.append(safe_content(clean_line(job.title), "bold"))
    place = clean_line(where_words(job))
    second = safe_join(["  ", clean_line(job.company_name), " · ", place, " · ", job_salary(job)])
    return Content("\n").join([safe_join(first), second])


class JobList(OptionList):
    """The loaded jobs, in the server's order; `jobs[i]` is option i."""

    DEFAULT_CSS = """
    JobList {
        height: 1fr;
        max-height: 100%;
        /* One row is always two lines: long titles end in "…" instead of wrapping,
           which keeps paging arithmetic and the screen steady. */
        text-wrap: nowrap;
        text-overflow: ellipsis;
        border: none;
        padding: 0;
        &:focus { border: none; }
        & > .option-list--option { padding: 0 1; }
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        # OptionList's own Enter is hidden; here it is the way into a job: show it.
        Binding("enter", "select", "Open", id="jobs.open_row"),
    ]

    @dataclass
    class NearEnd(Message):
        """The cursor or the view is within NEAR_END rows of the last loaded job."""

        job_list: JobList

        @property
        def control(self) -> JobList:
            return self.job_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.jobs: list[Job] = []

    @property
    def current(self) -> Job | None:
        """The highlighted job, if any."""
        if self.highlighted is None or self.highlighted >= len(self.jobs):
            return None
        return self.jobs[self.highlighted]

    def show(self, jobs: Sequence[Job], *, keep: int | None = None) -> None:
        """Replace the list (a new search); the cursor goes to the first job, or stays
        on the job whose id is `keep` if the new list has it (a fresh page replacing
        the same page kept from before)."""
        self.jobs = list(jobs)
        self.set_options(self._options_for(self.jobs))
        ids = [job.id for job in self.jobs]
        if keep is not None and keep in ids:
            self.highlighted = ids.index(keep)
            return
        self.highlighted = 0 if self.jobs else None
        self.scroll_home(animate=False, immediate=True)

    def extend(self, jobs: Sequence[Job]) -> None:
        """Add the next page below; the cursor stays where it is."""
        known = {job.id for job in self.jobs}
        # A job posted between two page requests can shift a page: skip repeats.
        fresh = [job for job in jobs if job.id not in known]
        self.jobs.extend(fresh)
        self.add_options(self._options_for(fresh))

    def update_job(self, job: Job) -> None:
        """Show a changed job (saved, applied, closed) in its row, if it is loaded."""
        for index, shown in enumerate(self.jobs):
            if shown.id == job.id:
                self.jobs[index] = job
                self.replace_option_prompt_at_index(index, job_row(job))
                return

    @staticmethod
    def _options_for(jobs: Sequence[Job]) -> list[Option]:
        return [Option(job_row(job), id=f"job-{job.id}") for job in jobs]

    # --- asking for more --------------------------------------------------------------

    # Moving the cursor repaints only the row it leaves and the row it enters, not the
    # whole list: over SSH every repainted row is ~230 bytes of text and styles, and a
    # full list per keypress was ~4.5 KB at 80x24 (bench/terminal_bytes.py).
    highlighted: reactive[int | None] = reactive(None, repaint=False)

    def _watch_highlighted(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None and index in self._index_to_line:
                self.refresh_lines(self._index_to_line[index], self._heights[index])

    def watch_highlighted(self, highlighted: int | None) -> None:
        super().watch_highlighted(highlighted)
        if highlighted is not None and highlighted >= len(self.jobs) - NEAR_END:
            self.post_message(self.NearEnd(self))

    def _watch_scroll_y(self) -> None:
        # The mouse wheel scrolls without moving the cursor: ask by position too.
        bottom = self.scroll_y + self.scrollable_content_region.height
        if self.jobs and bottom >= self.virtual_size.height - 2 * NEAR_END:
            self.post_message(self.NearEnd(self))
