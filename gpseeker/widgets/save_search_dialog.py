"""Saving the jobs screen's search for JobMail (`S` there), and saved searches in words.

The dialog shows the search in the words of the jobs screen's status line (the
keywords quoted, then `JobFilters.summary`), offers a name (the keywords, or "All
jobs"), and saves through the platform itself, as the export dialog does: a refusal
keeps the dialog open with the name as typed and the reason in words.

`query_words` describes a saved search (a `JobQuery` from the server) the same way,
for the Account screen and the delete picker. Keywords and names come from the
platform, so every line here is safe text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Input, Label

from gpseeker.core.models import JobQuery, SavedSearch
from gpseeker.core.text import clean_line, shorten
from gpseeker.core.vocabulary import words
from gpseeker.widgets.form_dialog import FormDialog
from gpseeker.widgets.job_filters import JobFilters
from gpseeker.widgets.safe_text import SafeText, safe_join

if TYPE_CHECKING:
    from gpseeker.client import PlatformClient, PlatformError

__all__ = [
    "NAME_MAX",
    "SaveSearchDialog",
    "default_name",
    "query_words",
    "saved_notice",
    "search_words",
]

NAME_MAX = 80
"""The platform's longest saved-search name (SavedSearchRequest.name)."""


def search_words(keywords: str, filters: list[str]) -> Content:
    """ "“python” · Tokyo, hybrid", or "All jobs · no filters": keywords as the status
    line quotes them, `filters` as `JobFilters.summary` words them."""
    said: list[Content | str] = ["“", clean_line(keywords), "”"] if keywords else ["All jobs"]
    return safe_join([*said, " · ", ", ".join(filters) if filters else "no filters"])


def query_words(query: JobQuery) -> Content:
    """A saved search in the same words as the jobs screen's status line.

    The query is turned back into `JobFilters` so that one function words filters.
    `JobFilters` holds one place, job type and category, while a search saved with
    the plain command may hold several: they go in already worded and joined ("Tokyo,
    Osaka, Kansai (region)"), which `summary` passes through as it stands.
    """
    places = [*query.prefecture, *(f"{name} (region)" for name in query.region)]
    filters = JobFilters(
        place=f"prefecture:{', '.join(places)}" if places else "",
        remote=tuple(query.remote),
        job_type=", ".join(words(value) for value in query.job_type),
        category=", ".join(words(value) for value in query.category),
        min_salary_jpy=query.min_salary_jpy,
        japanese_max=query.japanese_max,
        visa_sponsorship=bool(query.visa_sponsorship),
        apply_from_overseas=bool(query.apply_from_overseas),
        posted_within_days=query.posted_within_days,
        sort=query.sort,
    )
    said = filters.summary(None)
    if query.english_max is not None:
        said.append(f"English up to {words(query.english_max)}")
    return search_words(query.q, said)


def default_name(query: JobQuery) -> str:
    """The keywords (cut to fit the platform's limit), or "All jobs"."""
    return shorten(clean_line(query.q), NAME_MAX) if query.q else "All jobs"


def saved_notice(saved: SavedSearch) -> str:
    """The notification once the platform has the search (plain text, cleaned)."""
    name = shorten(clean_line(saved.name), NAME_MAX)
    return (
        f"Saved the search “{name}”. JobMail sends its new jobs once you subscribe (F7, Account)."
    )


def _error_words(error: PlatformError) -> str:
    """The platform's reason, a field error said about the name or the search."""
    if not error.fields:
        return error.message
    said = []
    for field in error.fields:
        if field.path == "name" and "at least" in field.message:
            said.append("the name is empty: type a name for the search")
        elif field.path == "name" and "at most" in field.message:
            said.append(f"the name is too long: at most {NAME_MAX} characters")
        elif field.path == "name":
            said.append(f"the name: {field.message}")
        else:
            where = field.path.removeprefix("query").lstrip(".") or "the search"
            said.append(f"{where}: {field.message}")
    return "; ".join(said)


class SaveSearchDialog(FormDialog[SavedSearch | None]):
    """The search in words, its name, Save (Enter) and Cancel (Esc).

    Once the platform has the search it says so (a notification) and dismisses with
    the SavedSearch; Esc dismisses with None.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="save_search.cancel"),
    ]

    CSS_PATH = "save_search_dialog.tcss"
    STATUS = "save-search-message"
    SEND = "#save-search-yes"

    def __init__(self, client: PlatformClient, query: JobQuery, described: Content) -> None:
        """`described`: the search in words (`search_words`), as the screen says it."""
        super().__init__()
        self.client = client
        self.search_query = query
        self.described = described

    def compose(self) -> ComposeResult:
        with Vertical():
            yield SafeText("Save this search for JobMail", id="save-search-title")
            yield SafeText(safe_join(["Search: ", self.described]), id="save-search-what")
            yield Label("Name · Enter saves · Esc cancels")
            yield Input(default_name(self.search_query), id="save-search-name", compact=True)
            yield SafeText("", id="save-search-message")
            with Horizontal():
                yield Button("Save", id="save-search-yes", variant="primary", compact=True)
                yield Button("Cancel", id="save-search-no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#save-search-name", Input).focus()

    @on(Input.Submitted, "#save-search-name")
    @on(Button.Pressed, "#save-search-yes")
    def _confirmed(self) -> None:
        if not self.query_one("#save-search-yes", Button).disabled:
            self.save()

    @work(exclusive=True, group="save-search", exit_on_error=False)
    async def save(self) -> None:
        name = self.query_one("#save-search-name", Input).value
        saved = await self.send_form(
            lambda: self.client.save_search(name, self.search_query),
            lambda error: ["Not saved: ", _error_words(error).rstrip("."), "."],
        )
        if saved is None:
            return
        self.app.notify(saved_notice(saved), title="Search saved", markup=False)
        self.dismiss(saved)

    @on(Button.Pressed, "#save-search-no")
    def action_cancel(self) -> None:
        self.dismiss(None)
