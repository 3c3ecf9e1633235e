"""The reply dialog: an answer to one employer, relayed under the candidate reference.

Nothing is shared unless ticked: the e-mail address and the phone number each have a
box, off by default, and a line says that ticking one is a disclosure the platform
logs. The text is a draft until the platform confirms it was sent: kept in memory per
invitation and on disk (drafts/replies/<id>.txt, 0600, replaced atomically), so
Cancel, Esc, a failure, quitting or a crash loses nothing. One Idempotency-Key per
dialog: pressing Send again after a timeout never replies twice.

Before anything leaves, the reply goes through the leak guard here, on the saved
profile, as the relay will: if the guard would hide part of it, nothing is sent yet.
The dialog shows the reply as the employer will receive it and why each part is
hidden (widgets/send_check_panel.py), and the candidate sends it as shown (Ctrl+S) or
goes back to the text, as written (Esc). A reply the guard leaves alone goes at once.

Imported when the candidate presses `r`: it loads the models and the client.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import ClassVar

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Button, Checkbox, Label, TextArea

from gpseeker.client import ConflictError, PlatformClient, PlatformError, Unavailable
from gpseeker.core.models import Invitation, ReplyRequest
from gpseeker.core.send_check import REPLY, SendCheck, check_before_sending
from gpseeker.local.config import reply_drafts_dir, write_file_atomically
from gpseeker.local.local_files import FileNotice, moved_clause, set_aside, why_unreadable
from gpseeker.widgets.form_dialog import FormDialog
from gpseeker.widgets.safe_text import SafeText, safe_join
from gpseeker.widgets.send_check_panel import SendCheckPanel
from gpseeker.widgets.tick_box import TickBox

__all__ = ["DISCLOSURE_NOTE", "ReplyDialog", "ReplyDrafts"]

SHARE_EMAIL = "Share my e-mail address with this employer"
SHARE_PHONE = "Share my phone number with this employer"
DISCLOSURE_NOTE = (
    "Your reply reaches this employer only, without your name or contact details. "
    "Ticking a box shares that detail with this one employer: it is a disclosure, "
    "logged in your disclosure log."
)
SAVE_DELAY = 0.3
"""Seconds of quiet typing before the draft is written to disk: a write per keystroke
would fsync on every key; the dialog also writes when it closes."""


class ReplyDrafts:
    """Unsent replies by invitation id: in memory, and on disk until sent."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = reply_drafts_dir(data_dir)
        self._texts: dict[int, str] = {}
        self.notices: list[FileNotice] = []
        """Drafts that could not be read and were set aside, for the inbox to show."""

    def path(self, invitation_id: int) -> Path:
        return self.folder / f"{invitation_id}.txt"

    def get(self, invitation_id: int) -> str:
        if invitation_id not in self._texts:
            self._texts[invitation_id] = self._read(self.path(invitation_id))
        return self._texts[invitation_id]

    def _read(self, path: Path) -> str:
        """The draft on disk, or ""; one that cannot be read is set aside and named,
        and the reply starts empty (and is drafted again) rather than failing."""
        try:
            return path.read_bytes().decode("utf-8")
        except FileNotFoundError:
            return ""
        except (OSError, ValueError) as error:
            moved_to = set_aside(path)
            self.notices.append(
                FileNotice(
                    path,
                    f"Your unsent reply in {path} could not be read: "
                    f"{why_unreadable(error)}. {moved_clause(path, moved_to)} The reply "
                    "starts empty, and what you type now is kept as a new draft.",
                )
            )
            return ""

    def keep(self, invitation_id: int, text: str) -> None:
        self._texts[invitation_id] = text

    def write(self, invitation_id: int) -> None:
        text = self._texts.get(invitation_id, "")
        if text.strip():
            write_file_atomically(self.path(invitation_id), text)
        else:
            self.path(invitation_id).unlink(missing_ok=True)

    def discard(self, invitation_id: int) -> None:
        self._texts.pop(invitation_id, None)
        self.path(invitation_id).unlink(missing_ok=True)


