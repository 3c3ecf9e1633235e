"""The app reconnects by itself: started while the platform is down, or after losing it
mid-session, it says so in words with a countdown, retries on F8 (and from the
palette), and shows the jobs list (and every screen that failed) once the platform
answers, keeping whatever was typed meanwhile.

The platform is a real server app in this process, behind a transport that the test
switches off and on: off, every request fails as a refused connection does.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from gpseeker.app import GPSeekerApp
from gpseeker.client import PlatformClient
from gpseeker.connect import RemoteConnector
from gpseeker.local.config import StoredToken, TokenStore
from gpseeker.screens.applications import NONE_YET, ApplicationsScreen
from gpseeker.screens.apply_dialog import ApplyDialog
from gpseeker.screens.help import HelpScreen
from gpseeker.screens.jobs import JobsScreen
from gpseeker.server import create_app
from gpseeker.server.app import FastAPI
from gpseeker.ui.reconnect import Backoff
from gpseeker.widgets.connection_line import ConnectionLine
from gpseeker.widgets.job_list import JobList
from gpseeker.widgets.safe_text import SafeText

from .support import screen_text, server_settings, settle

SERVER = "http://platform.test"
EMAIL = "aiko@example.org"
PASSWORD = "correct horse battery staple"
SIZE = (100, 30)


class SwitchableTransport(httpx.AsyncBaseTransport):
    """The platform in this process, unless `down`: then a refused connection."""

    def __init__(self, platform: FastAPI) -> None:
        self.inner = httpx.ASGITransport(app=platform)
        self.down = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            # As httpcore raises it: a ConnectError caused by ConnectionRefusedError.
            refused = ConnectionRefusedError(111, "Connection refused")
            raise httpx.ConnectError("All connection attempts failed", request=request) from refused
        return await self.inner.handle_async_request(request)


@dataclass(frozen=True)
class Steady(Backoff):
    """The waits without jitter, so that the countdown's words are known."""

    def delay(self, failures: int, chance: object = None) -> float:
        return min(self.cap, self.first * 2.0 ** (failures - 1))


@pytest.fixture
async def platform(tmp_path: Path) -> AsyncIterator[FastAPI]:
    app = create_app(
        f"sqlite+aiosqlite:///{tmp_path / 'remote.sqlite3'}", settings=server_settings()
    )
    await app.state.platform.start()
    await app.state.platform.seed_demo()
    yield app
    await app.state.platform.aclose()


@pytest.fixture
async def transport(platform: FastAPI, tui_home: Path) -> SwitchableTransport:
    """The platform's way in, with a candidate signed up and their sign-in kept."""
    transport = SwitchableTransport(platform)
    client = await PlatformClient.signup(
        SERVER, EMAIL, PASSWORD, "Aiko Tanaka", transport=transport
    )
    async with client:
        assert client.token is not None
        tokens = TokenStore(tui_home / "tokens.json")
        tokens.save(SERVER, "seeker", StoredToken(token=client.token, email=EMAIL))
    return transport


def remote_app(home: Path, transport: SwitchableTransport, backoff: Backoff) -> GPSeekerApp:
    connector = RemoteConnector(
        SERVER, tokens=TokenStore(home / "tokens.json"), transport=transport
    )
    app = GPSeekerApp(connector, data_dir=home / "data", reconnect=backoff)
    app.animation_level = "none"
    return app


def status_line(app: GPSeekerApp) -> str:
    line = app.screen.query_one(ConnectionLine)
    return line.text if line.display else ""


def notifications(app: GPSeekerApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


def jobs_status(app: GPSeekerApp) -> str:
    return app.screen.query_one("#job-status", SafeText).text


async def until(
    app: GPSeekerApp, pilot: Pilot[None], condition: Callable[[], object], what: str
) -> None:
    """Wait (up to 15 s) until `condition`; a reconnect by itself takes a wait or two."""
    for _ in range(300):
        if condition():
            await pilot.pause()
            return
        await pilot.pause(0.05)
    raise AssertionError(f"timed out waiting until {what}; the screen was:\n{screen_text(app)}")


async def test_started_while_down_it_counts_down_retries_on_f8_and_shows_jobs_when_back(
    tui_home: Path, transport: SwitchableTransport
) -> None:
    transport.down = True
    app = remote_app(tui_home, transport, Steady(first=4.0, cap=30.0))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: app.link.phase == "waiting", "the first try has failed")
        await settle(app, pilot)
        line = status_line(app)
        assert line.startswith(
            "Platform unreachable: reconnecting in 4 s — press F8 to retry now."
        ), line
        assert "connection refused" in line  # why, in the client's words
        assert "Platform unreachable: reconnecting in 4 s" in screen_text(app)
        assert "not connected" in app.sub_title
        assert "Cannot reach the platform" in [n.title for n in app._notifications]
        assert "Could not" in jobs_status(app)

        # The countdown moves by itself, a second at a time.
        await until(app, pilot, lambda: "reconnecting in 3 s" in status_line(app), "3 s are left")

        # F8 tries at once; it fails again, and the next wait is twice as long.
        await pilot.press("f8")
        await settle(app, pilot)
        assert "reconnecting in 8 s" in status_line(app)

        # Typed while the platform is away: kept, and searched for once it is back.
        await pilot.press(*"engineer")
        await settle(app, pilot)
        assert "Could not search" in jobs_status(app)

        transport.down = False
        await pilot.press("f8")
        await settle(app, pilot)
        assert app.link.connected
        assert status_line(app) == ""
        assert "Platform unreachable" not in screen_text(app)
        assert "platform.test · aiko@example.org" in app.sub_title
        screen = app.screen
        assert isinstance(screen, JobsScreen)
        assert screen.query_one("#job-search", Input).value == "engineer"
        assert screen.query_one(JobList).jobs, "the jobs list appears without a restart"
        assert "for “engineer”" in jobs_status(app)
        assert "Connected to the platform." in notifications(app)


