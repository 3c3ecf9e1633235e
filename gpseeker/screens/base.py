"""What every main screen shares: the header, the navigation line and the footer."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from gpseeker.widgets.navigation import Navigation


class MainScreen(Screen[None]):
    """A room of the app, reached from the navigation line (F2 to F7)."""

    MODE: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Navigation(current=self.MODE)
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        yield from ()


class ComingScreen(MainScreen):
    """A room that a later release fills; says so instead of showing nothing."""

    NOTE: ClassVar[str] = ""

    def compose_body(self) -> ComposeResult:
        yield Static(f"{self.TITLE}\n\n{self.NOTE}", classes="coming")


class InboxScreen(ComingScreen):
    MODE = "inbox"
    TITLE = "Inbox"
    NOTE = "Invitations that employers send through the platform relay will appear here."


class AccountScreen(ComingScreen):
    MODE = "account"
    TITLE = "Account"
    NOTE = "Export, deletion, subscriptions and the disclosure log are coming here."
