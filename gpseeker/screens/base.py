"""What every main screen shares: the header, the navigation line and the footer."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header

from gpseeker.widgets.navigation import Navigation

if TYPE_CHECKING:
    from gpseeker.app import GPSeekerApp
    from gpseeker.client import PlatformClient


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

    @property
    def gpseeker(self) -> GPSeekerApp:
        """The app, typed: its client, its shared state, its data directory."""
        from gpseeker.app import GPSeekerApp  # at call time: app.py imports the screens

        app = self.app
        assert isinstance(app, GPSeekerApp)
        return app

    async def _client(self) -> PlatformClient:
        """The client once connected; a failed connection becomes a PlatformError, so
        every worker reports it in its own words (the app has notified the details).

        The client package is imported only after the wait, never before the first
        paint (tests/tui/test_first_paint.py)."""
        try:
            return await self.gpseeker.client()
        except Exception as error:
            from gpseeker.client import PlatformError

            if isinstance(error, PlatformError):
                raise
            raise PlatformError(f"not connected to the platform ({error})") from error