class ReplyDialog(FormDialog[Invitation | None]):
    """Dismisses with the answered Invitation once the platform confirms, else None.

    `refused` is True after the platform answered that it no longer relays replies to
    this sender (suspended meanwhile), so the caller knows to load the inbox again."""

    # The same keys answer the send-check while it is shown (check_action picks one):
    # Ctrl+S still sends, now as shown, and Esc goes back to the text, not away.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel (keeps the draft)", id="reply.cancel"),
        Binding("ctrl+s", "send", "Send", id="reply.send", tooltip="Send the reply"),
        Binding(
            "ctrl+s",
            "send_as_shown",
            "Send as shown",
            id="reply.send_as_shown",
            tooltip="Send the reply with the hidden parts hidden",
        ),
        Binding(
            "escape",
            "edit",
            "Edit",
            id="reply.edit",
            tooltip="Back to the reply, as you wrote it",
        ),
    ]

    CSS_PATH = "inbox_reply.tcss"
    STATUS = "reply-message"
    SEND = "#reply-send, #reply-send-as-shown"

    def __init__(self, invitation: Invitation, client: PlatformClient, drafts: ReplyDrafts) -> None:
        super().__init__()
        self.invitation = invitation
        self.client = client
        self.drafts = drafts
        self.idempotency_key = str(uuid.uuid4())
        self._save_timer: Timer | None = None
        self._sent = False
        self.refused = False
        self.checked: ReplyRequest | None = None
        """The reply as the employer will receive it, while the send-check shows it."""

    def compose(self) -> ComposeResult:
        invitation = self.invitation
        with Vertical():
            yield SafeText(
                safe_join(["Reply to ", invitation.employer_name, ": ", invitation.subject]),
                id="reply-title",
            )
            yield Label(
                "Your reply · Ctrl+S sends · Esc keeps it as a draft", classes="-when-writing"
            )
            yield TextArea(
                self.drafts.get(invitation.id),
                id="reply-body",
                soft_wrap=True,
                classes="-when-writing",
            )
            yield SendCheckPanel(id="reply-check", classes="-when-checking")
            yield TickBox(SHARE_EMAIL, id="reply-share-email", compact=True)
            yield TickBox(SHARE_PHONE, id="reply-share-phone", compact=True)
            yield SafeText(DISCLOSURE_NOTE, id="reply-note")
            yield SafeText("", id="reply-message")
            with Horizontal(id="reply-buttons"):
                yield Button(
                    "Send",
                    id="reply-send",
                    variant="primary",
                    compact=True,
                    classes="-when-writing",
                )
                yield Button("Cancel", id="reply-cancel", compact=True, classes="-when-writing")
                yield Button(
                    "Send as shown",
                    id="reply-send-as-shown",
                    variant="primary",
                    compact=True,
                    classes="-when-checking",
                )
                yield Button("Edit", id="reply-edit", compact=True, classes="-when-checking")

    def on_mount(self) -> None:
        self.query_one("#reply-body", TextArea).focus()

    @property
    def text(self) -> str:
        return self.query_one("#reply-body", TextArea).text

    @on(TextArea.Changed, "#reply-body")
    def _typed(self) -> None:
        self.drafts.keep(self.invitation.id, self.text)
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._write_draft)

    def _write_draft(self) -> None:
        self.drafts.write(self.invitation.id)

    # --- sending ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("send_as_shown", "edit"):
            return self.checked is not None
        if action in ("send", "cancel"):
            return self.checked is None
        return True

    def action_send(self) -> None:
        if not self.query_one("#reply-send", Button).disabled:
            self.send()

    @on(Button.Pressed, "#reply-send")
    def _send_pressed(self) -> None:
        self.action_send()

    def action_send_as_shown(self) -> None:
        if self.checked is not None and not self.query_one("#reply-send-as-shown", Button).disabled:
            self.deliver(self.checked)

    def action_edit(self) -> None:
        """Back from the send-check to the text, exactly as it was written."""
        self.checked = None
        self.remove_class("-checking")
        for box in self.query(TickBox):
            box.disabled = False
        self.query_one("#reply-body", TextArea).focus()
        self.refresh_bindings()

    @on(Button.Pressed, "#reply-send-as-shown")
    def _send_as_shown_pressed(self) -> None:
        self.action_send_as_shown()

    @on(Button.Pressed, "#reply-edit")
    def _edit_pressed(self) -> None:
        self.action_edit()

    def _show_check(self, request: ReplyRequest, check: SendCheck) -> None:
        self.checked = request.model_copy(update={"body": check.sent})
        self.query_one("#reply-message", SafeText).display = False
        # The ticks are part of what is sent: fixed while the candidate reads the check.
        for box in self.query(TickBox):
            box.disabled = True
        self.add_class("-checking")
        self.query_one(SendCheckPanel).show(check)
        # "Edit" has the focus, so an Enter pressed by habit goes back to the text
        # rather than sending something the candidate has not read.
        self.query_one("#reply-edit", Button).focus()
        self.refresh_bindings()

    @work(exclusive=True, group="reply-send", exit_on_error=False)
    async def send(self) -> None:
        try:
            request = ReplyRequest(
                body=self.text,
                share_email=self.query_one("#reply-share-email", Checkbox).value,
                share_phone=self.query_one("#reply-share-phone", Checkbox).value,
            )
        except ValidationError:
            self.say("Not sent: write your reply first (up to 10,000 characters).")
            return
        if not request.body.strip():
            self.say("Not sent: write your reply first.")
            return
        await self._deliver(request, checked=False)

    @work(exclusive=True, group="reply-send", exit_on_error=False)
    async def deliver(self, request: ReplyRequest) -> None:
        """Send `request` as the send-check showed it."""
        await self._deliver(request, checked=True)

    async def _deliver(self, request: ReplyRequest, *, checked: bool) -> None:
        async def reply() -> Invitation | SendCheck:
            if not checked:
                # The saved profile, read now: it is what the relay guards with.
                profile = (await self.client.get_profile()).profile
                check = check_before_sending(request.body, profile, REPLY)
                if check.hides_something:
                    return check
            self.say("Sending your reply…")
            return await self.client.reply(
                self.invitation.id, request, idempotency_key=self.idempotency_key
            )

        outcome = await self.send_form(reply, self._refusal)
        if outcome is None:
            return
        if isinstance(outcome, SendCheck):
            self.busy(False)
            self._show_check(request, outcome)
            return
        self._stop_saving()
        self._sent = True
        self.drafts.discard(self.invitation.id)
        self.dismiss(outcome)

    def _refusal(self, error: PlatformError) -> list[str]:
        if self.checked is not None:
            self.action_edit()  # the text, as written, is what the candidate keeps
        if isinstance(error, ConflictError):
            if error.code == "already_answered":
                return ["Not sent: you have already answered this invitation. Your text is kept."]
            # "sender_suspended": the platform's own sentence says why and what is left.
            self.refused = error.code == "sender_suspended"
            return ["Not sent: ", error.message, " Your text is kept."]
        if isinstance(error, Unavailable):
            return [
                "Could not reach the platform (",
                error.message,
                "). Your text is kept: press Send to try again; it will not send twice.",
            ]
        return ["Not sent: ", error.message, " Your text is kept."]

    def on_unmount(self) -> None:
        # Quitting with the dialog open: the last keys may be younger than SAVE_DELAY.
        if not self._sent:
            self._stop_saving()
            self.drafts.write(self.invitation.id)

    def _stop_saving(self) -> None:
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None

    def action_cancel(self) -> None:
        self._stop_saving()
        self.drafts.keep(self.invitation.id, self.text)
        self.drafts.write(self.invitation.id)
        self.dismiss(None)

    @on(Button.Pressed, "#reply-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()
