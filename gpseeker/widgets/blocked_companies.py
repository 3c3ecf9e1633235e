"""Blocked organisations, and the picker that adds one.

A block is a block of an organisation (DESIGN.md, promise 7). Typing a name asks the
platform which verified organisations match it (the screen asks; this widget shows):
the candidate picks one with the arrow keys and Enter, which blocks that organisation
under every name it goes by, or keeps the name as typed, which blocks every verified
organisation whose names match it, now and later. Each block is listed with what it
holds today, and "automatic: your current company" when the platform added it from
the profile.

Names are typed by other people (employers name themselves) or come back from the
server, so every one is shown through safe text. The widgets only show and report;
the screen talks to the platform.
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
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from gpseeker.core.models import BlockedCompany, BlockEntry, OrganisationMatch
from gpseeker.core.text import clean_line
from gpseeker.core.vocabulary import sender_words
from gpseeker.widgets.safe_text import SafeText, safe_content, safe_join

__all__ = [
    "AUTOMATIC_WORDS",
    "BlockedCompanies",
    "already_blocked",
    "block_entries",
    "company_line",
]

INTRO = (
    "A blocked organisation never finds you in the resume bank, under any name it goes "
    "by, from any of its accounts. Type a name to pick the verified organisation."
)
AUTOMATIC_WORDS = "automatic: your current company"
PICKED_NOTE = "blocked under every name it goes by, for every account it has"
TYPED_NOTE = "blocks every organisation going by this name (suffixes like K.K. aside), now or later"
NO_MATCH_YET = "No verified organisation goes by this name yet; it will block any that does later"
LOOKUP_DELAY = 0.3
"""Seconds of quiet typing before the platform is asked which organisations match:
one request per pause, not one per key."""


def already_blocked(
    companies: Sequence[BlockedCompany], name: str, organisation_id: int | None
) -> bool:
    """Whether the list already holds `organisation_id` (or, for a typed name, that
    same name), directly or through a typed name that matches it today."""
    key = name.casefold()
    for company in companies:
        if organisation_id is not None and company.organisation_id == organisation_id:
            return True
        if company.organisation_id is None and (
            company.name.casefold() == key or key in (m.casefold() for m in company.matches)
        ):
            return True
    return False


def block_entries(companies: Sequence[BlockedCompany]) -> list[BlockEntry | str]:
    """The list as the platform takes it back unchanged: picked organisations by their
    id, typed names as typed, automatic blocks included (one left out is dismissed)."""
    return [
        company.name
        if company.organisation_id is None
        else BlockEntry(name=company.name, organisation_id=company.organisation_id)
        for company in companies
    ]


def company_line(company: BlockedCompany) -> Content:
    """The block's name (bold, and "automatic: ..." if it is), then what it holds."""
    first: list[Content | str] = [safe_content(clean_line(company.name), "bold")]
    if company.automatic:
        first.append(f" — {AUTOMATIC_WORDS}")
    if company.organisation_id is not None:
        legal = clean_line(company.organisation_name or company.name)
        if legal == clean_line(company.name):
            second = Content(f"  The verified organisation: {PICKED_NOTE}")
        else:  # verified again, or merged, under another name since it was picked
            second = safe_join(["  Now ", sender_words(legal, "verified"), f"; {PICKED_NOTE}"])
    elif company.matches:
        holds = ", ".join(clean_line(name) for name in company.matches)
        second = safe_join(["  Blocks today: ", holds, "; later, any other going by this name"])
    else:
        second = Content(f"  {NO_MATCH_YET}")
    return Content("\n").join([safe_join(first), second])


def match_line(match: OrganisationMatch) -> Content:
    """A verified organisation offered by the picker: its legal name, the other names."""
    first = safe_join(
        [safe_content(clean_line(match.legal_name), "bold"), " (verified by the platform)"]
    )
    others = [clean_line(name) for name in match.also_known_as]
    if not others:
        return first
    return Content("\n").join([first, safe_join(["  also known as ", ", ".join(others)])])


def typed_line(name: str) -> Content:
    return Content("\n").join(
        [
            safe_join(["Keep the name as typed: ", safe_content(name, "bold")]),
            Content(f"  {TYPED_NOTE}"),
        ]
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
                    parent.request_unblock(int(option.id))


class _NameInput(Input):
    """The name to block; Down moves into the organisations that match it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "pick", "Pick a match", show=False),
    ]

    def action_pick(self) -> None:
        parent = self.parent
        if isinstance(parent, BlockedCompanies):
            parent.focus_matches()


class _MatchList(OptionList):
    """The verified organisations that match the name, and "keep the name as typed"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back to the name", show=False),
    ]

    def action_back(self) -> None:
        parent = self.parent
        if isinstance(parent, BlockedCompanies):
            parent.focus_input()


