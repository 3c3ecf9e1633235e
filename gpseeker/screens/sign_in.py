"""Sign in to (or create an account on) a remote platform.

Shown only when the app talks to a server and has no valid token; the embedded
platform signs its local account in silently. A refused sign-in keeps what was typed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Static

from gpseeker.client import PlatformClient, PlatformError
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
        Binding("ctrl+q", "app.quit", "Quit", id="sign_in.quit"),
    ]

    DEFAULT_CSS = """
    SignInScreen VerticalScroll {
        padding: 1 2;
        max-width: 72;
    }
    SignInScreen Input {
        margin-bottom: 1;
    }
    SignInScreen #sign-in-error {
        color: $error;
        margin-bottom: 1;
    }
    """

    def __init__(self, connector: Connector, server: str) -> None:
        super().__init__()
        self._connector = connector
        self._server = server

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Content(f"Sign in to {self._server}"), id="sign-in-title")
            yield Static(
                "New here? Fill in your name too and press Create account (ctrl+n).",
            )
            yield Label("E-mail address")
            yield Input(placeholder="you@example.com", id="email")
            yield Label("Password")
            yield Input(password=True, id="password")
            yield Label("Your name (only to create an account)")
            yield Input(id="full-name")
            yield Static("", id="sign-in-error")
            with Horizontal():
                yield Button("Sign in", id="sign-in", variant="primary")
                yield Button("Create account", id="sign-up")
        yield Footer()

    @on(Input.Submitted, "#email,#password")
    @on(Button.Pressed, "#sign-in")
    def _sign_in(self) -> None:
        self.attempt(create=False)

    @on(Input.Submitted, "#full-name")
    @on(Button.Pressed, "#sign-up")
    def action_sign_up(self) -> None:
        self.attempt(create=True)

    @work(exclusive=True, group="sign-in", exit_on_error=False)
    async def attempt(self, *, create: bool) -> None:
        email = self.query_one("#email", Input).value.strip()
        password = self.query_one("#password", Input).value
        name = self.query_one("#full-name", Input).value.strip()
        error = self.query_one("#sign-in-error", Static)
        if create and not name:
            error.update("Error: to create an account, type your name.")
            return
        error.update("Signing in…" if not create else "Creating your account…")
        try:
            if create:
                client = await self._connector.sign_up(email, password, name)
            else:
                client = await self._connector.sign_in(email, password)
        except PlatformError as failure:
            lines = [f"Error: {failure.message}"]
            lines += [f"{field.path}: {field.message}" for field in failure.fields]
            error.update(safe_content("\n".join(lines)))
            return
        self.dismiss(client)
