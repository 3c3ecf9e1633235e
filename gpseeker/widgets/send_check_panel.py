"""The send-check in a dialog: the text as the employer will receive it, and why.

A dialog shows it in place of the text being written (a reply, a cover note) when
the leak guard would hide part of that text (gpseeker/core/send_check.py). Each "[hidden]"
is marked as in the privacy preview (reverse video, so it reads without colour), and
the reasons follow in words. The answers are the dialog's own: "Send as shown" and
"Edit" buttons where its Send and Cancel were, and the keys for both (Ctrl+S and Esc)
declared as its bindings.

The text is the candidate's, stored nowhere else yet; it is shown through safe text
like anything else that may hold markup or control characters.
"""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll

from gpseeker.core.privacy import HIDDEN
from gpseeker.core.send_check import SendCheck
from gpseeker.widgets.employer_preview import HIDDEN_STYLE
from gpseeker.widgets.safe_text import SafeText, safe_content, safe_join

__all__ = ["KEYS", "SendCheckPanel"]

_HIDDEN_RE = re.compile(re.escape(HIDDEN))
KEYS = "Ctrl+S sends it as shown · Esc goes back to your text, as you wrote it"


class SendCheckPanel(Vertical):
    """The check for one text; `show` fills it in."""

    DEFAULT_CSS = """
    SendCheckPanel { height: 1fr; }
    SendCheckPanel .send-check--title { text-style: bold; }
    SendCheckPanel .send-check--scroll { height: 1fr; }
    SendCheckPanel .send-check--text { border-left: thick $panel-lighten-2; padding-left: 1; }
    SendCheckPanel .send-check--reasons { margin-top: 1; }
    """

    def compose(self) -> ComposeResult:
        yield SafeText("", classes="send-check--title")
        with VerticalScroll(classes="send-check--scroll"):
            yield SafeText("The employer will receive:")
            yield SafeText("", classes="send-check--text")
            yield SafeText("", classes="send-check--reasons")
        yield SafeText(KEYS, classes="send-check--keys")

    def show(self, check: SendCheck) -> None:
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

    @property
    def shown(self) -> str:
        """Everything the check says, as plain text (for tests and screen readers)."""
        return "\n".join(text.text for text in self.query(SafeText))
