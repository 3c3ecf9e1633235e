"""The Account screen's dialogs: unsubscribe, export, delete the account.

Each is built on the one Dialog frame. The unsubscribe question quotes the address
the mail goes to, which comes from the server, so every line that may carry outside
text is safe text. The export and delete dialogs talk to the platform themselves (as
the decline dialog does), so a failure keeps the dialog open with what was typed.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

import platformdirs
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label

from gpseeker.core.models import DeletionReceipt
from gpseeker.core.text import sentence
from gpseeker.local.config import write_file_atomically
from gpseeker.widgets.dialog import Dialog
from gpseeker.widgets.form_dialog import FormDialog
from gpseeker.widgets.safe_text import SafeText, safe_join

if TYPE_CHECKING:
    from gpseeker.client import PlatformClient, PlatformError

__all__ = [
    "DeleteAccountDialog",
    "ExportDialog",
    "UnsubscribeDialog",
    "default_export_path",
    "unsubscribe_question",
]


def unsubscribe_question(email: str) -> str:
    """The one sentence DESIGN.md promises, with the candidate's real address."""
    return f"Are you sure you want to unsubscribe {email}?"


def _error_words(error: PlatformError) -> str:
    """The platform's reason; a field message ("is not ...") gets its subject back."""
    if not error.fields:
        return error.message
    words = []
    for field in error.fields:
        message = field.message
        if message[:1].islower():
            message = f"the address you typed {message}"
        words.append(message)
    return "; ".join(words)


class UnsubscribeDialog(Dialog[bool]):
    """One confirmation: Unsubscribe (focused, so Enter confirms; also `y`) or
    Cancel (Esc, `n`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,n", "answer(False)", "Cancel", id="unsubscribe.cancel"),
        Binding("y", "answer(True)", "Unsubscribe", id="unsubscribe.yes"),
    ]

    CSS_PATH = "account_dialogs.tcss"

    def __init__(self, list_name: str, email: str) -> None:
        """`list_name` is ours ("JobMail"); `email` comes from the server."""
        super().__init__()
        self.list_name = list_name
        self.email = email

    def compose(self) -> ComposeResult:
        with Vertical():
            yield SafeText(f"Unsubscribe from {self.list_name}", id="unsubscribe-title")
            yield SafeText(unsubscribe_question(self.email), id="unsubscribe-question")
            with Horizontal():
                yield Button("Unsubscribe", id="unsubscribe-yes", variant="error", compact=True)
                yield Button("Cancel", id="unsubscribe-no", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#unsubscribe-yes", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "unsubscribe-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


def default_export_path(today: dt.date) -> Path:
    """gpseeker-export-YYYY-MM-DD.json in the Documents folder, else in the home."""
    folder = platformdirs.user_documents_path()
    if not folder.is_dir():
        folder = Path.home()
    return folder / f"gpseeker-export-{today.isoformat()}.json"


class ExportDialog(FormDialog[Path | None]):
    """Asks where to write the export; dismisses with the path written, or None.

    An existing file is replaced only by pressing the Replace button the dialog then
    offers: Enter in the path field never replaces one, so an Enter pressed twice by
    habit cannot overwrite a file. Every failure keeps the dialog open with the path
    as typed.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel"),
    ]

    CSS_PATH = "account_dialogs.tcss"
    STATUS = "export-message"
    SEND = "#export-yes"

    def __init__(self, client: PlatformClient, path: Path) -> None:
        super().__init__()
        self.client = client
        self.initial = path
        self._replace: Path | None = None
        """The existing file the candidate agreed to replace (by pressing Export again)."""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield SafeText("Export your data", id="export-title")
            yield SafeText(
                "Everything the platform holds about you, as one JSON file that only "
                "you can read (mode 0600)."
            )
            yield Label("File · Enter exports · Esc cancels")
            yield Input(str(self.initial), id="export-path")
            yield SafeText("", id="export-message")
            with Horizontal():
                yield Button("Export", id="export-yes", variant="primary", compact=True)
                yield Button("Cancel", id="export-no", compact=True)

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(Input.Changed, "#export-path")
    def _path_changed(self) -> None:
        # A new path needs its own agreement to replace.
        self._replace = None
        self.query_one("#export-yes", Button).label = "Export"

    @on(Input.Submitted, "#export-path")
    def _submitted(self) -> None:
        # The agreement to replace was asked for and not given: ask again, never assume.
        self._replace = None
        self._confirmed()

    @on(Button.Pressed, "#export-yes")
    def _confirmed(self) -> None:
        if self.query_one("#export-yes", Button).disabled:
            return
        path = self._checked_path()
        if path is not None:
            self.export(path)

    def _checked_path(self) -> Path | None:
        """The typed path if it can be written now; else None, having said why."""
        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            self.say("Type the path of the file to write.")
            return None
        path = Path(typed).expanduser()
        if path.is_dir():
            self.say(str(path), " is a folder: add a file name to the path.")
            return None
        if not path.parent.is_dir():
            # write_file_atomically would create the folder; a typo should not.
            self.say("Not exported: the folder ", str(path.parent), " does not exist.")
            return None
        if path.exists() and self._replace != path:
            self._replace = path
            self.query_one("#export-yes", Button).label = "Replace"
            self.say(
                "A file already exists at ",
                str(path),
                ". To overwrite it, press Tab, then Enter on Replace; or change the path.",
            )
            return None
        return path

    @work(exclusive=True, group="export-write", exit_on_error=False)
    async def export(self, path: Path) -> None:
        async def write() -> Path:
            data = await self.client.export()
            text = data.model_dump_json(indent=2) + "\n"
            await asyncio.to_thread(write_file_atomically, path, text, mode=0o600)
            return path

        try:
            written = await self.send_form(write, lambda error: ["Not exported: ", error.message])
        except OSError as error:
            reason = error.strerror or type(error).__name__
            self.say("Not exported: cannot write ", str(path), f" ({reason.lower()}).")
            return
        if written is not None:
            self.dismiss(written)

    @on(Button.Pressed, "#export-no")
    def action_cancel(self) -> None:
        self.dismiss(None)


