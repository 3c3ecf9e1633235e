"""Who wrote, and telling the platform: the verified mark, reports, suspended senders.

Every sender is an organisation the platform's operator verified (support.employer
signs the employer up on its own domain and has the operator verify it, here under a
legal name that differs from what the account typed). The candidate sees that legal
name, marked in words; reports an invitation with `!` or from the palette; sees the
report's state; and is told plainly when the platform has suspended a sender. What
reaches the operator is checked on the operator's side (support.operator).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import TextArea

from gpseeker.app import GPSeekerApp
from gpseeker.client import Unavailable
from gpseeker.screens.help import HelpScreen
from gpseeker.screens.inbox import InboxScreen
from gpseeker.widgets.inbox_message import NO_REPLY, SUSPENDED_HEADING
from gpseeker.widgets.inbox_reply import ReplyDialog
from gpseeker.widgets.inbox_report import ALREADY_REPORTED, ReportDialog
from gpseeker.widgets.safe_text import SafeText

from .support import employer, operator, screen_text, settle, suspend
from .test_inbox import invite, make_searchable, open_inbox
from .test_privacy import type_text

LEGAL = "Kaizen Robotics K.K."
VERIFIED = f"{LEGAL} (verified by the platform)"
SUSPENDED = f"{LEGAL} (suspended by the platform)"
REASON = "They asked me to pay a training fee before the interview."


def notifications(app: GPSeekerApp) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def report_dialog(app: GPSeekerApp) -> ReportDialog:
    dialog = app.screen
    assert isinstance(dialog, ReportDialog)
    return dialog


def on_top(app: GPSeekerApp) -> object:
    """The screen in front (typed loosely: a test compares it with several kinds)."""
    return app.screen


async def test_the_sender_is_the_verified_legal_name_marked_in_words(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen", legal_name=LEGAL) as boss:
            await invite(boss, "Backend role in Osaka", "We liked your profile.")
        inbox = await open_inbox(app, pilot)
        assert inbox.invitations[0].employer_name == LEGAL  # never the typed "Kaizen"
        rows = screen_text(app)
        assert f"  {VERIFIED} · 2025-06-01 12:00" in rows
        assert "! Report" in rows.splitlines()[-1]  # the key, in the footer
        await pilot.press("enter")
        await settle(app, pilot)
        assert f"From: {VERIFIED}" in inbox.view.text
        assert f"From: {VERIFIED}" in screen_text(app)


async def test_report_with_the_key_reaches_the_operator_and_shows_its_state(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen", legal_name=LEGAL) as boss:
            sent = await invite(boss, "Training fee first", "Pay 30,000 yen to start.")
        inbox = await open_inbox(app, pilot)
        await pilot.press("exclamation_mark")
        await settle(app, pilot)
        dialog = await report_dialog(app)
        assert f"from {VERIFIED}" in dialog.query_one("#report-title", SafeText).text
        dialog.query_one(TextArea).insert(REASON)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert on_top(app) is inbox
        report = inbox.invitations[0].report
        assert report is not None and report.state == "open"
        shown = inbox.view.text
        assert "Reported to the platform on 2025-06-01: open" in shown
        assert REASON in shown
        # The row says it too (and the triage's "Be careful": a fee asked up front).
        assert "Reported Be careful Training fee first" in screen_text(app)
        async with operator(tui_home) as checker:
            queue = await checker.reports("open")
        assert [(item.invitation_id, item.reason) for item in queue] == [(sent.id, REASON)]
        assert queue[0].organisation.legal_name == LEGAL

        # Once reported, `!` says so instead of asking again.
        await pilot.press("exclamation_mark")
        await settle(app, pilot)
        assert on_top(app) is inbox
        assert "You have already reported this invitation." in notifications(app)

        # The operator closes it; the candidate sees the state and the answer.
        async with operator(tui_home) as checker:
            await checker.close_report(queue[0].id, "resolved", "We suspended the sender.")
        inbox.load()
        await settle(app, pilot)
        shown = inbox.view.text
        assert "Reported to the platform on 2025-06-01: resolved" in shown
        assert "We suspended the sender." in shown


async def test_report_from_the_command_palette(app: GPSeekerApp, tui_home: Path) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen", legal_name=LEGAL) as boss:
            await invite(boss, "Backend role", "Interested?")
        await open_inbox(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "Report this invitation")
        await pilot.pause(0.3)
        assert "Inbox: Report (!)" in screen_text(app)
        assert "Report this invitation to the platform" in screen_text(app)
        await pilot.press("enter")
        await settle(app, pilot)
        dialog = await report_dialog(app)
        dialog.query_one(TextArea).insert(REASON)
        await pilot.click("#report-send")
        await settle(app, pilot)
        inbox = app.screen
        assert isinstance(inbox, InboxScreen)
        assert "Reported to the platform on 2025-06-01: open" in inbox.view.text


async def test_a_second_report_is_refused_and_the_reason_is_kept(
    app: GPSeekerApp, tui_home: Path
) -> None:
    """Reported meanwhile elsewhere (the plain command): the dialog says so, keeps the
    words, and once closed the inbox shows that report."""
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen", legal_name=LEGAL) as boss:
            sent = await invite(boss, "Backend role", "Interested?")
        inbox = await open_inbox(app, pilot)
        await pilot.press("exclamation_mark")
        await settle(app, pilot)
        dialog = await report_dialog(app)
        dialog.query_one(TextArea).insert("A second, longer account of it")
        await (await app.client()).report_invitation(sent.id, "from the other terminal")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert on_top(app) is dialog
        assert dialog.query_one("#report-message", SafeText).text == ALREADY_REPORTED
        assert dialog.reason == "A second, longer account of it"
        await pilot.press("escape")
        await settle(app, pilot)
        assert on_top(app) is inbox
        assert "from the other terminal" in inbox.view.text
        assert "Reported to the platform on 2025-06-01: open" in inbox.view.text


async def test_a_failed_report_keeps_the_reason_even_after_escape(
    app: GPSeekerApp, tui_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen", legal_name=LEGAL) as boss:
            await invite(boss, "Backend role", "Interested?")
        inbox = await open_inbox(app, pilot)
        client = await app.client()

        async def unreachable(*_: object) -> None:
            raise Unavailable("the platform is not answering")

        monkeypatch.setattr(client, "report_invitation", unreachable)
        await pilot.press("exclamation_mark")
        await settle(app, pilot)
        dialog = await report_dialog(app)
        dialog.query_one(TextArea).insert(REASON)
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert on_top(app) is dialog
        message = dialog.query_one("#report-message", SafeText).text
        assert "the platform is not answering" in message
        assert "Your words are kept" in message
        await pilot.press("escape")
        await settle(app, pilot)
        monkeypatch.undo()
        await pilot.press("exclamation_mark")
        await settle(app, pilot)
        dialog = await report_dialog(app)
        assert dialog.reason == REASON
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert on_top(app) is inbox
        assert inbox.invitations[0].report is not None


async def test_a_suspended_sender_is_marked_and_not_replied_to(
    app: GPSeekerApp, tui_home: Path
) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen", legal_name=LEGAL) as boss:
            await invite(boss, "Backend role", "Send your bank card details.")
            await suspend(tui_home, boss, "fake recruiter")
        inbox = await open_inbox(app, pilot)
        rows = screen_text(app)
        assert "Sender suspended" in rows
        assert f"  {SUSPENDED} · 2025-06-01 12:00" in rows
        await pilot.press("enter")
        await settle(app, pilot)
        shown = inbox.view.text
        assert f"From: {SUSPENDED}" in shown
        assert SUSPENDED_HEADING in shown
        assert "Replying is not possible" in shown
        await pilot.press("r")
        await settle(app, pilot)
        assert on_top(app) is inbox  # no dialog to type into for nothing
        assert NO_REPLY in notifications(app)


async def test_a_reply_refused_because_the_sender_was_suspended_keeps_the_text(
    app: GPSeekerApp, tui_home: Path
) -> None:
    """Suspended while the candidate was typing: the platform's sentence is shown, the
    text stays, and after Esc the inbox shows the sender as suspended."""
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(app, pilot)
        await make_searchable(app)
        async with employer(tui_home, "Kaizen", legal_name=LEGAL) as boss:
            await invite(boss, "Backend role", "Interested?")
            inbox = await open_inbox(app, pilot)
            await pilot.press("r")
            await settle(app, pilot)
            dialog = on_top(app)
            assert isinstance(dialog, ReplyDialog)
            dialog.query_one(TextArea).insert("Happy to talk on Tuesday")
            await suspend(tui_home, boss, "fake recruiter")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert on_top(app) is dialog
        assert dialog.text == "Happy to talk on Tuesday"
        message = dialog.query_one("#reply-message", SafeText).text
        assert f"The platform has suspended {LEGAL}" in message
        assert "Your text is kept." in message
        await pilot.press("escape")
        await settle(app, pilot)
        assert on_top(app) is inbox
        assert inbox.invitations[0].employer_status == "suspended"
        assert SUSPENDED_HEADING in inbox.view.text


async def test_f1_lists_the_report_key(app: GPSeekerApp) -> None:
    async with app.run_test(size=(100, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("f4")
        await settle(app, pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(on_top(app), HelpScreen)
        lines = screen_text(app).splitlines()
        # "!  Report": the key as typed, not "Exclamation_mark".
        assert any("!" in line.split() and "Report" in line.split() for line in lines), lines
