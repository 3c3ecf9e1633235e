"""The report dialog: tell the platform's operator that an invitation is wrong.

A report goes to the operator's queue with the invitation as the candidate received
it; the candidate then sees its state in the message view ("Reported to the platform
on 2025-06-01: open"). One report per invitation: the platform refuses a second one
(409 `already_reported`), and the dialog says so. Whatever goes wrong, the dialog
stays open with the reason as typed, and Esc keeps it too (per invitation, for as long
as the app runs), so the candidate never writes it twice.

Imported when the candidate presses `!`: it loads the models and the client.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, TextArea

from gpseeker.client import ConflictError, PlatformClient, PlatformError, Unavailable
from gpseeker.core.models import Invitation, ReportRequest
from gpseeker.widgets.form_dialog import FormDialog
from gpseeker.widgets.inbox_list import sender
from gpseeker.widgets.safe_text import SafeText, safe_join

__all__ = ["ALREADY_REPORTED", "NOTE", "ReportDialog"]

NOTE = (
    "Your report goes to the platform's operator with this invitation as you received "
    "it. The operator can suspend the sender; you see what becomes of your report here."
)
ALREADY_REPORTED = (
    "Not sent: you have already reported this invitation to the platform (perhaps from "
    "another terminal). Your words are kept; Esc closes this and the inbox shows the report."
)


class ReportDialog(FormDialog[Invitation | None]):
    """Dismisses with the reported Invitation once the platform confirms, else None.

    `refused` is True after the platform answered that the invitation was already
    reported, so the caller knows to load it again and show that report."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel (keeps your words)", id="report.cancel"),
        Binding("ctrl+s", "send", "Send report", id="report.send"),
    ]

    CSS_PATH = "inbox_report.tcss"
    STATUS = "report-message"
    SEND = "#report-send"

    def __init__(
        self, invitation: Invitation, client: PlatformClient, drafts: dict[int, str]
    ) -> None:
        super().__init__()
        self.invitation = invitation
        self.client = client
        self.drafts = drafts
        self.refused = False

    def compose(self) -> ComposeResult:
        invitation = self.invitation
        with Vertical():
            yield SafeText(
                safe_join(
                    ["Report to the platform: ", invitation.subject, "\nfrom ", sender(invitation)]
                ),
                id="report-title",
            )
            yield SafeText(NOTE)
            yield Label("What is wrong with it? · Ctrl+S sends · Esc keeps your words")
            yield TextArea(self.drafts.get(invitation.id, ""), id="report-reason", soft_wrap=True)
            yield SafeText("", id="report-message")
            with Horizontal(id="report-buttons"):
                yield Button("Send report", id="report-send", variant="error", compact=True)
                yield Button("Cancel", id="report-cancel", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#report-reason", TextArea).focus()

    @property
    def reason(self) -> str:
        return self.query_one("#report-reason", TextArea).text

    @on(TextArea.Changed, "#report-reason")
    def _typed(self) -> None:
        self.drafts[self.invitation.id] = self.reason

    def action_send(self) -> None:
        if not self.query_one("#report-send", Button).disabled:
            self.send()

    @on(Button.Pressed, "#report-send")
    def _send_pressed(self) -> None:
        self.action_send()

    @work(exclusive=True, group="report-send", exit_on_error=False)
    async def send(self) -> None:
        try:
            request = ReportRequest(reason=self.reason)
        except ValidationError:
            self.say("Not sent: say what is wrong first (up to 2,000 characters).")
            return
        reported = await self.send_form(
            lambda: self.client.report_invitation(self.invitation.id, request.reason),
            self._refusal,
            sending="Sending your report…",
        )
        if reported is None:
            return
        self.drafts.pop(self.invitation.id, None)
        self.dismiss(reported)

    def _refusal(self, error: PlatformError) -> list[str]:
        if isinstance(error, ConflictError) and error.code == "already_reported":
            self.refused = True
            return [ALREADY_REPORTED]
        if isinstance(error, Unavailable):
            return [
                "Could not reach the platform (",
                error.message,
                "). Your words are kept: press Send report to try again.",
            ]
        return ["Not sent: ", error.message, " Your words are kept."]

    def action_cancel(self) -> None:
        self.drafts[self.invitation.id] = self.reason
        self.dismiss(None)

    @on(Button.Pressed, "#report-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
