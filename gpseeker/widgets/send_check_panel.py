"""The send-check in a dialog: the text as the employer will receive it, and why.

A dialog shows it in place of the text being written (a reply, a cover note) when
the leak guard would hide part of that text (gpseeker/send_check.py). Each "[hidden]"
is marked as in the privacy preview (reverse video, so it reads without colour), the
reasons follow in words, and two buttons answer: "Send as shown" and "Edit". The
dialog owns the keys for both (Ctrl+S and Esc, declared as its bindings so that F1
lists them) and hears the buttons through `SendCheckPanel.Chosen`.

The text is the candidate's, stored nowhere else yet; it is shown through safe text
like anything else that may hold markup or control characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Button

from gpseeker.privacy import HIDDEN
from gpseeker.send_check import SendCheck
from gpseeker.widgets.employer_preview import HIDDEN_STYLE
from gpseeker.widgets.safe_text import SafeText, safe_content, safe_join

__all__ = ["KEYS", "SendCheckPanel"]

_HIDDEN_RE = re.compile(re.escape(HIDDEN))
KEYS = "Ctrl+S sends it as shown · Esc goes back to your text, as you wrote it"


class SendCheckPanel(Vertical):
    """The check for one text; `show` fills it in. Buttons are `#<id>-send` and
    `#<id>-edit`, so a dialog (and a test) can address them."""

    DEFAULT_CSS = """
    SendCheckPanel { height: 1fr; }
    SendCheckPanel .send-check--title { text-style: bold; }
    SendCheckPanel .send-check--scroll { height: 1fr; }
    SendCheckPanel .send-check--text { border-left: thick $panel-lighten-2; padding-left: 1; }
    SendCheckPanel .send-check--reasons { margin-top: 1; }
    SendCheckPanel .send-check--buttons { height: auto; align-horizontal: right; margin-top: 1; }
    SendCheckPanel .send-check--buttons Button { margin-left: 1; }
    """

    @dataclass
    class Chosen(Message):
        """The candidate pressed "Send as shown" (`send`) or "Edit" (not `send`)."""

        panel: SendCheckPanel
        send: bool

        @property
        def control(self) -> SendCheckPanel:
            return self.panel

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.check: SendCheck | None = None

    def compose(self) -> ComposeResult:
        yield SafeText("", classes="send-check--title")
        with VerticalScroll(classes="send-check--scroll"):
            yield SafeText("The employer will receive:")
            yield SafeText("", classes="send-check--text")
            yield SafeText("", classes="send-check--reasons")
        yield SafeText(KEYS, classes="send-check--keys")
        with Horizontal(classes="send-check--buttons"):
            yield Button("Send as shown", id=f"{self.id}-send", variant="primary", compact=True)
            yield Button("Edit", id=f"{self.id}-edit", compact=True)

    def show(self, check: SendCheck) -> None:
        """Show `check` and put the focus on "Edit": an Enter pressed by habit goes
        back to the text rather than sending something the candidate did not read."""
        self.check = check
        count = len(check.reasons)
        parts = "one part" if count == 1 else f"{count} parts"
        self.query_one(".send-check--title", SafeText).set_text(
            f"Before it is sent: {parts} of your {check.what} will be hidden from the employer"
        )
        text = safe_content(check.sent).highlight_regex(_HIDDEN_RE, style=HIDDEN_STYLE)
        self.query_one(".send-check--text", SafeText).set_text(text)
        # Reasons are built by privacy.py from our own words; still text, not markup.
        lines = [safe_join(["  - ", reason]) for reason in check.reasons]
        self.query_one(".send-check--reasons", SafeText).set_text(
            safe_join([check.heading, "\n", safe_join(lines, "\n")])
        )
        self.query_one(".send-check--scroll", VerticalScroll).scroll_home(animate=False)
        self.query_one(f"#{self.id}-edit", Button).focus()

    @property
    def shown(self) -> str:
        """Everything the check says, as plain text (for tests and screen readers)."""
        return "\n".join(text.text for text in self.query(SafeText))

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.Chosen(self, send=event.button.id == f"{self.id}-send"))
