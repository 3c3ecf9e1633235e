"""Shared fixtures for the TUI tests: an app over the in-process platform.

Every test gets its own home (GPSEEKER_HOME=tmp_path), so the embedded platform's
SQLite file, the settings and the drafts live in the test's temporary directory.
Cursors do not blink and nothing animates, so Pilot tests and snapshots see the same
frame every run. The app is built as the CLI builds it, over a connector that opens
`open_local_platform(home)` (with cheap password hashing and a fixed platform
clock); the app closes the client when it exits. Data and screen-reading helpers are
in `support.py`.
"""

from __future__ import annotations

import os
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input, TextArea

from gpseeker.app import GPSeekerApp

from .support import FIXED_TODAY, EmbeddedTestConnector


@pytest.fixture(autouse=True)
def tui_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private home for the platform, settings and drafts of this test.

    Also Tokyo time, so that dates shown in local time read the same on any machine.
    """
    monkeypatch.setenv("GPSEEKER_HOME", str(tmp_path))
    monkeypatch.delenv("GPSEEKER_SERVER", raising=False)
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    yield tmp_path
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.fixture(autouse=True)
def demo_employers_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """The local platform's demo employers invite a searchable candidate a few seconds
    after the switch: here only in the test that asks for it (by shortening the
    delay), so that no other test finds invitations it did not send."""
    monkeypatch.setattr("gpseeker.local_platform.demo.DEMO_DELAY", 3600.0)


@pytest.fixture
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """The privacy preview computes ages and years for FIXED_TODAY, the platform's day."""
    monkeypatch.setattr("gpseeker.screens.privacy.today", lambda: FIXED_TODAY)


@pytest.fixture(autouse=True)
def no_cursor_blink(monkeypatch: pytest.MonkeyPatch) -> None:
    # A plain False in place of the reactive: the blink timer is never started, so a
    # snapshot never catches the cursor half-way.
    monkeypatch.setattr(Input, "cursor_blink", False)
    monkeypatch.setattr(TextArea, "cursor_blink", False)


AppFactory = Callable[..., GPSeekerApp]


@pytest.fixture
def make_app(tui_home: Path) -> AppFactory:
    """Build GPSeekerApp over the embedded platform in `tui_home`, as the CLI does.

    Keyword arguments go to GPSeekerApp (e.g. theme="gpseeker-high-contrast"). Works
    for Pilot tests (`async with app.run_test()`) and for snap_compare, which runs
    the app in its own event loop: the platform is opened inside the app's loop by
    the app's own connect worker, and closed by the app when it exits.
    """

    def factory(**options: Any) -> GPSeekerApp:
        connector = EmbeddedTestConnector(tui_home)
        app = GPSeekerApp(connector, data_dir=tui_home / "data", **options)
        app.animation_level = "none"
        return app

    return factory


@pytest.fixture
async def app(make_app: AppFactory) -> AsyncIterator[GPSeekerApp]:
    """The app with the default theme; drive it with `async with app.run_test()`."""
    yield make_app()
