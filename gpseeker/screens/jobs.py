"""The jobs screen: search as you type, filter, read, save and apply.

It is the app's first screen, so it paints before the platform exists: at module
level it imports only Textual, the vocabularies, the widgets and the sanitizer. The
models, the client and the apply dialog (which pulls in the masking rules) load in
workers and actions, after the first paint.

Searching: every keystroke starts the search worker, which is exclusive, so starting
it cancels the one before; a slower, older answer can never replace a newer one.
After a pause in typing (DEBOUNCE) the first key searches at once, so a single
keystroke shows results in the time of one search; keys typed in a burst wait until
the burst pauses, so the platform is not asked once per letter.

Results come a page at a time: the list asks for the next page when the cursor comes
near its end, so thousands of matches cost what one screenful costs.

A warm start shows the landing page kept from the last run (`gpseeker.local.known_jobs`) at
once, its age in words on the status line, until the fresh page replaces it. It can be
read, not acted on: saving and applying wait for the fresh list (their job's state may
have changed since), and say so.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib
import time
from dataclasses import replace
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, OptionList

from gpseeker.core.text import clean_line, shorten
from gpseeker.local.config import KNOWN_JOBS_FILE
from gpseeker.screens.base import MainScreen
from gpseeker.widgets import job_format
from gpseeker.widgets.job_detail import JobDetail
from gpseeker.widgets.job_filters import FilterDialog, JobFilters
from gpseeker.widgets.job_list import JobList
from gpseeker.widgets.job_status import JobStatus

if TYPE_CHECKING:
    from collections.abc import Sequence

    from gpseeker.client import PlatformError
    from gpseeker.core.models import Application, Job, JobQuery
    from gpseeker.ui.state import Change

__all__ = ["DEBOUNCE", "PAGE_SIZE", "JobsScreen"]

DEBOUNCE = 0.08
"""Seconds of quiet typing before a burst of keys is searched."""
PAGE_SIZE = 30
"""Jobs a page: more than one screenful at 120x40 (two lines a job)."""


def job_title(job: Job) -> str:
    """ "Title at Company", cleaned, for notifications (which take plain text)."""
    return f"{shorten(clean_line(job.title), 60)} at {shorten(clean_line(job.company_name), 40)}"


class JobsScreen(MainScreen):
    """Search box, status line (count and filters in words), list and detail."""

    MODE = "jobs"
    TITLE = "Jobs"

    # Side by side from 110 columns; below that Enter opens the job over the list.
    # Textual annotates this as an instance variable, so ClassVar would upset mypy.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_search", "Search", id="jobs.search", tooltip="Type to search"),
        Binding("f", "filters", "Filters", id="jobs.filters", tooltip="Where, visa, salary…"),
        Binding("s", "toggle_save", "Save", id="jobs.save", tooltip="Save or unsave this job"),
        # Out of the footer, full at 80 columns; F1 and the command palette list it.
        Binding(
            "S",
            "save_search",
            "Save search",
            show=False,
            id="jobs.save_search",
            tooltip="Save this search for JobMail",
        ),
        Binding("a", "apply", "Apply", id="jobs.apply", tooltip="Apply to this job"),
        Binding("enter", "open", "Open", id="jobs.open", tooltip="Read the whole job"),
        Binding("r", "refresh", "Refresh", id="jobs.refresh", tooltip="Search again now"),
        Binding("escape", "back", "Back", id="jobs.back", tooltip="Back to the list"),
        Binding("down", "focus_list", "To the list", show=False, id="jobs.to_list"),
    ]

    CSS_PATH = "jobs.tcss"

    def __init__(self) -> None:
        super().__init__()
        self.filters = JobFilters()
        self.own_level: str | None = None
        """The candidate's Japanese level from the saved profile, once loaded."""
        self._query: JobQuery | None = None
        self._cursor: str | None = None
        self._total: int | None = None
        self._generation = 0
        """Counts searches, so a page of an older search is never appended."""
        self._last_typed = 0.0
        self._as_of: dt.date = job_format.today()
        self._stale = False
        self._following_state = False

    def compose_body(self) -> ComposeResult:
        yield Input(placeholder="Search jobs: title, company, skills…", id="job-search")
        yield JobStatus("Connecting to the platform…", id="job-status")
        with Horizontal(id="job-panes"):
            yield JobList(id="job-list")
            yield JobDetail(id="job-detail")

    # --- lifetime ---------------------------------------------------------------------

    @property
    def job_list(self) -> JobList:
        return self.query_one(JobList)

    @property
    def detail(self) -> JobDetail:
        return self.query_one(JobDetail)

    @property
    def status(self) -> JobStatus:
        return self.query_one(JobStatus)

    def on_mount(self) -> None:
        self.query_one("#job-search", Input).focus()
        self.start()
        # After the first frame, like the connection: reading it imports the models.
        self.call_after_refresh(self.show_known)

    def on_screen_resume(self) -> None:
        if self._stale:
            self._stale = False
            self.search()

    def _state_changed(self, change: Change) -> None:
        # A new Japanese level saved in the profile editor becomes the default filter.
        if change == "profile" and self._take_own_level():
            self._stale = True
            if self.is_current:
                self.on_screen_resume()

    def _take_own_level(self) -> bool:
        """Adopt the saved profile's Japanese level; whether the filters changed."""
        envelope = self.gpseeker.state.envelope
        if envelope is None:
            return False
        self.own_level = envelope.profile.languages.japanese
        # "none" is also what a profile says before its owner filled it in; filtering on
        # it would show a newcomer a handful of jobs, so it filters only once chosen.
        default = None if self.own_level == "none" else self.own_level
        if self.filters.japanese_chosen or self.filters.japanese_max == default:
            return False
        self.filters = replace(self.filters, japanese_max=default)
        return True

    @work(exclusive=True, group="job-start", exit_on_error=False)
    async def start(self) -> None:
        """The saved profile first (for the Japanese level), then the first search."""
        await self.gpseeker.connected()  # first: nothing is imported before the first paint
        from gpseeker.client import PlatformError

        state = self.gpseeker.state
        if not self._following_state:
            # Here, not in on_mount: as the first screen, this one mounts before the
            # app binds the state's signal. Once: `reload` may start this again.
            state.changed.subscribe(self, self._state_changed)
            self._following_state = True
        try:
            client = await self._client()
            if state.envelope is None:
                state.set_saved(await client.get_profile())
        except PlatformError as error:
            self.missed_platform = True
            self._say("Could not load your profile: ", error.message)
        self._take_own_level()
        self.search()

    @work(exclusive=True, group="job-known", exit_on_error=False)
    async def show_known(self) -> None:
        """The landing page kept from the last run, at once, labelled with its age."""
        app = self.gpseeker
        if not (app.data_dir / KNOWN_JOBS_FILE).exists():
            return  # a first start: nothing to load the models for before the platform's
        # The import (the models) in a thread too, so that the screen keeps painting.
        await asyncio.to_thread(importlib.import_module, "gpseeker.local.known_jobs")
        from gpseeker.local.known_jobs import owner_of, recall

        owner = owner_of(app.connector.tokens, app.connector.server)
        page = await asyncio.to_thread(recall, app.data_dir, owner)
        if page is None or self._query is not None:
            return  # none kept, or the fresh page came first
        if self.query_one("#job-search", Input).value or not self.filters.landing:
            return  # typed or filtered already: the kept page is not what was asked for
        self._as_of = job_format.local_date(page.saved_at)
        self.job_list.show(page.jobs)
        self.status.show_known(page.saved_at)
        self._show_current()

    def reload(self) -> None:
        """After the platform was out of reach: the profile if it is missing (for the
        Japanese level), then the search in the box, as typed meanwhile."""
        if self.gpseeker.state.envelope is None:
            self.start()
        else:
            self.search()

    # --- searching --------------------------------------------------------------------

    @on(Input.Changed, "#job-search")
    def _typed(self) -> None:
        now = time.monotonic()
        quiet = now - self._last_typed >= DEBOUNCE
        self._last_typed = now
        self.search(delay=0.0 if quiet else DEBOUNCE)

    @on(Input.Submitted, "#job-search")
    def _submitted(self) -> None:
        self.action_focus_list()

    def build_query(self) -> JobQuery | str:
        """The search on screen as a JobQuery, or why it cannot be sent."""
        from pydantic import ValidationError

        from gpseeker.core.models import JobQuery

        text = self.query_one("#job-search", Input).value
        try:
            return JobQuery(q=text, **self.filters.query_fields())
        except ValidationError as error:
            problems = "; ".join(problem["msg"] for problem in error.errors())
            return f"That search cannot be sent: {problems}"

    @work(exclusive=True, group="job-search", exit_on_error=False)
    async def search(self, delay: float = 0.0) -> None:
        """Search with what is on screen; replaces the list with the first page."""
        if delay:
            await asyncio.sleep(delay)
        from gpseeker.client import PlatformError

        self._generation += 1
        self.workers.cancel_group(self, "job-page")
        query = self.build_query()
        if isinstance(query, str):
            self._say(query)
            return
        self.status.refreshing()
        try:
            client = await self._client()
            page = await client.search_jobs(query, limit=PAGE_SIZE)
        except PlatformError as error:
            self.missed_platform = True
            self._say("Could not search: ", error.message)
            return
        # Over kept jobs, the cursor stays on the job it was on, if the page has it.
        was_on = self.job_list.current if self.status.known_since is not None else None
        self.status.show_current()
        self._query, self._cursor, self._total = query, page.next_cursor, page.total
        self._as_of = job_format.today()
        self.job_list.show(page.items, keep=was_on.id if was_on is not None else None)
        self._show_status()
        self._show_current()
        if query.q == "" and self.filters.landing:
            self._keep(page.items)

    def _keep(self, jobs: Sequence[Job]) -> None:
        """Keep the landing page for the next start, in a thread (it syncs a file)."""
        from gpseeker.local.known_jobs import keep, owner_of

        app = self.gpseeker
        owner = owner_of(app.connector.tokens, app.connector.server)
        work = asyncio.to_thread(keep, app.data_dir, owner, jobs, job_format.now())
        self.run_worker(work, group="job-keep", exclusive=True, exit_on_error=False)

    @on(JobList.NearEnd)
    def _near_end(self) -> None:
        if self._cursor is not None and not self._loading_more():
            self.load_more(self._generation)

    def _loading_more(self) -> bool:
        return any(
            worker.group == "job-page" and not worker.is_finished
            for worker in self.workers
            if worker.node is self
        )

    @work(exclusive=True, group="job-page", exit_on_error=False)
    async def load_more(self, generation: int) -> None:
        from gpseeker.client import PlatformError

        query, cursor = self._query, self._cursor
        if query is None or cursor is None:
            return
        try:
            page = await (await self._client()).search_jobs(query, cursor=cursor, limit=PAGE_SIZE)
        except PlatformError as error:
            self._say("Could not load more jobs: ", error.message)
            return
        if generation != self._generation:
            return  # a newer search replaced the list meanwhile
        self._cursor = page.next_cursor
        if page.total is not None:
            self._total = page.total
        self.job_list.extend(page.items)
        self._show_status()

    def _show_status(self) -> None:
        shown = len(self.job_list.jobs)
        count = job_format.count_words(self._total, shown, self._cursor is not None)
        filters = self.filters.summary(self.own_level)
        # The words searched for, echoed: the count says what it counts, also to
        # someone who typed on while the answer was on its way.
        words = self._query.q if self._query is not None else ""
        searched = ["for “", words, "” "] if words else []
        tail = f"· {', '.join(filters)} · f: filters" if filters else "· f: filters"
        self._say(count, " ", *searched, tail)

    def _say(self, *parts: str) -> None:
        """The status line; parts after the first may come from outside (errors)."""
        self.status.say(*parts)

    def _waits_for_fresh(self, what: str) -> bool:
        """Over kept jobs, say that `what` waits for the fresh list, and return True:
        the job's state (saved, applied, closed) may have changed since."""
        if self.status.known_since is None:
            return False
        self.notify(
            f"These jobs are as of {self.status.age()}. To {what}, wait until the list "
            "is refreshed from the platform.",
            title="Not current yet",
            severity="warning",
            markup=False,
        )
        return True

    # --- the current job ---------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#job-list")
    def _show_current(self) -> None:
        self.detail.show(self.job_list.current, self._as_of)

    @on(OptionList.OptionSelected, "#job-list")
    def _selected(self) -> None:
        self.action_open()

    def _changed(self, job: Job) -> None:
        """Show a job's new state (saved, applied) in its row and the detail."""
        self.job_list.update_job(job)
        if self.detail.job is not None and self.detail.job.id == job.id:
            self.detail.show(job, self._as_of)

    # --- actions ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return self.has_class("-reading") or self.detail.has_focus
        if action == "focus_search":
            # In the search box "/" is a character to type, so the footer must not
            # offer it as a key there.
            return not self.query_one("#job-search", Input).has_focus
        return True

    def action_focus_search(self) -> None:
        self.action_back()
        self.query_one("#job-search", Input).focus()

    def action_focus_list(self) -> None:
        self.job_list.focus()

    def action_open(self) -> None:
        if self.job_list.current is None:
            return
        self._show_current()
        if self.has_class("-narrow"):
            self.add_class("-reading")
        self.detail.focus()
        self.refresh_bindings()

    def action_back(self) -> None:
        reading = self.has_class("-reading") or self.detail.has_focus
        self.remove_class("-reading")
        if reading:
            self.job_list.focus()
        self.refresh_bindings()

    def action_refresh(self) -> None:
        self.search()

    def action_filters(self) -> None:
        def chosen(filters: JobFilters | None) -> None:
            if filters is not None and filters != self.filters:
                self.filters = filters
                self.search()
            elif filters is not None:
                self.filters = filters  # keeps "chosen" even if unchanged

        self.app.push_screen(FilterDialog(self.filters, self.own_level), chosen)

    def action_toggle_save(self) -> None:
        job = self.job_list.current
        if job is not None and not self._waits_for_fresh("save or unsave a job"):
            self.toggle_save(job)

    @work(group="job-save", exit_on_error=False)
    async def toggle_save(self, job: Job) -> None:
        from gpseeker.client import PlatformError

        try:
            client = await self._client()
            if job.saved:
                await client.unsave_job(job.id)
            else:
                await client.save_job(job.id)
        except PlatformError as error:
            self._failed("save the job", error)
            return
        changed = job.model_copy(update={"saved": not job.saved})
        self._changed(changed)
        said = "Saved" if changed.saved else "No longer saved"
        self.notify(f"{said}: {job_title(job)}", markup=False)

    @work(exclusive=True, group="job-save-search", exit_on_error=False)
    async def action_save_search(self) -> None:
        """Open the save-search dialog over the search on screen (not the last sent)."""
        from gpseeker.client import PlatformError
        from gpseeker.widgets.save_search_dialog import SaveSearchDialog, search_words

        query = self.build_query()
        if isinstance(query, str):
            self.notify(clean_line(query), severity="warning", markup=False)
            return
        try:
            client = await self._client()
        except PlatformError as error:
            self._failed("save the search", error)
            return
        described = search_words(query.q, self.filters.summary(self.own_level))
        self.app.push_screen(SaveSearchDialog(client, query, described))  # it says when saved

    def action_apply(self) -> None:
        job = self.job_list.current
        if job is None:
            self.notify("Pick a job in the list first.", markup=False)
        elif self._waits_for_fresh("apply"):
            return
        elif job.applied:
            self.notify(f"You have already applied to {job_title(job)}.", markup=False)
        elif job.status == "closed":
            self.notify(f"{job_title(job)} is closed.", severity="warning", markup=False)
        else:
            from gpseeker.screens.apply_dialog import ApplyDialog  # masking rules: load late

            self.app.push_screen(ApplyDialog(job), self._applied)

    def _applied(self, application: Application | None) -> None:
        if application is None:
            return
        job = next((job for job in self.job_list.jobs if job.id == application.job_id), None)
        if job is not None:
            self._changed(job.model_copy(update={"applied": True}))
        title = shorten(clean_line(application.job_title), 60)
        company = shorten(clean_line(application.company_name), 40)
        self.notify(
            f"Applied to {title} at {company}. Follow it on the Applications screen (F3).",
            title="Application sent",
            markup=False,
        )

    def _failed(self, what: str, error: PlatformError) -> None:
        self._say(f"Could not {what}: ", error.message)
        self.notify(f"Could not {what}.", severity="error", markup=False)
