"""Creating an account on a remote platform asks for the code mailed to the address
(and can ask for a new one), keeping what was typed after each refusal; and wrong
passwords are answered with when to try again, in words."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from textual.pilot import Pilot
from textual.widgets import Input, Static

from gpseeker.app import GPSeekerApp
from gpseeker.client import PlatformClient
from gpseeker.connect import RemoteConnector
from gpseeker.local.config import TokenStore
from gpseeker.server import create_app
from tests.signup_mail import signup_code

from .support import FIXED_NOW, screen_text, server_settings, settle

SERVER = "http://platform.test"
PASSWORD = "correct horse battery staple"


@dataclasses.dataclass
class Clock:
    now: dt.datetime = FIXED_NOW

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def platform(tmp_path: Path, clock: Clock) -> AsyncIterator[FastAPI]:
    """A remote platform that confirms addresses, mailing into a Maildir."""
    settings = dataclasses.replace(
        server_settings(), require_email_verification=True, mail_dir=tmp_path / "mail", now=clock
    )
    app = create_app(f"sqlite+aiosqlite:///{tmp_path / 'remote.sqlite3'}", settings=settings)
    await app.state.platform.start()
    yield app
    await app.state.platform.aclose()


def remote_app(tui_home: Path, platform: FastAPI) -> tuple[GPSeekerApp, TokenStore]:
    tokens = TokenStore(tui_home / "tokens.json")
    transport = httpx.ASGITransport(app=platform)
    connector = RemoteConnector(SERVER, tokens=tokens, transport=transport)
    return GPSeekerApp(connector, data_dir=tui_home / "data"), tokens


def status(app: GPSeekerApp) -> str:
    """The sign-in screen's status line, whole (the screen wraps it)."""
    return str(app.screen.query_one("#sign-in-error", Static).content)


async def try_to_sign_in(pilot: Pilot[None]) -> str:
    """Enter in the password box, and wait for the platform's answer (a refused try
    comes after a pause); the status line then. Not `settle`: the app's connecting
    worker waits for this screen to end."""
    pilot.app.screen.query_one("#sign-in-error", Static).update("")
    pilot.app.screen.query_one("#password", Input).focus()
    await pilot.press("enter")
    for _ in range(200):
        await pilot.pause(0.02)
        shown = status(pilot.app)
        if shown and not shown.endswith("…"):
            return shown
    raise AssertionError(f"no answer to the sign-in: {status(pilot.app)!r}")


def fill(app: GPSeekerApp, **fields: str) -> None:
    for name, value in fields.items():
        app.screen.query_one(f"#{name.replace('_', '-')}", Input).value = value


async def test_creating_an_account_asks_for_the_mailed_code(
    tui_home: Path, platform: FastAPI, tmp_path: Path, clock: Clock
) -> None:
    app, tokens = remote_app(tui_home, platform)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        assert "Confirm code" not in screen_text(app)  # no code awaited yet
        fill(app, email="kai@example.org", password=PASSWORD, full_name="Kai Tanaka")
        await pilot.press("ctrl+n")
        await pilot.pause(0.5)
        assert "We sent a mail to kai@example.org" in status(app)
        assert "We sent a mail" in screen_text(app)  # in view at 80x24
        assert app.focused is app.screen.query_one("#code", Input)
        assert "^o Confirm code" in screen_text(app) and "^r New code" in screen_text(app)

        fill(app, code="99999x")
        await pilot.press("enter")
        await pilot.pause(0.5)
        assert "Error: That is not the code in the mail" in screen_text(app)
        assert "this code allows 4 more tries" in status(app)
        assert app.screen.query_one("#code", Input).value == "99999x"  # kept

        await pilot.press("ctrl+r")  # too soon after the first mail
        await pilot.pause(0.5)
        assert "Try again in 1 minute." in status(app)
        clock.now += dt.timedelta(minutes=1)
        await pilot.press("ctrl+r")
        await pilot.pause(0.5)
        assert "a new code is on its way" in status(app)

        fill(app, code=signup_code(tmp_path / "mail", "kai@example.org"))
        await pilot.press("ctrl+o")
        await pilot.pause(0.5)
        await settle(app, pilot)
        assert "platform.test · kai@example.org" in screen_text(app)
    stored = tokens.get(SERVER, "seeker")
    assert stored is not None and stored.email == "kai@example.org"


async def test_wrong_passwords_say_when_to_try_again(
    tui_home: Path, platform: FastAPI, tmp_path: Path
) -> None:
    transport = httpx.ASGITransport(app=platform)
    await PlatformClient.request_signup(
        SERVER, "aiko@example.org", PASSWORD, "Aiko", transport=transport
    )
    code = signup_code(tmp_path / "mail", "aiko@example.org")
    await (
        await PlatformClient.confirm_signup(SERVER, "aiko@example.org", code, transport=transport)
    ).aclose()
    app, _tokens = remote_app(tui_home, platform)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.2)
        fill(app, email="aiko@example.org", password="not her password")
        answers = [await try_to_sign_in(pilot) for _ in range(6)]
        assert answers[0] == "Error: The e-mail address or password is wrong."
        assert "try again in 1 second." in answers[5]
        await try_to_sign_in(pilot)  # too early
        assert "Error: Too many wrong tries" in screen_text(app)
        assert "Try again in 1 second." in status(app)
        assert app.screen.query_one("#email", Input).value == "aiko@example.org"


def test_sign_up_code_step_80x24(
    snap_compare: Callable[..., bool], tui_home: Path, tmp_path: Path
) -> None:
    """After Create account on a platform that confirms addresses: under "Sign in to
    http://platform.test" and the line for new people, the platform's words "We sent
    a mail to kai@example.org. Type the code it holds to finish signing up; it works
    for 30 minutes. If this address has an account already, the mail says so
    instead: then sign in with its password." (plain, not an error), then "Code from
    the e-mail (to finish creating the account)" with the cursor in the empty code
    box (its dim placeholder "the 6 digits in the mail") and the buttons Confirm code
    and Send a new code; the e-mail box below keeps kai@example.org. The footer adds
    ^o Confirm code and ^r New code."""
    settings = dataclasses.replace(
        server_settings(), require_email_verification=True, mail_dir=tmp_path / "mail"
    )
    platform = create_app(f"sqlite+aiosqlite:///{tmp_path / 'remote.sqlite3'}", settings=settings)
    app, _tokens = remote_app(tui_home, platform)

    async def run_before(pilot: Pilot[None]) -> None:
        # Started and closed on the app's own event loop, where its requests run.
        await platform.state.platform.start()
        try:
            await pilot.pause(0.2)
            fill(pilot.app, email="kai@example.org", password=PASSWORD, full_name="Kai Tanaka")
            await pilot.press("ctrl+n")
            # Not `settle`: the app's connecting worker waits for this screen to end.
            for _ in range(100):
                await pilot.pause(0.1)
                if "We sent a mail" in status(pilot.app):
                    break
            await pilot.pause()
        finally:
            await platform.state.platform.aclose()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
