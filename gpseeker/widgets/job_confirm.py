"""A yes/no question whose text may quote names from outside (a job, a company).

The profile editor's ChoiceDialog takes trusted lines; this one shows its question
through safe text, so a hostile job title in "Withdraw your application to ...?"
stays text. The safe answer is the second button and Esc.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button

from gpseeker.widgets.dialog import Dialog
from gpseeker.widgets.safe_text import SafeText

__all__ = ["ConfirmDialog"]


class ConfirmDialog(Dialog[bool]):
    """Dismisses True for `yes`, False for `no` or Esc. The `no` button has focus, so
    an Enter pressed by habit does nothing that cannot be undone."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer_no", "Keep", id="confirm.no"),
    ]

    CSS_PATH = "job_confirm.tcss"

    def __init__(self, title: str, question: Content, *, yes: str, no: str) -> None:
        """`title`, `yes` and `no` are our words; `question` is built with safe text."""
        super().__init__()
        self._title = title
        self._question = question
        self._yes = yes
        self._no = no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield SafeText(self._title, id="confirm-title")
            yield SafeText(self._question, id="confirm-question")
            with Horizontal():
                yield Button(self._yes, id="confirm-yes", variant="error")
                yield Button(self._no, id="confirm-no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed, "#confirm-yes")
    def _yes_pressed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no_pressed(self) -> None:
        self.dismiss(False)

    def action_answer_no(self) -> None:
        self.dismiss(False)
