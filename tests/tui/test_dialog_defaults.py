"""Every dialog that can destroy or overwrite something has the safe answer focused:
Enter alone, pressed by habit, changes nothing.

One test per such dialog: the profile editor's stale save, leave and restore questions;
the export's replace; sign out; delete the account; ask an employer to forget; decline
and block. (Withdrawing an application has its own Enter test in test_applications.)
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Input, Static

from gpseeker.app import GPSeekerApp
from gpseeker.client import PlatformClient
from gpseeker.core.models import ApplicationRequest
from gpseeker.local.config import TokenStore
from gpseeker.local.profile_draft import DraftStore, ProfileForm
from gpseeker.screens.account import AccountScreen
from gpseeker.screens.inbox import InboxScreen
from gpseeker.screens.profile import ProfileScreen
from gpseeker.widgets.account_dialogs import DeleteAccountDialog, ExportDialog
from gpseeker.widgets.job_confirm import ConfirmDialog
from gpseeker.widgets.profile_form_dialogs import ChoiceDialog
from gpseeker.widgets.safe_text import SafeText

from .conftest import AppFactory
from .jobs_helpers import post
from .support import candidate_profile, employer, save_profile, settle
from .test_account_screen import documents, open_account
from .test_inbox import invite, make_searchable, open_inbox
from .test_profile import (
    SIZE,
    home,
    notifications,
    open_profile,
    other_device,
    type_into,
    until,
)

# Fixtures, used by name (`documents` is autouse: the export writes to it).
__all__ = ["documents", "home", "other_device"]


def focused_id(app: GPSeekerApp) -> str | None:
    focused = app.screen.focused
    return focused.id if isinstance(focused, Button) else None


# --- the profile editor ---------------------------------------------------------------------


async def test_enter_in_the_stale_save_dialog_decides_later_and_overwrites_nothing(
    make_app: AppFactory, other_device: PlatformClient
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_profile(pilot)
        await type_into(pilot, "#headline", "Mine")
        elsewhere = await other_device.get_profile()
        changed = elsewhere.profile.model_copy(update={"headline": "Theirs"})
        await other_device.put_profile(changed, elsewhere.etag)

        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the question shows")
        assert focused_id(app) == "later"
        await pilot.press("enter")
        await settle(app, pilot)

        assert app.screen is screen
        assert screen.query_one("#headline", Input).value == "Mine"  # the form is kept
        assert "Not saved yet" in notifications(app)
        assert "unsaved changes" in app.sub_title
    assert (await other_device.get_profile()).profile.headline == "Theirs"  # not overwritten


async def test_enter_when_quitting_with_unsaved_changes_keeps_editing(
    make_app: AppFactory, tui_home: Path
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_profile(pilot)
        await type_into(pilot, "#headline", "Half done")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the question shows")
        assert focused_id(app) == "keep"
        await pilot.press("enter")
        await pilot.pause()
        assert app.return_code is None
        assert isinstance(app.screen, ProfileScreen)
        assert app.screen.query_one("#headline", Input).value == "Half done"
    assert DraftStore(tui_home / "data").exists()


async def test_enter_on_the_offered_draft_restores_it_and_discards_nothing(
    make_app: AppFactory, tui_home: Path
) -> None:
    typed = ProfileForm(full_name="Local Candidate", email="you@example.com", headline="Idea")
    DraftStore(tui_home / "data").save(typed, None)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, ChoiceDialog), "the offer shows")
        assert str(app.screen.query_one(".dialog-title", Static).content) == (
            "Unsaved changes found"
        )
        assert focused_id(app) == "restore"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ProfileScreen), "it closes")
        await pilot.pause()
        assert app.screen.query_one("#headline", Input).value == "Idea"
    assert DraftStore(tui_home / "data").exists()


# --- the Account screen ---------------------------------------------------------------------


async def test_enter_twice_never_replaces_an_existing_export(
    app: GPSeekerApp, documents: Path
) -> None:
    existing = documents / "gpseeker-export-2025-06-01.json"
    existing.write_text("old", encoding="utf-8")
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot)
        await pilot.press("e")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)

        await pilot.press("enter", "enter")  # by habit, or a key that bounced
        await settle(app, pilot)
        assert app.screen is dialog
        assert "A file already exists at" in dialog.query_one("#export-message", SafeText).text
        assert existing.read_text(encoding="utf-8") == "old"

        await pilot.press("tab", "enter")  # Replace, chosen on purpose
        await settle(app, pilot)
        assert isinstance(app.screen, AccountScreen)
        assert existing.read_text(encoding="utf-8") != "old"


async def test_enter_when_asked_to_sign_out_stays_signed_in(app: GPSeekerApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot)
        await pilot.press("o")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AccountScreen)
        assert app.return_code is None
    assert TokenStore.default().get(None, "seeker") is not None


async def test_enter_in_the_delete_dialog_deletes_nothing(app: GPSeekerApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_account(app, pilot)
        await pilot.press("d")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, DeleteAccountDialog)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen is dialog
        message = dialog.query_one("#delete-message", SafeText).text
        assert message == "Not deleted: type your e-mail address first."
        assert (await (await app.client()).me()).email == "you@example.com"


async def test_enter_when_asked_to_have_an_employer_forget_sends_nothing(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await save_profile(app, candidate_profile())
        client = await app.client()
        async with employer(tui_home, "Acme Robotics") as acme:
            await client.apply((await post(acme, "Robot Tamer")).id, ApplicationRequest())
        await open_account(app, pilot)
        await pilot.press("2")
        await settle(app, pilot)
        await pilot.press("x")
        await settle(app, pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await settle(app, pilot)
        assert isinstance(app.screen, AccountScreen)
        assert await client.erase_requests() == []
        assert (await client.applications())[0].status == "submitted"


async def test_enter_when_asked_to_decline_and_block_keeps_the_invitation(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Pushy Staffing") as boss:
            await invite(boss, "Urgent!!", "Call us now.")
            await open_inbox(app, pilot)
            await pilot.press("b")
            await settle(app, pilot)
            assert isinstance(app.screen, ConfirmDialog)
            await pilot.press("enter")
            await settle(app, pilot)
            assert isinstance(app.screen, InboxScreen)
            client = await app.client()
            names = [company.name for company in (await client.blocked_companies()).companies]
            assert "Pushy Staffing" not in names
            assert (await boss.search_resumes("payment")).items  # still finds the candidate
            assert await boss.messages() == []
