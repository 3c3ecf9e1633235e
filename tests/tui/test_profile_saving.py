"""Saving the profile when answers are slow or lost: the editor tells the truth.

The app's client reaches the in-process platform through a transport that can hold a
save on its way, or let it arrive and lose its answer (a timeout, a dropped
connection). What the candidate notices: "Saving…" while it waits, one save for
however many Ctrl+S, and "Profile saved." when it was, never "Not saved" or "Saved
elsewhere" for their own save.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from textual.widgets import Static

from gpseeker.app import GPSeekerApp
from gpseeker.client import PlatformClient, RetryPolicy
from gpseeker.local_platform.in_process import open_local_platform
from gpseeker.screens.privacy import PrivacyScreen
from gpseeker.screens.profile import ProfileScreen
from gpseeker.widgets.profile_form_dialogs import ChoiceDialog
from gpseeker.widgets.safe_text import SafeText
from tests.lost_answers import LosesAnswers

from .support import EmbeddedTestConnector, screen_text, server_settings, settle
from .test_profile import SIZE, notifications, open_profile, type_into, until

Lossy = Callable[[httpx.AsyncBaseTransport], LosesAnswers]


@dataclass
class LossyConnector(EmbeddedTestConnector):
    """The embedded platform, reached through a LosesAnswers transport, with retries
    as a remote platform has them (the embedded one never retries)."""

    lossy: Lossy = field(default=lambda inner: LosesAnswers(inner, lost=0))
    transport: LosesAnswers | None = None

    async def connect(self) -> PlatformClient:
        def lossy(inner: httpx.AsyncBaseTransport) -> LosesAnswers:
            self.transport = self.lossy(inner)
            return self.transport

        return await open_local_platform(
            self.home,
            tokens=self.tokens,
            server_settings=server_settings(),
            wrap=lossy,
            retry=RetryPolicy(attempts=3, base_delay=0),
        )


@pytest.fixture
async def elsewhere(tui_home: Path) -> AsyncIterator[PlatformClient]:
    """The same account from another device: what the platform really holds."""
    client = await open_local_platform(tui_home, server_settings=server_settings())
    yield client
    await client.aclose()


def app_over(home: Path, lossy: Lossy) -> tuple[GPSeekerApp, LossyConnector]:
    connector = LossyConnector(home, lossy=lossy)
    app = GPSeekerApp(connector, data_dir=home / "data")
    app.animation_level = "none"
    return app, connector


def version(etag: str) -> int:
    return int(etag.strip('"'))


def titles(app: GPSeekerApp) -> list[str]:
    return [notification.title for notification in app._notifications]


async def test_the_editor_says_saving_and_a_second_ctrl_s_does_not_send_again(
    tui_home: Path, elsewhere: PlatformClient
) -> None:
    hold = asyncio.Event()
    app, connector = app_over(tui_home, lambda inner: LosesAnswers(inner, lost=0, hold=hold))
    before = version((await elsewhere.get_profile()).etag)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot)
        await type_into(pilot, "#headline", "Patient engineer")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: connector.transport and connector.transport.sent, "it sends")
        saving = screen.query_one("#profile-saving", Static)
        assert saving.display
        assert str(saving.content).startswith("Saving…")
        assert "Saving…" in screen_text(app)

        await pilot.press("ctrl+s")  # impatient: the save on its way must go on
        await pilot.pause()
        assert "still being saved" in notifications(app)

        hold.set()
        await settle(app, pilot)
        assert not saving.display
        assert "Profile saved." in notifications(app)
        assert "unsaved changes" not in app.sub_title
        assert "Not saved" not in titles(app)
    assert connector.transport is not None and len(connector.transport.sent) == 1
    saved = await elsewhere.get_profile()
    assert saved.profile.headline == "Patient engineer"
    assert version(saved.etag) == before + 1


@pytest.mark.parametrize("lost_by", [httpx.ReadTimeout, httpx.RemoteProtocolError])
async def test_a_save_whose_answer_was_lost_is_reported_saved(
    tui_home: Path, elsewhere: PlatformClient, lost_by: type[httpx.TransportError]
) -> None:
    app, connector = app_over(tui_home, lambda inner: LosesAnswers(inner, error=lost_by))
    before = version((await elsewhere.get_profile()).etag)
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        await type_into(pilot, "#headline", "Saved on the first try")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not isinstance(app.screen, ChoiceDialog)  # no "Saved elsewhere" question
        assert "Profile saved." in notifications(app)
        assert "Not saved" not in titles(app)
        assert "unsaved changes" not in app.sub_title
    assert connector.transport is not None
    assert len(connector.transport.sent) == 2  # the lost try, and its retry: one key
    assert connector.transport.keys[0] == connector.transport.keys[1]
    saved = await elsewhere.get_profile()
    assert saved.profile.headline == "Saved on the first try"
    assert version(saved.etag) == before + 1


async def test_with_no_answer_at_all_it_says_not_confirmed_and_ctrl_s_finds_it_saved(
    tui_home: Path, elsewhere: PlatformClient
) -> None:
    app, connector = app_over(tui_home, lambda inner: LosesAnswers(inner, lost=3))
    before = version((await elsewhere.get_profile()).etag)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot)
        await type_into(pilot, "#headline", "Stored, unheard")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        # Lost answers also make the app reconnect, and its "Connected" may come
        # after this notice on a busy machine.
        assert "Not confirmed" in titles(app)
        assert "may have been saved" in notifications(app)
        assert "Not saved" not in titles(app)
        assert not screen.query_one("#profile-saving", Static).display

        await pilot.press("ctrl+s")  # the platform answers again now
        await settle(app, pilot)
        assert not isinstance(app.screen, ChoiceDialog)
        assert "Profile saved." in notifications(app)
        assert isinstance(app.screen, ProfileScreen)
    assert connector.transport is not None and len(set(connector.transport.keys)) == 1
    saved = await elsewhere.get_profile()
    assert saved.profile.headline == "Stored, unheard"
    assert version(saved.etag) == before + 1  # four tries, one save


async def test_a_resume_switch_with_no_answer_says_it_may_have_been_saved(
    tui_home: Path, elsewhere: PlatformClient
) -> None:
    app, _ = app_over(tui_home, lambda inner: LosesAnswers(inner, lost=3, path="/me/visibility"))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f6")
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, PrivacyScreen)
        await pilot.press("s")
        await settle(app, pilot)
        message = screen.query_one("#privacy-message", SafeText).text
        assert "may have been saved" in message
        assert "Could not" not in message
        assert "Not confirmed" in titles(app)
    # It was: the platform holds the switch the candidate asked for.
    assert (await elsewhere.get_visibility()).resume == "searchable"
