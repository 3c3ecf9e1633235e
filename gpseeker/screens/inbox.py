"""The inbox: invitations employers relayed through the platform, and the answers.

Employers found the candidate in the resume bank and know them only by an opaque
reference; everything here keeps it that way. Replying shares nothing unless a box is
ticked (the reply dialog), applying to an attached job goes through the apply dialog
(the one place a disclosure to an employer happens), and "decline and block" removes
the organisation from the candidate's searches for good, after a confirmation.

Every sender is the organisation's verified legal name, marked in words ("verified by
the platform"; "suspended by the platform" once the operator has suspended it, with a
block in the message saying that the platform relays no reply to it). `!` (and the
palette's "Inbox: Report") reports an invitation to the platform's operator; the
message then shows the report and its state.

The list is loaded each time the screen is shown and whenever the app's polled
unread count rises, so a new invitation appears without asking. A message on
screen counts as read: opening it (Enter at any width, or highlighting it when the
list and the message sit side by side from 110 columns) marks it read and the header
count follows. Organisation names, subjects and bodies go through safe text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from gpseeker.core.text import clean_line, sentence, shorten
from gpseeker.screens.base import MainScreen
from gpseeker.screens.blocking import block_organisation
from gpseeker.widgets.inbox_list import invitation_row
from gpseeker.widgets.inbox_message import NO_REPLY, InvitationView, report_words
from gpseeker.widgets.job_confirm import ConfirmDialog
from gpseeker.widgets.safe_text import SafeText, safe_join

if TYPE_CHECKING:
    from gpseeker.client import PlatformClient, PlatformError
    from gpseeker.core.models import Application, Invitation
    from gpseeker.widgets.inbox_reply import ReplyDialog, ReplyDrafts
    from gpseeker.widgets.inbox_report import ReportDialog

__all__ = ["InboxScreen", "block_question"]

NONE_YET = (
    "No invitations yet. Employers can invite you only while your resume is "
    "SEARCHABLE (Privacy, F6)."
)
KEYS = "Enter: read it · the keys below answer it"


def block_question(company: str) -> Content:
    """The confirmation's question; `company` comes from outside."""
    return safe_join(
        ["Decline and block ", company, "? They will never find you in the resume bank again."]
    )


def _name(invitation: Invitation) -> str:
    """The employer's name for a notification (plain text, cleaned and short)."""
    return shorten(clean_line(invitation.employer_name), 40)


