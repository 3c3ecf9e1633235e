"""Blocked companies and the profile-views log: two lists of names from outside.

Company and employer names are typed by other people (employers name themselves) or
come back from the server, so every one is shown through safe text. The widgets only
show and report; the screen talks to the platform.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from gpseeker.models import BlockedCompany, ProfileViewEvent
from gpseeker.text import clean_line
from gpseeker.widgets.safe_text import SafeText, safe_content, safe_join

__all__ = ["AUTOMATIC_NOTE", "BlockedCompanies", "ProfileViewsLog", "view_sentence"]

AUTOMATIC_NOTE = (
    "blocked automatically because it is your current company; "
    "blocking is by company name and is not a guarantee"
)


class _BlockedList(OptionList):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("delete,u", "unblock", "Unblock", id="privacy.unblock"),
    ]

    def action_unblock(self) -> None:
        if self.highlighted is not None:
            option = self.get_option_at_index(self.highlighted)
            if option.id is not None:
                parent = self.parent
                if isinstance(parent, BlockedCompanies):
                    parent.request_unblock(parent.name_of(option.id))


class BlockedCompanies(Vertical):
    """The list, an Input to add a name, and Delete (or u) to remove the highlighted one."""

    DEFAULT_CSS = """
    BlockedCompanies {
        height: auto;
    }
    BlockedCompanies > .section {
        text-style: bold;
        margin-top: 1;
    }
    BlockedCompanies > OptionList {
        height: auto;
        max-height: 10;
    }
    """

    @dataclass
    class BlockRequested(Message):
        widget: BlockedCompanies
        name: str

        @property
        def control(self) -> BlockedCompanies:
            return self.widget

    @dataclass
    class UnblockRequested(Message):
        widget: BlockedCompanies
        name: str

        @property
        def control(self) -> BlockedCompanies:
            return self.widget

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._names: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("Blocked companies", classes="section", markup=False)
        yield Static(
            "A blocked company never finds you in the resume bank. Blocking is by company "
            "name and is not a guarantee.",
            markup=False,
        )
        yield SafeText("Loading…", id="blocked-empty")
        yield _BlockedList(id="blocked-list")
        yield Input(
            placeholder="Company to block, then Enter (Delete unblocks)",
            id="block-input",
            max_length=120,
        )

    @property
    def names(self) -> list[str]:
        """The names as listed, in order."""
        return list(self._names)

    def name_of(self, option_id: str) -> str:
        return self._names[int(option_id)]

    def show(self, companies: Sequence[BlockedCompany]) -> None:
        self._names = [company.name for company in companies]
        listing = self.query_one(_BlockedList)
        highlighted = listing.highlighted
        listing.clear_options()
        listing.add_options(
            Option(_company_line(company), id=str(index)) for index, company in enumerate(companies)
        )
        if companies and highlighted is not None:
            listing.highlighted = min(highlighted, len(companies) - 1)
        listing.display = bool(companies)
        empty = self.query_one("#blocked-empty", SafeText)
        empty.set_text("No companies blocked.")
        empty.display = not companies

    def request_unblock(self, name: str) -> None:
        self.post_message(self.UnblockRequested(self, name))

    @on(Input.Submitted, "#block-input")
    def _block(self, event: Input.Submitted) -> None:
        event.stop()
        name = clean_line(event.value).strip()
        if name:
            self.post_message(self.BlockRequested(self, name))

    def clear_input(self) -> None:
        self.query_one("#block-input", Input).value = ""

    def focus_input(self) -> None:
        self.query_one("#block-input", Input).focus()


def _company_line(company: BlockedCompany) -> Content:
    if company.automatic:
        return safe_join([safe_content(company.name, "bold"), f" — {AUTOMATIC_NOTE}"])
    return safe_content(company.name, "bold")


def view_sentence(event: ProfileViewEvent) -> Content:
    """One log line in words; the employer's name as literal text."""
    when = event.at.astimezone().strftime("%Y-%m-%d at %H:%M")
    what = (
        "opened your masked profile"
        if event.context == "search"
        else "opened the profile you sent with your application"
    )
    return safe_join(["An employer (", event.employer_name, f") {what} on {when}."])


class ProfileViewsLog(Vertical):
    """Who opened the candidate's profile, newest first."""

    DEFAULT_CSS = """
    ProfileViewsLog {
        height: auto;
    }
    ProfileViewsLog > .section {
        text-style: bold;
        margin-top: 1;
    }
    """

    def compose(self) -> ComposeResult:
        yield Static("Who opened your profile", classes="section", markup=False)
        yield SafeText("Loading…", id="views-body")

    def show(self, events: Sequence[ProfileViewEvent]) -> None:
        body = self.query_one("#views-body", SafeText)
        if not events:
            body.set_text("No employer has opened your profile yet.")
            return
        newest_first = sorted(events, key=lambda event: event.at, reverse=True)
        body.set_text(Content("\n").join(view_sentence(event) for event in newest_first))
