"""One invitation in full: who sent it, when, the scam warnings, the body, the answer.

Labels are ours; the employer's name, subject and body are data and go through safe
text. Triage warnings come first, in a bordered block that starts with a sentence
("Be careful: ...") and names each rule that fired, so the warning reads the same in
16 colours, under NO_COLOR and to a screen reader.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content

from gpseeker.widgets.inbox_list import sent_words
from gpseeker.widgets.safe_text import SafeText, safe_content, safe_join

if TYPE_CHECKING:
    from gpseeker.models import Invitation

__all__ = ["WARNING_HEADING", "InvitationView", "header_content", "warning_content"]

EMPTY = "Pick an invitation in the list to read it here."
WARNING_HEADING = "Be careful: this message may be a scam"
WARNING_NOTE = "The platform never asks you to pay or to move to another app. Why it looks wrong:"


def header_content(invitation: Invitation) -> Content:
    lines = [
        safe_content(invitation.subject, "bold"),
        safe_join(["From: ", invitation.employer_name]),
        Content(f"Sent: {sent_words(invitation)}"),
        Content(f"Status: {'read' if invitation.read else 'unread'}, {_state(invitation)}"),
    ]
    if invitation.job_id is not None:
        lines.append(Content("About a job: press a to read it and apply (you choose what is sent)"))
    return Content("\n").join(lines)


def _state(invitation: Invitation) -> str:
    return {"open": "not answered", "replied": "you replied", "declined": "you declined"}[
        invitation.state
    ]


def warning_content(invitation: Invitation) -> Content:
    lines = [safe_content(WARNING_HEADING, "bold"), Content(WARNING_NOTE)]
    lines += [safe_join(["- ", warning.message]) for warning in invitation.warnings]
    return Content("\n").join(lines)


def answer_content(invitation: Invitation) -> Content:
    if invitation.state == "replied":
        return Content("\n").join(
            [safe_content("Your reply:", "bold"), safe_content(invitation.reply or "")]
        )
    if invitation.state == "declined":
        reason = invitation.decline_reason or "(no reason given)"
        return Content("\n").join([safe_content("You declined:", "bold"), safe_content(reason)])
    return Content("")


class InvitationView(VerticalScroll, can_focus=True):
    """Scrolls on its own, so a long body is read with the arrow keys."""

    DEFAULT_CSS = """
    InvitationView { padding: 0 1; }
    InvitationView #message-warnings {
        display: none; border: heavy $warning; padding: 0 1; margin: 1 0 0 0;
    }
    InvitationView #message-body { margin-top: 1; }
    InvitationView #message-answer { margin-top: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.invitation: Invitation | None = None

    def compose(self) -> ComposeResult:
        yield SafeText(EMPTY, id="message-header")
        yield SafeText("", id="message-warnings")
        yield SafeText("", id="message-body")
        yield SafeText("", id="message-answer")

    def show(self, invitation: Invitation | None) -> None:
        moved = self.invitation is None or invitation is None or invitation.id != self.invitation.id
        self.invitation = invitation
        header = self.query_one("#message-header", SafeText)
        warnings = self.query_one("#message-warnings", SafeText)
        body = self.query_one("#message-body", SafeText)
        answer = self.query_one("#message-answer", SafeText)
        if invitation is None:
            header.set_text(EMPTY)
            for part in (warnings, body, answer):
                part.set_text("")
            warnings.display = False
            return
        header.set_text(header_content(invitation))
        warnings.display = bool(invitation.warnings)
        warnings.set_text(warning_content(invitation) if invitation.warnings else "")
        body.set_text(invitation.body)
        answer.set_text(answer_content(invitation))
        if moved:
            self.scroll_home(animate=False)

    @property
    def text(self) -> str:
        """Everything shown, as plain text (for tests and screen readers)."""
        parts = self.query(SafeText)
        return "\n".join(part.text for part in parts if part.display and part.text)