NO_EMPLOYER = "No employer has received an application."
KEEP_NOTE = (
    "They may keep their copy of your application as the law allows. You can first "
    "ask each to forget it from the disclosure log (2, then x)."
)
ERASE_NOTE = (
    "Deleting erases your profile, applications, messages and subscriptions on the "
    "platform, and your sign-in, drafts and the jobs list kept for a fast start on this "
    "computer. It cannot be undone."
)


class DeleteAccountDialog(FormDialog[DeletionReceipt | None]):
    """Type the account's e-mail address, then `Delete my account`.

    A wrong address shows the platform's reason and keeps the text; nothing is
    deleted. Dismisses with the receipt once the platform has erased the account.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Keep my account", id="delete.cancel"),
    ]

    CSS_PATH = "account_dialogs.tcss"
    STATUS = "delete-message"
    SEND = "#delete-yes"

    def __init__(self, client: PlatformClient, employers: list[str]) -> None:
        """`employers`: the names (from the server) that received an application."""
        super().__init__()
        self.client = client
        self.employers = employers

    def compose(self) -> ComposeResult:
        if self.employers:
            received = safe_join(
                [
                    sentence(
                        "These employers received an application from you: "
                        + ", ".join(self.employers)
                    ),
                ]
            )
        else:
            received = safe_join([NO_EMPLOYER])
        with VerticalScroll():
            yield SafeText("Delete your account for good", id="delete-title")
            yield SafeText(ERASE_NOTE)
            yield SafeText(
                safe_join([received, " ", KEEP_NOTE if self.employers else ""]),
                id="delete-employers",
            )
            yield Label("Type your e-mail address to confirm:")
            yield Input(id="delete-email", placeholder="your e-mail address", compact=True)
            yield SafeText("", id="delete-message")
            with Horizontal():
                yield Button("Delete my account", id="delete-yes", variant="error", compact=True)
                yield Button("Keep my account", id="delete-no", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#delete-email", Input).focus()

    @on(Input.Submitted, "#delete-email")
    @on(Button.Pressed, "#delete-yes")
    def _confirmed(self) -> None:
        if not self.query_one("#delete-yes", Button).disabled:
            self.delete()

    @work(exclusive=True, group="delete-account", exit_on_error=False)
    async def delete(self) -> None:
        typed = self.query_one("#delete-email", Input).value.strip()
        if not typed:
            self.say("Not deleted: type your e-mail address first.")
            return
        receipt = await self.send_form(
            lambda: self.client.delete_account(typed),
            lambda error: ["Not deleted: ", _error_words(error)],
        )
        if receipt is not None:
            self.dismiss(receipt)

    @on(Button.Pressed, "#delete-no")
    def action_cancel(self) -> None:
        self.dismiss(None)
