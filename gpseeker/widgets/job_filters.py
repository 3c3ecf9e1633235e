"""The job filters: what a job seeker in Japan combines, chosen in a dialog (`f`).

`JobFilters` is a small frozen dataclass rather than the pydantic `JobQuery`, so the
first screen builds its choices without importing models; the screen turns it into
a `JobQuery` inside its search worker. The dialog is one labelled control a line
(compact, so it fits 80x24), reached with Tab; every choice is in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Checkbox, Input, Label, Select, Static

from gpseeker.core.vocabulary import (
    JAPANESE_LEVELS,
    JOB_CATEGORIES,
    JOB_TYPES,
    PREFECTURES,
    REGIONS,
)
from gpseeker.widgets.dialog import Dialog
from gpseeker.widgets.job_format import words, yen
from gpseeker.widgets.tick_box import TickBox

__all__ = ["MAX_SALARY", "FilterDialog", "JobFilters"]

MAX_SALARY = 100_000_000
"""The platform refuses a larger minimum salary; the dialog says so first."""

ANY = ""
"""The Select value for "no filter" (Select.NULL would need allow_blank)."""

_REMOTE_CHOICES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Any", ()),
    ("On site only", ("onsite",)),
    ("Hybrid", ("hybrid",)),
    ("Fully remote", ("remote",)),
    ("Hybrid or fully remote", ("hybrid", "remote")),
)
_POSTED_CHOICES: tuple[tuple[str, int | None], ...] = (
    ("Any time", None),
    ("In the last day", 1),
    ("In the last 7 days", 7),
    ("In the last 14 days", 14),
    ("In the last 30 days", 30),
)
_SORT_CHOICES: tuple[tuple[str, str], ...] = (
    ("Best match", "relevance"),
    ("Newest first", "newest"),
    ("Highest salary first", "salary"),
)


@dataclass(frozen=True)
class JobFilters:
    """Everything of a job search but the keywords."""

    place: str = ANY
    """ANY, "region:Kanto" or "prefecture:Tokyo"."""
    remote: tuple[str, ...] = ()
    job_type: str = ANY
    category: str = ANY
    min_salary_jpy: int | None = None
    japanese_max: str | None = None
    """None: any level. The screen sets it to the candidate's own level at first."""
    visa_sponsorship: bool = False
    apply_from_overseas: bool = False
    posted_within_days: int | None = None
    sort: str = "relevance"
    japanese_chosen: bool = field(default=False, compare=False)
    """The candidate picked the Japanese level: the profile's no longer overrides it."""

    @property
    def landing(self) -> bool:
        """Whether these are the filters the jobs screen starts with: none but the
        Japanese level the profile gave, if any (with an empty box, the landing view)."""
        return not self.japanese_chosen and self == JobFilters(japanese_max=self.japanese_max)

    def query_fields(self) -> dict[str, Any]:
        """Keyword arguments for `JobQuery` (the keywords `q` are the screen's)."""
        fields: dict[str, Any] = {"sort": self.sort}
        kind, _, name = self.place.partition(":")
        if kind in ("region", "prefecture") and name:
            fields[kind] = [name]
        for key, value in (
            ("remote", list(self.remote)),
            ("job_type", [self.job_type] if self.job_type else []),
            ("category", [self.category] if self.category else []),
        ):
            if value:
                fields[key] = value
        if self.min_salary_jpy is not None:
            fields["min_salary_jpy"] = self.min_salary_jpy
        if self.japanese_max is not None:
            fields["japanese_max"] = self.japanese_max
        # Unticked means "either", not "only jobs without": so only True is sent.
        if self.visa_sponsorship:
            fields["visa_sponsorship"] = True
        if self.apply_from_overseas:
            fields["apply_from_overseas"] = True
        if self.posted_within_days is not None:
            fields["posted_within_days"] = self.posted_within_days
        return fields

    def summary(self, own_level: str | None) -> list[str]:
        """The active filters in words, for the line under the search box."""
        parts = []
        if self.place:
            kind, _, name = self.place.partition(":")
            parts.append(f"{name} (region)" if kind == "region" else name)
        remote = dict((value, label) for label, value in _REMOTE_CHOICES)
        if self.remote:
            parts.append(remote.get(self.remote, "remote").lower())
        if self.job_type:
            parts.append(words(self.job_type))
        if self.category:
            parts.append(words(self.category))
        if self.min_salary_jpy is not None:
            parts.append(f"at least {yen(self.min_salary_jpy)} a year")
        if self.japanese_max is not None:
            own = " (your level)" if self.japanese_max == own_level else ""
            if self.japanese_max == "none":
                parts.append(f"no Japanese needed{own}")
            else:
                parts.append(f"Japanese up to {self.japanese_max}{own}")
        if self.visa_sponsorship:
            parts.append("visa sponsored")
        if self.apply_from_overseas:
            parts.append("apply from overseas")
        if self.posted_within_days is not None:
            days = self.posted_within_days
            parts.append("posted today" if days == 1 else f"posted in {days} days")
        if self.sort != "relevance":
            parts.append(dict((v, k) for k, v in _SORT_CHOICES)[self.sort].lower())
        return parts


def _place_choices() -> list[tuple[str, str]]:
    choices = [("Anywhere in Japan", ANY)]
    choices += [(f"{region} (region)", f"region:{region}") for region in REGIONS]
    choices += [(prefecture, f"prefecture:{prefecture}") for prefecture in PREFECTURES]
    return choices


