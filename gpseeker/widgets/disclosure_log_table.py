"""The disclosure log as a table: when, which employer, what it received or did, for
which job, and the state of any request to forget; a filter by employer above it and,
below, the highlighted entry in full sentences (the columns are cut at 80 columns,
and a screen reader reads the sentence better than a row).

Employer names and job titles come from outside: every cell is safe content. The
widget only shows and reports; the screen talks to the platform.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widgets import DataTable, Input

from gpseeker.core.disclosure_log import LogEntry, employers, filter_by_employer
from gpseeker.core.text import clean_line
from gpseeker.core.vocabulary import sender_words
from gpseeker.widgets.job_format import STATUS_WORDS, local_date
from gpseeker.widgets.safe_text import SafeText, safe_content, safe_join

__all__ = ["DisclosureLogTable", "entry_sentence"]

EMPTY = "No employer has received anything from you or opened your profile yet."
NO_MATCH = "No entry of an employer with that name. Clear the filter to see all."
ACTIONS = "w withdraw · b block the company · x ask the employer to forget it"

ERASE_SHORT = {"pending": "waiting", "done": "erased", "refused": "refused"}
"""The column's words; the line under the table says each in full."""


def _when(entry: LogEntry) -> str:
    return local_date(entry.at).isoformat()


def _what_cell(entry: LogEntry) -> str:
    if entry.kind == "profile view":
        return "viewed profile" if entry.count == 1 else f"viewed {entry.count} times"
    return "your application" if entry.application_id is not None else "your details"


def _erase_cell(entry: LogEntry) -> str:
    if entry.application_id is None:
        return "—"  # a profile view: nothing was sent, nothing to forget
    if entry.erase_state is None:
        return "not asked"
    return ERASE_SHORT[entry.erase_state]


def entry_sentence(entry: LogEntry, status: str | None) -> Content:
    """The entry in full, a line per fact so that nothing wraps mid-phrase: who and
    for which job, what they received, why, and what happened since."""
    moment = entry.at.astimezone().strftime("%Y-%m-%d %H:%M")
    who = sender_words(clean_line(entry.employer_name), entry.employer_status)
    parts: list[Content | str] = [f"{moment} · ", safe_content(who, "bold")]
    if entry.job_title:
        parts += [" · ", safe_content(entry.job_title, "bold")]
    parts += ["\n", entry.what[:1].upper(), entry.what[1:], ". Why: ", entry.why, "."]
    if entry.application_id is not None:
        if status is not None:
            parts.append(f"\nApplication: {STATUS_WORDS.get(status, status)}.")
        erase = entry.erase_words or "not asked to forget it"
        parts += ["\nRequest to forget: ", erase, ".", f"\n{ACTIONS}"]
    else:
        parts.append("\nb block the company")
    return safe_join(parts)


class DisclosureLogTable(Vertical):
    """Filter, table and the highlighted entry in words."""

    DEFAULT_CSS = """
    DisclosureLogTable { height: 1fr; }
    DisclosureLogTable #log-filter { margin: 0 0 1 0; }
    DisclosureLogTable #log-table { height: 1fr; }
    DisclosureLogTable #log-detail { height: auto; max-height: 8; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.entries: list[LogEntry] = []
        self.shown: list[LogEntry] = []
        self.statuses: dict[int, str] = {}
        """Application id -> its status, to say in words whether it was withdrawn."""

    def compose(self) -> ComposeResult:
        yield Input(
            placeholder="Filter by employer: type part of a name (/ to come here)",
            id="log-filter",
            compact=True,
        )
        table: DataTable[Content | str] = DataTable(id="log-table", cursor_type="row")
        table.add_column("When", width=10, key="when")
        table.add_column("Employer", width=17, key="employer")
        table.add_column("What", width=16, key="what")
        table.add_column("Job", width=12, key="job")
        table.add_column("Erase request", width=13, key="erase")
        yield table
        yield SafeText("Loading the disclosure log…", id="log-detail")

    @property
    def current(self) -> LogEntry | None:
        row = self.query_one("#log-table", DataTable).cursor_row
        if not self.shown or row < 0 or row >= len(self.shown):
            return None
        return self.shown[row]

    def show(self, entries: Sequence[LogEntry], statuses: Mapping[int, str]) -> None:
        """Show `entries` (newest first), keeping the filter and, if it is still
        there, the highlighted entry."""
        before = self.current
        self.entries = list(entries)
        self.statuses = dict(statuses)
        names = employers(self.entries)
        self.query_one("#log-filter", Input).suggester = SuggestFromList(
            [clean_line(name) for name in names], case_sensitive=False
        )
        self._fill(before)

    def _fill(self, keep: LogEntry | None = None) -> None:
        wanted = self.query_one("#log-filter", Input).value.strip()
        self.shown = filter_by_employer(self.entries, wanted or None)
        table = self.query_one("#log-table", DataTable)
        table.clear()
        for index, entry in enumerate(self.shown):
            table.add_row(
                _when(entry),
                safe_content(clean_line(entry.employer_name)),
                _what_cell(entry),
                safe_content(clean_line(entry.job_title or "—")),
                _erase_cell(entry),
                key=str(index),
            )
        if keep is not None and keep in self.shown:
            table.move_cursor(row=self.shown.index(keep))
        self._show_current()

    @on(Input.Changed, "#log-filter")
    def _filter_changed(self) -> None:
        self._fill(self.current)

    @on(Input.Submitted, "#log-filter")
    def _filter_submitted(self) -> None:
        self.query_one("#log-table", DataTable).focus()

    @on(DataTable.RowHighlighted, "#log-table")
    def _show_current(self) -> None:
        detail = self.query_one("#log-detail", SafeText)
        current = self.current
        if current is not None:
            status = None
            if current.application_id is not None:
                status = self.statuses.get(current.application_id)
            detail.set_text(entry_sentence(current, status))
        elif not self.entries:
            detail.set_text(EMPTY)
        else:
            detail.set_text(NO_MATCH)

    def focus_filter(self) -> None:
        self.query_one("#log-filter", Input).focus()

    def focus_table(self) -> None:
        self.query_one("#log-table", DataTable).focus()
