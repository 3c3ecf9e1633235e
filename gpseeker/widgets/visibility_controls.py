"""The resume switch and the per-field choices, told in words.

The widget only shows a Visibility and reports what the candidate chose; saving is
the screen's job (it owns the client), so that a failed save can put the controls
back to what the server holds without the widget knowing about the network.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, Checkbox, Input, Label, Static

from gpseeker.core.models import ResumeState, Visibility
from gpseeker.widgets.tick_box import TickBox

__all__ = ["VisibilityControls", "resume_sentence"]

LOCKED_SENTENCE = "Your resume is LOCKED — no employer can find or open it."
SEARCHABLE_SENTENCE = (
    "Your resume is SEARCHABLE — employers can find the masked view in the preview by keyword."
)

# (field of Visibility, checkbox label); the label says what an employer would see.
FIELD_CHOICES: tuple[tuple[str, str], ...] = (
    ("show_past_companies", "Show past company names (never your current company)"),
    ("show_age", "Show your age, as a five-year band such as 30-34"),
    ("show_gender", "Show your gender"),
    ("show_nationality", "Show your nationality"),
)


def resume_sentence(visibility: Visibility) -> str:
    """The state in words, never colour alone (DESIGN.md, accessibility)."""
    if visibility.resume == "locked":
        return LOCKED_SENTENCE
    if visibility.searchable_until is not None:
        until = visibility.searchable_until.isoformat()
        return f"{SEARCHABLE_SENTENCE} Until {until}; then it locks itself again."
    return SEARCHABLE_SENTENCE


def parse_until(text: str, today: dt.date) -> dt.date | None:
    """The "searchable until" field: empty means no end date.

    Raises ValueError with a message that finishes the sentence "Searchable until ...".
    """
    text = text.strip()
    if not text:
        return None
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError("is not a date: write it as YYYY-MM-DD, e.g. 2026-03-31") from None
    if day < today:
        raise ValueError("is in the past: pick today or a later day")
    return day


class VisibilityControls(Vertical):
    """Status sentence, lock/searchable button, end date and the four checkboxes."""

    DEFAULT_CSS = """
    VisibilityControls {
        height: auto;
    }
    VisibilityControls #resume-state {
        text-style: bold;
        margin-bottom: 1;
    }
    VisibilityControls #resume-toggle {
        margin-bottom: 1;
    }
    VisibilityControls #until-error {
        color: $text-error;
        display: none;
    }
    VisibilityControls #until-error.-shown {
        display: block;
    }
    VisibilityControls .section {
        text-style: bold;
        margin-top: 1;
    }
    VisibilityControls > Checkbox {
        border: none;
        padding: 0;
    }
    """

    @dataclass
    class Chosen(Message):
        """The candidate changed something; `visibility` is the whole new choice."""

        controls: VisibilityControls
        visibility: Visibility

        @property
        def control(self) -> VisibilityControls:
            return self.controls

    def __init__(self, today: Callable[[], dt.date], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._today = today
        self._visibility: Visibility | None = None

    def compose(self) -> ComposeResult:
        yield Static("Loading your privacy settings…", id="resume-state", markup=False)
        yield Button("Make searchable (s)", id="resume-toggle", disabled=True)
        yield Label("Searchable until (optional, YYYY-MM-DD; Enter saves):", markup=False)
        yield Input(placeholder="no end date", id="searchable-until", max_length=10)
        yield Static("", id="until-error", markup=False)
        yield Static(
            "What the resume bank may show besides your skills", classes="section", markup=False
        )
        for field, label in FIELD_CHOICES:
            yield TickBox(label, id=field.replace("_", "-"), disabled=True)

    @property
    def visibility(self) -> Visibility | None:
        return self._visibility

    def show(self, visibility: Visibility) -> None:
        """Show `visibility` without reporting it back as a choice."""
        self._visibility = visibility
        self.query_one("#resume-state", Static).update(resume_sentence(visibility))
        button = self.query_one("#resume-toggle", Button)
        button.disabled = False
        button.label = "Lock (l)" if visibility.resume == "searchable" else "Make searchable (s)"
        with self.prevent(Checkbox.Changed):
            for field, _label in FIELD_CHOICES:
                checkbox = self.query_one(f"#{field.replace('_', '-')}", Checkbox)
                checkbox.disabled = False
                checkbox.value = bool(getattr(visibility, field))
        until = self.query_one("#searchable-until", Input)
        if not until.has_focus:  # never overwrite what the candidate is typing
            shown = visibility.searchable_until
            until.value = shown.isoformat() if shown else ""
            self._until_error("")

    def _until_error(self, message: str) -> None:
        error = self.query_one("#until-error", Static)
        error.update(message)
        error.set_class(bool(message), "-shown")

    def choose_resume(self, resume: ResumeState) -> None:
        if self._visibility is not None and self._visibility.resume != resume:
            self._choose(self._visibility.model_copy(update={"resume": resume}))

    def _choose(self, visibility: Visibility) -> None:
        self.show(visibility)
        self.post_message(self.Chosen(self, visibility))

    @on(Button.Pressed, "#resume-toggle")
    def _toggle(self, event: Button.Pressed) -> None:
        event.stop()
        if self._visibility is not None:
            other: ResumeState = (
                "locked" if self._visibility.resume == "searchable" else "searchable"
            )
            self.choose_resume(other)

    @on(Checkbox.Changed)
    def _field_choice(self, event: Checkbox.Changed) -> None:
        event.stop()
        if self._visibility is None or event.checkbox.id is None:
            return
        field = event.checkbox.id.replace("-", "_")
        self._choose(self._visibility.model_copy(update={field: event.value}))

    @on(Input.Submitted, "#searchable-until")
    @on(Input.Blurred, "#searchable-until")
    def _until(self, event: Input.Submitted | Input.Blurred) -> None:
        event.stop()
        if self._visibility is None:
            return
        try:
            day = parse_until(event.value, self._today())
        except ValueError as problem:
            self._until_error(f"Searchable until {problem}.")
            return
        self._until_error("")
        if day != self._visibility.searchable_until:
            self._choose(self._visibility.model_copy(update={"searchable_until": day}))
