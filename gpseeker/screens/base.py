"""What every main screen shares: the header, the navigation line, the connection's
status line and the footer; and loading again, once the platform is back, what failed
to load while it was out of reach."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Header

from gpseeker.widgets.connection_line import ConnectionLine
from gpseeker.widgets.navigation import Navigation

if TYPE_CHECKING:
    from gpseeker.app import GPSeekerApp
    from gpseeker.client import PlatformClient
    from gpseeker.ui.reconnect import LinkStatus


class MainScreen(Screen[None]):
    """A room of the app, reached from the navigation line (F2 to F7)."""

    MODE: ClassVar[str] = ""
    TITLE: ClassVar[str] = ""

    missed_platform = False
    """True once a load of this screen failed: what it shows is then an error, not the
    platform's data, and it loads again by itself when the platform answers again.
    A screen sets it where its load fails and defines `reload`."""

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        yield Navigation(current=self.MODE)
        # At the top, under the navigation line: read first, and it needs no room
        # from the screen's own layout below it.
        yield ConnectionLine(id="connection-line")
        yield from self.compose_body()
        yield Footer()

    def compose_body(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        # Beside each screen's own on_mount (Textual calls the handler of every class).
        line = self.query_one(ConnectionLine)
        self.watch(self.app, "link_words", line.show_words)
        self.watch(self.app, "link", self._link_changed, init=False)

    def _link_changed(self, status: LinkStatus) -> None:
        if status.connected and self.missed_platform:
            self.missed_platform = False
            self.reload()

    def reload(self) -> None:
        """Load again what this screen shows from the platform (after a failed load)."""

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
