"""The profile editor's questions: restore a draft, leave with unsaved changes, a stale save.

One small dialog class asks them all: a title, a few lines of text (the candidate's
own values among them, so shown as Content, never markup) and one button per answer.
The answer is the chosen button's id. Esc gives the safe answer, and its button has
the focus: an Enter pressed by habit never discards a draft or overwrites a change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from gpseeker.local.profile_draft import Difference
from gpseeker.widgets.dialog import Dialog


class ChoiceDialog(Dialog[str]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel"),
    ]

    CSS_PATH = "profile_form_dialogs.tcss"

    def __init__(
        self,
        title: str,
        lines: Sequence[str],
        answers: Sequence[tuple[str, str]],
        *,
        on_escape: str,
    ) -> None:
        """`answers` are (id, button label); Esc answers `on_escape`, the safe answer,
        whose button has the focus (so Enter alone answers it too)."""
        super().__init__()
        self.title_text = title
        self.lines = lines
        self.answers = answers
        self.on_escape = on_escape

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(self.title_text), classes="dialog-title")
            with VerticalScroll():
                yield Static(Content("\n".join(self.lines)), classes="dialog-body")
            with Horizontal():
                for answer, label in self.answers:
                    yield Button(label, id=answer)

    def on_mount(self) -> None:
        self.query_one(f"#{self.on_escape}", Button).focus()

    @on(Button.Pressed)
    def _answer(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id or self.on_escape)

    def action_cancel(self) -> None:
        self.dismiss(self.on_escape)


def restore_dialog(saved_at: dt.datetime) -> ChoiceDialog:
    when = saved_at.astimezone().strftime("%Y-%m-%d %H:%M")
    return ChoiceDialog(
        "Unsaved changes found",
        [
            f"You have unsaved changes from {when}. Restore them?",
            "",
            "Restore puts them back in the form (still unsaved; Ctrl+S saves).",
            "Discard deletes them and shows your saved profile.",
        ],
        [("restore", "Restore"), ("discard", "Discard")],
        on_escape="restore",
    )


def leave_dialog() -> ChoiceDialog:
    return ChoiceDialog(
        "Your profile has unsaved changes",
        [
            "Save them before you quit, keep editing, or discard them?",
            "",
            "If you quit without saving, the draft stays on this computer",
            "and is offered back next time, unless you discard it.",
        ],
        [("keep", "Keep editing"), ("save", "Save and quit"), ("discard", "Discard and quit")],
        on_escape="keep",
    )


def stale_dialog(found: Sequence[Difference]) -> ChoiceDialog:
    """Someone saved the profile since this form loaded it: show what differs first."""
    lines = [
        "Your profile was changed elsewhere (another window or device) after you",
        "started editing. These fields differ:",
        "",
    ]
    for difference in found:
        lines += [
            difference.where,
            f"  on the server: {difference.theirs}",
            f"  yours:         {difference.mine}",
        ]
    if not found:
        lines.append("(no field differs: only the version changed)")
    lines += [
        "",
        "Keep mine saves your form over it; take the server's replaces your form.",
        "Decide later (Enter, Esc) changes neither.",
    ]
    return ChoiceDialog(
        "Saved elsewhere in the meantime",
        lines,
        [("mine", "Keep mine"), ("theirs", "Take the server's"), ("later", "Decide later")],
        on_escape="later",
    )
