"""One invitation in full: who sent it, when, the warnings, the body, the answer, the report.

Labels are ours; the sender's name, subject, body and report come from outside and go
through safe text. The sender is the organisation's verified legal name with the
platform's word on it ("verified by the platform"); a sender the platform has since
suspended gets a bordered block saying so and that no reply is relayed to it. Triage
warnings come next, in a bordered block that starts with a sentence ("Be careful:
...") and names each rule that fired, so every warning reads the same in 16 colours,
under NO_COLOR and to a screen reader. A report to the platform shows its state in
words ("Reported to the platform on 2025-06-01: open").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content

from gpseeker.widgets.inbox_list import sender, sent_words
from gpseeker.widgets.safe_text import SafeText, safe_content, safe_join, safe_line

if TYPE_CHECKING:
    from gpseeker.core.models import Invitation, InvitationReport

__all__ = [
    "NO_REPLY",
    "SUSPENDED_HEADING",
    "WARNING_HEADING",
    "InvitationView",
    "header_content",
    "report_content",
    "report_words",
    "suspended_content",
    "warning_content",
]

EMPTY = "Pick an invitation in the list to read it here."
WARNING_HEADING = "Be careful: this message may be a scam"
WARNING_NOTE = "The platform never asks you to pay or to move to another app. Why it looks wrong:"
SUSPENDED_HEADING = "The platform has suspended this sender"
SUSPENDED_NOTE = (
    "The platform's operator has suspended this organisation since it wrote to you. "
    "Replying is not possible: the platform no longer relays replies to it. Never send "
    "it money or personal details. You can still decline it, block it (b) or report it (!)."
)
NO_REPLY = (
    "The platform has suspended this sender: replies to it are not relayed. You can "
    "still decline the invitation, block the organisation (b) or report it (!)."
)


def report_words(report: InvitationReport) -> str:
    """ "Reported to the platform on 2025-06-01: open", in the candidate's local date."""
    day = report.reported_at.astimezone().strftime("%Y-%m-%d")
    return f"Reported to the platform on {day}: {report.state}"


def header_content(invitation: Invitation) -> Content:
    lines = [
        safe_line(invitation.subject, "bold"),
        safe_join(["From: ", safe_line(sender(invitation))]),
        Content(f"Sent: {sent_words(invitation)}"),
        Content(f"Status: {'read' if invitation.read else 'unread'}, {_state(invitation)}"),
    ]
    if invitation.report is not None:
        lines.append(Content(report_words(invitation.report)))
    if invitation.job_id is not None:
        lines.append(Content("About a job: press a to read it and apply (you choose what is sent)"))
    return Content("\n").join(lines)


def _state(invitation: Invitation) -> str:
    return {"open": "not answered", "replied": "you replied", "declined": "you declined"}[
        invitation.state
    ]


def suspended_content(invitation: Invitation) -> Content:
    """The block a suspended sender's invitation opens with."""
    return Content("\n").join([safe_content(SUSPENDED_HEADING, "bold"), Content(SUSPENDED_NOTE)])


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


def report_content(invitation: Invitation) -> Content:
    """What the candidate told the platform, and the platform's answer once it has one."""
    report = invitation.report
    if report is None:
        return Content("")
    lines = [
        safe_content("What you told the platform:", "bold"),
        safe_content(report.reason),
    ]
    if report.closed_at is not None:
        day = report.closed_at.astimezone().strftime("%Y-%m-%d")
        lines.append(safe_content(f"The platform {report.state} it on {day}.", "bold"))
    if report.outcome:
        lines += [safe_content("The platform's answer:", "bold"), safe_content(report.outcome)]
    return Content("\n").join(lines)


class InvitationView(VerticalScroll, can_focus=True):
    """Scrolls on its own, so a long body is read with the arrow keys."""

    DEFAULT_CSS = """
    InvitationView { padding: 0 1; }
    InvitationView #message-suspended {
        display: none; border: heavy $error; padding: 0 1; margin: 1 0 0 0;
    }
    InvitationView #message-warnings {
        display: none; border: heavy $warning; padding: 0 1; margin: 1 0 0 0;
    }
    InvitationView #message-body { margin-top: 1; }
    InvitationView #message-answer { margin-top: 1; }
    InvitationView #message-report { display: none; margin-top: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.invitation: Invitation | None = None

    def compose(self) -> ComposeResult:
        yield SafeText(EMPTY, id="message-header")
        yield SafeText("", id="message-suspended")
        yield SafeText("", id="message-warnings")
        yield SafeText("", id="message-body")
        yield SafeText("", id="message-answer")
        yield SafeText("", id="message-report")

    def show(self, invitation: Invitation | None) -> None:
        moved = self.invitation is None or invitation is None or invitation.id != self.invitation.id
        self.invitation = invitation
        header = self.query_one("#message-header", SafeText)
        suspended = self.query_one("#message-suspended", SafeText)
        warnings = self.query_one("#message-warnings", SafeText)
        body = self.query_one("#message-body", SafeText)
        answer = self.query_one("#message-answer", SafeText)
        report = self.query_one("#message-report", SafeText)
        if invitation is None:
            header.set_text(EMPTY)
            for part in (suspended, warnings, body, answer, report):
                part.set_text("")
            suspended.display = warnings.display = report.display = False
            return
        header.set_text(header_content(invitation))
        is_suspended = invitation.employer_status == "suspended"
        suspended.display = is_suspended
        suspended.set_text(suspended_content(invitation) if is_suspended else "")
        warnings.display = bool(invitation.warnings)
        warnings.set_text(warning_content(invitation) if invitation.warnings else "")
        body.set_text(invitation.body)
        answer.set_text(answer_content(invitation))
        report.display = invitation.report is not None
        report.set_text(report_content(invitation))
        if moved:
            self.scroll_home(animate=False)

    @property
    def text(self) -> str:
        """Everything shown, as plain text (for tests and screen readers)."""
        parts = self.query(SafeText)
        return "\n".join(part.text for part in parts if part.display and part.text)
