"""Sign in to (or create an account on) a remote platform.

Shown only when the app talks to a server and has no valid token; the embedded
platform signs its local account in by itself. Creating an account asks for the code
the platform mails to the address, and can ask for a new one. A refusal keeps what
was typed, and says in words when a try may come again (the platform's message).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Static

from gpseeker.client import PlatformClient, PlatformError
from gpseeker.core.models import SignupStarted
from gpseeker.widgets.safe_text import safe_content

if TYPE_CHECKING:
    from gpseeker.connect import Connector


class SignInScreen(Screen[PlatformClient]):
    TITLE = "Sign in"
    # The scroll container is focusable and would take the default auto-focus, so
    # typed keys went nowhere until Tab: the e-mail field is where a person starts.
    AUTO_FOCUS = "#email"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+n", "sign_up", "Create account", id="sign_in.sign_up"),
        Binding(
            "ctrl+o",
            "confirm_code",
            "Confirm code",
            id="sign_in.confirm_code",
            tooltip="Finish creating the account with the code from the e-mail",
        ),
        Binding(
            "ctrl+r",
            "resend_code",
            "New code",
            id="sign_in.resend_code",
            tooltip="Mail a new sign-up code (the earlier one stops working)",
        ),
        Binding("ctrl+q", "app.quit", "Quit", id="sign_in.quit"),
    ]

    CSS_PATH = "sign_in.tcss"

    def __init__(self, connector: Connector, server: str) -> None:
        super().__init__()
        self._connector = connector
        self._server = server
        self._waiting_for: str | None = None
        """The address a mailed code is awaited for, once a sign-up has been sent."""

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Content(f"Sign in to {self._server}"), id="sign-in-title")
            yield Static(
                "New here? Fill in your name too and press Create account (ctrl+n).",
            )
            # Near the top, so that at 80x24 a refusal or the mailed code's step is
            # in view at once, whichever field had focus.
            yield Static("", id="sign-in-error")
            with Vertical(id="code-step"):
                yield Label("Code from the e-mail (to finish creating the account)")
                yield Input(placeholder="the 6 digits in the mail", id="code")
                with Horizontal():
                    yield Button("Confirm code", id="confirm-code", variant="primary")
                    yield Button("Send a new code", id="resend-code")
            yield Label("E-mail address")
            yield Input(placeholder="you@example.com", id="email")
            yield Label("Password")
            yield Input(password=True, id="password")
            yield Label("Your name (only to create an account)")
            yield Input(id="full-name")
            with Horizontal():
                yield Button("Sign in", id="sign-in", variant="primary")
                yield Button("Create account", id="sign-up")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in {"confirm_code", "resend_code"}:
            return self._waiting_for is not None  # hidden until a code was mailed
        return True

    @on(Input.Submitted, "#email,#password")
    @on(Button.Pressed, "#sign-in")
    def _sign_in(self) -> None:
        self.attempt(create=False)

    @on(Input.Submitted, "#full-name")
    @on(Button.Pressed, "#sign-up")
    def action_sign_up(self) -> None:
        self.attempt(create=True)

    @on(Input.Submitted, "#code")
    @on(Button.Pressed, "#confirm-code")
    def action_confirm_code(self) -> None:
        self.confirm()

    @on(Button.Pressed, "#resend-code")
    def action_resend_code(self) -> None:
        self.resend()

    def _say(self, text: str, *, problem: bool = False) -> None:
        # The platform's words are text from outside: shown through the safe path.
        # A problem is coloured too, but says "Error:" in words first.
        status = self.query_one("#sign-in-error", Static)
        status.update(safe_content(text))
        status.set_class(problem, "problem")

    def _refused(self, failure: PlatformError) -> None:
        lines = [f"Error: {failure.message}"]
        lines += [f"{field.path}: {field.message}" for field in failure.fields]
        self._say("\n".join(lines), problem=True)

    def _await_code(self, started: SignupStarted) -> None:
        self._waiting_for = started.email
        self.query_one("#code-step").add_class("waiting")
        self.refresh_bindings()
        self._say(started.message)
        self.query_one("#code", Input).focus()

    @work(exclusive=True, group="sign-in", exit_on_error=False)
    async def attempt(self, *, create: bool) -> None:
        email = self.query_one("#email", Input).value.strip()
        password = self.query_one("#password", Input).value
        name = self.query_one("#full-name", Input).value.strip()
        if create and not name:
            self._say("Error: to create an account, type your name.", problem=True)
            return
        self._say("Signing in…" if not create else "Creating your account…")
        try:
            if create:
                started = await self._connector.sign_up(email, password, name)
                if started.code_required:
                    self._await_code(started)
                    return
            client = await self._connector.sign_in(email, password)
        except PlatformError as failure:
            self._refused(failure)
            return
        self.dismiss(client)

    @work(exclusive=True, group="sign-in", exit_on_error=False)
    async def confirm(self) -> None:
        if self._waiting_for is None:
            self._say(
                "Error: create the account first (ctrl+n); the code comes by mail.", problem=True
            )
            return
        code = self.query_one("#code", Input).value.strip()
        if not code:
            self._say("Error: type the code from the e-mail first.", problem=True)
            return
        self._say("Checking the code…")
        try:
            client = await self._connector.confirm_sign_up(self._waiting_for, code)
        except PlatformError as failure:
            self._refused(failure)
            return
        self.dismiss(client)

    @work(exclusive=True, group="sign-in", exit_on_error=False)
    async def resend(self) -> None:
        if self._waiting_for is None:
            return
        self._say("Asking for a new code…")
        try:
            started = await self._connector.resend_code(self._waiting_for)
        except PlatformError as failure:
            self._refused(failure)
            return
        self._say(started.message)
