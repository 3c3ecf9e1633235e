"""The Account screen, driven by keys against the embedded platform: subscriptions
with one confirmation, the export file, the disclosure log and its requests to forget,
the privacy-policy notice, and deleting the account.

Each test checks what the candidate would notice (words on the screen, the dialog,
a notification) and what the platform or the disk now holds.
"""

from __future__ import annotations

import contextlib
import json
import stat
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from gpseeker.app import GPSeekerApp
from gpseeker.client import AuthError, PlatformClient
from gpseeker.client.embedded import BASE_URL
from gpseeker.core.models import ApplicationRequest, SubscriptionsUpdate
from gpseeker.local.config import TokenStore
from gpseeker.local.known_jobs import KNOWN_JOBS_FILE
from gpseeker.local.policy_notice import SEEN_FILE
from gpseeker.local_platform.in_process import database_url
from gpseeker.screens.account import AccountScreen
from gpseeker.server import create_app
from gpseeker.widgets.account_dialogs import (
    DeleteAccountDialog,
    ExportDialog,
    UnsubscribeDialog,
)
from gpseeker.widgets.disclosure_log_table import DisclosureLogTable
from gpseeker.widgets.policy_view import PolicyChangedDialog
from gpseeker.widgets.safe_text import SafeText

from .conftest import AppFactory
from .jobs_helpers import fixed_job_clock, post  # noqa: F401 (autouse fixture)
from .support import (
    FIXED_TODAY,
    candidate_profile,
    employer,
    save_profile,
    screen_text,
    server_settings,
    settle,
)


