"""A list of profile entries (experience, education) with add / edit / remove.

Each entry is edited in a dialog of its own, which checks the entry before it
closes: a list line is short, and errors are easier to fix where the fields are.
Entries are raw form values (strings), like the rest of the form, so a draft keeps
them exactly as typed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar, Literal

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Input, OptionList, Select, Static, TextArea

from gpseeker.widgets.dialog import Dialog
from gpseeker.widgets.profile_form import FormField, Section

Entry = dict[str, str]


@dataclass(frozen=True)
class EntryField:
    key: str
    label: str
    kind: Literal["input", "textarea", "select"] = "input"
    options: tuple[tuple[str, str], ...] = ()
    """(value, words) for a select."""
    placeholder: str = ""


@dataclass(frozen=True)
class EntryKind:
    """What one kind of entry looks like: its fields, one-line description and checks."""

    noun: str
    fields: tuple[EntryField, ...]
    describe: Callable[[Entry], str]
    check: Callable[[Entry], dict[str, str]]
    """Entry -> {field key: error in words}; empty when the entry is fine."""


class EntryDialog(Dialog[Entry | None]):
    """Edit one entry; "Done" keeps it only when it is valid, Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="entry.cancel"),
    ]

    CSS_PATH = "profile_form_entries.tcss"

    def __init__(self, kind: EntryKind, entry: Entry, title: str) -> None:
        super().__init__()
        self.kind = kind
        self.entry = entry
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            with VerticalScroll():
                for spec in self.kind.fields:
                    yield FormField(spec.key, spec.label, self._control(spec))
            with Horizontal():
                yield Button("Done", variant="primary", id="entry-done")
                yield Button("Cancel", id="entry-cancel")

    def on_mount(self) -> None:
        self.query(FormField).first().focus_control()

    def _control(self, spec: EntryField) -> Input | TextArea | Select[str]:
        value = self.entry.get(spec.key, "")
        if spec.kind == "textarea":
            return TextArea(value, soft_wrap=True, tab_behavior="focus")
        if spec.kind == "select":
            options = [(Content(words), option) for option, words in spec.options]
            return Select(options, value=value or Select.NULL, prompt="Choose")
        return Input(value, placeholder=spec.placeholder, select_on_focus=False)

    def _values(self) -> Entry:
        return {field.key: str(field.value) for field in self.query(FormField)}

    @on(FormField.Left)
    def _check_one(self, event: FormField.Left) -> None:
        event.form_field.show_error(self.kind.check(self._values()).get(event.form_field.key))

    @on(Input.Submitted)
    @on(Button.Pressed, "#entry-done")
    def action_done(self) -> None:
        values = self._values()
        errors = self.kind.check(values)
        fields = list(self.query(FormField))
        for field in fields:
            field.show_error(errors.get(field.key))
        if errors:
            # Stay open with everything as typed; the focus goes to the first problem.
            first = next(field for field in fields if field.key in errors)
            first.focus_control()
            return
        self.dismiss(values)

    @on(Button.Pressed, "#entry-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)


class EntryList(Section):
    """The entries of one kind, one line each, with keys to add, edit and remove."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add", id="profile.entry.add"),
        Binding("e", "edit", "Edit", id="profile.entry.edit"),
        Binding("delete,x", "remove", "Remove", id="profile.entry.remove"),
    ]

    DEFAULT_CSS = """
    EntryList > OptionList {
        height: auto;
        max-height: 8;
    }
    EntryList > .entries-empty {
        color: $text-muted;
    }
    EntryList > Horizontal {
        height: auto;
    }
    EntryList > Horizontal > Button {
        margin-right: 1;
    }
    EntryList > .field-error {
        color: $text-error;
    }
    """

    @dataclass
    class Changed(Message):
        entry_list: EntryList

        @property
        def control(self) -> EntryList:
            return self.entry_list

    def __init__(self, key: str, kind: EntryKind, title: str, note: str = "") -> None:
        super().__init__(title, note, id=f"field-{key}")
        self.key = key
        self.kind = kind
        self._entries: list[Entry] = []

    def compose_fields(self) -> ComposeResult:
        yield Static(
            Content(f"No {self.kind.noun} yet: press Add (or the a key)."),
            classes="entries-empty",
        )
        yield OptionList(id=f"{self.key}-list")
        with Horizontal():
            yield Button(f"Add {self.kind.noun}", id=f"{self.key}-add")
            yield Button("Edit", id=f"{self.key}-edit")
            yield Button("Remove", id=f"{self.key}-remove")
        yield Static(classes="field-error")

    @property
    def value(self) -> list[Entry]:
        return [dict(entry) for entry in self._entries]

    @value.setter
    def value(self, entries: list[Entry]) -> None:
        self._entries = [dict(entry) for entry in entries]
        self._show_entries()

    def _show_entries(self, highlight: int | None = None) -> None:
        options = self.query_one(OptionList)
        options.set_options(Content(self.kind.describe(entry)) for entry in self._entries)
        if self._entries:
            options.highlighted = min(highlight or 0, len(self._entries) - 1)
        has_entries = bool(self._entries)
        options.display = has_entries
        self.query_one(".entries-empty").display = not has_entries
        for action in ("edit", "remove"):
            self.query_one(f"#{self.key}-{action}", Button).disabled = not has_entries

    def show_error(self, message: str | None) -> None:
        self.query_one(".field-error", Static).update(Content(message or ""))
        self.set_class(bool(message), "-invalid")

    def focus_control(self) -> None:
        target = self.query_one(OptionList) if self._entries else self.query_one(Button)
        target.focus()

    def _changed(self, highlight: int | None) -> None:
        self._show_entries(highlight)
        self.show_error(None)
        self.post_message(self.Changed(self))

    def _current(self) -> int | None:
        highlighted = self.query_one(OptionList).highlighted
        return highlighted if self._entries else None

    @on(Button.Pressed)
    def _button(self, event: Button.Pressed) -> None:
        event.stop()
        action = (event.button.id or "").removeprefix(f"{self.key}-")
        {"add": self.action_add, "edit": self.action_edit, "remove": self.action_remove}[action]()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_edit()

    def action_add(self) -> None:
        def added(entry: Entry | None) -> None:
            if entry is not None:
                self._entries.append(entry)
                self._changed(len(self._entries) - 1)

        self.app.push_screen(EntryDialog(self.kind, {}, f"New {self.kind.noun}"), added)

    def action_edit(self) -> None:
        index = self._current()
        if index is None:
            return

        def edited(entry: Entry | None) -> None:
            if entry is not None:
                self._entries[index] = entry
                self._changed(index)

        title = f"{self.kind.noun.capitalize()} {index + 1}"
        self.app.push_screen(EntryDialog(self.kind, self._entries[index], title), edited)

    def action_remove(self) -> None:
        index = self._current()
        if index is None:
            return
        removed = self._entries.pop(index)
        self._changed(index)
        self.notify(
            f"Removed: {self.kind.describe(removed)}. Not saved yet (Ctrl+S saves).",
            markup=False,
        )