def _japanese_choices(own_level: str | None) -> list[tuple[str, str]]:
    choices = [("Any level", ANY)]
    for level in JAPANESE_LEVELS:
        label = "None needed" if level == "none" else f"Up to {level}"
        if level == "native":
            label = "Up to native"
        if level == own_level:
            label += " (your level)"
        choices.append((label, level))
    return choices


class FilterDialog(Dialog["JobFilters | None"]):
    """Dismisses with the new filters, or None when cancelled (Esc)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="filters.cancel"),
        Binding("ctrl+s", "apply", "Show jobs", id="filters.apply"),
    ]

    CSS_PATH = "job_filters.tcss"

    def __init__(self, filters: JobFilters, own_level: str | None) -> None:
        super().__init__()
        self.filters = filters
        self.own_level = own_level

    def compose(self) -> ComposeResult:
        current = self.filters
        remote = [(label, ",".join(value)) for label, value in _REMOTE_CHOICES]
        posted = [(label, str(value or "")) for label, value in _POSTED_CHOICES]
        kinds = [("Any", ANY), *((words(kind), kind) for kind in JOB_TYPES)]
        categories = [("Any", ANY), *((words(kind), kind) for kind in JOB_CATEGORIES)]
        with Vertical():
            yield Static("Filter jobs (Tab moves, Esc cancels)", classes="dialog-title")
            # Not focusable itself: Tab goes straight from control to control.
            with VerticalScroll(can_focus=False), Grid():
                yield Label("Where")
                yield self._select("place", _place_choices(), current.place)
                yield Label("Remote work")
                yield self._select("remote", remote, ",".join(current.remote))
                yield Label("Job type")
                yield self._select("job-type", kinds, current.job_type)
                yield Label("Category")
                yield self._select("category", categories, current.category)
                yield Label("Minimum salary (¥/yr)")
                yield Input(
                    str(current.min_salary_jpy or ""),
                    placeholder="any, e.g. 4000000",
                    type="integer",
                    id="filter-min-salary",
                    compact=True,
                )
                yield Label("Japanese required")
                yield self._select(
                    "japanese", _japanese_choices(self.own_level), current.japanese_max or ANY
                )
                yield Label("Visa")
                yield TickBox(
                    "Only jobs that sponsor a visa",
                    current.visa_sponsorship,
                    id="filter-visa",
                    compact=True,
                )
                yield Label("From overseas")
                yield TickBox(
                    "Only jobs I can apply to from abroad",
                    current.apply_from_overseas,
                    id="filter-overseas",
                    compact=True,
                )
                yield Label("Posted")
                yield self._select("posted", posted, str(current.posted_within_days or ""))
                yield Label("Order")
                yield self._select("sort", list(_SORT_CHOICES), current.sort)
            yield Static("", id="filter-error", markup=False)
            with Horizontal():
                yield Button("Show jobs", id="filter-apply", variant="primary")
                yield Button("Clear filters", id="filter-clear")
                yield Button("Cancel", id="filter-cancel")

    def on_mount(self) -> None:
        self.query_one("#filter-place", Select).focus()

    @staticmethod
    def _select(name: str, choices: list[tuple[str, str]], value: str) -> Select[str]:
        known = {choice for _, choice in choices}
        return Select(
            choices,
            value=value if value in known else ANY,
            allow_blank=False,
            id=f"filter-{name}",
            compact=True,
        )

    def _value(self, name: str) -> str:
        value = self.query_one(f"#filter-{name}", Select).value
        return value if isinstance(value, str) else ANY

    def chosen(self) -> JobFilters | str:
        """The filters on screen, or why they cannot be used."""
        salary_text = self.query_one("#filter-min-salary", Input).value.strip()
        salary: int | None = None
        if salary_text:
            try:
                salary = int(salary_text)
            except ValueError:
                return "The minimum salary must be a whole number of yen a year."
            if not 0 <= salary <= MAX_SALARY:
                return f"The minimum salary must be between ¥0 and {yen(MAX_SALARY)} a year."
        japanese = self._value("japanese") or None
        posted = self._value("posted")
        return replace(
            self.filters,
            place=self._value("place"),
            remote=tuple(part for part in self._value("remote").split(",") if part),
            job_type=self._value("job-type"),
            category=self._value("category"),
            min_salary_jpy=salary,
            japanese_max=japanese,
            japanese_chosen=self.filters.japanese_chosen
            or japanese != (self.filters.japanese_max or None),
            visa_sponsorship=self.query_one("#filter-visa", Checkbox).value,
            apply_from_overseas=self.query_one("#filter-overseas", Checkbox).value,
            posted_within_days=int(posted) if posted else None,
            sort=self._value("sort") or "relevance",
        )

    def action_apply(self) -> None:
        chosen = self.chosen()
        if isinstance(chosen, str):
            error = self.query_one("#filter-error", Static)
            error.update(chosen)
            error.display = True
            return
        self.dismiss(chosen)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#filter-apply")
    def _apply_pressed(self) -> None:
        self.action_apply()

    @on(Button.Pressed, "#filter-clear")
    def _clear_pressed(self) -> None:
        # Clearing means "any level" too: the candidate asked for everything.
        self.dismiss(JobFilters(japanese_chosen=True))

    @on(Button.Pressed, "#filter-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#filter-min-salary")
    def _salary_submitted(self) -> None:
        self.action_apply()
