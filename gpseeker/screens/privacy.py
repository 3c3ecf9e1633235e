"""The privacy screen: who may find the candidate, and exactly what they would see.

The preview is built here, locally, by `privacy.preview` (the function the server
uses for every employer-facing answer) on `app.state.profile`, which is the profile
editor's unsaved draft while there is one. So the preview follows the editor
keystroke by keystroke and never asks the server; after a save it equals
`GET /me/employer-view` (a test holds it to that).

Choices (LOCKED / SEARCHABLE, the per-field ones, blocked organisations) are saved at
once through the client in workers; a failure puts the controls back to what the
platform holds and says why in words. A name typed to block is looked up among the
verified organisations (`blockable_organisations`) for the candidate to pick from.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.widgets import TabbedContent, TabPane
from textual.worker import WorkerError

from gpseeker.core import privacy
from gpseeker.core.models import EmployerPreview, OptionalDisclosure, ViewContext, Visibility
from gpseeker.screens.base import MainScreen
from gpseeker.screens.blocking import save_blocks
from gpseeker.ui.state import Change
from gpseeker.widgets.blocked_companies import BlockedCompanies, already_blocked
from gpseeker.widgets.employer_preview import EmployerPreviewPanel
from gpseeker.widgets.profile_views import ProfileViewsLog
from gpseeker.widgets.safe_text import SafeText
from gpseeker.widgets.visibility_controls import VisibilityControls

if TYPE_CHECKING:
    from gpseeker.client import PlatformError
    from gpseeker.core.models import BlockedCompany

# The client package (httpx, ~100 ms) is imported by the workers, not here: the app
# paints its first screen before anything talks to the platform.

__all__ = ["PrivacyScreen", "today"]


def today() -> dt.date:
    """The date the preview computes ages and years of experience for.

    A module function (not `date.today` inline) so tests can fix the clock.
    """
    return dt.date.today()


def _today() -> dt.date:
    return today()  # looked up at call time, so a patched `today` is seen


APPLY_AT_MOST: tuple[OptionalDisclosure, ...] = ("phone", "address")
"""The "When you apply" view shows the most one employer could receive, as
`GET /me/employer-view?context=application` does; the preview marks phone and address
as sent only if ticked in the apply dialog."""

BANK_HEADING = "In the resume bank"
LOCKED_HEADING = "No employer can find you"
APPLY_HEADING = "When you apply"
BANK_NOTE = (
    "What an employer who finds you by keyword sees: no name, contact details or current company."
)
LOCKED_NOTE = (
    "Your resume is LOCKED. If you made it SEARCHABLE, an employer searching the "
    "resume bank would see this:"
)
APPLY_NOTE = (
    "What the one employer you apply to receives, and nobody else. Phone and postal "
    "address go only if you tick them in the apply dialog."
)


class PrivacyScreen(MainScreen):
    """LOCKED / SEARCHABLE, the per-field choices, blocked companies, the views log,
    and the live preview of both employer views."""

    MODE = "privacy"
    TITLE = "Privacy"

    # Side by side from 110 columns; below that the parts stack in one scroll. Textual
    # annotates this as an instance variable, so ClassVar here would upset mypy.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (110, "-wide"),
    ]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "l",
            "lock",
            "Lock",
            id="privacy.lock",
            tooltip="LOCKED: no employer can find or open your resume",
        ),
        Binding(
            "s",
            "searchable",
            "Searchable",
            id="privacy.searchable",
            tooltip="SEARCHABLE: employers find your masked view by keyword",
        ),
        Binding(
            "v",
            "switch_preview",
            "Other preview",
            id="privacy.switch_preview",
            tooltip="Switch between the resume-bank view and the view when you apply",
        ),
        Binding(
            "b",
            "block",
            "Block company",
            id="privacy.block",
            tooltip="Type a company's name, then pick the verified organisation to block",
        ),
        Binding(
            "r",
            "reload",
            "Reload",
            id="privacy.reload",
            tooltip="Load your privacy settings and the profile-views log again",
        ),
    ]

    CSS_PATH = "privacy.tcss"

    _preview_stale = True
    """The state changed while another screen was in front: rebuild on resume."""

    def __init__(self) -> None:
        super().__init__()
        self.previews: dict[ViewContext, EmployerPreview] = {}
        """What the preview shows now, by context (empty until the profile loads)."""

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="privacy-body"):
            with Vertical(id="privacy-controls"):
                yield VisibilityControls(_today, id="visibility")
                yield SafeText("", id="privacy-message")
            with TabbedContent(id="preview-tabs", initial="bank"):
                with TabPane(BANK_HEADING, id="bank"), VerticalScroll(classes="preview-scroll"):
                    yield EmployerPreviewPanel(id="preview-bank")
                with TabPane(APPLY_HEADING, id="apply"), VerticalScroll(classes="preview-scroll"):
                    yield EmployerPreviewPanel(id="preview-apply")
            with VerticalScroll(id="privacy-lists"):
                yield BlockedCompanies(id="blocked")
                yield ProfileViewsLog(id="views")

    # --- lifetime ---------------------------------------------------------------------

    def on_mount(self) -> None:
        self.gpseeker.state.changed.subscribe(self, self._state_changed)
        if self.gpseeker.state.visibility is not None:
            self.query_one(VisibilityControls).show(self.gpseeker.state.visibility)
        self._refresh_preview()
        self.load()

    def on_screen_resume(self) -> None:
        if self._preview_stale:
            self._refresh_preview()

    def _state_changed(self, change: Change) -> None:
        state = self.gpseeker.state
        if change == "visibility" and state.visibility is not None:
            self.query_one(VisibilityControls).show(state.visibility)
        # Rebuilding while another screen is in front would only slow the editor's
        # keystrokes down; it is done when this screen comes back instead.
        self._preview_stale = True
        if self.is_current:
            self._refresh_preview()

    # --- the preview ------------------------------------------------------------------

    def _refresh_preview(self) -> None:
        self._preview_stale = False
        state = self.gpseeker.state
        visibility = self.query_one(VisibilityControls).visibility or state.visibility
        bank = self.query_one("#preview-bank", EmployerPreviewPanel)
        apply = self.query_one("#preview-apply", EmployerPreviewPanel)
        profile = state.profile
        if profile is None or visibility is None:
            self.previews = {}
            bank.show(BANK_HEADING, "Loading your profile…", None)
            apply.show(APPLY_HEADING, "Loading your profile…", None)
            return
        day = _today()
        self.previews = {
            "search": privacy.preview(profile, visibility, "search", today=day),
            "application": privacy.preview(
                profile, visibility, "application", disclose=APPLY_AT_MOST, today=day
            ),
        }
        locked = visibility.resume == "locked"
        self.query_one(TabbedContent).get_tab("bank").label = (
            LOCKED_HEADING if locked else BANK_HEADING
        )
        bank.show(
            LOCKED_HEADING if locked else BANK_HEADING,
            LOCKED_NOTE if locked else BANK_NOTE,
            self.previews["search"],
        )
        apply.show(
            APPLY_HEADING,
            APPLY_NOTE,
            self.previews["application"],
        )

    # --- actions ----------------------------------------------------------------------

    async def action_lock(self) -> None:
        await self._loaded()
        self.query_one(VisibilityControls).choose_resume("locked")

    async def action_searchable(self) -> None:
        await self._loaded()
        self.query_one(VisibilityControls).choose_resume("searchable")

    async def _loaded(self) -> None:
        """Wait for the settings to arrive: the palette may run a key as the screen opens."""
        for worker in self.workers:
            if worker.group == "privacy-load" and not worker.is_finished:
                with contextlib.suppress(WorkerError):
                    await worker.wait()

    def action_switch_preview(self) -> None:
        tabs = self.query_one(TabbedContent)
        tabs.active = "apply" if tabs.active == "bank" else "bank"
        # At 80 columns the preview sits below the controls: bring it into view, tabs
        # first, so the candidate sees which view is showing.
        tabs.scroll_visible(top=True)

    def action_block(self) -> None:
        self.query_one(BlockedCompanies).focus_input()

    def action_reload(self) -> None:
        self.load()

    def reload(self) -> None:
        self.load()

    # --- talking to the platform ------------------------------------------------------

    def _say(self, *parts: str) -> None:
        """A status line; `parts` after the first may come from outside (names, errors)."""
        self.query_one("#privacy-message", SafeText).say(*parts)

    def _failed(self, what: str, error: PlatformError) -> None:
        detail = error.message
        if error.fields:
            detail = "; ".join(f"{field.path}: {field.message}" for field in error.fields)
        if error.outcome_unknown:
            # The request may have arrived and been carried out: never "not saved" then.
            self._say(
                f"No answer came when trying to {what} (",
                detail,
                "). It may have been saved all the same: r shows what the platform holds.",
            )
            self.notify("It may have been saved.", title="Not confirmed", severity="warning")
            return
        self._say(f"Could not {what}: ", detail)
        # markup=False: the message may quote a name from outside.
        self.notify(f"Could not {what}.", title="Not saved", severity="error", markup=False)

    @work(exclusive=True, group="privacy-load", exit_on_error=False)
    async def load(self) -> None:
        from gpseeker.client import PlatformError

        state = self.gpseeker.state
        try:
            client = await self._client()
            if state.envelope is None:
                state.set_saved(await client.get_profile())
            state.set_visibility(await client.get_visibility())
            blocked = await client.blocked_companies()
            views = await client.profile_views()
        except PlatformError as error:
            self.missed_platform = True
            self._failed("load your privacy settings", error)
            return
        self.query_one(BlockedCompanies).show(blocked.companies)
        self.query_one(ProfileViewsLog).show(views)

    @on(VisibilityControls.Chosen)
    def _visibility_chosen(self, event: VisibilityControls.Chosen) -> None:
        # Preview at once; the resume-bank view does not change with LOCKED/SEARCHABLE,
        # but the per-field choices (age band, ...) do.
        self._refresh_preview()
        self._save_visibility(event.visibility)

    @work(exclusive=True, group="privacy-visibility", exit_on_error=False)
    async def _save_visibility(self, visibility: Visibility) -> None:
        from gpseeker.client import PlatformError

        state = self.gpseeker.state
        try:
            saved = await (await self._client()).set_visibility(visibility)
        except PlatformError as error:
            self._failed("save your choice", error)
            if state.visibility is not None:
                self.query_one(VisibilityControls).show(state.visibility)
                self._refresh_preview()
            return
        state.set_visibility(saved)
        self._say(f"Saved. Your resume is {saved.resume.upper()}.")

    @on(BlockedCompanies.LookupRequested)
    def _lookup_requested(self, event: BlockedCompanies.LookupRequested) -> None:
        self._look_up(event.name, event.submitted)

    @work(exclusive=True, group="privacy-lookup", exit_on_error=False)
    async def _look_up(self, name: str, submitted: bool) -> None:
        """Which verified organisations match `name`: the widget offers them."""
        from gpseeker.client import PlatformError

        widget = self.query_one(BlockedCompanies)
        try:
            matches = await (await self._client()).blockable_organisations(name)
        except PlatformError as error:
            widget.lookup_failed(name, error.message)
            if submitted:
                self._failed("look up the organisations with that name", error)
            return
        widget.show_matches(name, matches, submitted=submitted)

    @on(BlockedCompanies.BlockRequested)
    def _block(self, event: BlockedCompanies.BlockRequested) -> None:
        companies = event.widget.companies
        if already_blocked(companies, event.name, event.organisation_id):
            self._say("Already blocked: ", event.name)
            event.widget.clear_input()
            event.widget.focus_input()
            return
        self._save_blocked(
            companies, (event.name, event.organisation_id), ("Blocked: ", event.name)
        )

    @on(BlockedCompanies.UnblockRequested)
    def _unblock(self, event: BlockedCompanies.UnblockRequested) -> None:
        gone = event.company
        rest = [company for company in event.widget.companies if company is not gone]
        self._save_blocked(rest, None, ("Unblocked: ", gone.organisation_name or gone.name))

    @work(exclusive=True, group="privacy-blocked", exit_on_error=False)
    async def _save_blocked(
        self,
        keep: list[BlockedCompany],
        add: tuple[str, int | None] | None,
        done: tuple[str, str],
    ) -> None:
        from gpseeker.client import PlatformError

        widget = self.query_one(BlockedCompanies)
        picked = widget.has_focus_within and not widget.query_one("#block-input").has_focus
        try:
            saved = await save_blocks(await self._client(), keep, add)
        except PlatformError as error:
            self._failed("change your blocked organisations", error)
            return
        widget.show(saved.companies)
        if add is not None:
            widget.clear_input()
            if picked:
                widget.focus_input()  # the picker is gone: back to the name
        self._say(*done)
