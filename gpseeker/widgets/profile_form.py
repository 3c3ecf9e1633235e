"""One labelled field of the profile form: label above, control, error in words below.

The profile editor reads and fills the whole form through these fields (each knows
its form key and how to get and set its control's value), so the section widgets are
just layouts. The values are the candidate's own text; labels, hints and errors are
shown as Content, never parsed as markup (an error may quote what was typed).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, Select, SelectionList, Static, TextArea
from textual.widgets.select import InvalidSelectValueError


class TickList(SelectionList[str]):
    """A SelectionList whose unticked boxes are empty.

    Textual draws an "X" in every box and tells ticked from unticked by colour
    alone, which a 16-colour or NO_COLOR terminal (or a colour-blind reader) loses.
    """

    def render_line(self, y: int) -> Strip:
        line = super().render_line(y)
        index = self.scroll_offset.y + y
        if index >= self.option_count or self.get_option_at_index(index).value in self.selected:
            return line
        segments = list(line)
        if len(segments) > 1 and segments[1].text == Checkbox.BUTTON_INNER:
            segments[1] = Segment(" " * len(segments[1].text), segments[1].style)
        return Strip(segments, line.cell_length)


Control = Input | TextArea | Select[str] | SelectionList[str]
FieldValue = str | list[str]


def choices(values: Sequence[str], labels: dict[str, str]) -> list[tuple[Content, str]]:
    """Options for a Select or SelectionList: readable words for the stored values."""
    return [(Content(labels.get(value, value)), value) for value in values]


class FormField(Vertical):
    """A form value with its label, an optional hint and the place for its error."""

    DEFAULT_CSS = """
    FormField {
        height: auto;
    }
    FormField > .field-label {
        text-style: bold;
    }
    FormField > .field-hint {
        color: $text-muted;
    }
    FormField > .field-error {
        color: $text-error;
        display: none;
    }
    FormField.-invalid > .field-error {
        display: block;
    }
    FormField > TextArea {
        height: 6;
    }
    FormField > SelectionList {
        height: auto;
        max-height: 10;
    }
    """

    @dataclass
    class Left(Message):
        """The user moved the focus out of this field: time to check it."""

        form_field: FormField

        @property
        def control(self) -> FormField:
            return self.form_field

    def __init__(self, key: str, label: str, control: Control, *, hint: str = "") -> None:
        super().__init__(id=f"field-{key}")
        self.key = key
        self.label = label
        self.hint = hint
        self.control = control
        control.id = key

    def compose(self) -> ComposeResult:
        yield Label(Content(self.label), classes="field-label")
        if self.hint:
            yield Static(Content(self.hint), classes="field-hint")
        yield self.control
        yield Static(classes="field-error")

    @property
    def value(self) -> FieldValue:
        control = self.control
        if isinstance(control, Input):
            return control.value
        if isinstance(control, TextArea):
            return control.text
        if isinstance(control, Select):
            return "" if control.is_blank() else str(control.value)
        # In the list's own order, so that the same choice always compares equal.
        chosen = set(control.selected)
        options = (control.get_option_at_index(i) for i in range(control.option_count))
        return [str(option.value) for option in options if option.value in chosen]

    @value.setter
    def value(self, value: FieldValue) -> None:
        control = self.control
        if isinstance(control, SelectionList):
            control.deselect_all()
            # A value the list does not offer is ignored by the getter, not shown.
            for item in value:
                control.select(item)
        elif isinstance(value, list):
            raise TypeError(f"{self.key} takes one value, not a list")
        elif isinstance(control, Input):
            control.value = value
        elif isinstance(control, TextArea):
            control.load_text(value)
        elif not value:
            control.clear()
        else:
            try:
                control.value = value
            except InvalidSelectValueError:
                # A value this version does not offer (a newer server's): leave it blank.
                control.clear()

    def show_error(self, message: str | None) -> None:
        """Show (or clear) the error under the field, in words."""
        self.query_one(".field-error", Static).update(Content(message or ""))
        self.set_class(bool(message), "-invalid")

    @property
    def error(self) -> str | None:
        if not self.has_class("-invalid"):
            return None
        return str(self.query_one(".field-error", Static).content)

    def focus_control(self) -> None:
        self.control.focus(scroll_visible=False)
        # The whole field, so that the error under the input is in sight too; after
        # the refresh that makes room for the error.
        self.call_after_refresh(self.scroll_visible)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        # Opening a Select's list moves the focus inside the field; that is not leaving.
        if not self.control.has_focus_within:
            self.post_message(self.Left(self))


class Section(Vertical):
    """A titled group of fields; the title is a line of text, read first."""

    DEFAULT_CSS = """
    Section {
        height: auto;
        border-top: solid $primary;
        padding: 0 1;
        margin-bottom: 1;
    }
    Section > .section-title {
        text-style: bold;
        color: $text-primary;
    }
    Section > .section-note {
        color: $text-muted;
        margin-bottom: 1;
    }
    """

    def __init__(self, title: str, note: str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.title = title
        self.note = note

    def compose_title(self) -> ComposeResult:
        yield Static(Content(self.title), classes="section-title")
        if self.note:
            yield Static(Content(self.note), classes="section-note")

    def compose(self) -> ComposeResult:
        yield from self.compose_title()
        yield from self.compose_fields()

    def compose_fields(self) -> ComposeResult:
        yield from ()


def fields_of(widget: Widget) -> list[FormField]:
    return list(widget.query(FormField))
