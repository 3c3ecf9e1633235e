"""The shell: first paint before the platform, the header, help, palette, themes,
navigation keys, and signing in to a remote platform."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from textual.widgets import Input, TextArea

from gpseeker.app import GPSeekerApp
from gpseeker.client import PlatformClient
from gpseeker.connect import RemoteConnector
from gpseeker.local.config import TokenStore, load_settings, save_setting
from gpseeker.screens.help import HelpScreen
from gpseeker.screens.registry import SCREENS, screen_class
from gpseeker.server import create_app
from gpseeker.server.app import FastAPI
from gpseeker.ui.commands import screen_actions

from .conftest import AppFactory
from .support import EmbeddedTestConnector, screen_text, server_settings, settle, until

SERVER = "http://platform.test"
PASSWORD = "correct horse battery staple"


class SlowConnector(EmbeddedTestConnector):
    """The embedded platform, held back until the test lets it through."""

    def __init__(self, home: Path) -> None:
        super().__init__(home)
        self.release = asyncio.Event()

    async def connect(self) -> PlatformClient:
        await self.release.wait()
        return await super().connect()


async def test_first_screen_paints_before_the_platform_is_there(tui_home: Path) -> None:
    connector = SlowConnector(tui_home)
    app = GPSeekerApp(connector, data_dir=tui_home / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "[F2 Jobs]" in text
        assert "connecting to the platform" in text
        connector.release.set()
        await settle(app, pilot)
        assert "Local demo platform · you@example.com" in screen_text(app)


async def test_help_lists_the_keys_of_the_screen_it_was_opened_from(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 50)) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        await settle(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Keys on the Privacy screen" in text
        assert "F5" in text and "Go to Profile" in text
        assert "Lock" in text  # the privacy screen's own key
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def test_the_palette_offers_every_described_key_of_every_screen() -> None:
    titles = {item.title for item in screen_actions()}
    for mode in SCREENS:
        screen = screen_class(mode)
        for binding in screen.BINDINGS:
            if getattr(binding, "description", ""):
                assert any(
                    title.startswith(f"{screen.TITLE}: {binding.description} (")  # type: ignore[union-attr]
                    for title in titles
                ), f"{mode}: {binding} is not in the command palette"


async def test_a_palette_command_of_another_screen_switches_there_and_runs(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        assert app.current_mode == "jobs"
        await pilot.press("ctrl+p")
        await pilot.pause()
        for character in "Privacy: Searchable":
            await pilot.press(character if character != " " else "space")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.current_mode == "privacy"
        client = await app.client()
        assert (await client.get_visibility()).resume == "searchable"


async def test_navigation_keys_work_even_from_inside_a_text_area(make_app: AppFactory) -> None:
    """TextArea binds F6 and F7 itself; the user must still be able to leave."""
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        app.screen.query_one(TextArea).focus()
        await pilot.pause()
        await pilot.press("f6")
        await settle(app, pilot)
        assert app.current_mode == "privacy"


async def test_the_chosen_theme_is_remembered_in_the_settings_file(tui_home: Path) -> None:
    app = GPSeekerApp(
        EmbeddedTestConnector(tui_home),
        data_dir=tui_home / "data",
        theme=load_settings().theme,
        save_theme=lambda theme: save_setting("theme", theme),
    )
    assert {"gpseeker-dark", "gpseeker-light", "gpseeker-high-contrast"} <= set(
        app.available_themes
    )
    assert not any(name.startswith("ansi-") for name in app.available_themes)
    async with app.run_test(size=(80, 24)) as pilot:
        # Connected first: this test is about the theme, and quitting while the
        # embedded platform was still opening once left a task that never ended on
        # cancel, stalling the event loop's close after a long full run.
        await settle(app, pilot)
        app.theme = "gpseeker-high-contrast"
        await pilot.pause()
    assert load_settings().theme == "gpseeker-high-contrast"
    assert 'theme = "gpseeker-high-contrast"' in (tui_home / "config" / "settings.toml").read_text()


def test_animations_are_off_unless_asked_for(
    tui_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TEXTUAL_ANIMATIONS", raising=False)
    app = GPSeekerApp(EmbeddedTestConnector(tui_home), data_dir=tui_home / "data")
    assert app.animation_level == "none"


# --- a remote platform -----------------------------------------------------------------


@pytest.fixture
async def platform(tmp_path: Path) -> AsyncIterator[FastAPI]:
    app = create_app(
        f"sqlite+aiosqlite:///{tmp_path / 'remote.sqlite3'}", settings=server_settings()
    )
    await app.state.platform.start()
    yield app
    await app.state.platform.aclose()


async def test_sign_in_to_a_remote_platform_keeps_what_was_typed_after_a_refusal(
    tui_home: Path, platform: FastAPI
) -> None:
    transport = httpx.ASGITransport(app=platform)
    signed_up = await PlatformClient.signup(
        SERVER, "aiko@example.org", PASSWORD, "Aiko Tanaka", transport=transport
    )
    await signed_up.aclose()
    tokens = TokenStore(tui_home / "tokens.json")
    connector = RemoteConnector(SERVER, tokens=tokens, transport=transport)
    app = GPSeekerApp(connector, data_dir=tui_home / "data")
    async with app.run_test(size=(80, 24)) as pilot:
        await until(
            pilot,
            lambda: "Sign in to http://platform.test" in screen_text(app),
            "the sign-in screen shows",
        )
        app.screen.query_one("#email", Input).value = "aiko@example.org"
        app.screen.query_one("#password", Input).value = "wrong password!"
        await pilot.click("#sign-in")
        refusal = "The e-mail address or password is wrong."
        await until(pilot, lambda: refusal in screen_text(app), "the refusal shows")
        assert app.screen.query_one("#email", Input).value == "aiko@example.org"

        password = app.screen.query_one("#password", Input)
        password.value = PASSWORD
        # At 80x24 the refusal's lines push the buttons below the fold: sign in from
        # the keyboard, as the form allows.
        password.focus()
        await pilot.press("enter")
        await until(
            pilot,
            lambda: "platform.test · aiko@example.org" in screen_text(app),
            "the app is signed in",
        )
        await settle(app, pilot)
    stored = tokens.get(SERVER, "seeker")
    assert stored is not None and stored.email == "aiko@example.org"