class InboxScreen(MainScreen):
    """The list (unread first, newest first) and the highlighted invitation."""

    MODE = "inbox"
    TITLE = "Inbox"

    # Side by side from 110 columns; below that Enter opens the message over the list.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]  # noqa: RUF012

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Read", id="inbox.open", tooltip="Read the whole invitation"),
        Binding("escape", "back", "Back", id="inbox.back", tooltip="Back to the list"),
        Binding("r", "reply", "Reply", id="inbox.reply", tooltip="Answer through the relay"),
        Binding("d", "decline", "Decline", id="inbox.decline", tooltip="Say no, with a reason"),
        Binding(
            "b",
            "decline_and_block",
            "Decline+block",
            id="inbox.block",
            tooltip="Decline and block this organisation (asks first)",
        ),
        # `!` rather than a letter: r is Reply, and reporting should be deliberate.
        # The action is `report` so that the palette's `inbox.report` maps to the plain
        # `gpseeker inbox report N --reason ...` (gpseeker/cli/parity.py).
        Binding(
            "exclamation_mark",
            "report",
            "Report",
            id="inbox.report",
            tooltip="Report this invitation to the platform",
        ),
        Binding("a", "apply", "Apply", id="inbox.apply", tooltip="Apply to the attached job"),
    ]

    CSS_PATH = "inbox.tcss"

    def __init__(self) -> None:
        super().__init__()
        self.invitations: list[Invitation] = []
        self._drafts: ReplyDrafts | None = None
        self.report_drafts: dict[int, str] = {}
        """Report reasons typed but not sent, by invitation: Esc or a failure keeps them."""

    def compose_body(self) -> ComposeResult:
        yield SafeText("Loading your invitations…", id="inbox-status")
        with Horizontal(id="inbox-panes"):
            yield OptionList(id="invitation-list")
            yield InvitationView(id="invitation-view")

    @property
    def listing(self) -> OptionList:
        return self.query_one("#invitation-list", OptionList)

    @property
    def view(self) -> InvitationView:
        return self.query_one(InvitationView)

    @property
    def current(self) -> Invitation | None:
        highlighted = self.listing.highlighted
        if highlighted is None or highlighted >= len(self.invitations):
            return None
        return self.invitations[highlighted]

    @property
    def drafts(self) -> ReplyDrafts:
        if self._drafts is None:
            from gpseeker.widgets.inbox_reply import ReplyDrafts

            self._drafts = ReplyDrafts(self.gpseeker.data_dir)
        return self._drafts

    # --- lifetime ---------------------------------------------------------------------

    def on_mount(self) -> None:
        self.listing.focus()
        # A changed count means a new invitation (or one read elsewhere): show it.
        self.watch(self.app, "unread", self._count_changed, init=False)

    def on_screen_resume(self) -> None:
        self.load()

    def _count_changed(self, before: int | None, now: int | None) -> None:
        # Only a rise means something new. A fall is usually this screen marking a
        # message read: reloading then would re-sort the list (unread first) under
        # the candidate's cursor.
        if self.is_current and (now or 0) > (before or 0):
            self.load()

    # --- talking to the platform ------------------------------------------------------

    @work(exclusive=True, group="inbox-load", exit_on_error=False)
    async def load(self) -> None:
        from gpseeker.client import PlatformError

        try:
            invitations = await (await self._client()).invitations()
        except PlatformError as error:
            self.missed_platform = True
            self._say("Could not load your invitations: ", error.message)
            return
        self.show(invitations)

    def reload(self) -> None:
        self.load()

    def show(self, invitations: list[Invitation]) -> None:
        """Show `invitations`, keeping the cursor on the same invitation if it is there."""
        before = self.current
        self.invitations = invitations
        self.listing.set_options(
            Option(invitation_row(item), id=f"invitation-{item.id}") for item in invitations
        )
        index = next(
            (i for i, item in enumerate(invitations) if before and item.id == before.id), 0
        )
        self.listing.highlighted = index if invitations else None
        if not invitations:
            self._say(NONE_YET)
        else:
            unread = sum(not item.read for item in invitations)
            noun = "invitation" if len(invitations) == 1 else "invitations"
            self._say(f"{len(invitations)} {noun}, {unread} unread · {KEYS}")
        self._show_current()

    def _replace(self, changed: Invitation) -> None:
        self.show([changed if item.id == changed.id else item for item in self.invitations])

    @on(OptionList.OptionHighlighted, "#invitation-list")
    def _show_current(self) -> None:
        current = self.current
        self.view.show(current)
        # Side by side, the highlighted message is on screen: it has been read.
        if current is not None and self.has_class("-wide") and self.is_current:
            self._mark_read(current)

    def _mark_read(self, invitation: Invitation) -> None:
        if not invitation.read:
            self.mark_read(invitation)

    @work(group="inbox-read", exit_on_error=False)
    async def mark_read(self, invitation: Invitation) -> None:
        from gpseeker.client import PlatformError

        try:
            changed = await (await self._client()).mark_read(invitation.id)
        except PlatformError:
            return  # still unread; it is marked on the next opening
        self._replace(changed)
        self.gpseeker.refresh_unread()

    def _say(self, *parts: str) -> None:
        self.query_one("#inbox-status", SafeText).say(*parts)

    def _failed(self, what: str, error: PlatformError) -> None:
        self._say(f"Could not {what}: ", error.message)
        self.notify(f"Could not {what}.", severity="error", markup=False)

    # --- reading ----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        reading = self.has_class("-reading") or self.view.has_focus
        if action == "back":
            return reading
        if action == "open":
            # The message is open already: out of the footer, which needs the room
            # at 80 columns for the keys that answer it.
            return not reading
        return True

    @on(OptionList.OptionSelected, "#invitation-list")
    def action_open(self) -> None:
        current = self.current
        if current is None:
            return
        self.view.show(current)
        if self.has_class("-narrow"):
            self.add_class("-reading")
        self.view.focus()
        self._mark_read(current)
        self.refresh_bindings()

    def action_back(self) -> None:
        self.remove_class("-reading")
        self.listing.focus()
        self.refresh_bindings()

    # --- answering --------------------------------------------------------------------

    def _open_one(self) -> Invitation | None:
        """The invitation to act on, if it is still open; says why when not."""
        current = self.current
        if current is None:
            self.notify("Pick an invitation in the list first.", markup=False)
            return None
        if current.state != "open":
            said = "replied to" if current.state == "replied" else "declined"
            self.notify(f"You have already {said} this invitation.", markup=False)
            return None
        self._mark_read(current)
        return current

    async def action_reply(self) -> None:
        invitation = self._open_one()
        if invitation is None:
            return
        if invitation.employer_status == "suspended":
            # The platform refuses it (409 sender_suspended): say so before any typing.
            self.notify(NO_REPLY, title="Replying is not possible", markup=False)
            return
        from gpseeker.widgets.inbox_reply import ReplyDialog

        client = await self._client_or_none()
        if client is not None:
            self.drafts.get(invitation.id)  # read now, so a damaged draft is named first
            for notice in self.drafts.notices:
                self.gpseeker.show_file_notice(notice, title="Draft set aside")
            self.drafts.notices.clear()
            dialog = ReplyDialog(invitation, client, self.drafts)
            self.app.push_screen(dialog, lambda changed: self._replied(dialog, changed))

    def _replied(self, dialog: ReplyDialog, changed: Invitation | None) -> None:
        if changed is None and dialog.refused:
            self.load()  # suspended meanwhile: show the mark and the block
        self._answered(changed)

    async def action_decline(self) -> None:
        invitation = self._open_one()
        if invitation is None:
            return
        from gpseeker.widgets.inbox_decline import DeclineDialog

        client = await self._client_or_none()
        if client is not None:
            self.app.push_screen(DeclineDialog(invitation, client), self._answered)

    def _answered(self, changed: Invitation | None) -> None:
        if changed is None:
            return
        self._replace(changed)
        said = "Reply sent to" if changed.state == "replied" else "Declined the invitation from"
        self.notify(sentence(f"{said} {_name(changed)}"), markup=False)

    # --- reporting --------------------------------------------------------------------

    async def action_report(self) -> None:
        invitation = self.current
        if invitation is None:
            self.notify("Pick an invitation in the list first.", markup=False)
            return
        if invitation.report is not None:
            words = report_words(invitation.report)
            self.notify(f"You have already reported this invitation. {words}.", markup=False)
            return
        from gpseeker.widgets.inbox_report import ReportDialog

        self._mark_read(invitation)
        client = await self._client_or_none()
        if client is None:
            return
        dialog = ReportDialog(invitation, client, self.report_drafts)
        self.app.push_screen(dialog, lambda changed: self._reported(dialog, changed))

    def _reported(self, dialog: ReportDialog, changed: Invitation | None) -> None:
        if changed is None:
            if dialog.refused:
                self.load()  # reported meanwhile elsewhere: show that report
            return
        self._replace(changed)
        self._say("Reported to the platform: ", changed.subject)
        self.notify(
            "Reported to the platform. Its state shows with the message.",
            title="Report sent",
            markup=False,
        )

    # --- blocking ---------------------------------------------------------------------

    def action_decline_and_block(self) -> None:
        invitation = self.current
        if invitation is None:
            self.notify("Pick an invitation in the list first.", markup=False)
            return
        question = block_question(invitation.employer_name)
        dialog = ConfirmDialog("Decline and block", question, yes="Decline and block", no="Keep")

        def answered(yes: bool | None) -> None:
            if yes:
                self.decline_and_block(invitation)

        self.app.push_screen(dialog, answered)

    @work(group="inbox-block", exit_on_error=False)
    async def decline_and_block(self, invitation: Invitation) -> None:
        from gpseeker.client import PlatformError
        from gpseeker.core.models import DeclineRequest

        try:
            client = await self._client()
            if invitation.state == "open":
                self._replace(await client.decline(invitation.id, DeclineRequest()))
            await block_organisation(client, invitation.employer_name)
        except PlatformError as error:
            self._failed("decline and block the organisation", error)
            return
        self.gpseeker.refresh_unread()
        self._say("Declined and blocked: ", invitation.employer_name)
        self.notify(f"Declined and blocked {_name(invitation)}.", markup=False)

    # --- applying ---------------------------------------------------------------------

    def action_apply(self) -> None:
        invitation = self.current
        if invitation is None:
            self.notify("Pick an invitation in the list first.", markup=False)
        elif invitation.job_id is None:
            self.notify("This invitation has no job attached to apply to.", markup=False)
        else:
            self._mark_read(invitation)
            self.open_apply(invitation.job_id)

    @work(exclusive=True, group="inbox-apply", exit_on_error=False)
    async def open_apply(self, job_id: int) -> None:
        from gpseeker.client import PlatformError
        from gpseeker.screens.apply_dialog import ApplyDialog  # masking rules: load late

        try:
            job = await (await self._client()).get_job(job_id)
        except PlatformError as error:
            self._failed("open the job", error)
            return
        title = (
            f"{shorten(clean_line(job.title), 60)} at {shorten(clean_line(job.company_name), 40)}"
        )
        if job.applied:
            self.notify(f"You have already applied to {title}.", markup=False)
        elif job.status == "closed":
            self.notify(f"{title} is closed.", severity="warning", markup=False)
        else:
            self.app.push_screen(ApplyDialog(job), self._applied)

    def _applied(self, application: Application | None) -> None:
        if application is not None:
            title = shorten(clean_line(application.job_title), 60)
            self.notify(
                f"Applied to {title}. Follow it on the Applications screen (F3).",
                title="Application sent",
                markup=False,
            )

    async def _client_or_none(self) -> PlatformClient | None:
        """The client for a dialog, or None after saying why there is none."""
        from gpseeker.client import PlatformError

        try:
            return await self._client()
        except PlatformError as error:
            self._failed("reach the platform", error)
            return None
