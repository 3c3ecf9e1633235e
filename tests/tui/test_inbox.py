"""The inbox: invitations arrive, are read, answered, declined, blocked, applied to.

Every invitation is sent the way a real employer sends one: an employer account on
the same platform (support.employer) finds the SEARCHABLE candidate in the resume
bank by keyword and invites them under its own reference. What the candidate sends
back is checked on the employer's side (employer.messages()), so the tests hold the
relay to what it promises: the text arrives, contact details only when ticked.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, TextArea

from gpseeker import app as app_module
from gpseeker.app import GPSeekerApp
from gpseeker.client import EmployerClient
from gpseeker.core.models import DeclineRequest, InvitationRequest, SentInvitation, Visibility
from gpseeker.local_platform.in_process import database_url
from gpseeker.screens.apply_dialog import ApplyDialog
from gpseeker.screens.inbox import InboxScreen
from gpseeker.screens.jobs import JobsScreen
from gpseeker.widgets.inbox_decline import DeclineDialog
from gpseeker.widgets.inbox_message import WARNING_HEADING
from gpseeker.widgets.inbox_reply import ReplyDialog
from gpseeker.widgets.job_confirm import ConfirmDialog
from gpseeker.widgets.safe_text import SafeText
from gpseeker.widgets.send_check_panel import SendCheckPanel
from tests.planted import plant_database, stand_in

from .conftest import AppFactory
from .jobs_helpers import post
from .support import (
    CANDIDATE_PHONE,
    candidate_profile,
    employer,
    save_profile,
    screen_output,
    screen_text,
    settle,
)
from .test_safe_text_bytes import HOSTILE, LITERAL, assert_nothing_hostile

SCAM_BODY = "Contact me on WhatsApp +81 90 1234 5678, deposit required"


async def make_searchable(app: GPSeekerApp) -> None:
    """The fixed profile, saved and SEARCHABLE, so employers can find it by keyword."""
    await save_profile(app, candidate_profile())
    client = await app.client()
    app.state.set_visibility(await client.set_visibility(Visibility(resume="searchable")))


async def invite(
    boss: EmployerClient, subject: str, body: str, job_id: int | None = None
) -> SentInvitation:
    """Find the candidate by a word of their summary and invite them."""
    hits = (await boss.search_resumes("payment")).items
    assert hits, "the searchable candidate is not in the resume bank"
    request = InvitationRequest(subject=subject, body=body, job_id=job_id)
    return await boss.invite(hits[0].candidate_ref, request)


async def open_inbox(app: GPSeekerApp, pilot: Pilot[None]) -> InboxScreen:
    """Poll the count now (instead of waiting for the timer), then open the inbox."""
    app.refresh_unread()
    await settle(app, pilot)
    await pilot.press("f4")
    await settle(app, pilot)
    screen = app.screen
    assert isinstance(screen, InboxScreen)
    return screen


async def test_a_new_invitation_raises_the_header_count_on_another_screen(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        assert isinstance(app.screen, JobsScreen)
        assert "unread" not in app.sub_title
        async with employer(tui_home, "Kaizen Robotics") as boss:
            await invite(boss, "Backend role in Osaka", "We liked your profile.")
            await invite(boss, "Another role", "A second opening.")
        app.refresh_unread()  # what the poll timer does every UNREAD_POLL_SECONDS
        await settle(app, pilot)
        assert isinstance(app.screen, JobsScreen)
        assert app.sub_title.endswith("· 2 unread")
        assert "2 unread" in screen_text(app).splitlines()[0]


async def test_the_poll_timer_updates_the_count_by_itself(
    make_app: AppFactory, tui_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(app_module, "UNREAD_POLL_SECONDS", 0.05)
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen Robotics") as boss:
            await invite(boss, "Backend role in Osaka", "We liked your profile.")
        for _ in range(40):
            await pilot.pause(0.05)
            if app.unread == 1:
                break
        assert "· 1 unread" in app.sub_title


async def test_reading_marks_read_and_lowers_the_count(app: GPSeekerApp, tui_home: Path) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen Robotics") as boss:
            await invite(boss, "Backend role in Osaka", "We liked your payment APIs.")
        inbox = await open_inbox(app, pilot)
        assert "1 unread" in app.sub_title
        assert "Unread" in screen_text(app)  # in words, on the row
        await pilot.press("enter")
        await settle(app, pilot)
        assert inbox.has_class("-reading")
        assert "We liked your payment APIs." in screen_text(app)
        assert inbox.invitations[0].read
        assert "unread" not in app.sub_title
        await pilot.press("escape")
        await settle(app, pilot)
        assert "Unread" not in screen_text(app)


async def test_reply_reaches_the_employer_without_contact_details(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen Robotics") as boss:
            sent = await invite(boss, "Backend role", "Interested?")
            await open_inbox(app, pilot)
            await pilot.press("r")
            await settle(app, pilot)
            dialog = app.screen
            assert isinstance(dialog, ReplyDialog)
            assert not dialog.query_one("#reply-share-email", Checkbox).value
            assert not dialog.query_one("#reply-share-phone", Checkbox).value
            assert "disclosure" in screen_text(app)
            dialog.query_one(TextArea).insert("Yes, happy to talk next week.")
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert isinstance(app.screen, InboxScreen)
            assert "Replied" in screen_text(app)
            messages = await boss.messages()
        assert [m.invitation_id for m in messages] == [sent.id]
        assert messages[0].kind == "reply"
        assert messages[0].body == "Yes, happy to talk next week."
        assert messages[0].shared_email is None
        assert messages[0].shared_phone is None
        assert "you@example.com" not in messages[0].model_dump_json()


async def test_reply_sharing_the_email_carries_it(app: GPSeekerApp, tui_home: Path) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen Robotics") as boss:
            await invite(boss, "Backend role", "Interested?")
            await open_inbox(app, pilot)
            await pilot.press("r")
            await settle(app, pilot)
            dialog = app.screen
            assert isinstance(dialog, ReplyDialog)
            dialog.query_one(TextArea).insert("Write to me directly.")
            dialog.query_one("#reply-share-email", Checkbox).value = True
            await pilot.click("#reply-send")
            await settle(app, pilot)
            messages = await boss.messages()
        assert messages[0].shared_email == "you@example.com"
        assert messages[0].shared_phone is None


async def test_the_reply_is_a_draft_until_sent(app: GPSeekerApp, tui_home: Path) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen Robotics") as boss:
            sent = await invite(boss, "Backend role", "Interested?")
        inbox = await open_inbox(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ReplyDialog)
        dialog.query_one(TextArea).insert("Half a thought")
        await pilot.press("escape")  # cancel keeps the draft
        await settle(app, pilot)
        draft = app.data_dir / "drafts" / "replies" / f"{sent.id}.txt"
        assert draft.read_text("utf-8") == "Half a thought"
        assert stat.S_IMODE(draft.stat().st_mode) == 0o600
        inbox._drafts = None  # as after a restart: only the file is left
        await pilot.press("r")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ReplyDialog)
        assert dialog.query_one(TextArea).text == "Half a thought"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not draft.exists()


async def test_decline_with_a_reason(app: GPSeekerApp, tui_home: Path) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen Robotics") as boss:
            await invite(boss, "Backend role", "Interested?")
            await open_inbox(app, pilot)
            await pilot.press("d")
            await settle(app, pilot)
            dialog = app.screen
            assert isinstance(dialog, DeclineDialog)
            dialog.query_one(Input).value = "Not moving this year"
            await pilot.press("enter")
            await settle(app, pilot)
            assert isinstance(app.screen, InboxScreen)
            assert "Declined" in screen_text(app)
            messages = await boss.messages()
        assert messages[0].kind == "declined"
        assert "Not moving this year" in messages[0].body


async def test_decline_and_block_hides_the_candidate_from_that_company(
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
            dialog = app.screen
            assert isinstance(dialog, ConfirmDialog)
            question = dialog.query_one("#confirm-question", SafeText).text
            assert question == (
                "Decline and block Pushy Staffing? They will never find you in the resume "
                "bank again."
            )
            await pilot.click("#confirm-yes")
            await settle(app, pilot)
            assert "Declined" in screen_text(app)
            client = await app.client()
            names = [company.name for company in (await client.blocked_companies()).companies]
            assert "Pushy Staffing" in names
            assert (await boss.search_resumes("payment")).items == []


async def test_apply_from_an_invitation_opens_the_dialog_for_its_job(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen Robotics") as boss:
            job = await post(boss, "Payments engineer")
            await invite(boss, "Our payments team", "See the job attached.", job.id)
        await open_inbox(app, pilot)
        assert "press a" in screen_text(app)
        await pilot.press("a")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ApplyDialog)
        assert dialog.job.id == job.id
        assert "Apply to Payments engineer at Kaizen Robotics" in screen_text(app)


async def test_apply_without_a_job_says_so(app: GPSeekerApp, tui_home: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen Robotics") as boss:
            await invite(boss, "Just saying hello", "No job yet.")
        inbox = await open_inbox(app, pilot)
        await pilot.press("a")
        await settle(app, pilot)
        assert app.screen is inbox
        assert any("no job attached" in str(n.message) for n in app._notifications)


async def test_a_triage_warning_shows_in_words(app: GPSeekerApp, tui_home: Path) -> None:
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Quick Cash Jobs") as boss:
            await invite(boss, "You are hired", SCAM_BODY)
        inbox = await open_inbox(app, pilot)
        invitation = inbox.invitations[0]
        assert invitation.warnings
        text = screen_text(app)
        assert "Be careful" in text.split(WARNING_HEADING)[0]  # the list row says it too
        assert WARNING_HEADING in text
        flat = " ".join(text.split())
        for warning in invitation.warnings:
            assert " ".join(warning.message.split())[:30] in flat


async def test_hostile_employer_text_is_shown_literally(app: GPSeekerApp, tui_home: Path) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        company = HOSTILE.replace("EVIL", "ROGUE")
        # Planted in the store: the platform refuses ESC in a request (tests/planted.py).
        async with employer(tui_home, stand_in(company)) as boss:
            await invite(boss, stand_in(HOSTILE), stand_in(HOSTILE))
        await plant_database(database_url(tui_home))
        inbox = await open_inbox(app, pilot)
        await pilot.press("enter")
        await settle(app, pilot)
        assert_nothing_hostile(screen_text(app))
        assert_nothing_hostile(screen_output(app))
        shown = inbox.view.text
        assert LITERAL in shown
        assert LITERAL.replace("EVIL", "ROGUE") in shown
        assert app.is_running  # [@click=app.quit] did nothing


async def test_turning_searchable_brings_the_demo_invitations(
    app: GPSeekerApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The local platform's demo employers invite a moment after the switch; the app
    learns of it by its unread poll (hurried here), as of any invitation."""
    monkeypatch.setattr("gpseeker.local_platform.demo.DEMO_DELAY", 0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(app, pilot)
        await save_profile(app, candidate_profile())
        await pilot.press("f6")
        await settle(app, pilot)
        await pilot.press("s")
        await settle(app, pilot)
        await pilot.press("f2")  # the invitations arrive while the candidate is elsewhere
        for _ in range(100):
            await pilot.pause(0.1)
            app.refresh_unread()  # what the poll does every UNREAD_POLL_SECONDS
            await settle(app, pilot)
            if app.unread:
                break
        assert app.unread is not None and app.unread >= 1
        assert f"· {app.unread} unread" in app.sub_title
        inbox = await open_inbox(app, pilot)
        assert inbox.invitations
        assert all(not item.warnings for item in inbox.invitations)  # demo employers are honest


async def test_a_reply_refused_because_it_was_already_answered_keeps_the_text(
    app: GPSeekerApp, tui_home: Path
) -> None:
    """Answered meanwhile elsewhere (another terminal, the plain command): the dialog
    says so and nothing the candidate typed is lost."""
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen Robotics") as boss:
            sent = await invite(boss, "Backend role", "Interested?")
        await open_inbox(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        dialog = app.screen
        assert isinstance(dialog, ReplyDialog)
        dialog.query_one(TextArea).insert("A long and careful answer")
        client = await app.client()
        await client.decline(sent.id, DeclineRequest(reason="from the other terminal"))
        await pilot.click("#reply-send")
        await settle(app, pilot)
        assert app.screen is dialog  # still open
        assert dialog.query_one(TextArea).text == "A long and careful answer"
        assert "already" in screen_text(app).lower()


# --- the send-check: what the leak guard hides, shown before the reply goes --------------


async def test_a_reply_with_the_phone_number_is_checked_before_it_is_sent(
    app: GPSeekerApp, tui_home: Path
) -> None:
    """Ctrl+S shows the reply as the employer will receive it and why each part is
    hidden; nothing is sent. Esc ("Edit") goes back to the text as written; "Send as
    shown" sends the masked text and nothing else."""
    written = f"Happy to talk. Call me on {CANDIDATE_PHONE} after six."
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen Robotics") as boss:
            sent = await invite(boss, "Backend role", "Interested?")
            await open_inbox(app, pilot)
            await pilot.press("r")
            await settle(app, pilot)
            dialog = app.screen
            assert isinstance(dialog, ReplyDialog)
            dialog.query_one(TextArea).insert(written)
            await pilot.press("ctrl+s")
            await settle(app, pilot)

            assert app.screen is dialog  # not sent yet
            check = dialog.query_one(SendCheckPanel)
            assert check.display and not dialog.query_one(TextArea).display
            assert "Happy to talk. Call me on [hidden] after six." in check.shown
            assert "contains your phone number" in check.shown
            assert CANDIDATE_PHONE not in screen_text(app)
            assert "Send as shown" in screen_text(app) and "Edit" in screen_text(app)
            assert await boss.messages() == []
            # While the check shows, its keys are the dialog's keys (what a key list
            # reads), in place of Send and Cancel.
            active = {key: item.binding.description for key, item in dialog.active_bindings.items()}
            assert active["ctrl+s"] == "Send as shown"
            assert active["escape"] == "Edit"

            await pilot.press("escape")  # Edit: back to the text, as written
            await settle(app, pilot)
            assert app.screen is dialog
            assert not check.display
            assert dialog.query_one(TextArea).text == written
            assert dialog.query_one(TextArea).has_focus
            active = {key: item.binding.description for key, item in dialog.active_bindings.items()}
            assert active["ctrl+s"] == "Send"
            assert active["escape"] == "Cancel (keeps the draft)"
            assert await boss.messages() == []

            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert check.display
            await pilot.click("#reply-send-as-shown")
            await settle(app, pilot)
            assert isinstance(app.screen, InboxScreen)
            messages = await boss.messages()
        assert [m.invitation_id for m in messages] == [sent.id]
        assert messages[0].body == "Happy to talk. Call me on [hidden] after six."
        assert messages[0].shared_phone is None
        assert not (app.data_dir / "drafts" / "replies" / f"{sent.id}.txt").exists()


async def test_a_reply_the_guard_leaves_alone_goes_at_once(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen Robotics") as boss:
            await invite(boss, "Backend role", "Interested?")
            await open_inbox(app, pilot)
            await pilot.press("r")
            await settle(app, pilot)
            app.screen.query_one(TextArea).insert("Tuesday at ten works for me.")
            await pilot.press("ctrl+s")
            await settle(app, pilot)
            assert isinstance(app.screen, InboxScreen)  # no check in between
            [message] = await boss.messages()
        assert message.body == "Tuesday at ten works for me."
