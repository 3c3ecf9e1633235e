"""GPSeekerApp: the shell a candidate lives in.

It owns the screens, the global keys, the command palette and the themes. It knows
the platform only through the client it is given (STYLE.md, habit 1), and paints its
first screen before the client exists: the connection (finding or starting the local
platform process, signing in) happens in a worker after the first paint.
The connection (`gpseeker/ui/connection.py`) reconnects by itself; the app tells the
candidate how it stands, in words, in the header, a status line and notices.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events, work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.screen import Screen

from gpseeker.connect import Connector, SignInRequired
from gpseeker.local.config import profile_draft_path
from gpseeker.screens import registry
from gpseeker.screens.base import MainScreen
from gpseeker.screens.help import HelpScreen, format_key
from gpseeker.ui.commands import ScreenCommands
from gpseeker.ui.connection import PlatformConnection
from gpseeker.ui.reconnect import Backoff, LinkStatus, change_notice, header_words, status_words
from gpseeker.ui.state import CandidateState, Change
from gpseeker.ui.themes import DEFAULT_THEME, DROPPED_THEMES, THEMES
from gpseeker.widgets.navigation import ROOMS

if TYPE_CHECKING:
    from textual.timer import Timer

    from gpseeker.client import PlatformClient
    from gpseeker.composition import AppStart
    from gpseeker.local.local_files import FileNotice

ThemeSaver = Callable[[str], "FileNotice | None"]
"""Keeps the chosen theme in the settings; may return a notice (a damaged settings file
was set aside) and raises OSError when the file cannot be written."""

FILE_NOTICE_SECONDS = 30
"""How long a notice about a local file stays up: it names paths, which take a while
to read, and the candidate may want to copy one."""

UNREAD_POLL_SECONDS = 10.0
"""How often the header's unread count asks the platform: a new invitation shows on
every screen within this time, for one small request (a module constant so tests can
shorten it; they call `refresh_unread` instead of waiting)."""

RECONNECT_KEY = "f8"
"""Reconnect now. Not ctrl+shift+r: most terminals (and tmux, and SSH clients) send
ctrl+shift+r exactly as ctrl+r, which the profile editor and the sign-in screen use."""


class GPSeekerApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "gpseeker"
    SUB_TITLE = "connecting to the platform…"

    MODES: ClassVar[dict[str, str | Callable[[], Screen[Any]]]] = {
        mode: registry.factory(mode) for mode in registry.SCREENS
    }
    DEFAULT_MODE = "jobs"
    COMMANDS = App.COMMANDS | {ScreenCommands}

    unread: reactive[int | None] = reactive(None, init=False)
    """Unread invitations, as last polled; None until the platform answers. The inbox
    screen watches it to load new invitations as they arrive."""

    link: reactive[LinkStatus] = reactive(LinkStatus, init=False)
    """How the app stands with the platform. Screens watch it to load again what
    failed while the platform was out of reach, once it answers."""

    link_words: reactive[str] = reactive("", init=False)
    """`link` as the status line says it, with a countdown that moves every second;
    empty while connected."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="app.help"),
        Binding("question_mark", "help", "Help", show=False, id="app.help_question"),
        *(
            # Priority, so that a focused widget's own use of a function key (TextArea
            # takes F6 and F7) never traps the user in a screen.
            Binding(
                room.key,
                f"switch_mode('{room.mode}')",
                f"Go to {room.title}",
                show=False,
                priority=True,
                id=f"app.goto.{room.mode}",
            )
            for room in ROOMS
        ),
        # Out of the footer, which needs the room for the screen's own keys; F1 lists it.
        Binding("ctrl+q", "quit", "Quit", show=False, id="app.quit"),
        # Out of the footer too: while it is of use, the status line names it.
        Binding(
            RECONNECT_KEY,
            "reconnect",
            "Reconnect now",
            show=False,
            priority=True,
            id="app.reconnect",
            tooltip="Try to reach the platform again now, without waiting",
        ),
    ]

    def __init__(
        self,
        connector: Connector,
        *,
        data_dir: Path,
        theme: str = DEFAULT_THEME,
        save_theme: ThemeSaver | None = None,
        config_dir: Path | None = None,
        cursor_blink: bool = True,
        notices: Sequence[FileNotice] = (),
        reconnect: Backoff | None = None,
    ) -> None:
        super().__init__()
        for dropped in DROPPED_THEMES:
            self.unregister_theme(dropped)
        for custom in THEMES:
            self.register_theme(custom)
        self.connector = connector
        self.data_dir = data_dir
        """Where drafts are kept until the server confirms a save."""
        self.config_dir = config_dir
        """Where the policy version last seen is kept; None skips the policy notice."""
        self.state = CandidateState()
        self.cursor_blink = cursor_blink
        """False stops the text cursor of every Input and TextArea from blinking (the
        `cursor_blink` setting): for screen magnifiers, and slow links that repaint it."""
        self._save_theme = save_theme
        self._notices = list(notices)
        """Found before the app started (a damaged settings or token file)."""
        self.connection = PlatformConnection(
            self, self._open_client, backoff=reconnect or Backoff(), on_status=self._link_changed
        )
        """The link to the platform; `reconnect` is its schedule of tries (tests shorten it)."""
        self._platform_label: str | None = None
        """ "host · e-mail" once connected."""
        self._countdown: Timer | None = None
        theme = theme if theme in self.available_themes else DEFAULT_THEME
        # The theme the settings already hold: only a change from it is written, so
        # starting never writes (and a read-only or full disk cannot stop a start).
        self._saved_theme = theme
        self.theme = theme
        if "TEXTUAL_ANIMATIONS" not in os.environ:
            # Motion is opt-in: it costs bytes over SSH and distracts some readers.
            self.animation_level = "none"

    async def client(self) -> PlatformClient:
        """The platform client, once connected; screens await it in their workers.

        While the platform is out of reach this tries again at once, and raises the
        failure (an `Unavailable`) if that try fails too."""
        return await self.connection.client()

    async def connected(self) -> None:
        """Wait until the first connection attempt has ended, either way.

        The first screen awaits this before importing the client: an import is a
        blocking call, and on the event loop before the first frame it delays the
        first paint by the ~200 ms the client and models cost.
        """
        await self.connection.first_try()

    def on_mount(self) -> None:
        for notice in self._notices:
            self.show_file_notice(notice)
        self.state.bind(self)
        self.state.changed.subscribe(self, self._update_header)
        # After the first frame: the platform's imports run in a thread, and a thread
        # importing modules competes with the first paint for the interpreter.
        self.call_after_refresh(self.connection.start)
        if profile_draft_path(self.data_dir).exists():
            # Unsaved profile changes from last time: open where they are offered back.
            # (The path, not DraftStore, is checked: that module loads pydantic, and the
            # first screen must paint before anything heavy is imported. exists(), not
            # is_file(): a damaged draft, even a folder in its place, is set aside and
            # named there, not left to block every later draft in silence.)
            self.switch_mode("profile")

    def show_file_notice(self, notice: FileNotice, title: str | None = None) -> None:
        """Tell the candidate about a local file, naming it (the path is the user's own
        text, so it is shown cleaned and never as markup)."""
        from gpseeker.core.text import clean_line

        self.notify(
            clean_line(notice.message),
            title=title or notice.title,
            severity=notice.severity,
            timeout=FILE_NOTICE_SECONDS,
            markup=False,
        )

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Apply the cursor-blink setting to whatever text field takes the focus.

        One place for every Input and TextArea on every screen, dialog and the command
        palette: the focus event bubbles up to the app from all of them, and a cursor
        only blinks while its field has the focus (Textual starts the blink timer
        paused). Any widget with a `cursor_blink` is treated alike, so TextArea need
        not be imported before the first paint.
        """
        if not self.cursor_blink and getattr(event.widget, "cursor_blink", False):
            event.widget.cursor_blink = False  # type: ignore[attr-defined]

    async def action_quit(self) -> None:
        """Quit; with unsaved profile changes, the profile editor asks first."""
        if self.state.unsaved:
            from gpseeker.screens.profile import ProfileScreen

            await self.switch_mode("profile")
            if isinstance(self.screen, ProfileScreen):
                self.screen.ask_before_leaving()
                return
        self.exit()

    def _update_header(self, _change: Change = "profile") -> None:
        """Where, as whom, how many unread invitations, and whether edits are unsaved:
        all in words, so that none of it depends on colour."""
        parts = [header_words(self.link, self._platform_label)]
        if self.unread:
            parts.append(f"{self.unread} unread")  # in words: the count, not a coloured dot
        if self.state.unsaved:
            parts.append("unsaved changes")
        self.sub_title = " · ".join(parts)

    def watch_unread(self) -> None:
        self._update_header()

    @work(exclusive=True, group="unread", exit_on_error=False)
    async def refresh_unread(self) -> None:
        """Ask the platform how many invitations are unread; the header shows it.

        A short worker started by a timer rather than one that loops forever: tests
        (and anything else) can wait for all workers to finish between two polls.
        """
        from gpseeker.client import PlatformError

        client = self.connection.connected_client
        if client is None:
            return  # the connection tries again on its own schedule, not the poll's
        # On failure the next poll tries again; a screen that needs the platform says
        # why. A platform out of reach is noticed by the client's hook, which this
        # poll makes sure happens within a poll's time even when the candidate is idle.
        with contextlib.suppress(PlatformError):
            self.unread = await client.unread_count()

    # --- the connection ---------------------------------------------------------------

    def _link_changed(self, status: LinkStatus) -> None:
        """Tell the candidate how the app stands with the platform, on every change."""
        before, self.link = self.link, status
        client = self.connection.connected_client
        if client is not None and self._platform_label is None:
            self._platform_label = client.platform_label  # the e-mail follows (_welcome)
        self._say_link()
        self._update_header()
        if status.phase == "waiting" and self._countdown is None:
            self._countdown = self.set_interval(1.0, self._say_link, name="reconnect-countdown")
        elif status.phase != "waiting" and self._countdown is not None:
            self._countdown.stop()
            self._countdown = None
        notice = change_notice(before, status)
        if notice is not None:
            from gpseeker.core.text import clean_line

            # The reason may quote the server (a URL, its error text): never markup.
            self.notify(
                clean_line(notice.message),
                title=notice.title,
                severity=notice.severity,
                timeout=notice.seconds,
                markup=False,
            )
        if client is not None:
            if before.ever_connected:
                self.refresh_unread()
            else:
                self._welcome(client)

    def _say_link(self) -> None:
        self.link_words = status_words(
            self.link, self.connection.clock(), format_key(RECONNECT_KEY)
        )

    def action_reconnect(self) -> None:
        """Try to reach the platform now instead of at the end of the wait."""
        if self.connection.status.connected:
            self.notify("gpseeker is connected to the platform.", markup=False)
        elif not self.connection.retry_now():
            self.notify("gpseeker is trying to reach the platform now.", markup=False)

    @work(group="connect-welcome", exit_on_error=False)
    async def _welcome(self, client: PlatformClient) -> None:
        """Once, at the first connection: what opening it repaired, who is signed in,
        the unread poll and the policy check."""
        for notice in client.notices:
            self.show_file_notice(notice)
        # The client leaves a large, long-lived heap (httpx, pydantic schemas, Textual's
        # widgets). Freezing it keeps the cyclic GC from walking it again on every full
        # collection, which otherwise stalls a repaint. No collection first: walking
        # that heap once here cost 60-70 ms of the event loop, for little garbage.
        gc.freeze()
        self._platform_label = await self._describe(client)
        self._update_header()
        # Only once connected, so never before the first paint.
        self.refresh_unread()
        self.set_interval(UNREAD_POLL_SECONDS, self.refresh_unread, name="unread-poll")
        if self.config_dir is not None:
            self.check_policy(client)

    @work(group="policy", exit_on_error=False)
    async def check_policy(self, client: PlatformClient) -> None:
        """Once connected: tell the candidate if the privacy policy changed since."""
        from gpseeker.widgets.policy_view import check_policy_change

        assert self.config_dir is not None
        await check_policy_change(self, client, self.config_dir, self.connector.server)

    @staticmethod
    async def _describe(client: PlatformClient) -> str:
        """ "Local demo platform · you@example.com": where, and signed in as whom."""
        from gpseeker.client import PlatformError

        try:
            account = await client.me()
        except PlatformError:
            return client.platform_label
        return f"{client.platform_label} · {account.email}"

    async def _open_client(self) -> PlatformClient:
        try:
            return await self.connector.connect()
        except SignInRequired as required:
            from gpseeker.screens.sign_in import SignInScreen  # only remote platforms need it

            return await self.push_screen_wait(SignInScreen(self.connector, str(required)))

    async def on_unmount(self) -> None:
        await self.connection.aclose()

    def watch_theme(self, theme: str) -> None:
        """Keep a theme the candidate chose; a failed write is a notice, not a crash."""
        if self._save_theme is None or theme == self._saved_theme:
            return
        try:
            notice = self._save_theme(theme)
        except OSError as error:
            from gpseeker.local.local_files import FileNotice, why_unwritable

            where = Path(self.config_dir or "", "settings.toml")
            message = (
                f"The {theme} theme applies until you quit, but it could not be kept "
                f"in {where}: {why_unwritable(error)}."
            )
            self.show_file_notice(FileNotice(where, message), title="Theme not saved")
            return
        self._saved_theme = theme
        if notice is not None:
            self.show_file_notice(notice, title="Settings file set aside")

    def action_help(self) -> None:
        if isinstance(self.screen, HelpScreen):
            return
        title = self.screen.TITLE if isinstance(self.screen, MainScreen) else "current"
        self.push_screen(HelpScreen(title or "current", self._keys_of_screen()))

    def _keys_of_screen(self) -> list[tuple[str, str]]:
        """Each action once, with all its keys: "F1, ?  Help"."""
        keys_by_description: dict[str, list[str]] = {}
        for key, active in self.screen.active_bindings.items():
            if key.startswith("super+"):
                continue  # a macOS-only twin of ctrl+c
            description = active.binding.description or active.binding.action
            keys_by_description.setdefault(description, []).append(format_key(key))
        return [(", ".join(keys), text) for text, keys in keys_by_description.items()]

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        # The navigation keys read "Go to Jobs (F2)" here; the screens' own keys come
        # from ScreenCommands.
        for room in ROOMS:
            yield SystemCommand(
                f"Go to {room.title}",
                f"Open the {room.title} screen ({room.key.upper()})",
                lambda mode=room.mode: self.switch_mode(mode),
            )
        yield SystemCommand("Help", "List the keys of this screen (F1 or ?)", self.action_help)
        yield SystemCommand(
            "Reconnect now",
            f"Try to reach the platform again now, without waiting ({format_key(RECONNECT_KEY)})",
            self.action_reconnect,
        )


def run_app(server: str | None = None, *, start: AppStart | None = None) -> None:
    """Start the app on `server`, or on the local demo platform when there is none;
    `start` is what the command line has read already (`composition.app_start`).

    Raises `composition.NotAServerURL` for a server that is not an http(s) URL."""
    from gpseeker import composition
    from gpseeker.local.config import save_setting

    start = start or composition.app_start(server)
    settings = start.settings
    app = GPSeekerApp(
        composition.connector(start.server, paths=start.paths, settings=settings),
        data_dir=start.paths.data_dir,
        theme=settings.theme,
        save_theme=lambda theme: save_setting("theme", theme),
        config_dir=start.paths.config_dir,
        cursor_blink=settings.blinks(),
        notices=start.notices,
        reconnect=Backoff.capped_at(settings.reconnect_max_seconds),
    )
    app.run()
