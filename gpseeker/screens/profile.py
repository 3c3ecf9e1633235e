"""The profile editor: every field of the profile, a draft on disk, and careful saving.

What it promises the candidate (DESIGN.md, "Nothing is lost"):

- what is typed is kept as typed, valid or not, in the form and in a draft file
  written ~300 ms after the last change; the draft is offered back on the next start;
- errors are shown beside their field, in words, when the field is left and on save,
  whether our own checks or the server's 422 found them;
- a save over a version someone else changed in between (412) shows what differs and
  lets the candidate choose; it never overwrites silently.

The form's values are kept by the section widgets; the conversion to a Profile and
the draft file live in `gpseeker.local.profile_draft`, which knows nothing of Textual.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.timer import Timer
from textual.widgets import Input, Select, SelectionList, Static, TextArea

from gpseeker.client import PlatformError, ValidationFailed
from gpseeker.client.profile_saves import ProfileSaves, Stale, failed_save_words
from gpseeker.core.models import Profile, ProfileEnvelope
from gpseeker.core.text import clean_line
from gpseeker.local.profile_draft import (
    DraftStore,
    ProfileForm,
    build_profile,
    differences,
    form_from_profile,
    lenient_profile,
    place_server_errors,
)
from gpseeker.screens.base import MainScreen
from gpseeker.widgets.profile_form import FormField
from gpseeker.widgets.profile_form_dialogs import leave_dialog, restore_dialog, stale_dialog
from gpseeker.widgets.profile_form_entries import EntryList
from gpseeker.widgets.profile_form_sections import (
    AboutSection,
    ContactSection,
    DemographicsSection,
    LanguagesSection,
    PreferencesSection,
    education_section,
    experience_section,
)
from gpseeker.widgets.safe_text import safe_join

if TYPE_CHECKING:
    from gpseeker.client import PlatformClient

LOADING = "Loading your profile…"
SAVING = "Saving… (your changes stay in the form until the platform confirms them)"
EDITS = (Input.Changed, TextArea.Changed, Select.Changed, SelectionList.SelectedChanged)


class ProfileScreen(MainScreen):
    MODE = "profile"
    TITLE = "Profile"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="profile.save"),
        Binding("ctrl+r", "reload", "Reload", id="profile.reload"),
    ]

    CSS_PATH = "profile.tcss"

    DRAFT_DELAY = 0.3
    """Seconds after the last change before the draft is written: one write per pause,
    not per keystroke, and a crash loses at most this much typing."""

    def __init__(self) -> None:
        super().__init__()
        self._baseline: ProfileForm | None = None
        """The form of the profile as last loaded or saved; None until loaded."""
        self._base_etag: str | None = None
        """The version the form was typed over (a restored draft keeps its own)."""
        self._current: ProfileForm | None = None
        self._tracking = False
        """Edits are drafted only once the load (and the restore question) is over."""
        self._write_timer: Timer | None = None
        self._store: DraftStore | None = None
        self._saves = ProfileSaves()

    @property
    def store(self) -> DraftStore:
        if self._store is None:
            self._store = DraftStore(self.gpseeker.data_dir)
        return self._store

    def compose_body(self) -> ComposeResult:
        yield Static(LOADING, id="profile-loading")
        yield Static(SAVING, id="profile-saving")
        with VerticalScroll(id="profile-form"):
            yield ContactSection()
            yield AboutSection()
            yield experience_section()
            yield education_section()
            yield LanguagesSection()
            yield PreferencesSection()
            yield DemographicsSection()

    def on_mount(self) -> None:
        # Paint "Loading…" first; the platform may still be starting up.
        self.call_after_refresh(self.load_profile)

    def on_unmount(self) -> None:
        if self._write_timer is not None:
            self._write_timer.stop()
            self._write_draft()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reload":
            return self._baseline is None  # only after a failed load: edits are never thrown away
        return True

    # --- the form's values ---------------------------------------------------------------

    def _collect(self) -> ProfileForm:
        values: dict[str, Any] = {field.key: field.value for field in self.query(FormField)}
        for entries in self.query(EntryList):
            values[entries.key] = entries.value
        return ProfileForm.model_validate(values)

    def _fill(self, form: ProfileForm) -> None:
        with self.prevent(*EDITS, EntryList.Changed):
            for field in self.query(FormField):
                field.value = getattr(form, field.key)
                field.show_error(None)
            for entries in self.query(EntryList):
                entries.value = [entry.model_dump() for entry in getattr(form, entries.key)]
                entries.show_error(None)
        self._current = self._collect()

    def _show_errors(self, errors: dict[str, str]) -> FormField | EntryList | None:
        """Show each error beside its field (clearing the others); return the first."""
        first: FormField | EntryList | None = None
        for field in self.query("FormField, EntryList").results():
            if isinstance(field, FormField | EntryList):
                field.show_error(errors.get(field.key))
                if first is None and field.key in errors:
                    first = field
        return first

    # --- loading -------------------------------------------------------------------------

    async def _client_or_notify(self, doing: str) -> PlatformClient | None:
        try:
            return await self._client()
        except PlatformError as error:
            self.notify(
                clean_line(error.message), title=f"Cannot {doing}", severity="error", markup=False
            )
            return None

    def action_reload(self) -> None:
        self.load_profile()

    def reload(self) -> None:
        if self._baseline is None:  # only a profile that never loaded: edits stay as typed
            self.load_profile()

    @work(exclusive=True, group="profile", exit_on_error=False)
    async def load_profile(self) -> None:
        status = self.query_one("#profile-loading", Static)
        status.update(LOADING)
        client = await self._client_or_notify("load your profile")
        try:
            if client is None:
                raise PlatformError("the platform is not connected")
            envelope = await client.get_profile()
        except PlatformError as error:
            self.missed_platform = True
            status.update(
                safe_join(
                    ["Your profile could not be loaded: ", error.message, "\nCtrl+R tries again."]
                )
            )
            self.notify(
                clean_line(error.message),
                title="Profile not loaded",
                severity="error",
                markup=False,
            )
            self.refresh_bindings()
            return
        self._show_saved(envelope)
        self.add_class("-loaded")
        self.refresh_bindings()
        self.query_one("#full_name").focus()
        try:
            await self._offer_draft(envelope)
        finally:
            # Whatever became of the old draft, what is typed from now on is drafted,
            # marked unsaved and asked about on quitting ("nothing is lost").
            self._tracking = True
        self._after_edit(self._collect())

    async def _offer_draft(self, envelope: ProfileEnvelope) -> None:
        """Offer back the draft left from last time; say so if it could not be read."""
        draft = self.store.load()
        for notice in self.store.notices:
            self.gpseeker.show_file_notice(notice, title="Draft set aside")
        self.store.notices.clear()
        if draft is not None and draft.form != self._baseline:
            answer = await self.app.push_screen_wait(restore_dialog(draft.saved_at))
            if answer == "restore":
                self._base_etag = draft.etag or envelope.etag
                self._fill(draft.form)
                # What was typed may not be valid yet: say so at once, not only on save.
                self._show_errors(build_profile(draft.form).errors)

    def _show_saved(self, envelope: ProfileEnvelope) -> None:
        self.gpseeker.state.set_saved(envelope)
        self._base_etag = envelope.etag
        self._baseline = form_from_profile(envelope.profile)
        self._fill(self._baseline)

    # --- editing -------------------------------------------------------------------------

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(SelectionList.SelectedChanged)
    @on(EntryList.Changed)
    def _edited(self, _event: Message) -> None:
        if not self._tracking:
            return
        form = self._collect()
        if form != self._current:
            self._current = form
            self._after_edit(form)

    def _after_edit(self, form: ProfileForm) -> None:
        """Tell the app (header marker, privacy preview) and keep the draft on disk."""
        state = self.gpseeker.state
        saved = state.envelope.profile if state.envelope is not None else None
        if form == self._baseline and saved is not None:
            self._cancel_write()
            self.store.discard()
            if state.unsaved:
                state.set_draft(None)
            return
        state.set_draft(lenient_profile(form, saved) or saved)
        self._cancel_write()
        self._write_timer = self.set_timer(self.DRAFT_DELAY, self._write_draft)

    def _cancel_write(self) -> None:
        if self._write_timer is not None:
            self._write_timer.stop()
            self._write_timer = None

    def _write_draft(self) -> None:
        self._write_timer = None
        if not self._tracking or self._current is None or self._current == self._baseline:
            return
        try:
            self.store.save(self._current, self._base_etag)
        except OSError as error:
            self.notify(
                f"Your changes are still in the form, but could not be kept on disk: {error}",
                title="Draft not written",
                severity="warning",
                markup=False,
            )

    @on(FormField.Left)
    def _left_field(self, event: FormField.Left) -> None:
        if not self._tracking:
            return
        errors = build_profile(self._collect()).errors
        event.form_field.show_error(errors.get(event.form_field.key))
        # An error shown elsewhere may depend on this field (a postal code on its country).
        for field in self.query(FormField):
            if field.error is not None and field is not event.form_field:
                field.show_error(errors.get(field.key))

    # --- saving --------------------------------------------------------------------------

    def action_save(self) -> None:
        self._save(then_quit=False)

    def _save(self, *, then_quit: bool) -> None:
        if self._baseline is None:
            self.notify("Your profile has not loaded yet.", severity="warning")
            return
        if self.saving:
            self.notify(
                "Your profile is still being saved. Once it says Saved, Ctrl+S saves "
                "anything typed since.",
                title="Saving…",
                markup=False,
            )
            return
        form = self._collect()
        built = build_profile(form)
        first = self._show_errors(built.errors)
        if built.profile is None:
            count = len(built.errors)
            fields = "1 field needs" if count == 1 else f"{count} fields need"
            self.notify(
                f"{fields} attention: {next(iter(built.errors.values()))}",
                title="Not saved",
                severity="error",
                markup=False,
            )
            if first is not None:
                first.focus_control()
            return
        if form == self._baseline and self._base_etag == self._saved_etag():
            self.notify("Nothing to save: the form matches your saved profile.")
            if then_quit:
                self.app.exit()
            return
        self.save_profile(built.profile, form, then_quit)

    def _saved_etag(self) -> str | None:
        envelope = self.gpseeker.state.envelope
        return envelope.etag if envelope is not None else None

    @property
    def saving(self) -> bool:
        """A save is on its way: the editor says "Saving…" and sends no second one."""
        return self.has_class("-saving")

    def _show_saving(self, saving: bool) -> None:
        self.set_class(saving, "-saving")

    # Not exclusive: a second Ctrl+S must never cancel a save on its way, whose
    # answer alone says whether it was stored (`_save` refuses to start another).
    @work(group="profile-save", exit_on_error=False)
    async def save_profile(self, profile: Profile, form: ProfileForm, then_quit: bool) -> None:
        self._show_saving(True)
        try:
            envelope = await self._send_save(profile, form)
        finally:
            self._show_saving(False)
        if envelope is None:
            return
        self._saved(envelope, form)
        if then_quit:
            self.app.exit()

    async def _send_save(self, profile: Profile, form: ProfileForm) -> ProfileEnvelope | None:
        """Save, asking the candidate if someone else saved in between; None if not saved."""
        client = await self._client_or_notify("save your profile")
        if client is None or self._base_etag is None:
            return None
        try:
            outcome: ProfileEnvelope | Stale | None
            outcome = await self._saves.save(client, profile, self._base_etag)
            while isinstance(outcome, Stale):
                outcome = await self._resolve_stale(client, profile, form, outcome.server)
        except ValidationFailed as error:
            self._server_refused(error)
            return None
        except PlatformError as error:
            self._not_saved(error)
            return None
        return outcome

    def _not_saved(self, error: PlatformError) -> None:
        title, words = failed_save_words(error)
        severity: SeverityLevel = "warning" if error.outcome_unknown else "error"
        self.notify(words, title=title, severity=severity, markup=False)

    def _server_refused(self, error: ValidationFailed) -> None:
        errors, elsewhere = place_server_errors(error.fields)
        first = self._show_errors(errors)
        if first is not None:
            first.focus_control()
        summary = "; ".join([*errors.values(), *elsewhere]) or error.message
        self.notify(clean_line(summary), title="Not saved", severity="error", markup=False)

    async def _resolve_stale(
        self, client: PlatformClient, profile: Profile, form: ProfileForm, server: ProfileEnvelope
    ) -> ProfileEnvelope | Stale | None:
        """Show what differs from the server's version and do what the candidate chooses:
        the saved envelope, None if not saved, or Stale if it changed yet again while
        the dialog was open (then it shows again)."""
        found = differences(form_from_profile(server.profile), form)
        self._show_saving(False)  # the candidate is deciding; nothing is on its way
        answer = await self.app.push_screen_wait(stale_dialog(found))
        if answer == "theirs":
            self._saves.forget()
            self._take_server(server)
            return None
        if answer != "mine":
            self.notify("Not saved yet. Ctrl+S shows the differences again.")
            return None
        self._show_saving(True)
        return await self._saves.save(client, profile, server.etag)

    def _take_server(self, server: ProfileEnvelope) -> None:
        self._cancel_write()
        self._show_saved(server)
        self.store.discard()
        self.notify("The form now shows your profile as saved on the server.")

    def _saved(self, envelope: ProfileEnvelope, form: ProfileForm) -> None:
        self._cancel_write()
        self._base_etag = envelope.etag
        self._baseline = form_from_profile(envelope.profile)
        self.gpseeker.state.set_saved(envelope)
        if self._collect() == form:
            # Show the values as the platform stored them (a phone number in E.164).
            self._fill(self._baseline)
            self.store.discard()
        else:
            self._after_edit(self._collect())  # typed while saving: still a draft
        self._show_errors({})
        self.notify("Profile saved.", title="Saved")

    # --- leaving -------------------------------------------------------------------------

    def ask_before_leaving(self) -> None:
        """Quitting with unsaved changes: keep editing, save and quit, or discard and quit."""

        def answered(answer: str | None) -> None:
            if answer == "save":
                self._save(then_quit=True)
            elif answer == "discard":
                self._tracking = False
                self._cancel_write()
                self.store.discard()
                self.gpseeker.state.set_draft(None)
                self.app.exit()

        self.app.push_screen(leave_dialog(), answered)
