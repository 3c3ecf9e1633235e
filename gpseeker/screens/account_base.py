"""What the Account screen's parts share: its platform, its sign-in, and saying in
words what could not be done. The parts (account_log, account_data) are mixins of
`AccountScreen`, so each stays a module of one subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gpseeker.core.text import clean_line
from gpseeker.screens.base import MainScreen

if TYPE_CHECKING:
    from gpseeker.client import PlatformError
    from gpseeker.local.config import TokenStore


class AccountBase(MainScreen):
    def _failed(self, what: str, error: PlatformError) -> None:
        detail = error.message
        if error.fields:
            detail = "; ".join(field.message for field in error.fields)
        # markup=False: the message may quote something from outside.
        self.notify(f"Could not {what}: {clean_line(detail)}", title="Not done",
                    severity="error", markup=False)  # fmt: skip

    @property
    def _server(self) -> str | None:
        """The platform's URL, or None for the local demo platform (token-store key)."""
        return self.gpseeker.connector.server

    @property
    def _tokens(self) -> TokenStore:
        return self.gpseeker.connector.tokens
