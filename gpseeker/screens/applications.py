"""The applications screen: every application, its status in words, its timeline.

Loaded from the platform each time the screen is shown, so an application made a
moment ago in the apply dialog, or a status an employer changed since, is there
without the candidate asking; `r` loads again while the screen is open. Withdrawing
asks first, and says what withdrawing does not undo.

Job titles, company names and the employers' notes in the timeline come from
outside: they go through safe text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from gpseeker.core.text import clean_line
from gpseeker.screens.base import MainScreen
from gpseeker.widgets.job_confirm import ConfirmDialog
from gpseeker.widgets.job_format import STATUS_WORDS, application_date, local_date
from gpseeker.widgets.safe_text import SafeText, safe_content, safe_join

if TYPE_CHECKING:
    from gpseeker.core.models import Application

__all__ = ["ApplicationsScreen", "application_row", "timeline_content"]

EMPTY = "Pick an application to see its timeline."
NONE_YET = "You have not applied to any job yet. Apply from the Jobs screen (F2, then a)."
WITHDRAW_NOTE = (
    "The employer keeps what you sent; you can ask them to erase it from the Account screen later."
)
_DISCLOSED = {"full_name": "name", "email": "e-mail", "phone": "phone", "address": "postal address"}


def status_words(status: str) -> str:
    return STATUS_WORDS.get(status, status.replace("_", " "))


def application_row(application: Application) -> Content:
    """Status and title on the first line; company and the day applied on the second."""
    first = safe_join(
        [
            safe_content(status_words(application.status), "bold reverse"),
            " ",
            safe_content(clean_line(application.job_title), "bold"),
        ]
    )
    second = safe_join(
        ["  ", clean_line(application.company_name), f" · applied {application_date(application)}"]
    )
    return Content("\n").join([first, second])


def timeline_content(application: Application) -> Content:
    """The whole application: what was sent, and every status change with its note."""
    sent = [_DISCLOSED.get(name, name.replace("_", " ")) for name in application.disclosed]
    lines: list[Content] = [
        safe_content(application.job_title, "bold"),
        safe_content(application.company_name),
        Content(f"Status: {status_words(application.status)}"),
        Content(f"Applied: {application_date(application)}"),
        Content(f"You sent: {', '.join(sent) if sent else 'your application'}"),
        Content(""),
        safe_content("Timeline:", "bold"),
    ]
    for change in application.timeline:
        day = local_date(change.at).isoformat()
        lines.append(Content(f"  {day}  {status_words(change.status)}"))
        if change.note:
            lines.append(safe_join(["      ", change.note]))
    lines += [Content(""), safe_content("Your cover note:", "bold")]
    lines.append(safe_content(application.cover_note or "(none)"))
    return Content("\n").join(lines)


class ApplicationsScreen(MainScreen):
    """The list (newest first) and the highlighted application's timeline."""

    MODE = "applications"
    TITLE = "Applications"

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "w",
            "withdraw",
            "Withdraw",
            id="applications.withdraw",
            tooltip="Withdraw the highlighted application (asks first)",
        ),
        Binding(
            "r",
            "refresh",
            "Refresh",
            id="applications.refresh",
            tooltip="Load your applications and their status again",
        ),
    ]

    CSS_PATH = "applications.tcss"

    def __init__(self) -> None:
        super().__init__()
        self.applications: list[Application] = []

    def compose_body(self) -> ComposeResult:
        yield SafeText("Loading your applications…", id="applications-status")
        with Horizontal(id="applications-panes"):
            yield OptionList(id="application-list")
            with VerticalScroll(id="application-timeline", can_focus=True):
                yield SafeText(EMPTY, id="application-timeline-body")

    @property
    def current(self) -> Application | None:
        highlighted = self.query_one("#application-list", OptionList).highlighted
        if highlighted is None or highlighted >= len(self.applications):
            return None
        return self.applications[highlighted]

    def on_mount(self) -> None:
        self.query_one("#application-list", OptionList).focus()

    def on_screen_resume(self) -> None:
        # Every time the screen is shown: an application made or a status changed
        # elsewhere must be here without asking.
        self.load()

    def action_refresh(self) -> None:
        self.load()

    # --- talking to the platform ------------------------------------------------------

    @work(exclusive=True, group="applications-load", exit_on_error=False)
    async def load(self) -> None:
        from gpseeker.client import PlatformError

        try:
            applications = await (await self._client()).applications()
        except PlatformError as error:
            self.missed_platform = True
            self._say("Could not load your applications: ", error.message)
            return
        self.show(applications)

    def reload(self) -> None:
        self.load()

    def show(self, applications: list[Application]) -> None:
        """Show `applications`, keeping the cursor on the same application if it is there."""
        listing = self.query_one("#application-list", OptionList)
        before = self.current
        self.applications = applications
        listing.set_options(
            Option(application_row(item), id=f"application-{item.id}") for item in applications
        )
        index = next(
            (i for i, item in enumerate(applications) if before and item.id == before.id), 0
        )
        listing.highlighted = index if applications else None
        count = len(applications)
        if count == 0:
            self._say(NONE_YET)
        else:
            noun = "application" if count == 1 else "applications"
            self._say(f"{count} {noun} · w: withdraw · r: refresh")
        self._show_current()

    @on(OptionList.OptionHighlighted, "#application-list")
    def _show_current(self) -> None:
        current = self.current
        body = self.query_one("#application-timeline-body", SafeText)
        body.set_text(EMPTY if current is None else timeline_content(current))

    def _say(self, *parts: str) -> None:
        self.query_one("#applications-status", SafeText).say(*parts)

    # --- withdrawing ------------------------------------------------------------------

    def action_withdraw(self) -> None:
        application = self.current
        if application is None:
            return
        title = f"{clean_line(application.job_title)} at {clean_line(application.company_name)}"
        if application.status == "withdrawn":
            self.notify(f"Already withdrawn: {title}.", markup=False)
            return
        question = safe_join(
            [
                "Withdraw your application to ",
                application.job_title,
                " at ",
                application.company_name,
                "? ",
                WITHDRAW_NOTE,
            ]
        )

        def answered(yes: bool | None) -> None:
            if yes:
                self.withdraw(application)

        dialog = ConfirmDialog("Withdraw application", question, yes="Withdraw", no="Keep")
        self.app.push_screen(dialog, answered)

    @work(group="applications-withdraw", exit_on_error=False)
    async def withdraw(self, application: Application) -> None:
        from gpseeker.client import PlatformError

        try:
            changed = await (await self._client()).withdraw(application.id)
        except PlatformError as error:
            self._say("Could not withdraw: ", error.message)
            self.notify("Could not withdraw the application.", severity="error", markup=False)
            return
        self.show([changed if item.id == changed.id else item for item in self.applications])
        title = clean_line(application.job_title)
        self.notify(f"Withdrawn: {title}.", markup=False)