class BlockedCompanies(Vertical):
    """The list (Delete or u unblocks the highlighted block), the name to add, and the
    verified organisations matching that name to pick from."""

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
        max-height: 12;
    }
    BlockedCompanies > #block-hint {
        display: none;
    }
    BlockedCompanies > #block-matches {
        display: none;
    }
    """

    @dataclass
    class BlockRequested(Message):
        """Block `name`: the verified organisation `organisation_id`, or as typed (None)."""

        widget: BlockedCompanies
        name: str
        organisation_id: int | None

        @property
        def control(self) -> BlockedCompanies:
            return self.widget

    @dataclass
    class UnblockRequested(Message):
        widget: BlockedCompanies
        company: BlockedCompany

        @property
        def control(self) -> BlockedCompanies:
            return self.widget

    @dataclass
    class LookupRequested(Message):
        """Ask the platform which verified organisations match `name`; `submitted`:
        the candidate pressed Enter, so block it as typed if none does."""

        widget: BlockedCompanies
        name: str
        submitted: bool

        @property
        def control(self) -> BlockedCompanies:
            return self.widget

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._companies: list[BlockedCompany] = []
        self._matches: list[OrganisationMatch] = []
        self._matched_name: str | None = None
        """The name `_matches` answer, once the platform has answered for it."""
        self._lookup_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static("Blocked organisations", classes="section", markup=False)
        yield Static(INTRO, markup=False)
        yield SafeText("Loading…", id="blocked-empty")
        yield _BlockedList(id="blocked-list")
        yield _NameInput(
            placeholder="Organisation to block, then Enter (Delete unblocks)",
            id="block-input",
            max_length=120,
        )
        yield SafeText("", id="block-hint")
        yield _MatchList(id="block-matches")

    # --- the list ---------------------------------------------------------------------

    @property
    def companies(self) -> list[BlockedCompany]:
        """The blocks as listed, in order."""
        return list(self._companies)

    def show(self, companies: Sequence[BlockedCompany]) -> None:
        self._companies = list(companies)
        listing = self.query_one(_BlockedList)
        highlighted = listing.highlighted
        listing.clear_options()
        listing.add_options(
            Option(company_line(company), id=str(index)) for index, company in enumerate(companies)
        )
        if companies and highlighted is not None:
            listing.highlighted = min(highlighted, len(companies) - 1)
        listing.display = bool(companies)
        empty = self.query_one("#blocked-empty", SafeText)
        empty.set_text("No organisations blocked.")
        empty.display = not companies

    def request_unblock(self, index: int) -> None:
        self.post_message(self.UnblockRequested(self, self._companies[index]))

    # --- the name and the picker ------------------------------------------------------

    @property
    def typed(self) -> str:
        """The name in the field, as it would be blocked."""
        return clean_line(self.query_one("#block-input", Input).value).strip()

    @on(Input.Changed, "#block-input")
    def _name_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._stop_lookup()
        if self.typed != self._matched_name:
            self._hide_matches()
        if self.typed:
            self._lookup_timer = self.set_timer(LOOKUP_DELAY, self._look_up)

    def _look_up(self) -> None:
        self._lookup_timer = None
        if self.typed:
            self.post_message(self.LookupRequested(self, self.typed, submitted=False))

    @on(Input.Submitted, "#block-input")
    def _name_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._stop_lookup()
        name = self.typed
        if not name:
            return
        if name == self._matched_name:
            self._offer(submitted=True)
        else:
            self.post_message(self.LookupRequested(self, name, submitted=True))

    def _stop_lookup(self) -> None:
        if self._lookup_timer is not None:
            self._lookup_timer.stop()
            self._lookup_timer = None

    def show_matches(
        self, name: str, matches: Sequence[OrganisationMatch], *, submitted: bool
    ) -> None:
        """The platform's answer for `name` (ignored if the field has moved on)."""
        if name != self.typed:
            return
        self._matched_name = name
        self._matches = list(matches)
        picker = self.query_one(_MatchList)
        picker.clear_options()
        picker.add_options(
            Option(match_line(match), id=f"match-{index}") for index, match in enumerate(matches)
        )
        picker.add_option(Option(typed_line(name), id="typed"))
        hint = self.query_one("#block-hint", SafeText)
        if matches:
            count = len(matches)
            noun = "organisation matches" if count == 1 else "organisations match"
            hint.set_text(
                f"{count} verified {noun}: pick one with the arrow keys and Enter "
                "(Esc goes back to the name), or keep the name as typed."
            )
        else:
            hint.set_text("No verified organisation matches this name yet.")
        hint.display = True
        picker.display = bool(matches)
        self._offer(submitted=submitted)

    def lookup_failed(self, name: str, message: str) -> None:
        if name != self.typed:
            return
        hint = self.query_one("#block-hint", SafeText)
        hint.set_text(
            safe_join(["Could not ask the platform which organisations match: ", message])
        )
        hint.display = True

    def _offer(self, *, submitted: bool) -> None:
        """After Enter: no match blocks the name as typed; matches are offered."""
        if not submitted:
            return
        if not self._matches:
            self.post_message(self.BlockRequested(self, self.typed, None))
        else:
            self.focus_matches()

    def focus_matches(self) -> None:
        picker = self.query_one(_MatchList)
        if picker.display and picker.option_count:
            picker.highlighted = 0
            picker.focus()
            picker.scroll_visible()

    @on(OptionList.OptionSelected, "#block-matches")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_id == "typed" or event.option_id is None:
            self.post_message(self.BlockRequested(self, self.typed, None))
            return
        match = self._matches[int(event.option_id.removeprefix("match-"))]
        self.post_message(self.BlockRequested(self, match.legal_name, match.id))

    def _hide_matches(self) -> None:
        self._matched_name = None
        self._matches = []
        self.query_one(_MatchList).display = False
        self.query_one("#block-hint", SafeText).display = False

    def clear_input(self) -> None:
        """After a block is saved: an empty field and no picker."""
        self._stop_lookup()
        self.query_one("#block-input", Input).value = ""
        self._hide_matches()

    def focus_input(self) -> None:
        self.query_one("#block-input", Input).focus()
