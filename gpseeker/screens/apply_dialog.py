"""The apply dialog: consent to one employer, for one job, with exactly this data.

It names the job and the employer and lists what that employer will receive, built
here by `privacy.preview` (the function the server uses) on the SAVED profile: an
unsaved draft is not what the platform sends. Phone and postal address are off until
ticked, and the list follows the ticks at once.

Nothing is lost and nothing is sent twice. The Idempotency-Key is made once, when the
dialog opens, and every retry of this submission reuses it: after a timeout the
platform either applies once or replays its first answer. Failures (the job closed
meanwhile, the platform unreachable) keep the dialog open with the cover note as
written and say what happened in words.

The cover note is the candidate's own text to this employer. Before it goes, the leak
guard runs on it here, on the saved profile: if it would hide part of the note, the
application is not sent yet. The dialog shows the note as the employer will receive
it and why each part is hidden, and the candidate sends it as shown (Ctrl+S) or goes
back to the note, as written (Esc). A note the guard leaves alone goes at once.

Imported when the candidate presses `a`, never before the first paint: it loads the
models and the masking rules.
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, ClassVar

from pydantic import ValidationError
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Checkbox, Label, TextArea

from gpseeker.client import ConflictError, PlatformError, Unavailable
from gpseeker.core import privacy
from gpseeker.core.models import (
    Application,
    ApplicationRequest,
    EmployerPreview,
    Job,
    OptionalDisclosure,
    Profile,
)
from gpseeker.core.send_check import COVER_NOTE, SendCheck, check_before_sending
from gpseeker.widgets import job_format
from gpseeker.widgets.employer_preview import EmployerPreviewPanel, preview_content
from gpseeker.widgets.form_dialog import FormDialog
from gpseeker.widgets.safe_text import SafeText, safe_join
from gpseeker.widgets.send_check_panel import SendCheckPanel
from gpseeker.widgets.tick_box import TickBox

if TYPE_CHECKING:
    from gpseeker.app import GPSeekerApp
    from gpseeker.ui.reconnect import LinkStatus

__all__ = ["ApplyDialog", "dialog_preview"]

HEADING = "What this employer will receive"
NOTE = "Exactly this, and nobody else receives it. Your name and e-mail always go."
DRAFT_NOTE = (
    "You have unsaved profile changes: they are not sent. The employer receives your "
    "saved profile, as listed here."
)
_ON_REQUEST = " (only if you tick it in the apply dialog)"
"""The suffix the shared preview gives phone and address; here the ticks decide."""
_OPTIONAL: dict[OptionalDisclosure, tuple[str, str]] = {
    "phone": ("Phone: ", "Share my phone number"),
    "address": ("Postal address: ", "Share my postal address"),
}


def dialog_preview(
    preview: EmployerPreview, profile: Profile, ticked: frozenset[OptionalDisclosure]
) -> Content:
    """The shared employer preview, with phone and address said as this dialog means:
    sent because ticked, or not sent and how to send it."""
    lines = preview_content(preview).split("\n")
    present = {"phone": profile.identity.phone, "address": profile.identity.address}
    shown: list[Content] = []
    for line in lines:
        kind = next(
            (k for k, (label, _) in _OPTIONAL.items() if line.plain.startswith(label)), None
        )
        if kind is None:
            shown.append(line)
            continue
        label, box = _OPTIONAL[kind]
        if present[kind] is None:
            shown.append(Content(f"{label}(none in your profile)"))
        elif kind in ticked:
            kept = (
                line[: len(line) - len(_ON_REQUEST)] if line.plain.endswith(_ON_REQUEST) else line
            )
            shown.append(kept + " (sent: you ticked it)")
        else:
            shown.append(Content(f"{label}not sent (tick “{box}” to send it)"))
    return Content("\n").join(shown)


class ApplyDialog(FormDialog[Application | None]):
    """Dismisses with the Application once the platform confirms, or None (cancel)."""

    # The same keys answer the send-check while it is shown (check_action picks one):
    # Ctrl+S still applies, now with the note as shown, and Esc goes back to the note.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="apply.cancel"),
        Binding("ctrl+s", "submit", "Apply", id="apply.submit", tooltip="Send the application"),
        Binding(
            "ctrl+s",
            "send_as_shown",
            "Send as shown",
            id="apply.send_as_shown",
            tooltip="Send the application with the hidden parts of the note hidden",
        ),
        Binding(
            "escape",
            "edit",
            "Edit",
            id="apply.edit",
            tooltip="Back to the cover note, as you wrote it",
        ),
    ]

    CSS_PATH = "apply_dialog.tcss"
    STATUS = "apply-message"
    SEND = "#apply-submit, #apply-send-as-shown"

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.idempotency_key = str(uuid.uuid4())
        """One key for every retry of this submission (see the module docstring)."""
        self.preview: EmployerPreview | None = None
        """What the list shows now; None until the profile is loaded."""
        self._escape_armed = False
        self.checked: ApplicationRequest | None = None
        """The application with the note as the employer will receive it, while the
        send-check shows it."""

    @property
    def gpseeker(self) -> GPSeekerApp:
        from gpseeker.app import GPSeekerApp

        app = self.app
        assert isinstance(app, GPSeekerApp)
        return app

    def compose(self) -> ComposeResult:
        job = self.job
        with Vertical():
            yield SafeText(
                safe_join(["Apply to ", job.title, " at ", job.company_name]), id="apply-title"
            )
            if self.gpseeker.state.unsaved:
                yield SafeText(DRAFT_NOTE, id="apply-draft")
            with Horizontal(id="apply-choices"):
                yield TickBox(_OPTIONAL["phone"][1], id="apply-phone", compact=True)
                yield TickBox(_OPTIONAL["address"][1], id="apply-address", compact=True)
            # While the send-check shows, it takes the list's place: the list is
            # unchanged, and the check is about the note alone.
            with VerticalScroll(id="apply-preview-scroll", classes="-when-writing"):
                yield EmployerPreviewPanel(id="apply-preview")
            yield Label(
                "Cover note (optional) · Ctrl+S applies · Esc cancels", classes="-when-writing"
            )
            yield TextArea(id="apply-note", soft_wrap=True, classes="-when-writing")
            yield SendCheckPanel(id="apply-check", classes="-when-checking")
            yield SafeText("", id="apply-message")
            with Horizontal(id="apply-buttons"):
                # Compact: at 80x24 every line goes to the list of what is sent.
                yield Button(
                    "Apply",
                    id="apply-submit",
                    variant="primary",
                    disabled=True,
                    compact=True,
                    classes="-when-writing",
                )
                yield Button("Cancel", id="apply-cancel", compact=True, classes="-when-writing")
                yield Button(
                    "Send as shown",
                    id="apply-send-as-shown",
                    variant="primary",
                    compact=True,
                    classes="-when-checking",
                )
                yield Button("Edit", id="apply-edit", compact=True, classes="-when-checking")

    def on_mount(self) -> None:
        self.query_one("#apply-phone", Checkbox).focus()
        self._show_preview()
        state = self.gpseeker.state
        if state.envelope is None or state.visibility is None:
            self.load_profile()
        # A profile that could not load for want of the platform loads once it answers;
        # what was ticked and written stays.
        self.watch(self.app, "link", self._link_changed, init=False)

    def _link_changed(self, status: LinkStatus) -> None:
        state = self.gpseeker.state
        if status.connected and (state.envelope is None or state.visibility is None):
            self.load_profile()

    # --- what the employer receives ----------------------------------------------------

    @property
    def ticked(self) -> frozenset[OptionalDisclosure]:
        chosen: set[OptionalDisclosure] = set()
        if self.query_one("#apply-phone", Checkbox).value:
            chosen.add("phone")
        if self.query_one("#apply-address", Checkbox).value:
            chosen.add("address")
        return frozenset(chosen)

    @on(Checkbox.Changed)
    def _ticked(self) -> None:
        self._show_preview()

    def _show_preview(self) -> None:
        state = self.gpseeker.state
        panel = self.query_one(EmployerPreviewPanel)
        if state.envelope is None or state.visibility is None:
            self.preview = None
            panel.show(HEADING, NOTE, None)
            return
        profile = state.envelope.profile
        ticked = self.ticked
        self.preview = privacy.preview(
            profile, state.visibility, "application", disclose=ticked, today=job_format.today()
        )
        panel.show(HEADING, NOTE, self.preview)
        panel.query_one(".preview--body", SafeText).set_text(
            dialog_preview(self.preview, profile, ticked)
        )
        for kind in _OPTIONAL:
            # Nothing to share: say so by disabling the box (the list says why).
            box = self.query_one(f"#apply-{kind}", Checkbox)
            box.disabled = getattr(profile.identity, kind) is None
        self.query_one("#apply-submit", Button).disabled = False

    @work(exclusive=True, group="apply-profile", exit_on_error=False)
    async def load_profile(self) -> None:
        state = self.gpseeker.state
        try:
            client = await self.gpseeker.client()
            if state.envelope is None:
                state.set_saved(await client.get_profile())
            if state.visibility is None:
                state.set_visibility(await client.get_visibility())
        except PlatformError as error:
            self.say("Could not load your profile, so nothing can be sent yet: ", error.message)
            return
        self._show_preview()

    # --- sending -----------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("send_as_shown", "edit"):
            return self.checked is not None
        if action in ("submit", "cancel"):
            return self.checked is None
        return True

    def action_submit(self) -> None:
        if not self.query_one("#apply-submit", Button).disabled:
            self.submit()

    @on(Button.Pressed, "#apply-submit")
    def _submit_pressed(self) -> None:
        self.action_submit()

    def action_send_as_shown(self) -> None:
        if self.checked is not None and not self.query_one("#apply-send-as-shown", Button).disabled:
            self.deliver(self.checked)

    def action_edit(self) -> None:
        """Back from the send-check to the cover note, exactly as it was written."""
        self.checked = None
        self.remove_class("-checking")
        self._show_preview()  # the ticks again, as far as the profile allows
        self.query_one("#apply-note", TextArea).focus()
        self.refresh_bindings()

    @on(Button.Pressed, "#apply-send-as-shown")
    def _send_as_shown_pressed(self) -> None:
        self.action_send_as_shown()

    @on(Button.Pressed, "#apply-edit")
    def _edit_pressed(self) -> None:
        self.action_edit()

    def _show_check(self, request: ApplicationRequest, check: SendCheck) -> None:
        self.checked = request.model_copy(update={"cover_note": check.sent})
        self.query_one("#apply-message", SafeText).display = False
        # The ticks are part of what is sent: fixed while the candidate reads the check.
        for box in self.query(TickBox):
            box.disabled = True
        self.add_class("-checking")
        self.query_one(SendCheckPanel).show(check)
        # "Edit" has the focus, so an Enter pressed by habit goes back to the note
        # rather than sending something the candidate has not read.
        self.query_one("#apply-edit", Button).focus()
        self.refresh_bindings()

    @work(exclusive=True, group="apply-send", exit_on_error=False)
    async def submit(self) -> None:
        try:
            request = ApplicationRequest(
                cover_note=self.query_one("#apply-note", TextArea).text,
                disclose=sorted(self.ticked),
            )
        except ValidationError as error:
            self.say("Not sent: ", "; ".join(problem["msg"] for problem in error.errors()))
            return
        envelope = self.gpseeker.state.envelope
        if envelope is not None:  # Apply is enabled only once the profile is loaded
            check = check_before_sending(
                request.cover_note, envelope.profile, COVER_NOTE, request.disclose
            )
            if check.hides_something:
                self._show_check(request, check)
                return
        await self._deliver(request)

    @work(exclusive=True, group="apply-send", exit_on_error=False)
    async def deliver(self, request: ApplicationRequest) -> None:
        """Send `request`, its note as the send-check showed it."""
        await self._deliver(request)

    async def _deliver(self, request: ApplicationRequest) -> None:
        async def apply() -> Application:
            client = await self.gpseeker.client()
            return await client.apply(self.job.id, request, idempotency_key=self.idempotency_key)

        application = await self.send_form(
            apply, self._refusal, sending="Sending your application…"
        )
        if application is not None:
            self.dismiss(application)

    def _refusal(self, error: PlatformError) -> list[str]:
        if self.checked is not None:
            self.action_edit()  # the note, as written, is what the candidate keeps
        if isinstance(error, ConflictError) and error.code == "job_closed":
            self.busy(True)  # Apply stays disabled: trying again cannot succeed
            return [
                "Not sent: this job closed while the dialog was open. Your cover note "
                "is kept below, so you can copy it."
            ]
        if isinstance(error, ConflictError):
            if error.code == "already_applied":
                return ["You have already applied to this job: see Applications (F3)."]
            return ["Not sent: ", error.message]
        if isinstance(error, Unavailable):
            return [
                "Could not reach the platform (",
                error.message,
                "). Nothing is lost: press Apply to try again; it will not apply twice.",
            ]
        detail = "; ".join(f.message for f in error.fields) or error.message
        return ["Not sent: ", detail]

    # --- leaving -----------------------------------------------------------------------

    def action_cancel(self) -> None:
        # Esc is easy to hit while writing: with a note written, the first one asks.
        note = self.query_one("#apply-note", TextArea).text.strip()
        if note and not self._escape_armed:
            self._escape_armed = True
            self.say("Press Esc again to cancel and discard your cover note.")
            return
        self.dismiss(None)

    @on(Button.Pressed, "#apply-cancel")
    def _cancel_pressed(self) -> None:
        self.dismiss(None)

    @on(TextArea.Changed)
    def _note_changed(self) -> None:
        self._escape_armed = False