async def test_it_reconnects_by_itself_and_every_screen_that_failed_loads(
    tui_home: Path, transport: SwitchableTransport
) -> None:
    transport.down = True
    app = remote_app(tui_home, transport, Backoff(first=0.4, cap=0.8))
    async with app.run_test(size=SIZE) as pilot:
        await until(app, pilot, lambda: app.link.phase == "waiting", "the first try has failed")
        await pilot.press("f3")
        await settle(app, pilot)
        applications = app.screen
        assert isinstance(applications, ApplicationsScreen)
        said = applications.query_one("#applications-status", SafeText)
        await until(app, pilot, lambda: "Could not load" in said.text, "F3 says why it is empty")

        transport.down = False  # nothing pressed from here on
        await until(app, pilot, lambda: app.link.connected, "it has reconnected by itself")
        await settle(app, pilot)
        assert said.text == NONE_YET
        await pilot.press("f2")
        await settle(app, pilot)
        assert app.screen.query_one(JobList).jobs


async def test_losing_the_platform_mid_session_keeps_the_open_form_and_recovers(
    tui_home: Path, transport: SwitchableTransport
) -> None:
    app = remote_app(tui_home, transport, Backoff(first=0.5, cap=1.0))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.link.connected
        jobs = app.screen
        assert isinstance(jobs, JobsScreen)
        assert jobs.query_one(JobList).jobs
        jobs.query_one(JobList).focus()
        await pilot.press("a")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ApplyDialog)
        note = dialog.query_one("#apply-note", TextArea)
        note.focus()
        await pilot.press(*"I would love to join")

        transport.down = True
        # The unread poll is the request that meets the loss while nobody types.
        app.refresh_unread()
        await until(app, pilot, lambda: not app.link.connected, "the loss is noticed")
        assert "Connection lost" in [n.title for n in app._notifications]
        assert "Platform unreachable: reconnecting" in status_line_under(app)
        assert app.screen is dialog, "the open dialog stays open"

        transport.down = False
        await until(app, pilot, lambda: app.link.connected, "it has reconnected by itself")
        await settle(app, pilot)
        assert app.screen is dialog
        assert note.text == "I would love to join"
        assert "Connected to the platform again." in notifications(app)
        assert status_line_under(app) == ""


async def test_a_request_that_fails_mid_session_flips_the_app_and_the_search_comes_back(
    tui_home: Path, transport: SwitchableTransport
) -> None:
    app = remote_app(tui_home, transport, Steady(first=30.0, cap=60.0))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        transport.down = True
        await pilot.press(*"python")
        await settle(app, pilot)
        assert app.link.phase == "waiting"
        assert "reconnecting in 30 s" in status_line(app)
        assert "Could not search" in jobs_status(app)

        transport.down = False
        # The retry key from the command palette does what F8 does.
        await pilot.press("ctrl+p")
        await pilot.press(*"Reconnect now")
        await pilot.pause(0.3)
        assert "Reconnect now" in screen_text(app)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.link.connected
        await settle(app, pilot)
        assert app.screen.query_one("#job-search", Input).value == "python"
        assert "for “python”" in jobs_status(app)


async def test_f8_while_connected_says_so(tui_home: Path, transport: SwitchableTransport) -> None:
    app = remote_app(tui_home, transport, Backoff())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f8")
        await pilot.pause()
        assert "gpseeker is connected to the platform." in notifications(app)
        await pilot.press("f1")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        listed = str(help_screen.query_one(Static).content)
        assert re.search(r"^F8 +Reconnect now$", listed, re.MULTILINE), "F1 lists the key"


def status_line_under(app: GPSeekerApp) -> str:
    """The status line of the main screen under a dialog, as the dialog's margin shows it."""
    screen = app.screen_stack[-2] if len(app.screen_stack) > 1 else app.screen
    line = screen.query_one(ConnectionLine)
    return line.text if line.display else ""
