"""The decline dialog: say no to one invitation, with a reason if the candidate wants.

The employer sees "declined" and the reason, if one is given; nothing else. One
Idempotency-Key per dialog, and a failure keeps the dialog open with the reason as
typed. Imported when the candidate presses `d`.
"""

from __future__ import annotations

import uuid
from typing import ClassVar

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Input, Label

from gpseeker.client import ConflictError, PlatformClient, PlatformError
from gpseeker.core.models import DeclineRequest, Invitation
from gpseeker.widgets.form_dialog import FormDialog
from gpseeker.widgets.safe_text import SafeText, safe_join

__all__ = ["DeclineDialog"]

NOTE = "The employer sees that you declined, and your reason if you give one; nothing else."


def _refusal(error: PlatformError) -> list[str]:
    if isinstance(error, ConflictError):
        if error.code == "already_answered":
            return ["You have already answered this invitation."]
        return ["Not declined: ", error.message]
    return ["Not declined: ", error.message, " Press Decline to try again."]


class DeclineDialog(FormDialog[Invitation | None]):
    """Dismisses with the declined Invitation once the platform confirms, else None."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Keep", id="decline.cancel"),
    ]

    CSS_PATH = "inbox_decline.tcss"
    STATUS = "decline-message"
    SEND = "#decline-yes"

    def __init__(self, invitation: Invitation, client: PlatformClient) -> None:
        super().__init__()
        self.invitation = invitation
        self.client = client
        self.idempotency_key = str(uuid.uuid4())

    def compose(self) -> ComposeResult:
        invitation = self.invitation
        with Vertical():
            yield SafeText(
                safe_join(["Decline ", invitation.employer_name, ": ", invitation.subject, "?"]),
                id="decline-title",
            )
            yield SafeText(NOTE)
            yield Label("Reason (optional) · Enter declines · Esc keeps the invitation")
            yield Input(id="decline-reason", placeholder="e.g. Not looking to move just now")
            yield SafeText("", id="decline-message")
            with Horizontal(id="decline-buttons"):
                yield Button("Decline", id="decline-yes", variant="error", compact=True)
                yield Button("Keep", id="decline-no", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#decline-reason", Input).focus()

    @on(Input.Submitted, "#decline-reason")
    @on(Button.Pressed, "#decline-yes")
    def _confirmed(self) -> None:
        if not self.query_one("#decline-yes", Button).disabled:
            self.decline()

    @work(exclusive=True, group="decline-send", exit_on_error=False)
    async def decline(self) -> None:
        try:
            request = DeclineRequest(reason=self.query_one("#decline-reason", Input).value.strip())
        except ValidationError:
            self.say("Not declined: the reason is too long (2,000 characters at most).")
            return
        declined = await self.send_form(
            lambda: self.client.decline(
                self.invitation.id, request, idempotency_key=self.idempotency_key
            ),
            _refusal,
        )
        if declined is not None:
            self.dismiss(declined)

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#decline-no")
    def _kept(self) -> None:
        self.dismiss(None)