@pytest.fixture(autouse=True)
def documents(tui_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A Documents folder of the test's own, and the export file's date fixed."""
    folder = tui_home / "Documents"
    folder.mkdir()
    monkeypatch.setattr("platformdirs.user_documents_path", lambda: folder)
    monkeypatch.setattr("gpseeker.screens.account_data.today", lambda: FIXED_TODAY)
    return folder


@contextlib.asynccontextmanager
async def platform(home: Path) -> AsyncIterator[httpx.ASGITransport]:
    """The same platform (the same SQLite file) as the app's, after the app has gone."""
    server = create_app(database_url(home), settings=server_settings())
    await server.state.platform.start()
    try:
        yield httpx.ASGITransport(app=server)
    finally:
        await server.state.platform.aclose()


def exit_messages(app: GPSeekerApp) -> list[str]:
    """What the app will say as it closes (Textual prints and forgets it on exit)."""
    said: list[str] = []
    real_exit = app.exit

    def exit(*args: object, **options: object) -> None:
        said.append(str(options.get("message")))
        real_exit(*args, **options)  # type: ignore[arg-type]

    app.exit = exit  # type: ignore[method-assign]
    return said


def notifications(app: GPSeekerApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


def account(app: GPSeekerApp) -> AccountScreen:
    screen = app.screen
    assert isinstance(screen, AccountScreen), screen
    return screen


def mail_state(app: GPSeekerApp) -> str:
    screen = account(app)
    return "\n".join(
        screen.query_one(f"#{which}-state", SafeText).text for which in ("jobmail", "newsletters")
    )


async def open_account(app: GPSeekerApp, pilot: Pilot[None]) -> AccountScreen:
    await pilot.press("f7")
    await settle(app, pilot)
    return account(app)


async def subscribe_jobmail(app: GPSeekerApp) -> None:
    client = await app.client()
    await client.set_subscriptions(SubscriptionsUpdate(jobmail=True, via="app"))


# --- subscriptions ---------------------------------------------------------------------


async def test_unsubscribe_asks_once_with_the_address_then_says_not_subscribed(
    app: GPSeekerApp,
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await subscribe_jobmail(app)
        await open_account(app, pilot)
        assert "JobMail: subscribed, weekly — consent given 2025-06-01" in mail_state(app)
        assert "Newsletters: not subscribed" in mail_state(app)

        await pilot.press("j")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, UnsubscribeDialog)
        question = dialog.query_one("#unsubscribe-question", SafeText).text
        assert question == "Are you sure you want to unsubscribe you@example.com?"
        assert question in screen_text(app)

        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AccountScreen)
        assert "JobMail: not subscribed" in mail_state(app)
        assert "JobMail: not subscribed" in screen_text(app)
        assert "Unsubscribed you@example.com from JobMail." in notifications(app)
        assert not (await (await app.client()).subscriptions()).jobmail.subscribed


async def test_cancelling_the_unsubscribe_leaves_it_subscribed(app: GPSeekerApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await subscribe_jobmail(app)
        await open_account(app, pilot)
        await pilot.press("j")
        await settle(app, pilot)
        assert isinstance(app.screen, UnsubscribeDialog)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, AccountScreen)
        assert "JobMail: subscribed, weekly" in mail_state(app)
        assert (await (await app.client()).subscriptions()).jobmail.subscribed


async def test_newsletters_subscribe_and_jobmail_frequency(app: GPSeekerApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await subscribe_jobmail(app)
        await open_account(app, pilot)
        await pilot.press("n")
        await settle(app, pilot)
        assert "Newsletters: subscribed — consent given 2025-06-01" in mail_state(app)
        await pilot.press("f")
        await settle(app, pilot)
        assert "JobMail: subscribed, daily" in mail_state(app)
        saved = await (await app.client()).subscriptions()
        assert saved.newsletters.subscribed and saved.jobmail_frequency == "daily"


# --- export ----------------------------------------------------------------------------


async def test_export_writes_the_file_0600_and_says_where(
    app: GPSeekerApp, documents: Path
) -> None:
    expected = documents / "gpseeker-export-2025-06-01.json"
    async with app.run_test(size=(80, 24)) as pilot:
        await open_account(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-path", Input).value == str(expected)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AccountScreen)
        assert stat.S_IMODE(expected.stat().st_mode) == 0o600
        data = json.loads(expected.read_text(encoding="utf-8"))
        assert data["account"]["email"] == "you@example.com"
        assert data["schema_version"] == 1
        assert expected.read_text(encoding="utf-8").startswith('{\n  "')  # indent 2
        assert f"Your data was written to {expected}" in notifications(app)


async def test_export_asks_before_replacing_and_keeps_a_bad_path(
    app: GPSeekerApp, documents: Path
) -> None:
    existing = documents / "gpseeker-export-2025-06-01.json"
    existing.write_text("old", encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_account(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        await pilot.press("enter")
        await settle(app, pilot)
        message = dialog.query_one("#export-message", SafeText).text
        assert "A file already exists at" in message
        assert existing.read_text(encoding="utf-8") == "old"

        missing = str(documents / "nowhere" / "export.json")
        dialog.query_one("#export-path", Input).value = missing
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is dialog
        assert "does not exist" in dialog.query_one("#export-message", SafeText).text
        assert dialog.query_one("#export-path", Input).value == missing

        dialog.query_one("#export-path", Input).value = str(existing)
        await pilot.press("enter")  # asks again for this path
        await settle(app, pilot)
        await pilot.press("tab", "enter")  # Replace: a button, never Enter in the path
        await settle(app, pilot)
        assert isinstance(app.screen, AccountScreen)
        assert json.loads(existing.read_text(encoding="utf-8"))["schema_version"] == 1


# --- the disclosure log ----------------------------------------------------------------


async def test_the_log_shows_employers_filters_and_asks_to_forget(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())
        client = await app.client()
        async with employer(tui_home, "Acme Robotics") as acme:
            await client.apply((await post(acme, "Robot Tamer")).id, ApplicationRequest())
        async with employer(tui_home, "Blue Harbour") as blue:
            await client.apply((await post(blue, "Harbour Pilot")).id, ApplicationRequest())
        await open_account(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        text = screen_text(app)
        assert "Acme Robotics" in text and "Blue Harbour" in text

        log = account(app).query_one(DisclosureLogTable)
        await pilot.press("slash", *"acme")
        await settle(app, pilot)
        assert [entry.employer_name for entry in log.shown] == ["Acme Robotics"]
        text = screen_text(app)
        assert "Acme Robotics" in text and "Blue Harbour" not in text

        await pilot.press("enter")  # to the table
        await pilot.press("x")
        await settle(app, pilot)
        assert "withdraws the application" in screen_text(app)
        await pilot.press("tab", "enter")  # focus is on Keep; the other button asks
        await settle(app, pilot)
        assert isinstance(app.screen, AccountScreen)
        assert log.current is not None
        assert log.current.erase_state == "pending"
        assert "waiting for the employer" in screen_text(app)
        [request] = await client.erase_requests()
        assert request.employer_name == "Acme Robotics"


async def test_block_from_the_log_adds_the_employer(app: GPSeekerApp, tui_home: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())
        client = await app.client()
        async with employer(tui_home, "Acme Robotics") as acme:
            await client.apply((await post(acme, "Robot Tamer")).id, ApplicationRequest())
        await open_account(app, pilot)
        await pilot.press("2", "b")
        await settle(app, pilot)
        names = [company.name for company in (await client.blocked_companies()).companies]
        assert "Acme Robotics" in names
        assert "Sakura Systems K.K." in names  # the automatic one is kept
        assert "Blocked: Acme Robotics." in notifications(app)


# --- the privacy policy ----------------------------------------------------------------


async def test_the_policy_tab_names_the_contact(app: GPSeekerApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_account(app, pilot)
        policy = await (await app.client()).policy()
        await pilot.press("3")
        await settle(app, pilot)
        summary = account(app).query_one("#policy-summary", SafeText).text
        assert f"version {policy.version}" in summary
        assert policy.contact.email in summary and policy.contact.operator in summary
        await pilot.press("t")
        await settle(app, pilot)
        assert policy.text.splitlines()[0][:40] in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, AccountScreen)


async def test_a_changed_policy_is_announced_once(make_app: AppFactory, tui_home: Path) -> None:
    config = tui_home / "config"
    config.mkdir(exist_ok=True)
    (config / SEEN_FILE).write_text(json.dumps({"embedded": "0.0-old"}), encoding="utf-8")
    app = make_app(config_dir=config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PolicyChangedDialog)
        text = screen_text(app)
        assert "The privacy policy changed" in text
        assert dialog.policy.version in text
        await pilot.press("enter")
        await settle(app, pilot)
        assert not isinstance(app.screen, PolicyChangedDialog)
    seen = json.loads((config / SEEN_FILE).read_text(encoding="utf-8"))
    assert seen["embedded"] == dialog.policy.version


async def test_no_notice_without_a_config_dir_or_on_first_sight(
    make_app: AppFactory, tui_home: Path
) -> None:
    config = tui_home / "config"
    app = make_app(config_dir=config)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert not isinstance(app.screen, PolicyChangedDialog)
    assert (config / SEEN_FILE).is_file()  # remembered for next time


# --- sign out and delete -----------------------------------------------------------------


async def test_sign_out_revokes_and_forgets_the_token(app: GPSeekerApp, tui_home: Path) -> None:
    tokens = TokenStore.default()
    kept_jobs = tui_home / "data" / KNOWN_JOBS_FILE
    said = exit_messages(app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_account(app, pilot)
        token = tokens.get(None, "seeker")
        assert token is not None
        assert kept_jobs.is_file(), "the landing page was kept for a fast start"
        await pilot.press("o")
        await settle(app, pilot)
        await pilot.press("tab", "enter")  # past Stay, to Sign out
        await settle(app, pilot)
    assert app.return_code == 0
    assert said == ["Signed out of Local demo platform."]
    assert tokens.get(None, "seeker") is None
    assert not kept_jobs.exists(), "the next account here must not see this one's jobs"


async def test_delete_needs_the_right_address_then_erases_everything(
    app: GPSeekerApp, tui_home: Path
) -> None:
    tokens = TokenStore.default()
    drafts = tui_home / "data" / "drafts"
    kept_jobs = tui_home / "data" / KNOWN_JOBS_FILE
    password = ""
    said = exit_messages(app)
    old_token = ""
    async with app.run_test(size=(80, 24)) as pilot:
        await save_profile(app, candidate_profile())
        client = await app.client()
        async with employer(tui_home, "Acme Robotics") as acme:
            await client.apply((await post(acme, "Robot Tamer")).id, ApplicationRequest())
        password = json.loads((tui_home / "local-account.json").read_text())["password"]
        stored = tokens.get(None, "seeker")
        assert stored is not None
        old_token = stored.token
        drafts.mkdir(parents=True)
        (drafts / "note.json").write_text("{}", encoding="utf-8")
        await open_account(app, pilot)
        assert kept_jobs.is_file()
        await pilot.press("d")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, DeleteAccountDialog)
        text = screen_text(app)
        assert "Acme Robotics" in text
        assert "as the law allows" in text

        await pilot.press(*"someone@example.org", "enter")
        await settle(app, pilot)
        assert app.screen is dialog
        assert "Not deleted" in dialog.query_one("#delete-message", SafeText).text
        assert dialog.query_one("#delete-email", Input).value == "someone@example.org"
        assert (await client.me()).email == "you@example.com"  # still there

        dialog.query_one("#delete-email", Input).value = "you@example.com"
        await pilot.press("enter")
        await settle(app, pilot)
        token = tokens.get(None, "seeker")
    assert len(said) == 1 and "you@example.com is erased" in said[0]
    assert "the jobs list kept for a fast start" in said[0]
    assert token is None
    assert not drafts.exists()
    assert not kept_jobs.exists()
    # (local-account.json sits in the embedded home, which the CLI makes the data
    # directory; this fixture keeps them apart, so it is not checked here.)
    # The platform no longer knows the account: its password and its old token fail.
    async with platform(tui_home) as transport:
        with pytest.raises(AuthError):
            await PlatformClient.login(BASE_URL, "you@example.com", password, transport=transport)
        old = PlatformClient(BASE_URL, old_token, transport=transport)
        with pytest.raises(AuthError):
            await old.me()
        await old.aclose()


async def test_delete_with_no_applications_says_so(app: GPSeekerApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await open_account(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        assert "No employer has received an application." in screen_text(app)
        await pilot.press("escape")
        await settle(app, pilot)
        assert isinstance(app.screen, AccountScreen)
